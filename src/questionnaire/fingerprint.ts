/**
 * A short fingerprint of what a card showed for one question. Section cards carry the fingerprints
 * of their pre-filled values; on save, a question whose inputs still match its fingerprint was not
 * touched by this person and is left alone, so two people editing different answers of the same
 * section never overwrite or block each other. (Card data is untrusted, but a fingerprint can only
 * make a save do less.) The card side, encoding and decoding them in card data, is cards/fingerprints.ts.
 */
import { createHash } from "node:crypto";
import { inputIdsOf } from "./input-ids.ts";
import type { Question } from "./types.ts";

/**
 * Prefixed to the fingerprint of a question the card pre-filled (known data or last year's answer)
 * while nothing was stored: saved as the person's answer unless someone else answered in between.
 */
export const PREFILL_MARK = "~";

export function fingerprint(q: Question, raw: Record<string, unknown>): string {
  const parts = inputIdsOf(q).map((id) => {
    const v = raw[id];
    return typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : "";
  });
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 10);
}
