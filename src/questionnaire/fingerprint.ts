/**
 * A short fingerprint of what a card showed for one question. Section cards carry the fingerprints
 * of their pre-filled values; on save, a question whose inputs still match its fingerprint was not
 * touched by this person and is left alone, so two people editing different answers of the same
 * section never overwrite or block each other. (Card data is untrusted, but a fingerprint can only
 * make a save do less.) The card side, encoding and decoding them in card data, is cards/fingerprints.ts.
 *
 * The fingerprint is a 64-bit non-cryptographic hash (two 32-bit multiply-xor lanes with a final mix,
 * as in cyrb53), 11 base64url characters: a few hundred nanoseconds where node's sha256 took several
 * microseconds, and it is made for every question of every card and save. Nothing here needs a
 * cryptographic hash: the only one who could forge a fingerprint is the person sending the card, and a
 * forged one can only make their own save leave their own change out. Two different values share a
 * fingerprint with odds of about 2^-64 per changed answer.
 *
 * Cards drawn before this hash carry sha256 fingerprints of 10 characters (LEGACY_LENGTH); those are
 * still compared as before (sameAsShown), so a card posted before a deploy saves exactly as it did.
 */
import { createHash } from "node:crypto";
import { inputIdsOf } from "./input-ids.ts";
import type { Question } from "./types.ts";

/**
 * Prefixed to the fingerprint of a question the card pre-filled (known data or last year's answer)
 * while nothing was stored: saved as the person's answer unless someone else answered in between.
 */
export const PREFILL_MARK = "~";

/** The length of the sha256 fingerprints cards carried before the 64-bit hash (which has 11). */
const LEGACY_LENGTH = 10;

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** One input's value as it counts for the fingerprint: line ends as "\n", no surrounding space. */
function normalized(v: unknown): string {
  if (typeof v !== "string") return "";
  return (v.includes("\r") ? v.replace(/\r\n?/g, "\n") : v).trim();
}

/** The values a fingerprint covers, in input order (main/season first). */
function partsOf(q: Question, raw: Record<string, unknown>): string[] {
  return inputIdsOf(q).map((id) => normalized(raw[id]));
}

/** 64 bits of hash of the parts, each part fed with its length first (so ["ab",""] ≠ ["a","b"]). */
function hash64(parts: readonly string[]): [number, number] {
  let h1 = 0xdeadbeef ^ parts.length;
  let h2 = 0x41c6ce57 ^ parts.length;
  for (const part of parts) {
    h1 = Math.imul(h1 ^ part.length, 2654435761);
    h2 = Math.imul(h2 ^ part.length, 1597334677);
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** 64 bits as 11 base64url characters (6 bits each, the last one 4). */
function encode(hi: number, lo: number): string {
  let out = "";
  for (let i = 0; i < 5; i++) out += BASE64URL[(hi >>> (26 - 6 * i)) & 63];
  // The low 2 bits of hi and the top 4 of lo.
  out += BASE64URL[((hi & 3) << 4) | (lo >>> 28)];
  for (let i = 0; i < 4; i++) out += BASE64URL[(lo >>> (22 - 6 * i)) & 63];
  out += BASE64URL[lo & 15];
  return out;
}

export function fingerprint(q: Question, raw: Record<string, unknown>): string {
  const [hi, lo] = hash64(partsOf(q, raw));
  return encode(hi, lo);
}

/** The fingerprint cards carried before the 64-bit hash (sha256, 10 base64url characters). */
function legacyFingerprint(q: Question, raw: Record<string, unknown>): string {
  return createHash("sha256")
    .update(JSON.stringify(partsOf(q, raw)))
    .digest("base64url")
    .slice(0, 10);
}

/**
 * Whether `shown` (a card's fingerprint, without PREFILL_MARK) is the fingerprint of these inputs: by
 * the 64-bit hash, or by sha256 for a card drawn before it (a fingerprint of LEGACY_LENGTH characters).
 */
export function sameAsShown(q: Question, raw: Record<string, unknown>, shown: string): boolean {
  return shown.length === LEGACY_LENGTH ? legacyFingerprint(q, raw) === shown : fingerprint(q, raw) === shown;
}
