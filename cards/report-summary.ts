/**
 * The summary staff read in the channel when a report arrives (SUMMARY-SPEC §1): a heading
 * "<partnership> – <tiltak>" and short labelled paragraphs, long answers shortened. Names and answers
 * are TextRuns (person-text.ts), never Markdown.
 */
import { formatAnswer } from "../src/questionnaire/answers.ts";
import { findQuestion } from "../src/questionnaire/form.ts";
import type { Form } from "../src/questionnaire/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { summaryParagraphs } from "../src/summaries/summary-map.ts";
import { ownRun, personRun, reportTitleRuns } from "./person-text.ts";
import { type CardJson, render, shorten } from "./render.ts";
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
    return [
      {
        runs: [
          ownRun(`${label}: `, { weight: "Bolder" }),
          personRun(shorten(parts.join(". "), PARAGRAPH_MAX)),
        ],
      },
    ];
  });
  const subtle = { isSubtle: true } as const;
  return render(template, {
    heading: reportTitleRuns(report, { weight: "Bolder", size: "Medium" }),
    subheading: [
      ownRun(`Levert ${formatOsloTime(new Date(report.submittedAt ?? report.updatedAt))} av `, subtle),
      personRun(report.submittedBy?.name ?? report.contact.name, subtle),
      ...(report.tiltak.caseNumber
        ? [ownRun(" · saksnr. ", subtle), personRun(report.tiltak.caseNumber, subtle)]
        : []),
      ownRun(` · ${report.partnership.category}`, subtle),
    ],
    paragraphs,
    roundId: report.roundId,
    reportId: report.id,
  });
}
