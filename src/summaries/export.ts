/**
 * Export of a round for county staff: an Excel workbook (sheets "Svar" and "Statistikk") and a CSV file that
 * Norwegian Excel opens correctly. Pure: both return a Buffer, nothing is written anywhere.
 */
import ExcelJS from "exceljs";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import { type CellValue, questionHeader, reportColumns, sortReports } from "./export-columns.ts";
import { roundedPercent, roundHalfUp } from "./number-format.ts";
import { DISPLAY_DECIMALS, type QuestionStats, submittedReports } from "./statistics.ts";

export const ANSWERS_SHEET = "Svar";
export const STATISTICS_SHEET = "Statistikk";

export { formatOsloTime } from "./export-columns.ts";

// ---------------------------------------------------------------------------------------------------------
// Excel

/** Removes characters that are not allowed in XML 1.0 (they would corrupt the .xlsx file). */
function xmlSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the control characters is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

function cellValue(value: CellValue): CellValue {
  return typeof value === "string" ? xmlSafe(value) : value;
}

/** Excel number format showing exactly the decimals of an already rounded value ("#,##0" / "#,##0.0"). */
function numberFormatFor(value: number): string {
  const decimals = value.toString().split(".")[1]?.length ?? 0;
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

function addAnswersSheet(workbook: ExcelJS.Workbook, form: Form, reports: readonly ReportDoc[]): void {
  const sheet = workbook.addWorksheet(ANSWERS_SHEET, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  const columns = reportColumns(form);
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

function addStatisticsSheet(
  workbook: ExcelJS.Workbook,
  form: Form,
  reports: readonly ReportDoc[],
  stats: readonly QuestionStats[],
): void {
  const sheet = workbook.addWorksheet(STATISTICS_SHEET);
  sheet.columns = [{ width: 70 }, { width: 14 }, { width: 12 }];
  const title = sheet.addRow([xmlSafe(form.title)]);
  title.font = { bold: true, size: 14 };
  sheet.addRow(["Leverte rapporter", submittedReports(reports).length]);
  sheet.addRow(["Rapporter i alt", reports.length]);

  for (const q of stats) {
    sheet.addRow([]);
    const heading = sheet.addRow([xmlSafe(`${questionHeader(q.question)} (${q.n} Svar)`)]);
    heading.font = { bold: true };
    heading.getCell(1).alignment = { wrapText: true };
    sheet.addRow(["Svar", q.n]);
    sheet.addRow(["Ikke angitt", q.notAnswered.length]);

    if (q.kind === "number" && q.stats) {
      const decimals = DISPLAY_DECIMALS[q.question.type === "amount_nok" ? "amount_nok" : "integer"];
      const figures: [string, number][] = [
        ["Sum", q.stats.sum],
        ["Snitt", roundHalfUp(q.stats.mean, decimals)],
        ["Median", roundHalfUp(q.stats.median, decimals)],
        ["Standardavvik", roundHalfUp(q.stats.stdev, decimals)],
      ];
      for (const [label, value] of figures) {
        sheet.addRow([label, value]).getCell(2).numFmt = numberFormatFor(value);
      }
    }

    if (q.kind === "choice") {
      const categories = q.byCategory;
      const head = sheet.addRow([
        "Alternativ",
        "Antall",
        "Prosent",
        ...categories.flatMap((c) => [`${c.category} (${c.n}) antall`, `${c.category} prosent`]),
      ]);
      head.font = { italic: true };
      for (const option of q.options) {
        const perCategory = categories.flatMap((c) => {
          const count = c.options.find((o) => o.option === option.option)?.count ?? 0;
          return [count, roundedPercent(count, c.n) / 100];
        });
        const row = sheet.addRow([
          xmlSafe(option.option),
          option.count,
          roundedPercent(option.count, q.n) / 100,
          ...perCategory,
        ]);
        row.getCell(3).numFmt = "0 %";
        categories.forEach((_, i) => {
          row.getCell(5 + 2 * i).numFmt = "0 %";
        });
      }
    }
  }
}

/**
 * The round as an Excel workbook: "Svar" (one row per report, all statuses, one column per question; numbers as
 * numbers, multichoice joined with "; ", yes/no as Ja/Nei, submitted time in Europe/Oslo) and "Statistikk"
 * (per question N, Ikke angitt and Sum/Snitt/Median/Standardavvik or option counts/percentages, rounded half
 * up like the display). `stats` is questionStats(form, reports).
 */
export async function buildWorkbook(
  form: Form,
  reports: readonly ReportDoc[],
  stats: readonly QuestionStats[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Dekom rapportering";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  addAnswersSheet(workbook, form, reports);
  addStatisticsSheet(workbook, form, reports, stats);
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
export function buildCsv(form: Form, reports: readonly ReportDoc[]): Buffer {
  const columns = reportColumns(form);
  const lines = [columns.map((c) => csvCell(c.header)).join(CSV_SEPARATOR)];
  for (const report of sortReports(reports)) {
    lines.push(columns.map((c) => csvCell(c.csv ? c.csv(report) : c.value(report))).join(CSV_SEPARATOR));
  }
  return Buffer.from(UTF8_BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE, "utf8");
}
