/**
 * Last round's answers for an import: the same tiltak (same id, or the file's «forrige_tiltak_id») in
 * an earlier round with the same form gives its answers to the questions that rarely change
 * (`Question.carryOver`: partners, UH, themes). The new report shows them pre-filled, marked for
 * checking; nothing counts as an answer until someone saves the page.
 */
import { allQuestions } from "../questionnaire/form.ts";
import type { AnswerContent, Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { ImportedTiltak } from "./import-schema.ts";

export type Previous = NonNullable<ReportDoc["previous"]>;

/** The id the tiltak had in an earlier round. */
export const previousIdOf = (item: ImportedTiltak): string => item.tiltak.previousId ?? item.id;

/** The carried-over answers of an earlier report, or undefined when it has none for this form. Pure. */
function previousOf(form: Form, earlier: ReportDoc): Previous | undefined {
  if (earlier.formId !== form.id) return undefined;
  const answers: Record<string, AnswerContent> = {};
  for (const q of allQuestions(form)) {
    const a = earlier.answers[q.id];
    if (!q.carryOver || a === undefined) continue;
    answers[q.id] = {
      value: a.value,
      ...(a.other !== undefined ? { other: a.other } : {}),
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
    };
  }
  if (Object.keys(answers).length === 0) return undefined;
  return { roundId: earlier.roundId, reportId: earlier.id, answers };
}

/**
 * For each tiltak of the file, the newest earlier report (submitted before drafts) that gives
 * carried-over answers, keyed by the new report id. Pure.
 */
export function pickPrevious(
  form: Form,
  tiltak: readonly ImportedTiltak[],
  earlier: readonly ReportDoc[],
): Map<string, Previous> {
  const out = new Map<string, Previous>();
  for (const item of tiltak) {
    const candidates = earlier
      .filter((r) => r.id === previousIdOf(item))
      .sort(
        (a, b) =>
          Number(b.status === "submitted") - Number(a.status === "submitted") ||
          b.createdAt.localeCompare(a.createdAt),
      );
    for (const r of candidates) {
      const p = previousOf(form, r);
      if (p !== undefined) {
        out.set(item.id, p);
        break;
      }
    }
  }
  return out;
}
