/**
 * `npm run import -- <file.xlsx|file.csv|file.json> [--dry-run]`: loads a reporting round (partnerships, tiltak,
 * contact persons) into the database the environment points at (COSMOS_ENDPOINT, or the embedded local
 * store in LOCAL_DATA_DIR). Validates every row first and writes nothing when any row is wrong.
 * Re-importing updates, never duplicates, never deletes and never touches answers.
 *
 * Exit codes: 0 done (or dry run), 1 invalid file or refused, 2 wrong usage or configuration.
 */
import { readFile } from "node:fs/promises";
import { createApp } from "../src/app.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { parseImportFile, runImport } from "../src/rounds/import.ts";
import { IMPORT_TEXT, planLines, summaryText } from "../src/rounds/import-messages.ts";

async function main(argv: string[]): Promise<number> {
  const options = argv.filter((a) => a.startsWith("--"));
  const files = argv.filter((a) => !a.startsWith("--"));
  const unknown = options.filter((o) => o !== "--dry-run");
  const [file] = files;
  if (unknown.length > 0 || files.length !== 1 || file === undefined) {
    for (const o of unknown) console.error(IMPORT_TEXT.unknownOption(o));
    console.error(IMPORT_TEXT.usage);
    return 2;
  }
  const dryRun = options.includes("--dry-run");

  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (err) {
    console.error(IMPORT_TEXT.cannotRead(file, (err as Error).message));
    return 1;
  }
  // Validate before opening the database: a wrong file never touches it.
  const parsed = await parseImportFile(file, content);
  if (!parsed.ok) return printErrors(file, parsed.errors);

  // Never seed the demo round from an import (a dry run must write nothing). Bad config: exit 2.
  const config = { ...loadConfigOrExit(process.env, 2), seedDemo: false };
  const app = await createApp(config, createLogger(config.logLevel));
  try {
    if (config.cosmos.endpoint === undefined)
      console.log(IMPORT_TEXT.embeddedStore(config.cosmos.localDataDir));
    const result = await runImport({ name: file, content }, app.repos, { now: app.clock(), dryRun });
    if (result.status === "invalid") return printErrors(file, result.errors);
    for (const line of planLines(result.plan)) console.log(line);
    switch (result.status) {
      case "refused":
        for (const problem of result.plan.problems) console.error(problem);
        console.error(IMPORT_TEXT.refused);
        return 1;
      case "planned":
        console.log(IMPORT_TEXT.dryRun(summaryText(result.summary)));
        return 0;
      case "applied":
        console.log(IMPORT_TEXT.done(summaryText(result.summary)));
        return 0;
    }
  } finally {
    // Also writes the embedded store's snapshot.
    await app.close();
  }
}

function printErrors(file: string, errors: readonly string[]): number {
  console.error(IMPORT_TEXT.invalid(file, errors.length));
  for (const error of errors) console.error(`  ${error}`);
  return 1;
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
