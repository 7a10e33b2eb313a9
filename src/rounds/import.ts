/**
 * Importing a reporting round from a file: partnerships, their tiltak and each tiltak's contact person.
 *
 * parseImportFile (Excel, CSV or JSON -> rows -> one zod schema -> ParsedImport, or every error in the
 * reader's language, bokmål by default) -> planImport (pure diff against the stored round and reports)
 * -> applyImport (writes). scripts/import.ts is the command line around it
 * (`npm run import -- <file> [--dry-run] [--lang nn]`).
 */
import { extname } from "node:path";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { getForm, loadForms } from "../questionnaire/form.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { CsvSyntaxError, csvRows, parseCsv } from "./import-csv.ts";
import { jsonRows } from "./import-json.ts";
import {
  applyImport,
  type ImportPlan,
  type ImportSummary,
  loadExisting,
  planImport,
  summarize,
} from "./import-plan.ts";
import { pickPrevious, previousIdOf } from "./import-previous.ts";
import { validateRows } from "./import-rows.ts";
import type { ImportResult, ParsedImport } from "./import-schema.ts";
import { xlsxTable } from "./import-xlsx.ts";
import { defaultFormId } from "./round.ts";
import type { RoundDoc } from "./types.ts";

export { parseCsv } from "./import-csv.ts";
export { type ImportPlan, type ImportSummary, planImport } from "./import-plan.ts";
export type { ImportResult, ParsedImport } from "./import-schema.ts";

/** Decodes UTF-8 (with or without BOM); undefined when the bytes are not UTF-8. */
function decode(content: Uint8Array | string): string | undefined {
  if (typeof content === "string") return content.replace(/^\uFEFF/, "");
  try {
    // TextDecoder drops a leading BOM itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

/**
 * Reads an import file (".csv" or ".json", by the file name; parseImportFile also reads ".xlsx") and validates every row. On success the
 * round and its tiltak with stable ids; otherwise every error, each naming the row and field.
 */
export function parseImport(
  fileName: string,
  content: Uint8Array | string,
  lang: Lang = DEFAULT_LANG,
): ImportResult {
  const t = texts(lang).imports.file;
  const kind = extname(fileName).toLowerCase();
  if (kind !== ".csv" && kind !== ".json") {
    return { ok: false, errors: [t.unknownType(kind || fileName)] };
  }
  const text = decode(content);
  if (text === undefined) return { ok: false, errors: [t.notUtf8] };
  let read: ReturnType<typeof jsonRows>;
  if (kind === ".json") {
    read = jsonRows(text, lang);
  } else {
    try {
      read = csvRows(parseCsv(text), lang);
    } catch (err) {
      if (err instanceof CsvSyntaxError) return { ok: false, errors: [err.messageIn(lang)] };
      throw err;
    }
  }
  return checked(read, lang);
}

function checked(read: ReturnType<typeof jsonRows>, lang: Lang): ImportResult {
  if (read.errors.length > 0) {
    // Shape errors first; the rows that could be read are still checked so every error shows at once.
    const rows = validateRows(read.rows, lang);
    const more = rows.ok || read.rows.length === 0 ? [] : rows.errors;
    return { ok: false, errors: [...read.errors, ...more] };
  }
  return validateRows(read.rows, lang);
}

/** Last round's carried-over answers for the file's tiltak (one query across rounds). */
async function loadPrevious(reports: ReportRepo, parsed: ParsedImport, round: RoundDoc | undefined) {
  const formId = parsed.round.formId ?? round?.formId ?? defaultFormId(parsed.round.reportingYear);
  const form = getForm(loadForms(), formId);
  const ids = [...new Set(parsed.tiltak.map(previousIdOf))];
  return pickPrevious(form, parsed.tiltak, await reports.listByIdsElsewhere(ids, parsed.round.id));
}

/** parseImport, and also Excel workbooks (".xlsx": the first sheet, with the CSV file's columns). */
export async function parseImportFile(
  fileName: string,
  content: Uint8Array | string,
  lang: Lang = DEFAULT_LANG,
): Promise<ImportResult> {
  if (extname(fileName).toLowerCase() !== ".xlsx") return parseImport(fileName, content, lang);
  if (typeof content === "string") return { ok: false, errors: [texts(lang).imports.file.notXlsx] };
  const sheet = await xlsxTable(content, lang);
  if (!sheet.ok) return { ok: false, errors: [sheet.error] };
  return checked(csvRows(sheet.table, lang), lang);
}

export type RunImportResult =
  /** The file is wrong; nothing was read from or written to the database. */
  | { status: "invalid"; errors: string[] }
  /** The file is valid but the plan may not be applied (see plan.problems); nothing was written. */
  | { status: "refused"; plan: ImportPlan }
  /** Planned only (dry run); nothing was written. */
  | { status: "planned"; plan: ImportPlan; summary: ImportSummary }
  | { status: "applied"; plan: ImportPlan; summary: ImportSummary };

/**
 * The whole import of one file: validate every row, plan against the database, then write unless
 * `dryRun`. Row errors and the plan's problems are in `lang` (bokmål by default).
 */
export async function runImport(
  file: { name: string; content: Uint8Array | string },
  repos: { rounds: RoundRepo; reports: ReportRepo },
  opts: { now: Date; dryRun?: boolean; lang?: Lang },
): Promise<RunImportResult> {
  const lang = opts.lang ?? DEFAULT_LANG;
  const parsed = await parseImportFile(file.name, file.content, lang);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors };
  const loaded = await loadExisting(repos, parsed.value.round.id);
  const existing = { ...loaded, previous: await loadPrevious(repos.reports, parsed.value, loaded.round) };
  const plan = planImport(parsed.value, existing, opts.now, lang);
  if (plan.problems.length > 0) return { status: "refused", plan };
  if (opts.dryRun) return { status: "planned", plan, summary: summarize(plan) };
  return { status: "applied", plan, summary: await applyImport(plan, repos, opts.now) };
}
