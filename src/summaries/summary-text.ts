/**
 * The county's per-tiltak summary paragraphs (SUMMARY-SPEC §1) as plain text, in full: each label of
 * summary-map.ts with the answers (and comments) of its questions. Used where the whole text is wanted
 * (the samarbeidsforum document); cards shorten it themselves. Pure.
 */
import { formatAnswer } from "../questionnaire/answers.ts";
import type { Form, Question } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";
import { isAnswered } from "./answer-text.ts";
import { summaryParagraphs } from "./summary-map.ts";

export interface SummaryText {
  label: string;
  /** One entry per answer or comment, in order (a comment follows its answer). */
  parts: string[];
}

function questionOf(form: Form, id: string): Question | undefined {
  for (const section of form.sections) {
    const q = section.questions.find((x) => x.id === id);
    if (q) return q;
  }
  return undefined;
}

/** Every paragraph of the form's summary with the report's answers; a paragraph with no answers is kept empty. */
export function summaryTexts(form: Form, report: ReportDoc, lang: Lang = "nb"): SummaryText[] {
  return summaryParagraphs(form.id, lang).map(({ label, questions }) => ({
    label,
    parts: questions.flatMap((id) => {
      const q = questionOf(form, id);
      const a = report.answers[id];
      if (q === undefined || a === undefined) return [];
      const answer = isAnswered(q, a) ? formatAnswer(q, a, lang).trim() : "";
      const comment = a.comment?.trim() ?? "";
      return [answer, comment].filter((t) => t !== "");
    }),
  }));
}
