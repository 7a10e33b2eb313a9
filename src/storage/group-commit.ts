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
 * retries a replace gets. Every other outcome is handed to its caller as the SDK error a replace
 * would have thrown (an ErrorResponse with `code` = the status), never to the other callers.
 *
 * Group read (GroupRead, group-read.ts) does the same for point reads, with its own queue.
 *
 * Deadline (`deadlineMs`, the client's storage deadline): when given, every caller is answered within
 * it counted from its call, as a plain call is by the SDK's deadline plugin, also while it waits
 * behind a request in flight or is sent again alone; still queued then, it is never sent.
 */
import {
  type Container,
  ErrorResponse,
  type ItemDefinition,
  type OperationInput,
  type OperationResponse,
} from "@azure/cosmos";
import { cosmosStatus, StorageTimeoutError } from "./errors.ts";

/** What a replace or a read gives: the stored document (with Cosmos' system fields) and its ETag. */
export interface ReplaceResult<T> {
  resource: T | undefined;
  etag: string | undefined;
}

export interface GroupCommitOptions {
  /** Requests of one partition on their way at once before further operations queue (default 1). */
  maxInFlight?: number;
  /** Most operations in one bulk request (the SDK's limit per partition is 100). */
  maxBatch?: number;
  /** Longest a caller waits from its call (the storage deadline); no limit of our own if unset. */
  deadlineMs?: number;
}

interface Pending<Op, R> {
  op: Op;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

interface PartitionQueue<Op, R> {
  queue: Pending<Op, R>[];
  inFlight: number;
  scheduled: boolean;
}

/** Per-operation statuses that say the operation was not applied and may be sent again by itself. */
export const SEND_ALONE: ReadonlySet<number> = new Set([429, 410, 449, 424]);

/**
 * The batching shared by group commit and group read: per partition a queue, flushed at the end of
 * the turn into bulk requests of distinct documents, at most `maxInFlight` on their way at once.
 * A subclass says how one operation goes in a bulk request, what its result means, and how it is
 * sent alone (the plain SDK call).
 */
export abstract class BulkGroup<Op, R> {
  private readonly partitions = new Map<string, PartitionQueue<Op, R>>();
  private readonly maxInFlight: number;
  private readonly maxBatch: number;
  private readonly deadlineMs: number | undefined;

  constructor(
    protected readonly container: Container,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    this.maxBatch = Math.min(100, Math.max(1, options.maxBatch ?? 100));
    this.deadlineMs = options.deadlineMs;
  }

  /** The document an operation is about (never two of one document in a batch). */
  protected abstract idOf(op: Op): string;
  /** The operation as one entry of a bulk request. */
  protected abstract toBulk(op: Op, key: string): OperationInput;
  /** Its outcome from a bulk result that is neither a status to send alone nor (per `isError`) an error. */
  protected abstract fromResult(op: Op, r: OperationResponse): R;
  /** Whether a per-operation status (not one to send alone) is the SDK error a plain call would throw. */
  protected isError(status: number): boolean {
    return status < 200 || status >= 300;
  }
  /** Whether an operation answered with this status inside a bulk is sent again alone. */
  protected sendAloneOnStatus(status: number): boolean {
    return SEND_ALONE.has(status);
  }
  /** Whether the operations of a bulk that failed as a whole with `err` are sent again alone. */
  protected sendAloneOnFailure(err: unknown): boolean {
    const status = cosmosStatus(err);
    return status !== undefined && SEND_ALONE.has(status);
  }
  /** The plain SDK call, exactly as without grouping. */
  protected abstract plain(op: Op, key: string): Promise<R>;
  /** What failed, for the error message of a failed operation. */
  protected abstract describe(op: Op): string;

  protected enqueue(key: string, op: Op): Promise<R> {
    let p = this.partitions.get(key);
    if (p === undefined) {
      p = { queue: [], inFlight: 0, scheduled: false };
      this.partitions.set(key, p);
    }
    const part = p;
    return new Promise<R>((resolve, reject) => {
      const pending: Pending<Op, R> = { op, resolve, reject };
      if (this.deadlineMs !== undefined) this.limitWait(part, pending, this.deadlineMs);
      part.queue.push(pending);
      this.schedule(key, part);
    });
  }

  /** Answers `pending` with StorageTimeoutError `ms` from now unless it is answered before. */
  private limitWait(part: PartitionQueue<Op, R>, pending: Pending<Op, R>, ms: number): void {
    const { resolve, reject } = pending;
    const timer = setTimeout(() => {
      const i = part.queue.indexOf(pending);
      if (i >= 0) part.queue.splice(i, 1); // not sent yet: never is
      reject(new StorageTimeoutError(ms));
    }, ms);
    pending.resolve = (r) => {
      clearTimeout(timer);
      resolve(r);
    };
    pending.reject = (err) => {
      clearTimeout(timer);
      reject(err);
    };
  }

  private schedule(key: string, p: PartitionQueue<Op, R>): void {
    if (p.scheduled || p.queue.length === 0 || p.inFlight >= this.maxInFlight) return;
    p.scheduled = true;
    setImmediate(() => {
      p.scheduled = false;
      this.flush(key, p);
    });
  }

  private flush(key: string, p: PartitionQueue<Op, R>): void {
    while (p.queue.length > 0 && p.inFlight < this.maxInFlight) {
      const batch = this.takeBatch(p.queue);
      p.inFlight++;
      this.send(key, batch)
        .catch((err: unknown) => {
          for (const op of batch) op.reject(err); // a bug of ours: no caller may wait forever
        })
        .finally(() => {
          p.inFlight--;
          this.schedule(key, p);
          this.forgetIfIdle(key, p);
        });
    }
    this.forgetIfIdle(key, p); // (its operations may all have passed their deadline in the queue)
  }

  private forgetIfIdle(key: string, p: PartitionQueue<Op, R>): void {
    if (p.queue.length === 0 && p.inFlight === 0 && this.partitions.get(key) === p)
      this.partitions.delete(key);
  }

  private async send(key: string, batch: Pending<Op, R>[]): Promise<void> {
    const [only] = batch;
    if (batch.length === 1 && only !== undefined) {
      await this.sendAlone(key, only);
      return;
    }
    let results: OperationResponse[];
    try {
      results = await this.container.items.bulk(batch.map((p) => this.toBulk(p.op, key)));
    } catch (err) {
      const cause = unwrapBulkError(err);
      if (this.sendAloneOnFailure(cause)) {
        await Promise.all(batch.map((p) => this.sendAlone(key, p)));
      } else {
        for (const p of batch) p.reject(cause);
      }
      return;
    }
    const again: Pending<Op, R>[] = [];
    batch.forEach((p, i) => {
      const r = results[i];
      if (r === undefined)
        p.reject(operationError(500, `no result for ${this.idOf(p.op)} in the bulk response`));
      else if (this.sendAloneOnStatus(r.statusCode)) again.push(p);
      else if (this.isError(r.statusCode))
        p.reject(operationError(r.statusCode, `${this.describe(p.op)} in a bulk request failed`));
      else p.resolve(this.fromResult(p.op, r));
    });
    await Promise.all(again.map((p) => this.sendAlone(key, p)));
  }

  private async sendAlone(key: string, p: Pending<Op, R>): Promise<void> {
    try {
      p.resolve(await this.plain(p.op, key));
    } catch (err) {
      p.reject(err);
    }
  }

  /** The first pending operation of each document, up to `maxBatch`, removed from `queue` (later ones stay). */
  private takeBatch(queue: Pending<Op, R>[]): Pending<Op, R>[] {
    const batch: Pending<Op, R>[] = [];
    const ids = new Set<string>();
    const rest: Pending<Op, R>[] = [];
    for (const p of queue) {
      const id = this.idOf(p.op);
      if (batch.length < this.maxBatch && !ids.has(id)) {
        ids.add(id);
        batch.push(p);
      } else rest.push(p);
    }
    queue.length = 0;
    queue.push(...rest);
    return batch;
  }
}

interface ReplaceOp<T> {
  doc: T;
  etag: string;
}

/** Group commit of conditional replaces (see the top of this file). */
export class GroupCommit<T extends ItemDefinition & { id: string }> extends BulkGroup<
  ReplaceOp<T>,
  ReplaceResult<T>
> {
  constructor(
    container: Container,
    private readonly partitionKeyOf: (doc: T) => string,
    options: GroupCommitOptions = {},
  ) {
    super(container, options);
  }

  /** Replaces `doc` only if it still has `etag`; rejects with what the SDK's replace would throw. */
  replace(doc: T, etag: string): Promise<ReplaceResult<T>> {
    return this.enqueue(this.partitionKeyOf(doc), { doc, etag });
  }

  protected idOf(op: ReplaceOp<T>): string {
    return op.doc.id;
  }
  protected describe(op: ReplaceOp<T>): string {
    return `replace of ${op.doc.id}`;
  }
  protected toBulk(op: ReplaceOp<T>, key: string): OperationInput {
    return {
      operationType: "Replace",
      id: op.doc.id,
      partitionKey: key,
      ifMatch: op.etag,
      resourceBody: op.doc,
    };
  }
  protected fromResult(_op: ReplaceOp<T>, r: OperationResponse): ReplaceResult<T> {
    return { resource: r.resourceBody as T | undefined, etag: r.eTag };
  }
  protected async plain(op: ReplaceOp<T>, key: string): Promise<ReplaceResult<T>> {
    const response = await this.container
      .item(op.doc.id, key)
      .replace<T>(op.doc, { accessCondition: { type: "IfMatch", condition: op.etag } });
    return { resource: response.resource, etag: response.etag };
  }
}

/**
 * `items.bulk` wraps a failed request in a plain Error ("Bulk request errored with: ...") whose cause
 * is what the SDK threw (the ErrorResponse, the deadline's StorageTimeoutError, a socket error).
 */
function unwrapBulkError(err: unknown): unknown {
  if (err instanceof Error && err.constructor === Error && err.cause !== undefined) return err.cause;
  return err;
}

/** The ErrorResponse a plain call would have thrown for this status. */
function operationError(status: number, message: string): ErrorResponse {
  const err = new ErrorResponse(`${message} (HTTP ${status})`);
  err.code = status;
  return err;
}
