/**
 * Card size as Teams counts it, the budget every card is held to, and a generic split of a long body
 * into several cards that each fit.
 *
 * Teams measures a message in UTF-16: `Buffer.byteLength(JSON.stringify(card), "utf16le")`, about
 * 100 KB at most. We keep every card under CARD_BUDGET_BYTES (80 KB) so the activity around it
 * (attachments, channel data) still fits. Budgets of typed text use the worst case of that encoding
 * (src/text/encoded-size.ts: at most TEXT_BYTES_PER_CHAR per allowed character, escapes included).
 */
/** A card as JSON (the same shape as render.ts CardJson; not imported from there, to keep no cycle). */
type CardJson = Record<string, unknown>;

/** Every card stays under this many bytes (UTF-16 of its JSON). */
export const CARD_BUDGET_BYTES = 80 * 1024;

export class CardTooLargeError extends Error {}

/**
 * The JSON text of every card checkCardSize measured, so that the same card is never encoded twice:
 * a later size question (cardBytes) and the HTTP answer carrying the card (bot/invoke-response.ts)
 * reuse it. A card is a finished value once it is measured: nothing changes it afterwards (code that
 * wants a different card builds a new object, e.g. with a spread, which is measured afresh).
 */
const measured = new WeakMap<object, string>();

let freezeOnceMeasured = false;

/**
 * For tests: from now on, deep-freeze every card checkCardSize measures, so that code changing a card
 * afterwards (whose remembered JSON would then be stale on the wire) throws instead of sending the
 * old text. test/support/freeze-cards.ts turns it on for the unit and integration projects.
 */
export function freezeCardsOnceMeasured(): void {
  freezeOnceMeasured = true;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** The JSON text of a value: the one measured for this very card, else a fresh JSON.stringify. */
function cardJson(value: unknown): string {
  const known = typeof value === "object" && value !== null ? measured.get(value) : undefined;
  return known ?? (JSON.stringify(value) as string);
}

/** The JSON text checkCardSize measured for this card object, if it did. */
export function measuredJson(card: object): string | undefined {
  return measured.get(card);
}

/**
 * Bytes of any JSON value as Teams counts a card: UTF-16 of its JSON text, two bytes per UTF-16 code
 * unit (exactly `Buffer.byteLength(json, "utf16le")`, without a pass over the text).
 */
export function cardBytes(value: unknown): number {
  return 2 * cardJson(value).length;
}

/** The card itself, or CardTooLargeError when it is over the budget. */
export function checkCardSize(card: CardJson, budget = CARD_BUDGET_BYTES, what = "Card"): CardJson {
  const json = cardJson(card);
  const bytes = 2 * json.length;
  if (bytes > budget) throw new CardTooLargeError(`${what} is ${bytes} bytes (limit ${budget})`);
  measured.set(card, json);
  if (freezeOnceMeasured) deepFreeze(card);
  return card;
}

/** Where a card stands among the cards one body was split into (1-based `index`). */
export interface CardPart {
  index: number;
  count: number;
}

/**
 * Splits `blocks` (body elements, in order) into as few cards as fit `budget`, keeping the order and
 * never splitting a block. `wrap` builds one card from its blocks and its place among the cards (e.g.
 * a heading "del 2 av 3" and the actions on the last); it is measured with no blocks to find the room
 * left, and every finished card is measured again. Throws CardTooLargeError when a single block does
 * not fit next to the card's own frame.
 */
export function splitIntoCards<B>(
  blocks: readonly B[],
  wrap: (blocks: B[], part: CardPart) => CardJson,
  budget = CARD_BUDGET_BYTES,
): CardJson[] {
  // The frame of the largest part label the split could need (a count of blocks.length digits).
  const worstPart = { index: Math.max(blocks.length, 1), count: Math.max(blocks.length, 1) };
  const frame = cardBytes(wrap([], worstPart));
  const room = budget - frame;
  const groups: B[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    const size = cardBytes(block) + 2; // the comma between array items, in UTF-16
    if (size > room)
      throw new CardTooLargeError(`A block of ${size} bytes does not fit a card (room ${room})`);
    const current = groups[groups.length - 1] as B[];
    if (used + size > room && current.length > 0) {
      groups.push([block]);
      used = size;
    } else {
      current.push(block);
      used += size;
    }
  }
  const count = groups.length;
  return groups.map((group, i) => checkCardSize(wrap(group, { index: i + 1, count }), budget));
}
