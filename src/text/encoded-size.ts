/**
 * What a string costs inside a card as Teams counts it: the card's JSON measured in UTF-16
 * (`Buffer.byteLength(JSON.stringify(card), "utf16le")`), so a letter costs 2 bytes, an emoji 4, and a
 * backslash or quote 4 (JSON escapes it as two characters). Pure.
 */

/** Bytes of `s` as a JSON string value in UTF-16, without the two quotes around it. */
export function encodedBytes(s: string): number {
  return Buffer.byteLength(JSON.stringify(s), "utf16le") - 4;
}

/**
 * The most one character (code point) of normalised typed text costs in a card: a backslash, a quote
 * or an astral character is 4 bytes. (Control characters and lone surrogates, up to 12 bytes each as
 * `\uXXXX` escapes, are removed by the normaliser.)
 */
export const WORST_BYTES_PER_CHAR = 4;

/**
 * The budget per allowed character for free text: a text may use up to 3 bytes per character of its
 * limit, so plain Norwegian text with some quotes always fits, while a text made only of emoji or
 * backslashes stops at three quarters of its character limit. Card budgets are computed with this.
 */
export const TEXT_BYTES_PER_CHAR = 3;
