/**
 * The summary staff read in the channel when a report arrives (SUMMARY-SPEC §1): a heading
 * "<partnership> – <tiltak>" and short labelled paragraphs (src/summaries/summary-map.ts), long
 * ones shortened; "Les hele rapporteringen" (report.read) shows every answer in full with its
 * comment (cards/report-summary-full.ts). Person-typed text is in TextRun (no Markdown).
 */
import type { Form } from "../src/questionnaire/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { paragraphText, submittedLate, summaryParagraphs } from "../src/summaries/summary-map.ts";
import { type CardJson, render, shorten } from "./render.ts";
import template from "./report-summary.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

/** Characters per paragraph in the channel; "Les hele rapporteringen" shows everything. */
const PARAGRAPH_MAX = 350;

const summaryText = {
  submitted: (at: string, by: string) => `Levert ${at} av ${by}`,
  caseNumber: (n: string) => `saksnr. ${n}`,
  late: (deadline: string) => `Levert etter fristen (${deadline}).`,
} as const;

/** `deadline`: the round's (ISO), to say when the report came in late. */
export function summaryCard(form: Form, report: ReportDoc, deadline?: string): CardJson {
  const paragraphs = summaryParagraphs(form.id).flatMap((paragraph) => {
    const text = paragraphText(form, report, paragraph);
    return text === undefined ? [] : [{ label: `${paragraph.label}: `, text: shorten(text, PARAGRAPH_MAX) }];
  });
  const by = report.submittedBy?.name ?? report.contact.name;
  const subheading = [
    summaryText.submitted(formatOsloTime(new Date(report.submittedAt ?? report.updatedAt)), by),
    ...(report.tiltak.caseNumber ? [summaryText.caseNumber(report.tiltak.caseNumber)] : []),
    report.partnership.category,
  ].join(" · ");
  return render(template, {
    heading: `${report.partnership.name} – ${report.tiltak.name}`,
    subheading,
    late:
      deadline !== undefined && submittedLate(report, deadline)
        ? [{ text: summaryText.late(formatOsloTime(new Date(deadline))) }]
        : [],
    paragraphs,
    roundId: report.roundId,
    reportId: report.id,
  });
}
