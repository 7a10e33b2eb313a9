/**
 * The county's per-tiltak summary (SUMMARY-SPEC §1) as labelled paragraphs, each mapped to the
 * questions of the form in use, and the paragraph text built the way the model
 * (reference/tiltak-summaries-troms-finnmark-2021.txt) writes it. Pure.
 */
import { formatAnswer } from "../questionnaire/answers.ts";
import { findQuestion } from "../questionnaire/form.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";

export interface SummaryParagraph {
  label: string;
  /** Question ids whose answers (and comments) make up the paragraph, in order. */
  questions: string[];
  /**
   * "pair": the answers joined with " – " as the model writes "UH – amount" and "start – end";
   * default: sentences (comments always follow as sentences).
   */
  join?: "pair";
}

const MAP: Record<string, SummaryParagraph[]> = {
  "dekom-skole-2021": [
    { label: "Mål for tiltaket", questions: ["5.1", "6.1"] },
    { label: "Måloppnåelse", questions: ["6.6"] },
    { label: "Partner", questions: ["3.3", "4.3"], join: "pair" },
    { label: "Tilskudd skoleeier", questions: ["4.1"] },
    { label: "Egenfinansiering", questions: ["4.2", "4.7"] },
    { label: "Koordinator", questions: ["4.9"] },
    { label: "Periode", questions: ["6.2", "6.3"], join: "pair" },
    { label: "Forankret i skolenes behov", questions: ["5.2"] },
    { label: "Samisk perspektiv", questions: ["5.3"] },
    { label: "Samarbeid UH", questions: ["6.4"] },
    { label: "UHs bruk av erfaringer", questions: ["6.5"] },
    { label: "Sammenheng", questions: ["7.1"] },
    { label: "Tillegg", questions: ["7.2"] },
  ],
  "dekom-2024-2025": [
    { label: "Mål for tiltaket", questions: ["q20", "q23"] },
    { label: "Måloppnåelse", questions: ["q22"] },
    { label: "Partner", questions: ["q09", "q14"], join: "pair" },
    { label: "Tilskudd skoleeier", questions: ["q13"] },
    { label: "Egenfinansiering", questions: ["q11", "q10"] },
    // The 2024/2025 form asks why a coordinator is funded, not how much.
    { label: "Koordinator", questions: ["q12"] },
    { label: "Periode", questions: ["q15", "q16"] },
    { label: "Forankret i skolenes behov", questions: ["q18"] },
    { label: "Samisk perspektiv", questions: ["q19"] },
    // Which phase most of the grant went to: not the 2021 form's "how did owner and UH cooperate".
    { label: "Fase for hovedtyngden av midlene", questions: ["q17"] },
    { label: "UHs bruk av erfaringer", questions: ["q21"] },
    { label: "Sammenheng", questions: ["q24"] },
    { label: "Tillegg", questions: ["q25", "q26"] },
  ],
};

export function summaryParagraphs(formId: string): SummaryParagraph[] {
  return MAP[formId] ?? [];
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
