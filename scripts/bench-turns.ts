/**
 * `npm run bench:turns [-- --contacts 200]`: N contact persons (default 200) each complete a whole
 * 2024/2025 report at the same time by POSTing activities to the real bot's /api/messages, and the
 * same load is driven against a bare botbuilder echo bot (test/support/echo-bot.ts) for comparison.
 *
 *   phase A  every contact says "hei" (message; the bot greets with a card through the connector)
 *   phase B  every contact opens the report, saves each of the 6 sections ("next", revision and base
 *            from the card the bot returned) and sends it (8 answer steps, invokes answered in place)
 *
 * Processes: the local Cosmos server (src/storage/local-cosmos-main.ts), the bot (bot/index.ts) and
 * the echo bot each run in their own node process, so the CPU time read from /proc/<pid>/stat is theirs
 * alone. This process holds the load generator, the loopback Bot Connector and a pass-through Cosmos
 * proxy (test/support/cosmos-fault-proxy.ts) that counts the bot's Cosmos requests per step.
 *
 * Both bots run with V8's sampling profiler (--cpu-prof, same overhead for both); after the tables the
 * bench prints the top five cost centres of an answer step (phase B) of each (bench-support/cost-centres.ts).
 *
 * Options: --contacts N (200), --warmup N (20 contacts before measuring), --echo-card-bytes B (16384),
 *          --profile DIR (keep the V8 CPU profiles there and also print the top functions of each),
 *          --no-profile (no profiler at all: CPU figures without its overhead, no cost centres),
 *          --bot-root DIR (run bot/index.ts from another copy of the tree, for experiments),
 *          --tsx (run both bots' TypeScript through tsx instead of compiling them first with tsc as
 *          `npm run build` does for the deployed app; tsx's per-function __name wrapper and source
 *          maps cost the product's own code, hardly the echo bot's),
 *          --node-flags "F ..." (the product bot's node flags instead of those of `npm start`, which it
 *          runs with by default, as App Service does; "" for none; write --node-flags=--x=1),
 *          --echo-node-flags "F ..." (the echo bot's, default none: a bare bot on node's defaults),
 *          --no-echo, --json FILE (write every figure as JSON).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getForm, loadForms } from "../src/questionnaire/form.ts";
import { openCosmos } from "../src/storage/cosmos.ts";
import { ReportRepo } from "../src/storage/report-repo.ts";
import { RoundRepo } from "../src/storage/round-repo.ts";
import { startCosmosFaultProxy } from "../test/support/cosmos-fault-proxy.ts";
import { startLoopbackConnector } from "../test/support/loopback-connector.ts";
import { freePort } from "../test/support/ports.ts";
import { messageActivity } from "./bench-support/activities.ts";
import { attributeCosmos } from "./bench-support/attribution.ts";
import { ActivityClient } from "./bench-support/client.ts";
import { type CostCentres, costCentres, formatCostCentres } from "./bench-support/cost-centres.ts";
import { type PhaseResult, printReport } from "./bench-support/print.ts";
import {
  type BotChild,
  buildTree,
  clkTck,
  cpuMs,
  rssMb,
  startBotProcess,
  startCosmosProcess,
  startEchoProcess,
  startFlags,
} from "./bench-support/processes.ts";
import { monotonicUs, summarizeProfile } from "./bench-support/profile-summary.ts";
import {
  type BenchContact,
  benchContact,
  benchReport,
  benchRound,
  greet,
  HEI,
  type Progress,
  type StepRecord,
  stepNames,
  walkEcho,
  walkReport,
} from "./bench-support/report-walk.ts";

const FORM_ID = "dekom-2024-2025";
const ROUND_ID = "bench-2025";
const DATABASE = "bench";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "echo-card-bytes": { type: "string", default: "16384" },
    profile: { type: "string" },
    "no-profile": { type: "boolean", default: false },
    "bot-root": { type: "string" },
    "no-echo": { type: "boolean", default: false },
    tsx: { type: "boolean", default: false },
    "node-flags": { type: "string" },
    "echo-node-flags": { type: "string", default: "" },
    json: { type: "string" },
  },
});
const N = Number(args.contacts);
const WARMUP = Number(args.warmup);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(WARMUP) || WARMUP < 0) {
  console.error("--contacts and --warmup must be whole numbers (contacts >= 1)");
  process.exit(2);
}

/** Runs `work` and measures wall time and the CPU time of the bot (and the Cosmos server). */
async function phase(
  bot: BotChild,
  cosmosPid: number | undefined,
  work: (record: (r: StepRecord) => void) => Promise<unknown>,
): Promise<PhaseResult> {
  const records: StepRecord[] = [];
  const cpu0 = cpuMs(bot.pid);
  const db0 = cosmosPid === undefined ? 0 : cpuMs(cosmosPid);
  const fromUs = monotonicUs();
  const t0 = performance.now();
  await work((r) => records.push(r));
  const wallMs = performance.now() - t0;
  return {
    records,
    window: { fromUs, toUs: monotonicUs() },
    wallMs,
    botCpuMs: cpuMs(bot.pid) - cpu0,
    cosmosCpuMs: cosmosPid === undefined ? 0 : cpuMs(cosmosPid) - db0,
    turns: records.length,
  };
}

async function main(): Promise<void> {
  const form = getForm(loadForms(), FORM_ID);
  const steps = stepNames(form);
  const profileDir = args["no-profile"]
    ? undefined
    : (args.profile ?? mkdtempSync(join(tmpdir(), "bench-turns-prof-")));
  const profArgs = (name: string) =>
    profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-name", `${name}.cpuprofile`] : [];
  const cpuModel = cpus()[0]?.model ?? "unknown CPU";
  const built = args.tsx ? undefined : buildTree(args["bot-root"]);
  console.log(
    `bench:turns: ${N} contacts x (1 message + ${steps.answers.length} answer steps), warm-up ${WARMUP} contacts`,
  );
  console.log(
    `machine: ${cpus().length} x ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, CLK_TCK ${clkTck()}`,
  );
  console.log(
    `bots run ${built ? "compiled by tsc as deployed (node dist/bot/index.js)" : "through tsx (--tsx)"}; ` +
      `product bot's node flags: ${(args["node-flags"]?.split(" ").filter(Boolean) ?? startFlags(args["bot-root"])).join(" ") || "none"}, echo bot's: ${args["echo-node-flags"] || "none"}\n`,
  );

  const cosmos = await startCosmosProcess({ database: DATABASE });
  const store = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: DATABASE });
  const proxy = await startCosmosFaultProxy({ target: cosmos.endpoint, keepAliveTimeoutMs: 120_000 });
  const connector = await startLoopbackConnector();
  const children: BotChild[] = [];
  try {
    // Seed directly through the SDK (not through the counting proxy).
    const contacts = Array.from({ length: N }, (_, i) => benchContact(i, ROUND_ID));
    const warm = Array.from({ length: WARMUP }, (_, i) => benchContact(i, ROUND_ID, "warm"));
    const reports = new ReportRepo(store.containers.reports);
    await new RoundRepo(store.containers.rounds).upsert(benchRound(ROUND_ID, FORM_ID));
    /** Walks alone after the measured phases, for exact Cosmos requests per step. */
    const solo = benchContact(0, ROUND_ID, "solo");
    const all = [...warm, ...contacts, solo];
    for (let i = 0; i < all.length; i += 16) {
      await Promise.all(all.slice(i, i + 16).map((c) => reports.upsert(benchReport(c, FORM_ID))));
    }

    // --- the product ---------------------------------------------------------------------------
    const bot = await startBotProcess({
      port: await freePort(),
      env: {
        COSMOS_ENDPOINT: proxy.url,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: DATABASE,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
      },
      ...(args["bot-root"] ? { root: args["bot-root"] } : {}),
      ...(built ? { built } : {}),
      ...(args["node-flags"] !== undefined
        ? { nodeFlags: args["node-flags"].split(" ").filter(Boolean) }
        : {}),
      nodeArgs: profArgs("bot"),
    });
    children.push(bot);
    const client = new ActivityClient(`${bot.url}/api/messages`, { maxSockets: N + WARMUP });
    const attribution = attributeCosmos(proxy, contacts);

    await Promise.all(
      warm.map(async (c) => {
        await greet(client, connector.url, c, () => undefined);
        await walkReport(client, connector.url, c, form, () => undefined);
      }),
    );
    attribution.reset();
    const rss0 = rssMb(bot.pid);
    attribution.setPhase("phase A");
    const botA = await phase(bot, cosmos.pid, (record) =>
      Promise.all(contacts.map((c) => greet(client, connector.url, c, record, attribution.progress(c)))),
    );
    attribution.setPhase("phase B");
    const botB = await phase(bot, cosmos.pid, (record) =>
      Promise.all(
        contacts.map((c) => walkReport(client, connector.url, c, form, record, attribution.progress(c))),
      ),
    );
    const rss1 = rssMb(bot.pid);
    const soloProgress: Progress = { step: undefined };
    attribution.setSolo(soloProgress);
    await greet(client, connector.url, solo, () => undefined, soloProgress);
    await walkReport(client, connector.url, solo, form, () => undefined, soloProgress);
    attribution.setSolo(undefined);
    client.close();
    await bot.stop();
    const botErrors = bot
      .output()
      .split("\n")
      .filter((l) => /"level":(50|60)/.test(l));
    if (botErrors.length > 0) {
      console.log(`The bot logged ${botErrors.length} errors; the first ones:`);
      for (const l of botErrors.slice(0, 3)) console.log(`  ${l.slice(0, 400)}`);
    }

    // Every report must be stored as submitted, with every answer of the walk (one revision per saved
    // page, one for the submit), and with its own receipt number.
    const stateErrors: string[] = [];
    const savedPages = steps.answers.length - 2;
    const receipts = new Set<string>();
    for (const c of contacts) {
      const doc = (await reports.get(ROUND_ID, c.reportId))?.doc;
      if (doc?.receipt !== undefined) {
        if (receipts.has(doc.receipt)) stateErrors.push(`${c.reportId}: receipt ${doc.receipt} given twice`);
        receipts.add(doc.receipt);
      }
      if (doc?.status !== "submitted" || doc.revision !== savedPages + 1)
        stateErrors.push(`${c.reportId}: status ${doc?.status}, revision ${doc?.revision}`);
    }

    // --- the echo baseline -----------------------------------------------------------------------
    let echoA: PhaseResult | undefined;
    let echoB: PhaseResult | undefined;
    if (!args["no-echo"]) {
      const echo = await startEchoProcess({
        cardBytes: Number(args["echo-card-bytes"]),
        nodeArgs: [...args["echo-node-flags"].split(" ").filter(Boolean), ...profArgs("echo")],
        ...(built ? { built } : {}),
      });
      children.push(echo);
      const echoClient = new ActivityClient(`${echo.url}/api/messages`, { maxSockets: N + WARMUP });
      const echoGreet = (c: BenchContact, record: (r: StepRecord) => void) =>
        echoClient.post(messageActivity(connector.url, c.user, "hei")).then((r) =>
          record({
            step: HEI,
            ms: r.ms,
            status: r.status,
            ok: r.status === 200,
            ...(r.status === 200 ? {} : { problem: `HTTP ${r.status} ${r.error ?? ""}` }),
          }),
        );
      await Promise.all(
        warm.map(async (c) => {
          await echoGreet(c, () => undefined);
          await walkEcho(echoClient, connector.url, c, form, () => undefined);
        }),
      );
      echoA = await phase(echo, undefined, (record) =>
        Promise.all(contacts.map((c) => echoGreet(c, record))),
      );
      echoB = await phase(echo, undefined, (record) =>
        Promise.all(contacts.map((c) => walkEcho(echoClient, connector.url, c, form, record))),
      );
      echoClient.close();
      await echo.stop();
    }

    // --- report -------------------------------------------------------------------------------
    const result = printReport(N, {
      steps,
      botA,
      botB,
      echoA,
      echoB,
      attribution: attribution.summary(steps.answers),
      stateErrors,
      rss: [rss0, rss1],
    });
    const centres: Record<string, CostCentres> = {};
    if (profileDir) {
      const profiles = [{ name: "bot", phase: botB }];
      if (echoB) profiles.push({ name: "echo", phase: echoB });
      if (args.profile) {
        for (const { name, phase } of profiles) {
          const file = join(profileDir, `${name}.cpuprofile`);
          console.log(`\nCPU profile of the ${name}, phase B only (${file}):`);
          console.log(summarizeProfile(file, 25, phase.window));
        }
      }
      for (const { name, phase } of profiles) {
        const c = costCentres(join(profileDir, `${name}.cpuprofile`), phase.window);
        centres[name] = c;
        const cpu = phase.botCpuMs / Math.max(1, phase.turns);
        console.log(
          `\nTop cost centres of the ${name === "bot" ? "product bot" : "echo bot"} per answer step ` +
            `(phase B, share of the V8 profile's busy samples; ms = share x ${cpu.toFixed(2)} ms CPU per turn):`,
        );
        console.log(formatCostCentres(c, 5, cpu));
      }
      if (!args.profile) rmSync(profileDir, { recursive: true, force: true });
    }
    if (args.json)
      writeFileSync(args.json, `${JSON.stringify({ ...result, costCentres: centres }, null, 2)}\n`);
    process.exitCode = result.errors > 0 ? 1 : 0;
  } finally {
    for (const c of children) await c.stop().catch(() => undefined);
    if (built) rmSync(built, { recursive: true, force: true });
    await connector.close();
    await proxy.close();
    store.dispose();
    await cosmos.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
