/**
 * The one normaliser for text people typed (card inputs, chat messages) and for text from the import
 * (partnership, tiltak and contact names), used by validation before anything is stored and by every
 * card before anything is shown, so old stored values are cleaned on display as well.
 *
 * - Unicode NFC, so "å" typed as "a" + ring is the same answer as "å".
 * - Line breaks CRLF / CR -> LF; control characters other than tab and newline removed.
 * - Bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) removed: they can reorder
 *   what a reader sees (a summary line that reads backwards), and a typed answer never needs them.
 * - Lone surrogates removed: not text, and JSON turns each into a 12-byte escape.
 * - Invisible characters (zero-width and blank-pattern: U+200B, U+2060, U+2800, U+3164, ...) count as
 *   blank: trimmed with the whitespace at both ends, so an answer made of them alone is empty.
 *   Inside a text they stay (U+200D joins emoji sequences).
 *
 * Pure, linear time (one pass per step, no backtracking patterns).
 */

/** Bidi embedding, override, isolate and mark characters. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Characters that show nothing (or a blank cell) and are not whitespace to `\s`: zero-width space /
 * non-joiner / joiner, word joiner and invisible operators, soft hyphen, combining grapheme joiner,
 * Mongolian vowel separator, Hangul fillers, Khmer inherent vowels, braille blank, halfwidth Hangul
 * filler. Trimmed at both ends of a text.
 */
const INVISIBLE = "\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200D\u2060-\u2064\u2800\u3164\uFFA0";
/**
 * Invisible too, but meaningful after an emoji at the end of a text (variation selectors, tag
 * characters of flag sequences): never trimmed, yet a text of nothing else is blank.
 */
const MODIFIERS = "\uFE00-\uFE0F\u{E0000}-\u{E007F}";
const EDGE_CHAR = new RegExp(`[\\s${INVISIBLE}]`);
const BLANK_ONLY = new RegExp(`^[\\s${INVISIBLE}${MODIFIERS}]*$`, "u");

/** Code units that may stay: tab, LF, and everything from space on except DEL and C1 controls. */
function keepUnit(code: number): boolean {
  return code === 9 || code === 10 || (code >= 32 && code !== 127 && !(code >= 0x80 && code < 0xa0));
}

/** Removes control characters and lone surrogates in one pass over the UTF-16 code units. */
function stripUnits(s: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let drop: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed pair
        continue;
      }
      drop = 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) drop = 1;
    else drop = keepUnit(c) ? 0 : 1;
    if (drop === 0) continue;
    out += s.slice(start, i);
    start = i + drop;
  }
  return start === 0 ? s : out + s.slice(start);
}

/**
 * A typed value as it is validated, stored and shown: NFC, LF line breaks, no controls, no bidi
 * controls, no lone surrogates, trimmed of whitespace and invisible characters at both ends.
 */
export function normalizeTypedText(raw: string): string {
  if (plainLatin1(raw)) return trimBlank(raw);
  const s = stripUnits(raw.replace(/\r\n?/g, "\n")).replace(BIDI_CONTROLS, "");
  return trimBlank(s.normalize("NFC"));
}

/**
 * True when only trimming can change the text: every code unit is tab, LF or printable Latin-1
 * (U+0020-U+007E, U+00A0-U+00FF). Then there is no CR, control, bidi control or surrogate to remove,
 * and the text is already NFC (no Latin-1 character decomposes or combines). Most answers are such
 * text, and this one pass is cheaper than the general steps.
 */
function plainLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 ? c > 0xff || (c >= 0x7f && c < 0xa0) : c !== 9 && c !== 10) return false;
  }
  return true;
}

/**
 * Trims whitespace and invisible characters at both ends. A loop, not `/[…]+$/`: that pattern is
 * quadratic on a long run of blanks followed by a letter. (All of them are in the BMP.)
 */
function trimBlank(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && EDGE_CHAR.test(s.charAt(start))) start++;
  while (end > start && EDGE_CHAR.test(s.charAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** True when the text shows nothing: only whitespace and invisible characters (or nothing at all). */
export function isBlankText(s: string): boolean {
  return BLANK_ONLY.test(s);
}

/**
 * Text for display (names and answers in cards): the same normalisation, and "" for anything that is
 * not a string (a stored document from an older version, a missing name).
 */
export function displayText(value: unknown): string {
  return typeof value === "string" ? normalizeTypedText(value) : "";
}
