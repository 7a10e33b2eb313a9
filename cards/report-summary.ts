/**
 * The summary staff read in the channel when a report arrives (SUMMARY-SPEC §1): a heading
 * "<partnership> – <tiltak>" and short labelled paragraphs, long answers shortened.
 */
import { formatAnswer } from "../src/questionnaire/answers.ts";
import { findQuestion } from "../src/questionnaire/form.ts";
import type { Form } from "../src/questionnaire/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { summaryParagraphs } from "../src/summaries/summary-map.ts";
import { type CardJson, escapeMarkdown, render, shorten } from "./render.ts";
import template from "./report-summary.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

/** Characters per paragraph in the channel; "Les hele rapporteringen" shows everything. */
const PARAGRAPH_MAX = 350;

export function summaryCard(form: Form, report: ReportDoc): CardJson {
  const paragraphs = summaryParagraphs(form.id).flatMap(({ label, questions }) => {
    const parts = questions.flatMap((qid) => {
      const q = findQuestion(form, qid);
      const a = report.answers[qid];
      if (q === undefined || a === undefined) return [];
      return [formatAnswer(q, a), ...(a.comment ? [a.comment] : [])];
    });
    if (parts.length === 0) return [];
    return [{ text: `**${label}:** ${escapeMarkdown(shorten(parts.join(". "), PARAGRAPH_MAX))}` }];
  });
  return render(template, {
    heading: `${escapeMarkdown(report.partnership.name)} – ${escapeMarkdown(report.tiltak.name)}`,
    subheading: `Levert ${formatOsloTime(new Date(report.submittedAt ?? report.updatedAt))} av ${escapeMarkdown(
      report.submittedBy?.name ?? report.contact.name,
    )}${report.tiltak.caseNumber ? ` · saksnr. ${escapeMarkdown(report.tiltak.caseNumber)}` : ""} · ${report.partnership.category}`,
    paragraphs,
    roundId: report.roundId,
    reportId: report.id,
  });
}
