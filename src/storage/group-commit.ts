/**
 * Group commit of conditional replaces (If-Match) in one container: replaces of DIFFERENT documents of
 * the same partition that are issued close together go to Cosmos as ONE non-atomic bulk request
 * (`container.items.bulk`), each with its own If-Match, each with its own outcome. A replace alone
 * (the normal case at low load) goes as the plain `item().replace()` it always was.
 *
 * When: every replace waits for the end of the current event-loop turn (setImmediate), so all the
 * replaces issued in that turn (under load: every turn whose request arrived in the same I/O poll)
 * are sent together. While `maxInFlight` requests of a partition are on their way, further replaces
 * of it queue and go together when one returns (the queue becomes the next batch). With nothing on
 * its way a replace waits only for the end of the turn, so at low load nothing changes. Measured with
 * bench:turns (200 contacts in one round): at most 1 in flight gave ~49-50 replaces per request and the
 * highest throughput, 2 gave 33-43, no limit (setImmediate alone) 35-41. The price of 1: a slow request
 * holds back the round's next batch (at most until the storage deadline fails it).
 *
 * Why `items.bulk` and not `executeBulkOperations` (@azure/cosmos 4.10): the latter collects partial
 * batches on a 1 s timer, so even a batch of two took ~1.2 s here (measured); `bulk` sends at once.
 * It is the same SDK request (operationType Batch, not atomic, continue-on-error), through the same
 * plugins (the storage deadline), but its retry policy does not retry a throttled bulk request and it
 * does not retry throttled operations inside it: those (429, and 410/449/424, which say the operation
 * was not applied) are sent again one by one as plain replaces, so each gets exactly the SDK's
 * retries a replace gets. Every other outcome of an operation is handed to its caller as the SDK
 * error a replace would have thrown (an ErrorResponse with `code` = the status), never to the others.
 *
 * A bulk that fails as a whole with an unknown outcome (connection reset or hang-up, 503, 408/SDK
 * timeout) is resolved per operation (bulk-resolution.ts): one bulk Read of its documents; an
 * operation whose document is now what it wrote succeeded (the stored ETag), one whose document still
 * has its If-Match ETag is sent again alone, any other is a 412 (or 404) as a replace would report it.
 * If that read fails too, every caller gets the bulk's error, as before. The storage deadline, counted
 * from when the bulk was sent, bounds bulk and resolution together: whoever is not answered by then
 * gets StorageTimeoutError. A bulk past our deadline itself is not resolved (its time is spent).
 */
import { type Container, ErrorResponse, type ItemDefinition, type OperationResponse } from "@azure/cosmos";
import { outcomeUnknown, readBack } from "./bulk-resolution.ts";
import { storageDeadlineMs } from "./cosmos.ts";
import { cosmosStatus, StorageTimeoutError } from "./errors.ts";

/** What a replace gives: the stored document (with Cosmos' system fields) and its new ETag. */
export interface ReplaceResult<T> {
  resource: T | undefined;
  etag: string | undefined;
}

export interface GroupCommitOptions {
  /** Requests of one partition on their way at once before further replaces queue (default 1). */
  maxInFlight?: number;
  /** Most operations in one bulk request (the SDK's limit per partition is 100). */
  maxBatch?: number;
}

interface Pending<T> {
  doc: T;
  etag: string;
  resolve: (r: ReplaceResult<T>) => void;
  reject: (err: unknown) => void;
}

interface PartitionQueue<T> {
  queue: Pending<T>[];
  inFlight: number;
  scheduled: boolean;
}

/** Per-operation statuses that say the operation was not applied and may be sent again by itself. */
const SEND_ALONE = new Set([429, 410, 449, 424]);

export class GroupCommit<T extends ItemDefinition & { id: string }> {
  private readonly partitions = new Map<string, PartitionQueue<T>>();
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  constructor(
    private readonly container: Container,
    private readonly partitionKeyOf: (doc: T) => string,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    this.maxBatch = Math.min(100, Math.max(1, options.maxBatch ?? 100));
  }

  /** Replaces `doc` only if it still has `etag`; rejects with what the SDK's replace would throw. */
  replace(doc: T, etag: string): Promise<ReplaceResult<T>> {
    const key = this.partitionKeyOf(doc);
    let p = this.partitions.get(key);
    if (p === undefined) {
      p = { queue: [], inFlight: 0, scheduled: false };
      this.partitions.set(key, p);
    }
    const part = p;
    return new Promise<ReplaceResult<T>>((resolve, reject) => {
      part.queue.push({ doc, etag, resolve, reject });
      this.schedule(key, part);
    });
  }

  private schedule(key: string, p: PartitionQueue<T>): void {
    if (p.scheduled || p.queue.length === 0 || p.inFlight >= this.maxInFlight) return;
    p.scheduled = true;
    setImmediate(() => {
      p.scheduled = false;
      this.flush(key, p);
    });
  }

  private flush(key: string, p: PartitionQueue<T>): void {
    while (p.queue.length > 0 && p.inFlight < this.maxInFlight) {
      const batch = takeBatch(p.queue, this.maxBatch);
      p.inFlight++;
      this.send(key, batch)
        .catch((err: unknown) => {
          for (const op of batch) op.reject(err); // a bug of ours: no caller may wait forever
        })
        .finally(() => {
          p.inFlight--;
          if (p.queue.length === 0 && p.inFlight === 0) this.partitions.delete(key);
          else this.schedule(key, p);
        });
    }
  }

  private async send(key: string, batch: Pending<T>[]): Promise<void> {
    const [only] = batch;
    if (batch.length === 1 && only !== undefined) {
      await this.sendAlone(key, only);
      return;
    }
    let results: OperationResponse[];
    const sentAt = performance.now();
    try {
      results = await this.container.items.bulk(
        batch.map((op) => ({
          operationType: "Replace" as const,
          id: op.doc.id,
          partitionKey: key,
          ifMatch: op.etag,
          resourceBody: op.doc,
        })),
      );
    } catch (err) {
      const cause = unwrapBulkError(err);
      const status = cosmosStatus(cause);
      if (status !== undefined && SEND_ALONE.has(status)) {
        await Promise.all(batch.map((op) => this.sendAlone(key, op)));
      } else if (outcomeUnknown(cause)) {
        await this.resolveWithin(key, batch, cause, sentAt + storageDeadlineMs(this.container));
      } else {
        for (const op of batch) op.reject(cause);
      }
      return;
    }
    const again: Pending<T>[] = [];
    batch.forEach((op, i) => {
      const r = results[i];
      if (r === undefined) op.reject(operationError(500, `no result for ${op.doc.id} in the bulk response`));
      else if (r.statusCode >= 200 && r.statusCode < 300)
        op.resolve({ resource: r.resourceBody as T | undefined, etag: r.eTag });
      else if (SEND_ALONE.has(r.statusCode)) again.push(op);
      else op.reject(operationError(r.statusCode, `replace of ${op.doc.id} in a bulk request failed`));
    });
    await Promise.all(again.map((op) => this.sendAlone(key, op)));
  }

  /**
   * Resolves the operations of a bulk that failed with `cause` (outcome unknown) by reading them back,
   * answering every caller by `deadlineAt` (performance.now() time) at the latest.
   */
  private async resolveWithin(key: string, batch: Pending<T>[], cause: unknown, deadlineAt: number) {
    const timedOut = () => new StorageTimeoutError(storageDeadlineMs(this.container), { cause });
    const left = deadlineAt - performance.now();
    if (left <= 0) {
      for (const op of batch) op.reject(timedOut());
      return;
    }
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, left);
    });
    const work = this.resolve(key, batch, cause, controller.signal).catch((err: unknown) => {
      for (const op of batch) op.reject(err); // a bug of ours: no caller may wait for the deadline
    });
    try {
      await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
      controller.abort(); // nothing left to wait for, or out of time: stop what is still on its way
      for (const op of batch) op.reject(timedOut()); // only those not answered yet
    }
  }

  private async resolve(key: string, batch: Pending<T>[], cause: unknown, signal: AbortSignal) {
    let verdicts: Awaited<ReturnType<typeof readBack<T>>>;
    try {
      verdicts = await readBack(this.container, key, batch, signal);
    } catch {
      for (const op of batch) op.reject(cause);
      return;
    }
    const again: Pending<T>[] = [];
    batch.forEach((op, i) => {
      const v = verdicts[i];
      if (v?.kind === "stored") op.resolve({ resource: v.resource, etag: v.etag });
      else if (v?.kind === "not-applied") again.push(op);
      else if (v?.kind === "failed")
        op.reject(operationError(v.status, `replace of ${op.doc.id} after a failed bulk request`));
      else op.reject(cause);
    });
    await Promise.all(again.map((op) => this.sendAlone(key, op, signal)));
  }

  /** The plain conditional replace, exactly as without group commit. */
  private async sendAlone(key: string, op: Pending<T>, signal?: AbortSignal): Promise<void> {
    try {
      const response = await this.container.item(op.doc.id, key).replace<T>(op.doc, {
        accessCondition: { type: "IfMatch", condition: op.etag },
        ...(signal === undefined ? {} : { abortSignal: signal }),
      });
      op.resolve({ resource: response.resource, etag: response.etag });
    } catch (err) {
      op.reject(err);
    }
  }
}

/** The first pending replace of each document, up to `max`, removed from `queue` (later ones stay). */
function takeBatch<T extends { id: string }>(queue: Pending<T>[], max: number): Pending<T>[] {
  const batch: Pending<T>[] = [];
  const ids = new Set<string>();
  const rest: Pending<T>[] = [];
  for (const op of queue) {
    if (batch.length < max && !ids.has(op.doc.id)) {
      ids.add(op.doc.id);
      batch.push(op);
    } else rest.push(op);
  }
  queue.length = 0;
  queue.push(...rest);
  return batch;
}

/**
 * `items.bulk` wraps a failed request in a plain Error ("Bulk request errored with: ...") whose cause
 * is what the SDK threw (the ErrorResponse, the deadline's StorageTimeoutError, a socket error).
 */
function unwrapBulkError(err: unknown): unknown {
  if (err instanceof Error && err.constructor === Error && err.cause !== undefined) return err.cause;
  return err;
}

/** The ErrorResponse a plain replace would have thrown for this status. */
function operationError(status: number, message: string): ErrorResponse {
  const err = new ErrorResponse(`${message} (HTTP ${status})`);
  err.code = status;
  return err;
}
