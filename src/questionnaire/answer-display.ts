/**
 * Stored answers back to text: Norwegian display text for cards and summaries, and the card input
 * values that parse back to the same answer (pre-filling). Text goes through the typed-text normaliser
 * on the way out too, so a value stored before it existed (bidi controls, lone surrogates) is shown
 * clean. Pure.
 */
import { groupDigits } from "../i18n/digits.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { displayText } from "../text/typed-text.ts";
import { inputId } from "./input-ids.ts";
import { optionIds, optionLabel } from "./options.ts";
import { type AnswerContent, OTHER_OPTION_ID, type Question, type SeasonYear } from "./types.ts";

/** The { season, year } of a stored season_year answer, or undefined when it is not one. */
export function seasonYearOf(content: AnswerContent | null | undefined): SeasonYear | undefined {
  const v = content?.value;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  return (v.season === "Vår" || v.season === "Høst") && Number.isInteger(v.year) ? v : undefined;
}

/** "+4791234567" -> "912 34 567" (mobile, 4/9) or "22 33 44 55"; anything else unchanged. */
function formatPhone(stored: string): string {
  const d = /^\+47(\d{8})$/.exec(stored)?.[1];
  if (d === undefined) return stored;
  return /^[49]/.test(d)
    ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}

/**
 * The answer as Norwegian display text: "160 000 kr", "1 200", "Ja"/"Nei", "Høst 2018", option texts
 * (optionLabel) joined with ", " and "Annet: …" for the other text. The comment is not included (show it
 * separately).
 */
export function formatAnswer(q: Question, content: AnswerContent, lang: Lang = DEFAULT_LANG): string {
  const labels = texts(lang).labels;
  const v = content.value;
  const other = displayText(content.other);
  const option = (id: string) =>
    q.allowOther && id === OTHER_OPTION_ID && other !== ""
      ? labels.otherWithText(other)
      : optionLabel(q, id, lang);
  if (typeof v === "boolean") return v ? labels.yes : labels.no;
  if (typeof v === "number") return q.type === "amount_nok" ? labels.amount(v) : groupDigits(v);
  if (Array.isArray(v)) return v.map(option).join(", ");
  if (typeof v === "object") return `${v.season === "Høst" ? labels.autumn : labels.spring} ${v.year}`;
  if (q.type === "phone") return formatPhone(v);
  return q.type === "choice" ? option(v) : displayText(v);
}

/** The card input values that parse back to this answer (for pre-filling a card). */
export function toRawInputs(q: Question, content: AnswerContent): Record<string, string> {
  const out: Record<string, string> = {};
  const v = content.value;
  const known = optionIds(q);
  if (q.type === "season_year") {
    const sy = seasonYearOf(content);
    if (sy) {
      out[inputId(q.id, "season")] = sy.season;
      out[inputId(q.id, "year")] = String(sy.year);
    }
  } else if (q.type === "choice" || q.type === "multichoice") {
    const ids = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
    out[inputId(q.id)] = ids.filter((id) => known.includes(id)).join(",");
    if (q.allowOther && content.other !== undefined) out[inputId(q.id, "other")] = displayText(content.other);
  } else if (typeof v === "boolean") {
    out[inputId(q.id)] = String(v);
  } else if (typeof v === "number") {
    out[inputId(q.id)] = groupDigits(v);
  } else if (typeof v === "string") {
    out[inputId(q.id)] = q.type === "phone" ? formatPhone(v) : displayText(v);
  }
  if (q.comment && content.comment !== undefined)
    out[inputId(q.id, "comment")] = displayText(content.comment);
  return out;
}
