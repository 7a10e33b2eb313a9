import { parseQuestion, type QuestionParseResult } from "../../../src/questionnaire/answers.ts";
import type { Question, QuestionType } from "../../../src/questionnaire/types.ts";

/** A question of the given type with neutral defaults. */
export function question(type: QuestionType, overrides: Partial<Question> = {}): Question {
  return {
    id: "q1",
    text: "Spørsmål",
    help: null,
    type,
    options: null,
    allowOther: false,
    comment: false,
    maxLength: null,
    commentMaxLength: null,
    required: true,
    ...overrides,
  };
}

/** Parses a draft (no "must be answered" errors). */
export function parse(q: Question, raw: Record<string, unknown>): QuestionParseResult {
  return parseQuestion(q, raw, { requireAnswer: false });
}

/** The value of an answer, failing the test with the errors when there is none. */
export function answerValue(result: QuestionParseResult): unknown {
  if (result.kind !== "answer") throw new Error(`expected an answer, got ${JSON.stringify(result)}`);
  return result.content.value;
}

/** The errors of an invalid result, failing the test otherwise. */
export function errorsOf(result: QuestionParseResult): Record<string, string> {
  if (result.kind !== "invalid") throw new Error(`expected errors, got ${JSON.stringify(result)}`);
  return result.errors;
}

/** Norwegian-looking: a full sentence, no English error codes leaking through. */
export const NORWEGIAN = /^[A-ZÆØÅ«].*[.!]$/;
