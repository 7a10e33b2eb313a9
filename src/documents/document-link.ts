/**
 * Signed, short-lived download links for documents: one report's PDF, or a zip of a round's submitted
 * reports as PDFs. Same construction as the export links (src/summaries/export-link.ts): a token is
 * `<payload>.<signature>`, base64url, HMAC-SHA256 with a key derived from the secret under this module's
 * own label (so a document token is never accepted as an export token, nor the other way round).
 * The server decides access before it signs (bot/handlers/document-actions.ts); the token is a bearer
 * capability that lives 15 minutes.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Lang } from "../text/lang.ts";

/** How long a document link works: 15 minutes. */
export const DOCUMENT_LINK_TTL_MS = 15 * 60 * 1000;

/** The download route; the token is the last path segment. */
export const DOCUMENT_ROUTE_PREFIX = "/api/documents/";

export type DocumentClaims =
  /** `lang`: the requester's language of the PDFs (set only for nynorsk; bokmål otherwise). */
  | { kind: "report"; roundId: string; reportId: string; lang?: Lang }
  | { kind: "round"; roundId: string; lang?: Lang }
  /** One attachment of a report (links for county staff only: summary thread, export). */
  | { kind: "attachment"; roundId: string; reportId: string; attachmentId: string };

const MAX_TOKEN_LENGTH = 1200;
const SIGNATURE_BYTES = 32;
const KEY_LABEL = "dekom-rapport/document-link/v1";
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const id = z.string().min(1).max(200);
const payloadSchema = z.discriminatedUnion("k", [
  z.strictObject({
    v: z.literal(1),
    k: z.literal("report"),
    r: id,
    p: id,
    e: z.int().nonnegative(),
    l: z.literal("nn").optional(),
  }),
  z.strictObject({
    v: z.literal(1),
    k: z.literal("round"),
    r: id,
    e: z.int().nonnegative(),
    l: z.literal("nn").optional(),
  }),
  z.strictObject({ v: z.literal(1), k: z.literal("att"), r: id, p: id, a: id, e: z.int().nonnegative() }),
]);

function sign(payload: string, secret: Buffer | string): Buffer {
  const raw = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  if (raw.length === 0) throw new Error("document link secret must not be empty");
  const key = createHmac("sha256", raw).update(KEY_LABEL).digest();
  return createHmac("sha256", key).update(payload).digest();
}

/** A signed token for the document, valid until `expiresAt` (ms since the epoch). */
export function signDocumentToken(
  claims: DocumentClaims,
  expiresAt: number,
  secret: Buffer | string,
): string {
  const e = Math.floor(expiresAt);
  // Only nynorsk is written: a bokmål token is the same as before languages came.
  const l = claims.kind !== "attachment" && claims.lang === "nn" ? { l: "nn" } : {};
  const payload = payloadSchema.parse(
    claims.kind === "report"
      ? { v: 1, k: "report", r: claims.roundId, p: claims.reportId, e, ...l }
      : claims.kind === "attachment"
        ? { v: 1, k: "att", r: claims.roundId, p: claims.reportId, a: claims.attachmentId, e }
        : { v: 1, k: "round", r: claims.roundId, e, ...l },
  );
  const encoded = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${encoded}.${sign(encoded, secret).toString("base64url")}`;
}

/** The claims of a valid token at `now` (ms); undefined for anything malformed, forged or expired. */
export function verifyDocumentToken(
  token: string,
  secret: Buffer | string,
  now: number,
): DocumentClaims | undefined {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return undefined;
  const [encoded = "", signature = "", ...rest] = token.split(".");
  if (rest.length > 0 || !BASE64URL.test(encoded) || !BASE64URL.test(signature)) return undefined;
  const given = Buffer.from(signature, "base64url");
  if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, sign(encoded, secret))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success || !(now < parsed.data.e)) return undefined;
  const p = parsed.data;
  if (p.k === "att") return { kind: "attachment", roundId: p.r, reportId: p.p, attachmentId: p.a };
  const lang = p.l !== undefined ? { lang: p.l } : {};
  return p.k === "report"
    ? { kind: "report", roundId: p.r, reportId: p.p, ...lang }
    : { kind: "round", roundId: p.r, ...lang };
}

/** `<baseUrl>/api/documents/<token>`. */
export function documentUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${DOCUMENT_ROUTE_PREFIX}${encodeURIComponent(token)}`;
}

const NORDIC: Record<string, string> = { æ: "ae", ø: "o", å: "a", Æ: "Ae", Ø: "O", Å: "A" };

/** A file-name-safe form of an id or name ("Tiltak Ås 1/2025" -> "Tiltak-As-1-2025"). */
export function safeFileName(s: string, fallback: string): string {
  const latin = s
    .replace(/[æøåÆØÅ]/g, (c) => NORDIC[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
  return latin.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || fallback;
}
