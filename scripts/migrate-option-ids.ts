/**
 * `npm run migrate:option-ids`: shows what the one-time migration of stored reports to option ids would
 * change (a dry run: reads only). `npm run migrate:option-ids -- --yes` makes the change. Running it again
 * changes nothing. See src/reports/option-id-conversion.ts for what is converted.
 *
 * Uses the database the environment points at (COSMOS_ENDPOINT, or the embedded local store in
 * LOCAL_DATA_DIR), like `npm run import`. Never seeds the demo round.
 *
 * Exit codes: 0 done (or dry run), 1 failed, 2 wrong usage or configuration.
 */
import { parseArgs } from "node:util";
import { createApp } from "../src/app.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import type { AnswerValue } from "../src/questionnaire/types.ts";
import { migrateOptionIds, type OptionIdMigrationResult } from "../src/reports/option-id-migration.ts";

const TEXT = {
  usage: [
    "Bruk:",
    "  npm run migrate:option-ids              vis hva som endres (prøvekjøring, endrer ingenting)",
    "  npm run migrate:option-ids -- --yes     lagre valgsvarene med alternativ-id",
  ].join("\n"),
  embeddedStore: (dir: string) => `(Bruker den innebygde lokale databasen i ${dir}.)`,
  heading: (dry: boolean) =>
    `Valgsvar lagret som alternativ-id${dry ? " – prøvekjøring, ingenting er endret" : ""}:`,
  report: (roundId: string, reportId: string, written: boolean | undefined) =>
    `  reports/${roundId}/${reportId}${written === false ? " (ikke skrevet: allerede endret)" : ""}`,
  change: (questionId: string, previous: boolean, from: string, to: string) =>
    `    ${questionId}${previous ? " (fjorårets svar)" : ""}: ${from} -> ${to}`,
  signature: (rules: string[]) => `    bekreftede kontrollvarsler beholdt: ${rules.join(", ")}`,
  unresolved: (questionId: string, value: string) =>
    `    ${questionId}: «${value}» passer ikke med noe alternativ i skjemaet og beholdes som det er`,
  unknownForm: (roundId: string, reportId: string, formId: string) =>
    `  reports/${roundId}/${reportId}: ukjent skjema ${formId}, ikke endret`,
  summary: (r: OptionIdMigrationResult) =>
    `${r.dryRun ? "Ville endret" : "Endret"} ${r.changed.length} av ${r.reports} rapportering(er) i ${r.rounds} runde(r).`,
  nothing: "Ingenting å endre: alle valgsvar er allerede lagret med alternativ-id.",
  again: "Kjør på nytt med --yes for å lagre endringene.",
};

const show = (v: AnswerValue): string => JSON.stringify(v);

function print(result: OptionIdMigrationResult): void {
  if (result.changed.length > 0 || result.unresolvedOnly.length > 0) console.log(TEXT.heading(result.dryRun));
  for (const outcome of [...result.changed, ...result.unresolvedOnly]) {
    const { conversion: c } = outcome;
    console.log(
      TEXT.report(
        outcome.roundId,
        outcome.reportId,
        result.dryRun || !c.changed ? undefined : outcome.written,
      ),
    );
    for (const ch of c.changes)
      console.log(TEXT.change(ch.questionId, ch.where === "previous", show(ch.from), show(ch.to)));
    if (c.signatures.length > 0) console.log(TEXT.signature(c.signatures));
    for (const u of c.unresolved) console.log(TEXT.unresolved(u.questionId, u.value));
  }
  for (const u of result.unknownForm) console.log(TEXT.unknownForm(u.roundId, u.reportId, u.formId));
  console.log(result.changed.length === 0 ? TEXT.nothing : TEXT.summary(result));
  if (result.dryRun && result.changed.length > 0) console.log(TEXT.again);
}

async function main(argv: string[]): Promise<number> {
  let yes: boolean;
  try {
    ({ yes } = parseArgs({ args: argv, options: { yes: { type: "boolean", default: false } } }).values);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${TEXT.usage}`);
    return 2;
  }
  const config = { ...loadConfigOrExit(process.env, 2), seedDemo: false };
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const app = await createApp(config, log);
  try {
    if (config.cosmos.endpoint === undefined) console.error(TEXT.embeddedStore(config.cosmos.localDataDir));
    const result = await migrateOptionIds({ ...app.repos, forms: app.forms }, { dryRun: !yes });
    print(result);
    return 0;
  } finally {
    // Also writes the embedded store's snapshot.
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
