/**
 * `npm run reach -- --dry-run`: the contacts of open rounds the bot cannot message yet (never opened
 * it), each with the outcome of the last reach attempt; writes nothing and calls nothing outside Cosmos.
 *
 * Without --dry-run: one real run, as POST /api/jobs/reach and the opt-in schedule do: for each of them
 * install the app through Microsoft Graph (TEAMS_APP_CATALOG_ID; token from DefaultAzureCredential:
 * AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET locally, the managed identity in Azure), open the
 * personal chat (createConversation at TEAMS_SERVICE_URL) and store it, recording every step.
 */
import { parseArgs } from "node:util";
import { TeamsConversationOpener } from "../bot/conversation-opener.ts";
import { createAdapter } from "../bot/server.ts";
import { createApp } from "../src/app.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { GraphClient } from "../src/people/graph-client.ts";
import { ReachService } from "../src/people/reach-service.ts";
import { ReachRepo } from "../src/storage/reach-repo.ts";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const dryRun = values["dry-run"] === true;
  if (!dryRun && config.reach.teamsAppCatalogId === undefined) {
    console.error(
      "TEAMS_APP_CATALOG_ID is not set: the app's id in the Teams app catalog (see infra/README.md).",
    );
    process.exit(1);
  }
  const adapter = createAdapter(config, log);
  const app = await createApp(config, log, {
    opener: new TeamsConversationOpener(adapter, config.bot.appId ?? "", config.reach.serviceUrl),
  });
  try {
    if (!dryRun) {
      if (app.reach === undefined) throw new Error("reach is not configured");
      console.log(JSON.stringify(await app.reach.run(), null, 2));
      return;
    }
    const records = new ReachRepo(app.store.containers.people);
    const planner = new ReachService({
      rounds: app.repos.rounds,
      reports: app.repos.reports,
      people: app.repos.people,
      store: records,
      // Not called in a dry run.
      graph: new GraphClient(config.reach.graphBaseUrl, async () => ""),
      opener: { openPersonal: async () => ({ ok: false, code: "DryRun" }) },
      appCatalogId: config.reach.teamsAppCatalogId ?? "",
      tenantId: config.bot.tenantId ?? "",
      clock: app.clock,
      log,
    });
    const list = await planner.candidates();
    console.log(`Reach, dry run: ${list.length} contact(s) the bot cannot message yet`);
    console.log(
      config.reach.enabled
        ? "REACH_CONTACTS=on: the job runs every 6 hours."
        : "REACH_CONTACTS=off: only by hand.",
    );
    for (const c of list) {
      const last = await planner.lastAttempt(c);
      const outcome =
        last === undefined
          ? "not tried yet"
          : last.outcome === "reached"
            ? `reached ${last.at}`
            : `failed at ${last.failedStep} ${last.at}: ${last.steps.map((s) => `${s.step} ${s.outcome}${s.status ? ` ${s.status}` : ""}${s.code ? ` ${s.code}` : ""}`).join(", ")}`;
      console.log(
        `  ${c.name} <${c.email}>  reports ${c.reportIds.join(", ")}  -> would install + open chat; last: ${outcome}`,
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
