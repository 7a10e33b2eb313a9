/**
 * The zod parsers of single card values, one per answer type, and the limits they enforce. Pure.
 *
 * Raw input rules: every input arrives as a string or is missing (missing = empty); anything else is
 * invalid. Strings longer than RAW_MAX_LENGTH are rejected before any other work; the rest go through
 * the one typed-text normaliser (src/text/typed-text.ts: NFC, LF line breaks, no control, bidi or lone
 * surrogate characters, trimmed of whitespace and invisible characters), and a value that shows nothing
 * (only zero-width or blank-pattern characters) is empty.
 */
import { z } from "zod";
import { encodedBytes, TEXT_BYTES_PER_CHAR } from "../text/encoded-size.ts";
import { isBlankText, normalizeTypedText } from "../text/typed-text.ts";
import { messages as M } from "./messages.ts";
import { optionIds } from "./options.ts";
import type { AnswerValue, Question, Season } from "./types.ts";

/** Longest raw string accepted from any card input, before trimming or parsing. */
export const RAW_MAX_LENGTH = 10_000;
/** Limit for text answers and comments when the form gives none. */
export const TEXT_HARD_CAP = 4000;
/** Limit for the "Annet" text of choice/multichoice questions. */
export const OTHER_MAX_LENGTH = 1000;
export const INTEGER_MAX = 1_000_000;
export const AMOUNT_MAX = 1_000_000_000;
const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

type Ctx = z.core.$RefinementCtx;

/** Adds a custom issue with a Norwegian message; returned from a transform it marks the value invalid. */
function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** Characters as a person counts them (code points, so an emoji is one). */
const charCount = (s: string): number => [...s].length;

/** A raw card value: the normalised string, "" when missing or blank. */
export const rawInputSchema = z
  .string({ error: () => M.invalidValue })
  .max(RAW_MAX_LENGTH, { error: () => M.rawTooLong(RAW_MAX_LENGTH) })
  .transform((s) => {
    const text = normalizeTypedText(s);
    return isBlankText(text) ? "" : text;
  })
  .nullish()
  .transform((s) => s ?? "");

// ---- One parser per answer type (input: a normalised, non-empty string) ------------------------------

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

/** The message for a text over its limit: of an answer, a comment or an «Annet» text. */
type TooLong = "textTooLong" | "commentTooLong" | "otherTooLong";

const textSchemas = new Map<TooLong, (max: number) => z.ZodType<string, string>>();

/**
 * Free text of at most `max` characters, and at most `max` * TEXT_BYTES_PER_CHAR bytes as the text
 * costs in a card (UTF-16 JSON, escapes included: src/text/encoded-size.ts), so cards can be budgeted
 * on the worst case of the real encoding.
 */
export function textSchema(max: number, tooLong: TooLong) {
  let byMax = textSchemas.get(tooLong);
  if (byMax === undefined) {
    byMax = memo((m: number) =>
      z.string().transform((s, ctx) => {
        if (charCount(s) > m) return fail(ctx, M[tooLong](m, charCount(s)));
        if (encodedBytes(s) > m * TEXT_BYTES_PER_CHAR) return fail(ctx, M.textTooHeavy);
        return s;
      }),
    );
    textSchemas.set(tooLong, byMax);
  }
  return byMax(max);
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
  .pipe(z.email({ pattern: EMAIL, error: () => M.email }).max(254, { error: () => M.email }));

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

/**
 * One option id of the question ("skoleeier", "annet" for the free-text option): anything else, an
 * option text or an old card's index included, is refused with the one Norwegian message.
 */
export const optionIdSchema = memo((q: Question) => {
  const ids = optionIds(q);
  return z.string().refine((id) => ids.includes(id), { error: () => M.unknownOption });
});

/** Comma-separated option ids ("uh,skoleeier"), de-duplicated and sorted into form order ("annet" last). */
export const optionIdListSchema = memo((q: Question) => {
  const order = new Map(optionIds(q).map((id, i) => [id, i]));
  return z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== ""),
    )
    .pipe(z.array(optionIdSchema(q)))
    .transform((list) => [...new Set(list)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
});

const SEASON_BY_KEY: Record<string, Season> = {
  vår: "Vår",
  var: "Vår",
  høst: "Høst",
  host: "Høst",
  haust: "Høst",
};
export const seasonSchema = z
  .string()
  .transform((s, ctx) => SEASON_BY_KEY[s.toLowerCase()] ?? fail(ctx, M.season));
export const yearSchema = z
  .string()
  .regex(/^\d{4}$/, { error: () => M.year })
  .transform(Number)
  .refine((y) => y >= YEAR_MIN && y <= YEAR_MAX, { error: () => M.yearRange(YEAR_MIN, YEAR_MAX) });

/** The parser of a question's main value, for the types whose value is one input. */
export function scalarSchema(q: Question): z.ZodType<AnswerValue, string> | undefined {
  switch (q.type) {
    case "text":
    case "longtext":
      return textSchema(q.maxLength ?? TEXT_HARD_CAP, "textTooLong");
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
