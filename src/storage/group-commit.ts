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
 *
 * The batching itself (queue per partition, flush at the end of the turn, `maxInFlight`) is BulkGroup
 * in bulk-group.ts, shared with group read of point reads (group-read.ts); reads and replaces are
 * separate groups, never one batch.
 */
import type { Container, ItemDefinition, OperationInput, OperationResponse } from "@azure/cosmos";
import {
  BulkGroup,
  type GroupCommitOptions,
  operationError,
  type Pending,
  type ReplaceResult,
} from "./bulk-group.ts";
import { outcomeUnknown, readBack } from "./bulk-resolution.ts";
import { storageDeadlineMs } from "./cosmos.ts";
import { StorageTimeoutError } from "./errors.ts";

export type { GroupCommitOptions, ReplaceResult } from "./bulk-group.ts";

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
  /** The plain conditional replace, exactly as without group commit. */
  protected async plain(op: ReplaceOp<T>, key: string, signal?: AbortSignal): Promise<ReplaceResult<T>> {
    const response = await this.container.item(op.doc.id, key).replace<T>(op.doc, {
      accessCondition: { type: "IfMatch", condition: op.etag },
      ...(signal === undefined ? {} : { abortSignal: signal }),
    });
    return { resource: response.resource, etag: response.etag };
  }

  /** A bulk that failed as a whole with an unknown outcome is resolved by reading back (see the top). */
  protected override async bulkFailed(key: string, batch: Batch<T>, cause: unknown, sentAt: number) {
    if (outcomeUnknown(cause))
      await this.resolveWithin(key, batch, cause, sentAt + storageDeadlineMs(this.container));
    else await super.bulkFailed(key, batch, cause, sentAt);
  }

  /**
   * Resolves the operations of a bulk that failed with `cause` (outcome unknown) by reading them back,
   * answering every caller by `deadlineAt` (performance.now() time) at the latest.
   */
  private async resolveWithin(key: string, batch: Batch<T>, cause: unknown, deadlineAt: number) {
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

  private async resolve(key: string, batch: Batch<T>, cause: unknown, signal: AbortSignal) {
    let verdicts: Awaited<ReturnType<typeof readBack<T>>>;
    try {
      verdicts = await readBack(
        this.container,
        key,
        batch.map((p) => p.op),
        signal,
      );
    } catch {
      for (const op of batch) op.reject(cause);
      return;
    }
    const again: Batch<T> = [];
    batch.forEach((op, i) => {
      const v = verdicts[i];
      if (v?.kind === "stored") op.resolve({ resource: v.resource, etag: v.etag });
      else if (v?.kind === "not-applied") again.push(op);
      else if (v?.kind === "failed")
        op.reject(operationError(v.status, `replace of ${op.op.doc.id} after a failed bulk request`));
      else op.reject(cause);
    });
    await Promise.all(again.map((op) => this.sendAlone(key, op, signal)));
  }
}

type Batch<T> = Pending<ReplaceOp<T>, ReplaceResult<T>>[];
