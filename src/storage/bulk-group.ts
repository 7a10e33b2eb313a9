/**
 * The batching shared by group commit (group-commit.ts, conditional replaces) and group read
 * (group-read.ts, point reads): per partition a queue; every operation waits for the end of the
 * current event-loop turn (setImmediate) and the queue goes as bulk requests (`container.items.bulk`)
 * of distinct documents, at most `maxInFlight` of a partition on their way at once (further operations
 * queue and go together when one returns). A batch of one goes as the plain SDK call. Why this design,
 * its figures and how each outcome of a bulk is handed out: the top of group-commit.ts.
 *
 * Deadline (`deadlineMs`, the client's storage deadline): when given, every caller is answered within
 * it counted from its call, as a plain call is by the SDK's deadline plugin, also while it waits
 * behind a request in flight or is sent again alone; still queued then, it is never sent.
 */
import { type Container, ErrorResponse, type OperationInput, type OperationResponse } from "@azure/cosmos";
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

export interface Pending<Op, R> {
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
 * A subclass says how one operation goes in a bulk request, what its result means, how it is sent
 * alone (the plain SDK call) and what a bulk that failed as a whole means for its operations.
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
  /**
   * Answers the callers of a bulk (sent at `sentAt`, performance.now() time) that failed as a whole
   * with `cause`: by default each is sent again alone after a status that says nothing was applied,
   * and every other failure is every caller's error.
   */
  protected async bulkFailed(key: string, batch: Pending<Op, R>[], cause: unknown, _sentAt: number) {
    const status = cosmosStatus(cause);
    if (status !== undefined && SEND_ALONE.has(status))
      await Promise.all(batch.map((p) => this.sendAlone(key, p)));
    else for (const p of batch) p.reject(cause);
  }
  /** The plain SDK call, exactly as without grouping. */
  protected abstract plain(op: Op, key: string, signal?: AbortSignal): Promise<R>;
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
    const sentAt = performance.now();
    try {
      results = await this.container.items.bulk(batch.map((p) => this.toBulk(p.op, key)));
    } catch (err) {
      await this.bulkFailed(key, batch, unwrapBulkError(err), sentAt);
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

  protected async sendAlone(key: string, p: Pending<Op, R>, signal?: AbortSignal): Promise<void> {
    try {
      p.resolve(await this.plain(p.op, key, signal));
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

/**
 * `items.bulk` wraps a failed request in a plain Error ("Bulk request errored with: ...") whose cause
 * is what the SDK threw (the ErrorResponse, the deadline's StorageTimeoutError, a socket error).
 */
function unwrapBulkError(err: unknown): unknown {
  if (err instanceof Error && err.constructor === Error && err.cause !== undefined) return err.cause;
  return err;
}

/** The ErrorResponse a plain call would have thrown for this status. */
export function operationError(status: number, message: string): ErrorResponse {
  const err = new ErrorResponse(`${message} (HTTP ${status})`);
  err.code = status;
  return err;
}
