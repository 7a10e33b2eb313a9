/**
 * The columns of the export's "Svar" sheet and CSV: one row per report, the report's own facts first
 * (partnership, tiltak, contact, status, saksnummer, receipt, co-editors, reopening), then one column per
 * question (and its comment). Pure.
 */
import { texts } from "../i18n/texts.ts";
import { formIn } from "../questionnaire/form-lang.ts";
import type { Form, Question } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";
import { answerText, numberValue } from "./answer-text.ts";
import { formatOsloTime, osloExcelDate } from "./oslo-time.ts";
import { formatPhoneNumber } from "./phone-format.ts";

export type CellValue = string | number | Date | undefined;

export interface Column {
  header: string;
  /** Excel column width in characters. */
  width: number;
  numFmt?: string;
  value: (report: ReportDoc) => CellValue;
  /** CSV text of the value when it is not a plain string/number (dates). */
  csv?: (report: ReportDoc) => string;
}

export function questionHeader(question: Question): string {
  return `${question.id} ${question.text.trim()}`;
}

function answerColumns(question: Question, lang: Lang): Column[] {
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
        value: (r) => {
          const text = answerText(question, r.answers[question.id], lang);
          return (question.type === "phone" ? formatPhoneNumber(text) : text) || undefined;
        },
      };
  if (!question.comment) return [main];
  const comment: Column = {
    header: texts(lang).exports.columns.comment(question.id),
    width: 40,
    value: (r) => r.answers[question.id]?.comment?.trim() || undefined,
  };
  return [main, comment];
}

/** "Kari Nordmann <kari@example.no>; ola@example.no". */
function coEditorsText(report: ReportDoc): string | undefined {
  const list = report.coEditors.map((c) => (c.name ? `${c.name} <${c.email}>` : c.email));
  return list.length > 0 ? list.join("; ") : undefined;
}

function osloTimeColumn(header: string, at: (r: ReportDoc) => string | undefined): Column {
  return {
    header,
    width: 17,
    numFmt: "yyyy-mm-dd hh:mm",
    value: (r) => osloExcelDate(at(r)),
    csv: (r) => formatOsloTime(at(r)),
  };
}

/** What the export adds beyond the stored reports. */
export interface ExportExtras {
  /** Per report: its attachments as "name: link" lines (staff-only signed links), for the «Vedlegg» column. */
  attachments?: (report: ReportDoc) => string | undefined;
}

/** The columns in the reader's language: headers, question texts (formIn), option texts and categories. */
export function reportColumns(form: Form, extras: ExportExtras = {}, lang: Lang = "nb"): Column[] {
  const attachments = extras.attachments;
  const { columns: h, status } = texts(lang).exports;
  const categories = texts(lang).overview.categories;
  const shown = formIn(form, lang);
  return [
    { header: h.partnership, width: 30, value: (r) => r.partnership.name },
    { header: h.category, width: 20, value: (r) => categories[r.partnership.category] },
    { header: h.sector, width: 10, value: (r) => r.partnership.sector },
    { header: h.tiltak, width: 30, value: (r) => r.tiltak.name },
    { header: h.contact, width: 24, value: (r) => r.contact.name },
    { header: h.status, width: 10, value: (r) => status[r.status] },
    osloTimeColumn(h.submitted, (r) => r.submittedAt),
    { header: h.caseNumber, width: 14, value: (r) => r.tiltak.caseNumber || undefined },
    { header: h.contactEmail, width: 28, value: (r) => r.contact.email || undefined },
    {
      header: h.contactPhone,
      width: 16,
      value: (r) => formatPhoneNumber(r.contact.phone) || undefined,
    },
    { header: h.receipt, width: 18, value: (r) => r.receipt || undefined },
    { header: h.coEditors, width: 36, value: coEditorsText },
    osloTimeColumn(h.reopened, (r) => r.reopened?.at),
    { header: h.reopenedReason, width: 36, value: (r) => r.reopened?.reason.trim() || undefined },
    ...shown.sections.flatMap((s) => s.questions).flatMap((q) => answerColumns(q, lang)),
    ...(attachments !== undefined ? [{ header: h.attachments, width: 60, value: attachments }] : []),
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
