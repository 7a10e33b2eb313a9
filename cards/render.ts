/**
 * Expand an Adaptive Card template with data, and check the result fits Teams.
 */
import * as ACData from "adaptivecards-templating";

/** Teams allows ~100 KB per message; we keep every card well under it. */
export const MAX_CARD_BYTES = 40 * 1024;

export type CardJson = Record<string, unknown>;

export class CardTooLargeError extends Error {}

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
  const bytes = Buffer.byteLength(JSON.stringify(card), "utf8");
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(`Card is ${bytes} bytes (limit ${MAX_CARD_BYTES})`);
  return card;
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
