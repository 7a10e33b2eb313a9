/**
 * Ids of the Adaptive Card inputs that belong to a question. The main input has the question id itself
 * ("2.1", "q08"); extra parts are `${qid}__other`, `${qid}__comment`, `${qid}__season` and `${qid}__year`.
 * Question ids never contain "__", so an input id always maps back to exactly one question.
 */
import type { Question } from "./types.ts";

export const INPUT_PARTS = ["other", "comment", "season", "year"] as const;
export type InputPart = (typeof INPUT_PARTS)[number];

const SEPARATOR = "__";

/** The card input id of a question's main input (no part) or one of its extra parts. */
export function inputId(questionId: string, part?: InputPart): string {
  return part === undefined ? questionId : `${questionId}${SEPARATOR}${part}`;
}

export interface ParsedInputId {
  questionId: string;
  /** null for the main input. */
  part: InputPart | null;
}

function isInputPart(s: string): s is InputPart {
  return (INPUT_PARTS as readonly string[]).includes(s);
}

/** The question and part an input id stands for, or undefined when it is not one of ours. */
export function parseInputId(id: string): ParsedInputId | undefined {
  if (id === "") return undefined;
  const at = id.indexOf(SEPARATOR);
  if (at === -1) return { questionId: id, part: null };
  const questionId = id.slice(0, at);
  const part = id.slice(at + SEPARATOR.length);
  if (questionId === "" || !isInputPart(part)) return undefined;
  return { questionId, part };
}

/**
 * The input where a "must be answered" or period error for the whole question is shown: the season input
 * for season_year (which has no main input), otherwise the main input.
 */
export function primaryInputId(question: Question): string {
  return question.type === "season_year" ? inputId(question.id, "season") : inputId(question.id);
}

/** Every card input a question uses, main/season first. */
export function inputIdsOf(question: Question): string[] {
  const ids =
    question.type === "season_year"
      ? [inputId(question.id, "season"), inputId(question.id, "year")]
      : [inputId(question.id)];
  if ((question.type === "choice" || question.type === "multichoice") && question.allowOther) {
    ids.push(inputId(question.id, "other"));
  }
  if (question.comment) ids.push(inputId(question.id, "comment"));
  return ids;
}

/** The error messages (keyed by input id) that belong to one question, in input order. */
export function errorsOfQuestion(question: Question, errors: Record<string, string>): string[] {
  const ids = [inputId(question.id), ...inputIdsOf(question)];
  return [...new Set(ids)].flatMap((id) => (errors[id] === undefined ? [] : [errors[id]]));
}
