/**
 * The columns of the "Svar" sheet and the CSV file (one row per report, one column per question), the
 * report order, and the Europe/Oslo times they show. Pure.
 */
import type { Form, Question } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import { answerText, numberValue } from "./answer-text.ts";

const TIME_ZONE = "Europe/Oslo";

const STATUS_TEXT: Record<ReportDoc["status"], string> = { draft: "Utkast", submitted: "Levert" };

export type CellValue = string | number | Date | undefined;

interface Column {
  header: string;
  /** Excel column width in characters. */
  width: number;
  numFmt?: string;
  value: (report: ReportDoc) => CellValue;
  /** CSV text of the value when it is not a plain string/number (dates). */
  csv?: (report: ReportDoc) => string;
}

// ---------------------------------------------------------------------------------------------------------
// Time

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const osloFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function osloWallClock(iso: string): WallClock | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = Object.fromEntries(osloFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2025-01-14 13:05" in Europe/Oslo, or "" for a missing/invalid instant. */
export function formatOsloTime(iso: string | undefined): string {
  const t = iso ? osloWallClock(iso) : undefined;
  return t ? `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}` : "";
}

/**
 * Excel has no time zones: a cell shows the UTC fields of the Date it is given. This returns a Date whose UTC
 * fields are the Europe/Oslo wall clock of the instant, so the cell shows Norwegian time.
 */
function osloExcelDate(iso: string | undefined): Date | undefined {
  const t = iso ? osloWallClock(iso) : undefined;
  return t ? new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Columns of the "Svar" sheet / CSV

function allQuestions(form: Form): Question[] {
  return form.sections.flatMap((s) => s.questions);
}

export function questionHeader(question: Question): string {
  return `${question.id} ${question.text.trim()}`;
}

function answerColumns(question: Question): Column[] {
  const isNumber = question.type === "integer" || question.type === "amount_nok";
  const main: Column = isNumber
    ? {
        header: questionHeader(question),
        width: 18,
        numFmt: "#,##0",
        value: (r) => numberValue(r.answers[question.id]),
      }
    : {
        header: questionHeader(question),
        width: question.type === "longtext" ? 50 : 30,
        value: (r) => answerText(question, r.answers[question.id]) || undefined,
      };
  if (!question.comment) return [main];
  const comment: Column = {
    header: `${question.id} Kommentar`,
    width: 40,
    value: (r) => r.answers[question.id]?.comment?.trim() || undefined,
  };
  return [main, comment];
}

export function reportColumns(form: Form): Column[] {
  return [
    { header: "Partnerskap", width: 30, value: (r) => r.partnership.name },
    { header: "Kategori", width: 20, value: (r) => r.partnership.category },
    { header: "Sektor", width: 10, value: (r) => r.partnership.sector },
    { header: "Tiltak", width: 30, value: (r) => r.tiltak.name },
    { header: "Kontaktperson", width: 24, value: (r) => r.contact.name },
    { header: "Status", width: 10, value: (r) => STATUS_TEXT[r.status] },
    {
      header: "Levert (norsk tid)",
      width: 17,
      numFmt: "yyyy-mm-dd hh:mm",
      value: (r) => osloExcelDate(r.submittedAt),
      csv: (r) => formatOsloTime(r.submittedAt),
    },
    ...allQuestions(form).flatMap(answerColumns),
  ];
}

const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

export function sortReports(reports: readonly ReportDoc[]): ReportDoc[] {
  return [...reports].sort(
    (a, b) =>
      collator.compare(a.partnership.name, b.partnership.name) ||
      collator.compare(a.tiltak.name, b.tiltak.name) ||
      collator.compare(a.id, b.id),
  );
}
