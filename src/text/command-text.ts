/**
 * The text of a chat message as a command ("hei", "@Dekom status", "Bruk denne kanalen!"): one small
 * pure function shared by the personal-chat and the channel command parsers.
 *
 * Bounded and linear: a message longer than COMMAND_TEXT_MAX_LENGTH is no command at all and gives ""
 * before any other work; the rest is one pass to drop tags and mentions and one to drop trailing
 * punctuation. (Regular expressions such as `/<[^>]*>/g` or `/[!.?]+$/` on raw text are quadratic on
 * "<<<<…" or "!!!!…a": 28,000 "!" froze the event loop for 0.8 s.)
 */
import { normalizeTypedText } from "./typed-text.ts";

/** Longest message still read as a command, tags and mention included ("<at>…</at> bruk denne kanalen"). */
export const COMMAND_TEXT_MAX_LENGTH = 1000;

/** Removes `<at>…</at>` (the mention with the bot's name) and every other tag, each replaced by a space. */
function stripTags(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf("<", i);
    if (open < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, open);
    const close = s.indexOf(">", open + 1);
    if (close < 0) {
      out += s.slice(open); // a lone "<" is text
      break;
    }
    i = close + 1;
    if (s.slice(open, close + 1).toLowerCase() === "<at>") {
      const end = s.toLowerCase().indexOf("</at>", i);
      if (end >= 0) i = end + "</at>".length;
    }
    out += " ";
  }
  return out;
}

const TRAILING = new Set(["!", ".", "?"]);

/**
 * Lower-case words separated by single spaces, without tags, mentions and trailing "!", "." and "?";
 * "" for a message that is too long to be a command (or not a string).
 */
export function commandWords(text: unknown): string {
  if (typeof text !== "string" || text.length > COMMAND_TEXT_MAX_LENGTH) return "";
  const words = normalizeTypedText(stripTags(text)).toLowerCase().split(/\s+/).join(" ");
  let end = words.length;
  while (end > 0 && TRAILING.has(words.charAt(end - 1))) end--;
  return words.slice(0, end).trimEnd();
}
