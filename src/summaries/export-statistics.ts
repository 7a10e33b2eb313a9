/**
 * The "Statistikk" sheet of the export: per question N and Ikke angitt; for numbers Sum, Snitt, Median and
 * Standardavvik as the RAW unrounded values with a whole-number format (Excel shows them the way the county
 * prints them, the cell keeps every decimal); for choices the count and percentage per option, overall (of
 * respondents) and per respondent category (of that category's ticks), percentages as fractions with a
 * percent format. Its labels are in the reader's language (the exports catalogue). Pure: fills a given
 * workbook.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import { questionHeader } from "./export-columns.ts";
import { type QuestionStats, submittedReports } from "./statistics.ts";

export const STATISTICS_SHEET = "Statistikk";

/** Whole numbers with a thousands separator: what the county prints for every numeric statistic. */
const WHOLE_NUMBER_FORMAT = "#,##0";
const PERCENT_FORMAT = "0 %";

/** Removes characters that are not allowed in XML 1.0 (they would corrupt the .xlsx file). */
export function xmlSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the control characters is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

const fraction = (count: number, of: number) => (of > 0 ? count / of : 0);

function addChoiceRows(
  sheet: ExcelJS.Worksheet,
  q: Extract<QuestionStats, { kind: "choice" }>,
  lang: Lang,
): void {
  const t = texts(lang).exports.statistics;
  const names = texts(lang).overview.categories;
  const categories = q.byCategory;
  const head = sheet.addRow([
    t.option,
    t.count,
    t.percent,
    ...categories.flatMap((c) => [
      t.categoryCount(names[c.category], c.n),
      t.categoryPercent(names[c.category]),
    ]),
  ]);
  head.font = { italic: true };
  for (const option of q.options) {
    const perCategory = categories.flatMap((c) => {
      const count = c.options.find((o) => o.option === option.option)?.count ?? 0;
      return [count, fraction(count, c.ticks)];
    });
    const row = sheet.addRow([
      xmlSafe(option.label),
      option.count,
      fraction(option.count, q.n),
      ...perCategory,
    ]);
    row.getCell(3).numFmt = PERCENT_FORMAT;
    categories.forEach((_, i) => {
      row.getCell(5 + 2 * i).numFmt = PERCENT_FORMAT;
    });
  }
  if (categories.length > 0) {
    sheet.addRow([
      t.ticks,
      q.byCategory.reduce((acc, c) => acc + c.ticks, 0),
      null,
      ...categories.flatMap((c) => [c.ticks, null]),
    ]).font = { italic: true };
  }
}

export function addStatisticsSheet(
  workbook: ExcelJS.Workbook,
  form: Form,
  reports: readonly ReportDoc[],
  stats: readonly QuestionStats[],
  lang: Lang = "nb",
): void {
  const t = texts(lang).exports.statistics;
  const sheet = workbook.addWorksheet(STATISTICS_SHEET);
  sheet.columns = [{ width: 70 }, { width: 14 }, { width: 12 }];
  const title = sheet.addRow([xmlSafe(form.title)]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([t.submittedReports, submittedReports(reports).length]);
  sheet.addRow([t.allReports, reports.length]);

  for (const q of stats) {
    sheet.addRow([]);
    const heading = sheet.addRow([xmlSafe(t.questionHeading(questionHeader(q.question), q.n))]);
    heading.font = { bold: true };
    heading.getCell(1).alignment = { wrapText: true };
    sheet.addRow([t.answers, q.n]);
    sheet.addRow([t.notAnswered, q.notAnswered.length]);

    if (q.kind === "number" && q.stats) {
      const figures: [string, number][] = [
        [t.sum, q.stats.sum],
        [t.mean, q.stats.mean],
        [t.median, q.stats.median],
        [t.stdev, q.stats.stdev],
      ];
      for (const [label, value] of figures) {
        sheet.addRow([label, value]).getCell(2).numFmt = WHOLE_NUMBER_FORMAT;
      }
    }
    if (q.kind === "choice") addChoiceRows(sheet, q, lang);
  }
}
