/**
 * Signed, short-lived download links for a round's export (Excel / CSV) and samarbeidsforum document (.docx).
 *
 * A token is `<payload>.<signature>`, both base64url without padding: the payload is a small JSON object
 * (round id, format, expiry in ms since the epoch), the signature HMAC-SHA256 over the payload text with a
 * key derived from the given secret (so a secret shared with other uses, e.g. the jobs secret, is never used
 * as this HMAC key directly). Verification recomputes the signature, compares in constant time, then checks
 * the expiry. Anyone holding a valid token can download until it expires: links are bearer capabilities
 * for county staff, and live for 15 minutes by default.
 *
 * Pure apart from `Date.now()` as the default expiry base when none is given.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Lang } from "../text/lang.ts";

export const EXPORT_FORMATS = ["xlsx", "csv", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How long a download link works when no expiry is given: 15 minutes. */
export const EXPORT_LINK_TTL_MS = 15 * 60 * 1000;

/** The download route; the token is the last path segment. */
export const EXPORT_ROUTE_PREFIX = "/api/export/";

/** Tokens longer than this are refused before any work (a round id is at most 200 characters). */
const MAX_TOKEN_LENGTH = 1024;
const SIGNATURE_BYTES = 32;
const KEY_LABEL = "dekom-rapport/export-link/v1";
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface ExportTokenClaims {
  roundId: string;
  format: ExportFormat;
  /** Instant (ms since the epoch) after which the token is refused; default now + 15 minutes. */
  expiresAt?: number;
  /** The reader's language (the staff member the links were sent to); bokmål when absent. */
  lang?: Lang;
}

export interface VerifiedExport {
  roundId: string;
  format: ExportFormat;
  expiresAt: number;
  /** Set only for nynorsk links (the reader's language); bokmål otherwise. */
  lang?: Lang;
}

const payloadSchema = z.strictObject({
  v: z.literal(1),
  r: z.string().min(1).max(200),
  f: z.enum(EXPORT_FORMATS),
  e: z.int().nonnegative(),
  /** Only for nynorsk: a bokmål token is the same as before languages came. */
  l: z.literal("nn").optional(),
});

/** The HMAC key: derived from the secret with a fixed label, so this use never shares a key with another. */
function deriveKey(secret: Buffer | string): Buffer {
  const raw = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  if (raw.length === 0) throw new Error("export link secret must not be empty");
  return createHmac("sha256", raw).update(KEY_LABEL).digest();
}

function sign(payload: string, secret: Buffer | string): Buffer {
  return createHmac("sha256", deriveKey(secret)).update(payload).digest();
}

/** A signed token for downloading one round's export in one format. */
export function signExportToken(claims: ExportTokenClaims, secret: Buffer | string): string {
  const expiresAt = claims.expiresAt ?? Date.now() + EXPORT_LINK_TTL_MS;
  const payload = payloadSchema.parse({
    v: 1,
    r: claims.roundId,
    f: claims.format,
    e: Math.floor(expiresAt),
    ...(claims.lang === "nn" ? { l: "nn" } : {}),
  });
  const encoded = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${encoded}.${sign(encoded, secret).toString("base64url")}`;
}

/**
 * The round and format of a token, or undefined when the token is malformed, not signed with `secret`,
 * or expired at `now` (ms). Never throws for bad input and never says which check failed.
 */
export function verifyExportToken(
  token: string,
  secret: Buffer | string,
  now: number,
): VerifiedExport | undefined {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split(".");
  if (parts.length !== 2) return undefined;
  const [encoded = "", signature = ""] = parts;
  if (!BASE64URL.test(encoded) || !BASE64URL.test(signature)) return undefined;
  const given = Buffer.from(signature, "base64url");
  if (given.length !== SIGNATURE_BYTES) return undefined;
  if (!timingSafeEqual(given, sign(encoded, secret))) return undefined;

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return undefined; // signed by us, so unreachable in practice; refuse rather than throw
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { r: roundId, f: format, e: expiresAt, l: lang } = parsed.data;
  if (!(now < expiresAt)) return undefined;
  return { roundId, format, expiresAt, ...(lang !== undefined ? { lang } : {}) };
}

/** The absolute download URL of a token: `<baseUrl>/api/export/<token>` (baseUrl without trailing slash). */
export function exportUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${EXPORT_ROUTE_PREFIX}${encodeURIComponent(token)}`;
}

/** "dekom-nordland-2025-2026-01-14.xlsx": the round id (made file-name safe) and the date in Europe/Oslo. */
export function exportFileName(roundId: string, format: ExportFormat, now: Date): string {
  const safeId = roundId.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "runde";
  return `dekom-${safeId}-${osloDate(now)}.${format}`;
}

const osloDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2026-01-14": the calendar date of the instant in Europe/Oslo. */
function osloDate(d: Date): string {
  const parts = Object.fromEntries(osloDateFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The Content-Type of each export format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
