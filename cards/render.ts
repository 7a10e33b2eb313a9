/**
 * Expand an Adaptive Card template with data, and check the result fits Teams.
 */
import * as ACData from "adaptivecards-templating";
import { CARD_BUDGET_BYTES, checkCardSize } from "./card-size.ts";

export { CardTooLargeError } from "./card-size.ts";

/** Teams allows ~100 KB per message, counted in UTF-16; we keep every card under 80 KB (card-size.ts). */
export const MAX_CARD_BYTES = CARD_BUDGET_BYTES;

export type CardJson = Record<string, unknown>;

/**
 * Parsed templates, one per template object: parsing every ${…} expression costs far more than
 * expanding it (it was a third of the bot's CPU per turn under load).
 */
const parsed = new WeakMap<object, ACData.Template>();

export function render(template: object, data: object): CardJson {
  let t = parsed.get(template);
  if (t === undefined) {
    t = new ACData.Template(template);
    parsed.set(template, t);
  }
  return fits(t.expand({ $root: data }) as CardJson);
}

/** The card itself, or CardTooLargeError when it would not fit a Teams message with margin. */
export function fits(card: CardJson): CardJson {
  return checkCardSize(card);
}

/**
 * Text shown in a TextBlock is rendered as (a subset of) Markdown by Teams. Answers typed by
 * people are shown literally: escape Markdown and strip angle brackets' HTML meaning.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|>~<]/g, (c) => `\\${c}`);
}

/** Shorten for display, on a word boundary where possible. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
