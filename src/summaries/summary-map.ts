/**
 * The county's per-tiltak summary (SUMMARY-SPEC §1) as labelled paragraphs, each mapped to the
 * questions of the form in use, and the paragraph text built the way the model
 * (reference/tiltak-summaries-troms-finnmark-2021.txt) writes it. Pure.
 */
import { texts } from "../i18n/texts.ts";
import { formatAnswer } from "../questionnaire/answers.ts";
import { findQuestion } from "../questionnaire/form.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";

type ParagraphKey = keyof ReturnType<typeof texts>["summaryCard"]["paragraphs"];

interface MappedParagraph {
  /** The label's key in the catalogue (summaryCard.paragraphs). */
  key: ParagraphKey;
  questions: string[];
  join?: "pair";
}

export interface SummaryParagraph {
  /** In the reader's language. */
  label: string;
  /** Question ids whose answers (and comments) make up the paragraph, in order. */
  questions: string[];
  /**
   * "pair": the answers joined with " – " as the model writes "UH – amount" and "start – end";
   * default: sentences (comments always follow as sentences).
   */
  join?: "pair";
}

const MAP: Record<string, MappedParagraph[]> = {
  "dekom-skole-2021": [
    { key: "goal", questions: ["5.1", "6.1"] },
    { key: "achievement", questions: ["6.6"] },
    { key: "partner", questions: ["3.3", "4.3"], join: "pair" },
    { key: "ownerGrant", questions: ["4.1"] },
    { key: "ownFunding", questions: ["4.2", "4.7"] },
    { key: "coordinator", questions: ["4.9"] },
    { key: "period", questions: ["6.2", "6.3"], join: "pair" },
    { key: "needs", questions: ["5.2"] },
    { key: "sami", questions: ["5.3"] },
    { key: "uhCooperation", questions: ["6.4"] },
    { key: "uhExperience", questions: ["6.5"] },
    { key: "coherence", questions: ["7.1"] },
    { key: "addition", questions: ["7.2"] },
  ],
  "dekom-2024-2025": [
    { key: "goal", questions: ["q20", "q23"] },
    { key: "achievement", questions: ["q22"] },
    { key: "partner", questions: ["q09", "q14"], join: "pair" },
    { key: "ownerGrant", questions: ["q13"] },
    { key: "ownFunding", questions: ["q11", "q10"] },
    // The 2024/2025 form asks why a coordinator is funded, not how much.
    { key: "coordinator", questions: ["q12"] },
    { key: "period", questions: ["q15", "q16"] },
    { key: "needs", questions: ["q18"] },
    { key: "sami", questions: ["q19"] },
    // Which phase most of the grant went to: not the 2021 form's "how did owner and UH cooperate".
    { key: "phase", questions: ["q17"] },
    { key: "uhExperience", questions: ["q21"] },
    { key: "coherence", questions: ["q24"] },
    { key: "addition", questions: ["q25", "q26"] },
  ],
};

/** The form's summary paragraphs, labelled in `lang`. */
export function summaryParagraphs(formId: string, lang: Lang = "nb"): SummaryParagraph[] {
  const labels = texts(lang).summaryCard.paragraphs;
  return (MAP[formId] ?? []).map(({ key, ...p }) => ({ label: labels[key], ...p }));
}

/** Sentences joined with ". ", never doubling a full stop a person already typed. */
export function joinSentences(parts: readonly string[]): string {
  let out = "";
  for (const raw of parts) {
    const part = raw.trim();
    if (part === "") continue;
    if (out === "") out = part;
    else out += /[.!?:;…]$/.test(out) ? ` ${part}` : `. ${part}`;
  }
  return out;
}

/** The paragraph's text for this report (answers and comments in full), or undefined when nothing is answered. */
export function paragraphText(
  form: Form,
  report: ReportDoc,
  paragraph: SummaryParagraph,
  lang: Lang = "nb",
): string | undefined {
  const answers: string[] = [];
  const comments: string[] = [];
  for (const qid of paragraph.questions) {
    const q = findQuestion(form, qid);
    const a = report.answers[qid];
    if (q === undefined || a === undefined) continue;
    const text = formatAnswer(q, a, lang).trim();
    // "UH – amount": a full stop typed after the name does not belong before the dash.
    answers.push(paragraph.join === "pair" ? text.replace(/[.]+$/, "") : text);
    if (a.comment?.trim()) comments.push(a.comment.trim());
  }
  const head =
    paragraph.join === "pair" ? answers.filter((s) => s !== "").join(" – ") : joinSentences(answers);
  const text = joinSentences([head, ...comments]);
  return text === "" ? undefined : text;
}

/** The round's deadline passed before the report was submitted. */
export function submittedLate(report: ReportDoc, deadline: string | undefined): boolean {
  if (deadline === undefined || report.submittedAt === undefined) return false;
  return new Date(report.submittedAt).getTime() > new Date(deadline).getTime();
}
