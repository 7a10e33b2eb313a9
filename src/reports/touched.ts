/**
 * Which questions of a saved card the person changed. Pure.
 */
import { toRawInputs } from "../questionnaire/answers.ts";
import { PREFILL_MARK, sameAsShown } from "../questionnaire/fingerprint.ts";
import { primaryInputId } from "../questionnaire/input-ids.ts";
import { messages } from "../questionnaire/messages.ts";
import type { Page } from "../questionnaire/pages.ts";
import type { AnswerContent, Question } from "../questionnaire/types.ts";
import type { ReportDoc } from "./types.ts";

/**
 * Whether the person changed a question on the card. The card carries a fingerprint of what it showed
 * for each question; a pre-filled value (known data, last year's answer) is marked with PREFILL_MARK and
 * counts as the person's answer when saved, unless someone has meanwhile saved an answer of their own.
 */
export function isTouched(
  q: Question,
  base: string | undefined,
  raw: Record<string, unknown>,
  doc: ReportDoc,
): boolean {
  if (base === undefined) return true;
  const prefilled = base.startsWith(PREFILL_MARK);
  const shown = prefilled ? base.slice(PREFILL_MARK.length) : base;
  if (!sameAsShown(q, raw, shown)) return true;
  return prefilled && doc.answers[q.id] === undefined;
}

/**
 * Whether the stored answer is still the value the card showed (someone saved it after the card was
 * made, but without changing it): then this person's change is no conflict.
 */
export function stillAsShown(q: Question | undefined, base: string | undefined, doc: ReportDoc): boolean {
  const stored = q === undefined ? undefined : doc.answers[q.id];
  if (q === undefined || base === undefined || stored === undefined) return false;
  const shown = base.startsWith(PREFILL_MARK) ? base.slice(PREFILL_MARK.length) : base;
  return sameAsShown(q, toRawInputs(q, stored), shown);
}

/** "Must be answered" for required questions the card left alone and nobody has answered. */
export function missingUntouched(page: Page, touched: Question[], doc: ReportDoc): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of page.questions) {
    if (!touched.includes(q) && q.required && doc.answers[q.id] === undefined)
      errors[primaryInputId(q)] = messages.required;
  }
  return errors;
}

/** Pre-filled questions the person emptied before saving (nothing stored, nothing declined before). */
export function declinedPrefills(
  touched: Question[],
  base: Record<string, string> | undefined,
  answers: Record<string, AnswerContent | null>,
  doc: ReportDoc,
): string[] {
  return touched
    .filter(
      (q) =>
        base?.[q.id]?.startsWith(PREFILL_MARK) === true &&
        answers[q.id] === null &&
        doc.answers[q.id] === undefined &&
        doc.cleared?.[q.id] === undefined,
    )
    .map((q) => q.id);
}

/**
 * Marks pre-fills as declined (like a cleared answer), in the same write as the answers; `bumped` when
 * `doc` is already the next revision (answers were applied to it).
 */
export function decline(doc: ReportDoc, qids: string[], now: Date, bumped: boolean): ReportDoc {
  const revision = bumped ? doc.revision : doc.revision + 1;
  const cleared = { ...doc.cleared };
  for (const qid of qids) cleared[qid] = revision;
  return { ...doc, cleared, revision, updatedAt: now.toISOString() };
}
