/**
 * What became of each replace of a bulk request that failed as a whole (src/storage/group-commit.ts).
 *
 * A bulk that fails at the connection level (reset, hang-up: no HTTP status), with 503 or with an SDK
 * timeout may have been applied in full, in part or not at all. Instead of failing every caller (one
 * reset would fail up to 100 saves), the documents are read back in ONE bulk Read request and each
 * operation is judged by what is stored now:
 *
 *   stored       the document is what it wanted to write (body without system properties): it was
 *                applied (or someone wrote the same), so it succeeded, with the stored ETag
 *   not-applied  the document still carries its If-Match ETag: send it again alone
 *   failed       someone else wrote in between (412), or the document is gone (404): what a plain
 *                replace would have answered
 *   unknown      its read failed (a status other than 200/404 inside the read-back): its caller gets
 *                the bulk's own error, as before
 *
 * A read-back request that fails as a whole throws; the caller then gives everyone the bulk's error.
 */
import { isDeepStrictEqual } from "node:util";
import { type Container, type OperationResponse, TimeoutError } from "@azure/cosmos";
import { cosmosStatus, StorageTimeoutError } from "./errors.ts";

export type Verdict<T> =
  | { kind: "stored"; resource: T; etag: string }
  | { kind: "not-applied" }
  | { kind: "failed"; status: 404 | 412 }
  | { kind: "unknown" };

/** What Cosmos adds to a stored document; left out when comparing it with what was written. */
const SYSTEM_PROPERTIES = new Set(["_etag", "_ts", "_rid", "_self", "_attachments", "_lsn"]);

/**
 * True when a bulk request failed in a way that says nothing certain about its operations: no HTTP
 * status (a reset or hang-up: Node's `E...` codes, or a RestError without status), 503, 408 or the
 * SDK's own request timeout. Never for our storage deadline (StorageTimeoutError): its time is spent.
 */
export function outcomeUnknown(err: unknown): boolean {
  if (err instanceof StorageTimeoutError) return false;
  const status = cosmosStatus(err);
  if (status !== undefined) return status === 503 || status === 408;
  if (err instanceof TimeoutError) return true; // the SDK's connectionPolicy.requestTimeout
  if (typeof err !== "object" || err === null) return false;
  const { code, name, statusCode } = err as { code?: unknown; name?: unknown; statusCode?: unknown };
  if (typeof code === "string" && /^E[A-Z0-9_]+$/.test(code)) return true; // ECONNRESET, EPIPE, ETIMEDOUT, ...
  return name === "RestError" && typeof statusCode !== "number";
}

/**
 * Reads the documents of `ops` (all in partition `partitionKey`, distinct ids) in one bulk Read
 * request and judges each operation. Throws what the SDK throws when the request fails as a whole.
 */
export async function readBack<T extends { id: string }>(
  container: Container,
  partitionKey: string,
  ops: readonly { doc: T; etag: string }[],
  signal: AbortSignal,
): Promise<Verdict<T>[]> {
  const results: OperationResponse[] = await container.items.bulk(
    ops.map((op) => ({ operationType: "Read" as const, id: op.doc.id, partitionKey })),
    undefined,
    { abortSignal: signal },
  );
  return ops.map((op, i) => judge(op, results[i]));
}

function judge<T>(op: { doc: T; etag: string }, r: OperationResponse | undefined): Verdict<T> {
  if (r?.statusCode === 404) return { kind: "failed", status: 404 };
  const stored = r?.resourceBody as (T & { _etag?: string }) | undefined;
  const etag = r?.eTag ?? stored?._etag;
  if (r?.statusCode !== 200 || stored === undefined || etag === undefined) return { kind: "unknown" };
  if (sameBody(stored, op.doc)) return { kind: "stored", resource: stored, etag };
  if (etag === op.etag) return { kind: "not-applied" };
  return { kind: "failed", status: 412 };
}

/** The stored document equals what was written, as JSON, without system properties (key order aside). */
function sameBody(stored: object, written: unknown): boolean {
  return isDeepStrictEqual(ownBody(stored), ownBody(JSON.parse(JSON.stringify(written)) as object));
}

function ownBody(doc: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!SYSTEM_PROPERTIES.has(key)) out[key] = value;
  return out;
}
