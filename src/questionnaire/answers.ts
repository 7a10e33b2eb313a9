/**
 * Answer parsing: turns the raw strings a card submits into typed answers (or Norwegian error messages
 * keyed by card input id), per question and per section, and checks the rules across questions. Pure,
 * no I/O. The parsers of single values live in answer-schemas.ts; back to text in answer-display.ts.
 *
 * Stored forms: email lower-cased; phone as "+47" + 8 digits ("+4791234567"); amounts and integers as
 * whole numbers; choice/multichoice as option ids (src/questionnaire/options.ts; "annet" last) with the
 * "Annet" text in `other`;
 * season_year as { season, year }; text normalised (src/text/typed-text.ts).
 */

import type { z } from "zod";
import { seasonYearOf } from "./answer-display.ts";
import {
  OTHER_MAX_LENGTH,
  optionIdListSchema,
  optionIdSchema,
  rawInputSchema,
  scalarSchema,
  seasonSchema,
  TEXT_HARD_CAP,
  textSchema,
  yearSchema,
} from "./answer-schemas.ts";
import { type InputPart, inputId, primaryInputId } from "./input-ids.ts";
import { messages as M } from "./messages.ts";
import {
  type AnswerContent,
  type AnswerValue,
  type Form,
  OTHER_OPTION_ID,
  type Question,
  type SeasonYear,
  type Section,
} from "./types.ts";

export { TEXT_BYTES_PER_CHAR } from "../text/encoded-size.ts";
export { formatAnswer, toRawInputs } from "./answer-display.ts";
export {
  AMOUNT_MAX,
  INTEGER_MAX,
  OTHER_MAX_LENGTH,
  RAW_MAX_LENGTH,
  TEXT_HARD_CAP,
  YEAR_MAX,
} from "./answer-schemas.ts";
export { inputId } from "./input-ids.ts";

// ---- Per question ---------------------------------------------------------------------------------

export interface ParseOptions {
  /** Report "Dette spørsmålet må besvares." for empty required questions (moving on), not for drafts. */
  requireAnswer: boolean;
}

export type QuestionParseResult =
  | { kind: "answer"; content: AnswerContent }
  | { kind: "empty" }
  | { kind: "invalid"; errors: Record<string, string> };

/** The main value (and "Annet" text), "empty", or undefined when an error was recorded. */
type Main = { value: AnswerValue; other?: string } | "empty" | undefined;

class Reader {
  readonly errors: Record<string, string> = {};
  constructor(
    private readonly q: Question,
    private readonly raw: Record<string, unknown>,
  ) {}

  /** The trimmed raw string of an input ("" when missing), or undefined when it is invalid. */
  read(part?: InputPart): string | undefined {
    return this.run(rawInputSchema, this.raw[inputId(this.q.id, part)], part);
  }

  /** Runs a schema; on failure records its first message on the input and returns undefined. */
  run<T>(schema: z.ZodType<T>, input: unknown, part?: InputPart): T | undefined {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    this.fail(part, result.error.issues[0]?.message ?? M.invalidValue);
    return undefined;
  }

  fail(part: InputPart | undefined, message: string): undefined {
    this.errors[inputId(this.q.id, part)] ??= message;
    return undefined;
  }
}

function parseChoiceMain(q: Question, r: Reader): Main {
  const main = r.read();
  const otherRaw = q.allowOther ? r.read("other") : "";
  const other =
    otherRaw === undefined || otherRaw === ""
      ? otherRaw
      : r.run(textSchema(OTHER_MAX_LENGTH, "otherTooLong"), otherRaw, "other");
  if (main === undefined) return undefined;
  let picked: string[] | undefined;
  if (q.type === "multichoice") {
    picked = r.run(optionIdListSchema(q), main);
    // Text under "Annet" means "Annet" is meant, ticked or not.
    if (picked && other !== "" && !picked.includes(OTHER_OPTION_ID)) picked.push(OTHER_OPTION_ID);
  } else if (main === "") {
    picked = other !== "" ? [OTHER_OPTION_ID] : [];
  } else {
    const id = r.run(optionIdSchema(q), main);
    picked = id === undefined ? undefined : [id];
    if (id !== undefined && id !== OTHER_OPTION_ID && other !== "") r.fail("other", M.otherWithoutOther);
  }
  if (picked === undefined || other === undefined) return undefined;
  const hasOther = q.allowOther && picked.includes(OTHER_OPTION_ID);
  if (hasOther && other === "") return r.fail("other", M.otherRequired);
  if (picked.length === 0) return "empty";
  const value = q.type === "multichoice" ? picked : (picked[0] ?? OTHER_OPTION_ID);
  return hasOther ? { value, other } : { value };
}

function parseSeasonYearMain(r: Reader): Main {
  const seasonRaw = r.read("season");
  const yearRaw = r.read("year");
  if (seasonRaw === undefined || yearRaw === undefined) return undefined;
  if (seasonRaw === "" && yearRaw === "") return "empty";
  const season =
    seasonRaw === "" ? r.fail("season", M.seasonMissing) : r.run(seasonSchema, seasonRaw, "season");
  const year = yearRaw === "" ? r.fail("year", M.yearMissing) : r.run(yearSchema, yearRaw, "year");
  if (season === undefined || year === undefined) return undefined;
  return { value: { season, year } };
}

function parseMain(q: Question, r: Reader): Main {
  if (q.type === "choice" || q.type === "multichoice") return parseChoiceMain(q, r);
  if (q.type === "season_year") return parseSeasonYearMain(r);
  const main = r.read();
  const schema = scalarSchema(q);
  if (main === undefined || schema === undefined) return undefined;
  if (main === "") return "empty";
  const value = r.run(schema, main);
  return value === undefined ? undefined : { value };
}

/**
 * Parses the card inputs of one question. Errors are keyed by input id; all problems of the question are
 * reported at once. A comment alone is not an answer: with an empty main value it gives "må besvares"
 * (requireAnswer on a required question) or asks for the main value, so no typed comment is silently lost.
 */
export function parseQuestion(
  q: Question,
  raw: Record<string, unknown>,
  opts: ParseOptions,
): QuestionParseResult {
  const r = new Reader(q, raw);
  const main = parseMain(q, r);
  const commentRaw = q.comment ? r.read("comment") : "";
  const comment =
    commentRaw === undefined || commentRaw === ""
      ? commentRaw
      : r.run(textSchema(q.commentMaxLength ?? TEXT_HARD_CAP, "commentTooLong"), commentRaw, "comment");
  if (main === "empty") {
    const mainId = primaryInputId(q);
    if (opts.requireAnswer && q.required) r.errors[mainId] ??= M.required;
    else if (comment !== "") r.errors[mainId] ??= M.commentWithoutAnswer;
  }
  if (Object.keys(r.errors).length > 0 || main === undefined || comment === undefined) {
    return { kind: "invalid", errors: r.errors };
  }
  if (main === "empty") return { kind: "empty" };
  const content: AnswerContent = { value: main.value };
  if (main.other !== undefined) content.other = main.other;
  if (comment !== "") content.comment = comment;
  return { kind: "answer", content };
}

export interface SectionParseResult {
  /** Valid answers by question id; null = the question was left empty (clears a saved answer). */
  answers: Record<string, AnswerContent | null>;
  /** Errors by input id. Questions with errors are not in `answers`. */
  errors: Record<string, string>;
}

/** Parses every question of a section; valid answers are kept while invalid ones are reported. */
export function parseSection(
  section: Section,
  raw: Record<string, unknown>,
  opts: ParseOptions,
): SectionParseResult {
  const answers: Record<string, AnswerContent | null> = {};
  const errors: Record<string, string> = {};
  for (const q of section.questions) {
    const result = parseQuestion(q, raw, opts);
    if (result.kind === "invalid") Object.assign(errors, result.errors);
    else answers[q.id] = result.kind === "answer" ? result.content : null;
  }
  return { answers, errors };
}

// ---- Cross-question rules -------------------------------------------------------------------------

/** Half-years in order: Vår 2022 < Høst 2022 < Vår 2023. */
const halfYear = (v: SeasonYear): number => v.year * 2 + (v.season === "Høst" ? 1 : 0);

/**
 * Checks start <= end for the form's season_year pairs (values by question id; missing sides are skipped).
 * Errors are keyed by the end question's id (`inputId(end)`, the question as a whole).
 */
export function checkPeriodPairs(
  form: Form,
  values: Record<string, AnswerContent | null | undefined>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { start, end } of form.periodPairs) {
    const from = seasonYearOf(values[start]);
    const to = seasonYearOf(values[end]);
    if (from && to && halfYear(to) < halfYear(from)) errors[inputId(end)] = M.periodOrder;
  }
  return errors;
}
