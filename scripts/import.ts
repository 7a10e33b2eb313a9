/**
 * `npm run import -- <file.xlsx|file.csv|file.json> [--dry-run] [--lang nn]`: loads a reporting round
 * (partnerships, tiltak, contact persons) into the database the environment points at (COSMOS_ENDPOINT,
 * or the embedded local store in LOCAL_DATA_DIR). Validates every row first and writes nothing when any
 * row is wrong. Re-importing updates, never duplicates, never deletes and never touches answers.
 * `--lang nn` writes every message, plan line and summary in nynorsk (default bokmål; `--lang=nn`,
 * `nynorsk` and `bokmål` work too).
 *
 * Exit codes: 0 done (or dry run), 1 invalid file or refused, 2 wrong usage or configuration.
 */
import { readFile } from "node:fs/promises";
import { createApp } from "../src/app.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { DEFAULT_LANG, type Lang, langOfMalform } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { createLogger } from "../src/log.ts";
import { parseImportFile, runImport } from "../src/rounds/import.ts";
import { planLines, summaryText } from "../src/rounds/import-messages.ts";

interface Args {
  files: string[];
  unknown: string[];
  dryRun: boolean;
  lang: Lang;
  /** The value of a --lang that is neither bokmål nor nynorsk. */
  badLang?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], unknown: [], dryRun: false, lang: DEFAULT_LANG };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--dry-run") args.dryRun = true;
    else if (a === "--lang" || a.startsWith("--lang=")) {
      const value = a === "--lang" ? (argv[++i] ?? "") : a.slice("--lang=".length);
      const lang = langOfMalform(value);
      if (lang === undefined) args.badLang = value;
      else args.lang = lang;
    } else if (a.startsWith("--")) args.unknown.push(a);
    else args.files.push(a);
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const { files, unknown, dryRun, lang, badLang } = parseArgs(argv);
  const t = texts(lang).imports;
  const [file] = files;
  if (unknown.length > 0 || badLang !== undefined || files.length !== 1 || file === undefined) {
    for (const o of unknown) console.error(t.unknownOption(o));
    if (badLang !== undefined) console.error(t.unknownLang(badLang));
    console.error(t.usage);
    return 2;
  }

  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (err) {
    console.error(t.cannotRead(file, (err as Error).message));
    return 1;
  }
  // Validate before opening the database: a wrong file never touches it.
  const parsed = await parseImportFile(file, content, lang);
  if (!parsed.ok) return printErrors(file, parsed.errors, lang);

  // Never seed the demo round from an import (a dry run must write nothing). Bad config: exit 2.
  const config = { ...loadConfigOrExit(process.env, 2), seedDemo: false };
  const app = await createApp(config, createLogger(config.logLevel));
  try {
    if (config.cosmos.endpoint === undefined) console.log(t.embeddedStore(config.cosmos.localDataDir));
    const result = await runImport({ name: file, content }, app.repos, { now: app.clock(), dryRun, lang });
    if (result.status === "invalid") return printErrors(file, result.errors, lang);
    for (const line of planLines(result.plan, lang)) console.log(line);
    switch (result.status) {
      case "refused":
        for (const problem of result.plan.problems) console.error(problem);
        console.error(t.refused);
        return 1;
      case "planned":
        console.log(t.dryRun(summaryText(result.summary, lang)));
        return 0;
      case "applied":
        console.log(t.done(summaryText(result.summary, lang)));
        return 0;
    }
  } finally {
    // Also writes the embedded store's snapshot.
    await app.close();
  }
}

function printErrors(file: string, errors: readonly string[], lang: Lang): number {
  console.error(texts(lang).imports.invalid(file, errors.length));
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
