/**
 * Answer validation: turns the raw strings a card submits into typed answers (or Norwegian error
 * messages keyed by card input id), and back again for pre-filling cards and for display. Pure, no I/O.
 *
 * Raw input rules: every input arrives as a string or is missing (missing = empty); anything else is
 * invalid. Strings longer than RAW_MAX_LENGTH are rejected before any parsing; the rest are trimmed
 * (CRLF -> LF). Stored forms: email lower-cased; phone as "+47" + 8 digits ("+4791234567"); amounts and
 * integers as whole numbers; choice/multichoice as option texts ("Annet" last) with the "Annet" text in
 * `other`; season_year as { season, year }.
 */
import { z } from "zod";
import { type InputPart, inputId, primaryInputId } from "./input-ids.ts";
import { groupDigits, labels, messages as M, OTHER_OPTION } from "./messages.ts";
import type { AnswerContent, AnswerValue, Form, Question, Season, SeasonYear, Section } from "./types.ts";

export { type InputPart, inputId } from "./input-ids.ts";
export { OTHER_OPTION } from "./messages.ts";

/** Longest raw string accepted from any card input, before trimming or parsing. */
export const RAW_MAX_LENGTH = 10_000;
/** Limit for text answers and comments when the form gives none. */
export const TEXT_HARD_CAP = 4000;
/** Limit for the "Annet" text of choice/multichoice questions. */
export const OTHER_MAX_LENGTH = 1000;
export const INTEGER_MAX = 1_000_000;
export const AMOUNT_MAX = 1_000_000_000;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

type Ctx = z.core.$RefinementCtx;

/** Adds a custom issue with a Norwegian message; returned from a transform it marks the value invalid. */
function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** Characters as a person counts them (code points, so an emoji is one). */
const charCount = (s: string): number => [...s].length;

// ---- Raw card input -------------------------------------------------------------------------------

/** Control characters (except tab and newline) have no place in an answer and would bloat cards. */
const stripControl = (s: string): string =>
  Array.from(s)
    .filter((c) => {
      const n = c.codePointAt(0) ?? 0;
      return n === 9 || n === 10 || (n >= 32 && n !== 127);
    })
    .join("");

const rawInputSchema = z
  .string({ error: M.invalidValue })
  .max(RAW_MAX_LENGTH, { error: M.rawTooLong(RAW_MAX_LENGTH) })
  .transform((s) => stripControl(s.replace(/\r\n?/g, "\n")).trim())
  .nullish()
  .transform((s) => s ?? "");

// ---- One parser per answer type (input: a trimmed, non-empty string) --------------------------------

/**
 * Cards must stay under 40 KB with every field at its limit, so text is also capped in UTF-8 bytes
 * (2 bytes per allowed character): Norwegian text, even all æøå, never reaches it; emoji-heavy text can.
 */
export const BYTES_PER_CHAR = 2;

/** Schemas are built once per parameter set (building a zod schema costs more than running it). */
function memo<K, S>(build: (key: K) => S): (key: K) => S {
  const cache = new Map<K, S>();
  return (key) => {
    let schema = cache.get(key);
    if (schema === undefined) {
      schema = build(key);
      cache.set(key, schema);
    }
    return schema;
  };
}

const textSchemas = new Map<
  (max: number, typed: number) => string,
  (max: number) => z.ZodType<string, string>
>();
function textSchema(max: number, tooLong: (max: number, typed: number) => string) {
  let byMax = textSchemas.get(tooLong);
  if (byMax === undefined) {
    byMax = memo((m: number) => buildTextSchema(m, tooLong));
    textSchemas.set(tooLong, byMax);
  }
  return byMax(max);
}

function buildTextSchema(max: number, tooLong: (max: number, typed: number) => string) {
  return z.string().transform((s, ctx) => {
    if (charCount(s) > max) return fail(ctx, tooLong(max, charCount(s)));
    if (Buffer.byteLength(s, "utf8") > max * BYTES_PER_CHAR) return fail(ctx, M.textTooHeavy);
    return s;
  });
}

/** All kinds of space (incl. NBSP and narrow NBSP) collapsed to one normal space. */
const normalizeSpaces = (s: string): string => s.replace(/\s+/g, " ");
const NEGATIVE = /^[-−–]\s*\d/;
const PLAIN_DIGITS = /^\d+$/;
const SPACE_GROUPS = /^\d{1,3}( \d{3})+$/;
const DOT_GROUPS = /^\d{1,3}(\.\d{3})+$/;

const integerSchema = z.string().transform((raw, ctx) => {
  const s = normalizeSpaces(raw);
  if (NEGATIVE.test(s)) return fail(ctx, M.integerNegative);
  if (/^\d[\d ]*[.,]\d+$/.test(s)) return fail(ctx, M.integerDecimal);
  if (!PLAIN_DIGITS.test(s) && !SPACE_GROUPS.test(s)) return fail(ctx, M.integerInvalid);
  const n = Number(s.replace(/ /g, ""));
  return n > INTEGER_MAX ? fail(ctx, M.integerTooLarge(INTEGER_MAX)) : n;
});

/**
 * Whole kroner. Accepts "160000", "160 000", "160.000", "kr 160 000,-", "160 000 kr", "160 000,00",
 * "NOK 160000" and a leading "ca."/"cirka"/"omtrent" (the 2021 form asks for estimates).
 */
const amountSchema = z.string().transform((raw, ctx) => {
  let s = normalizeSpaces(raw).toLowerCase();
  s = s.replace(/^(ca\.?|cirka|omtrent|~)\s*/, "");
  s = s.replace(/^(kr\.?|nok)\s*/, "").replace(/\s*(kr\.?|kroner|nok)$/, "");
  s = s.replace(/\s*[,.][-–]$/, "").replace(/[,.]00$/, "");
  if (NEGATIVE.test(s)) return fail(ctx, M.amountNegative);
  if (/^\d[\d .]*[,.]\d{1,2}$/.test(s)) return fail(ctx, M.amountOre);
  if (!PLAIN_DIGITS.test(s) && !SPACE_GROUPS.test(s) && !DOT_GROUPS.test(s))
    return fail(ctx, M.amountInvalid);
  const n = Number(s.replace(/[ .]/g, ""));
  return n > AMOUNT_MAX ? fail(ctx, M.amountTooLarge(AMOUNT_MAX)) : n;
});

/** Local part and domain of letters (incl. æøå), digits and the usual signs; no leading/double dots. */
const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}._%+'-]+(?<!\.)@([\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
const emailSchema = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.email({ pattern: EMAIL, error: M.email }).max(254, { error: M.email }));

/** Norwegian number: 8 digits (first 2-9), optional +47/0047, spaces/dashes/dots/parentheses ignored. */
const phoneSchema = z.string().transform((s, ctx) => {
  const match = /^(?:\+47|0047)?([2-9]\d{7})$/.exec(s.replace(/[\s\-.()]/g, ""));
  return match ? `+47${match[1]}` : fail(ctx, M.phone);
});

const yesnoSchema = z.string().transform((s, ctx) => {
  const v = s.toLowerCase();
  if (v === "true" || v === "ja") return true;
  if (v === "false" || v === "nei") return false;
  return fail(ctx, M.yesno);
});

/** Option index ("0", "1", ...); `count` includes the "Annet" slot when the question has one. */
const indexSchema = memo((count: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, { error: M.unknownOption })
    .transform(Number)
    .refine((i) => i < count, { error: M.unknownOption }),
);

/** Comma-separated option indices ("0,3,5"), de-duplicated and sorted into form order. */
const indexListSchema = memo((count: number) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== ""),
    )
    .pipe(z.array(indexSchema(count)))
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
);

const SEASON_BY_KEY: Record<string, Season> = { vår: "Vår", var: "Vår", høst: "Høst", host: "Høst" };
const seasonSchema = z.string().transform((s, ctx) => SEASON_BY_KEY[s.toLowerCase()] ?? fail(ctx, M.season));
const yearSchema = z
  .string()
  .regex(/^\d{4}$/, { error: M.year })
  .transform(Number)
  .refine((y) => y >= YEAR_MIN && y <= YEAR_MAX, { error: M.yearRange(YEAR_MIN, YEAR_MAX) });

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

function scalarSchema(q: Question): z.ZodType<AnswerValue, string> | undefined {
  switch (q.type) {
    case "text":
    case "longtext":
      return textSchema(q.maxLength ?? TEXT_HARD_CAP, M.textTooLong);
    case "integer":
      return integerSchema;
    case "amount_nok":
      return amountSchema;
    case "email":
      return emailSchema;
    case "phone":
      return phoneSchema;
    case "yesno":
      return yesnoSchema;
    default:
      return undefined;
  }
}

function parseChoiceMain(q: Question, r: Reader): Main {
  const options = q.options ?? [];
  const otherIndex = q.allowOther ? options.length : -1;
  const main = r.read();
  const otherRaw = q.allowOther ? r.read("other") : "";
  const other =
    otherRaw === undefined || otherRaw === ""
      ? otherRaw
      : r.run(textSchema(OTHER_MAX_LENGTH, M.otherTooLong), otherRaw, "other");
  if (main === undefined) return undefined;
  const count = options.length + (q.allowOther ? 1 : 0);
  let picked: number[] | undefined;
  if (q.type === "multichoice") {
    picked = r.run(indexListSchema(count), main);
    // Text under "Annet" means "Annet" is meant, ticked or not.
    if (picked && other !== "" && !picked.includes(otherIndex)) picked.push(otherIndex);
  } else if (main === "") {
    picked = other !== "" ? [otherIndex] : [];
  } else {
    const index = r.run(indexSchema(count), main);
    picked = index === undefined ? undefined : [index];
    if (index !== undefined && index !== otherIndex && other !== "") r.fail("other", M.otherWithoutOther);
  }
  if (picked === undefined || other === undefined) return undefined;
  const hasOther = picked.includes(otherIndex);
  if (hasOther && other === "") return r.fail("other", M.otherRequired);
  if (picked.length === 0) return "empty";
  const texts = picked.map((i) => options[i] ?? OTHER_OPTION);
  const value = q.type === "multichoice" ? texts : (texts[0] ?? OTHER_OPTION);
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
      : r.run(textSchema(q.commentMaxLength ?? TEXT_HARD_CAP, M.commentTooLong), commentRaw, "comment");
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

function seasonYearOf(content: AnswerContent | null | undefined): SeasonYear | undefined {
  const v = content?.value;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  return (v.season === "Vår" || v.season === "Høst") && Number.isInteger(v.year) ? v : undefined;
}

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

// ---- Back to text ---------------------------------------------------------------------------------

/** "+4791234567" -> "912 34 567" (mobile, 4/9) or "22 33 44 55"; anything else unchanged. */
function formatPhone(stored: string): string {
  const d = /^\+47(\d{8})$/.exec(stored)?.[1];
  if (d === undefined) return stored;
  return /^[49]/.test(d)
    ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}

/**
 * The answer as Norwegian display text: "160 000 kr", "1 200", "Ja"/"Nei", "Høst 2018", options joined
 * with ", " and "Annet: …" for the other text. The comment is not included (show it separately).
 */
export function formatAnswer(q: Question, content: AnswerContent): string {
  const v = content.value;
  const option = (o: string) =>
    o === OTHER_OPTION && content.other !== undefined && content.other !== ""
      ? labels.otherWithText(content.other)
      : o;
  if (typeof v === "boolean") return v ? labels.yes : labels.no;
  if (typeof v === "number") return q.type === "amount_nok" ? labels.amount(v) : groupDigits(v);
  if (Array.isArray(v)) return v.map(option).join(", ");
  if (typeof v === "object") return `${v.season} ${v.year}`;
  if (q.type === "phone") return formatPhone(v);
  return q.type === "choice" ? option(v) : v;
}

/** The card input values that parse back to this answer (for pre-filling a card). */
export function toRawInputs(q: Question, content: AnswerContent): Record<string, string> {
  const out: Record<string, string> = {};
  const v = content.value;
  const options = q.options ?? [];
  const indexOf = (text: string) =>
    q.allowOther && text === OTHER_OPTION ? options.length : options.indexOf(text);
  if (q.type === "season_year") {
    const sy = seasonYearOf(content);
    if (sy) {
      out[inputId(q.id, "season")] = sy.season;
      out[inputId(q.id, "year")] = String(sy.year);
    }
  } else if (q.type === "choice" || q.type === "multichoice") {
    const texts = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
    const indices = texts.map(indexOf).filter((i) => i >= 0);
    out[inputId(q.id)] = indices.join(",");
    if (q.allowOther && content.other !== undefined) out[inputId(q.id, "other")] = content.other;
  } else if (typeof v === "boolean") {
    out[inputId(q.id)] = String(v);
  } else if (typeof v === "number") {
    out[inputId(q.id)] = groupDigits(v);
  } else if (typeof v === "string") {
    out[inputId(q.id)] = q.type === "phone" ? formatPhone(v) : v;
  }
  if (q.comment && content.comment !== undefined) out[inputId(q.id, "comment")] = content.comment;
  return out;
}
