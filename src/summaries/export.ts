/**
 * Export of a round for county staff: an Excel workbook (sheets "Svar" and "Statistikk") and a CSV file that
 * Norwegian Excel opens correctly. Pure: both return a Buffer, nothing is written anywhere.
 */
import ExcelJS from "exceljs";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";
import { type CellValue, type ExportExtras, reportColumns, sortReports } from "./export-columns.ts";
import { addStatisticsSheet, xmlSafe } from "./export-statistics.ts";
import type { QuestionStats } from "./statistics.ts";

export { STATISTICS_SHEET } from "./export-statistics.ts";
export { formatOsloTime } from "./oslo-time.ts";

export const ANSWERS_SHEET = "Svar";

function cellValue(value: CellValue): CellValue {
  return typeof value === "string" ? xmlSafe(value) : value;
}

function addAnswersSheet(
  workbook: ExcelJS.Workbook,
  form: Form,
  reports: readonly ReportDoc[],
  extras: ExportExtras,
  lang: Lang,
): void {
  const sheet = workbook.addWorksheet(ANSWERS_SHEET, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  const columns = reportColumns(form, extras, lang);
  sheet.columns = columns.map((c) => ({
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const header = sheet.addRow(columns.map((c) => xmlSafe(c.header)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const report of sortReports(reports)) {
    sheet.addRow(columns.map((c) => cellValue(c.value(report)) ?? null));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * The round as an Excel workbook: "Svar" (one row per report, all statuses, one column per question; numbers as
 * numbers, multichoice joined with "; ", yes/no as Ja/Nei, submitted time in Europe/Oslo) and "Statistikk"
 * (per question N, Ikke angitt and Sum/Snitt/Median/Standardavvik or option counts/percentages, raw values
 * with whole-number and percent formats; see export-statistics.ts). `stats` is questionStats(form, reports,
 * lang); option texts are in `lang`.
 */
export async function buildWorkbook(
  form: Form,
  reports: readonly ReportDoc[],
  stats: readonly QuestionStats[],
  extras: ExportExtras = {},
  lang: Lang = "nb",
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Dekom rapportering";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  addAnswersSheet(workbook, form, reports, extras, lang);
  addStatisticsSheet(workbook, form, reports, stats, lang);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------------
// CSV

const CSV_SEPARATOR = ";";
const CSV_NEWLINE = "\r\n";
const UTF8_BOM = "\uFEFF";

/**
 * Defuses spreadsheet formula injection in a text cell: text starting with = + - @ (or a tab/CR, which Excel
 * strips before looking) gets a leading apostrophe, so Excel shows it as text. Used for text only; numbers are
 * written as numbers.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting with ";" as separator: fields containing ; " CR or LF are quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(value: CellValue): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (value instanceof Date) return value.toISOString();
  return csvField(defuseFormula(value));
}

/**
 * The "Svar" sheet as CSV for Norwegian Excel: UTF-8 with BOM, ";" separator, CRLF line endings, RFC 4180
 * quoting, numbers without thousands separators, submitted time as "yyyy-mm-dd hh:mm" in Europe/Oslo, text
 * cells defused against formula injection.
 */
export function buildCsv(
  form: Form,
  reports: readonly ReportDoc[],
  extras: ExportExtras = {},
  lang: Lang = "nb",
): Buffer {
  const columns = reportColumns(form, extras, lang);
  const lines = [columns.map((c) => csvCell(c.header)).join(CSV_SEPARATOR)];
  for (const report of sortReports(reports)) {
    lines.push(columns.map((c) => csvCell(c.csv ? c.csv(report) : c.value(report))).join(CSV_SEPARATOR));
  }
  return Buffer.from(UTF8_BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE, "utf8");
}
