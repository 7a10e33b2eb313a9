/**
 * The summary staff read in the channel when a report arrives (SUMMARY-SPEC §1): a heading
 * "<partnership> – <tiltak>" and short labelled paragraphs (src/summaries/summary-map.ts), long
 * ones shortened; "Les hele rapporteringen" (report.read) shows every answer in full with its
 * comment (cards/report-summary-full.ts). Names and answers are TextRuns (person-text.ts), never Markdown.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Form } from "../src/questionnaire/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { paragraphText, submittedLate, summaryParagraphs } from "../src/summaries/summary-map.ts";
import { approvalSummaryRuns } from "./approval-blocks.ts";
import { ownRun, personRun, reportTitleRuns } from "./person-text.ts";
import { type CardJson, render, shorten } from "./render.ts";
import template from "./report-summary.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

/** Characters per paragraph in the channel; "Les hele rapporteringen" shows everything. */
const PARAGRAPH_MAX = 350;

/** `deadline`: the round's (ISO), to say when the report came in late. */
export function summaryCard(
  form: Form,
  report: ReportDoc,
  deadline?: string,
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const t = texts(lang).summaryCard;
  const docText = texts(lang).documents;
  const paragraphs = summaryParagraphs(form.id, lang).flatMap((paragraph) => {
    const text = paragraphText(form, report, paragraph, lang);
    if (text === undefined) return [];
    return [
      {
        runs: [ownRun(`${paragraph.label}: `, { weight: "Bolder" }), personRun(shorten(text, PARAGRAPH_MAX))],
      },
    ];
  });
  const subtle = { isSubtle: true } as const;
  return render(template, {
    t: t.card,
    heading: reportTitleRuns(report, { weight: "Bolder", size: "Medium" }),
    subheading: [
      ownRun(t.submitted(formatOsloTime(new Date(report.submittedAt ?? report.updatedAt), lang)), subtle),
      personRun(report.submittedBy?.name ?? report.contact.name, subtle),
      ...(report.tiltak.caseNumber
        ? [ownRun(t.caseNumber, subtle), personRun(report.tiltak.caseNumber, subtle)]
        : []),
      ownRun(` · ${texts(lang).overview.categories[report.partnership.category]}`, subtle),
    ],
    late:
      deadline !== undefined && submittedLate(report, deadline)
        ? [{ text: t.late(formatOsloTime(new Date(deadline), lang)) }]
        : [],
    paragraphs,
    // The files' names (person-typed) in one line; the links come fresh, after a staff check, from the button.
    attachments:
      (report.attachments ?? []).length > 0
        ? [
            {
              runs: [
                ownRun(`${docText.attachmentsHeading(report.attachments?.length ?? 0)}: `, {
                  weight: "Bolder",
                }),
                ...(report.attachments ?? []).flatMap((a, i) => [
                  ...(i > 0 ? [ownRun(", ")] : []),
                  personRun(a.name),
                ]),
              ],
            },
          ]
        : [],
    // Who in the partnership approved (names are person text); comments are in the whole report.
    approvals:
      (report.approvers ?? []).length > 0
        ? [
            {
              runs: [
                ownRun(`${texts(lang).approvals.receiptTitle}: `, { weight: "Bolder" }),
                ...approvalSummaryRuns(report, lang),
              ],
            },
          ]
        : [],
    attachmentsTitle: (report.attachments ?? []).length > 0 ? docText.attachmentsLinks : "",
    roundId: report.roundId,
    reportId: report.id,
  });
}
