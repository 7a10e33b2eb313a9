/**
 * Group read of point reads: reads of different documents of one partition issued in the same turn go
 * as one bulk request of Read operations (the batching, queueing and deadline of BulkGroup in
 * bulk-group.ts; reads and replaces are separate groups, never one batch). Each caller gets what a
 * plain `item().read()` gives: the document and its ETag, or no document when it does not exist (a
 * 404 inside the bulk is "not found", never an error).
 *
 * A read the bulk did not answer is sent again alone as a plain read, so it gets the SDK's own retries
 * (a plain read is retried after a dropped connection, and once after a 503 where the client discovers
 * endpoints; a bulk request is neither): the statuses group commit sends alone (429, 410, 449, 424) and
 * 503 per operation, and every failure of the whole bulk except our storage deadline, which fails
 * every caller of it with StorageTimeoutError. Reads change nothing, so sending one again is safe.
 */
import type { ItemDefinition, OperationInput, OperationResponse } from "@azure/cosmos";
import { BulkGroup, type Pending, type ReplaceResult, SEND_ALONE } from "./bulk-group.ts";
import { StorageTimeoutError } from "./errors.ts";

export class GroupRead<T extends ItemDefinition & { id: string }> extends BulkGroup<
  string,
  ReplaceResult<T>
> {
  /** Reads document `id` of partition `key`. */
  read(key: string, id: string): Promise<ReplaceResult<T>> {
    return this.enqueue(key, id);
  }

  protected idOf(id: string): string {
    return id;
  }
  protected describe(id: string): string {
    return `read of ${id}`;
  }
  protected toBulk(id: string, key: string): OperationInput {
    return { operationType: "Read", id, partitionKey: key };
  }
  protected override isError(status: number): boolean {
    return status !== 404 && super.isError(status);
  }
  protected override sendAloneOnStatus(status: number): boolean {
    return status === 503 || SEND_ALONE.has(status);
  }
  /** Every read of a failed bulk is sent again alone, unless the bulk ran out of our deadline. */
  protected override async bulkFailed(
    key: string,
    batch: Pending<string, ReplaceResult<T>>[],
    cause: unknown,
  ) {
    if (cause instanceof StorageTimeoutError) for (const p of batch) p.reject(cause);
    else await Promise.all(batch.map((p) => this.sendAlone(key, p)));
  }
  protected fromResult(_id: string, r: OperationResponse): ReplaceResult<T> {
    if (r.statusCode === 404) return { resource: undefined, etag: undefined };
    return { resource: r.resourceBody as T | undefined, etag: r.eTag };
  }
  protected async plain(id: string, key: string, signal?: AbortSignal): Promise<ReplaceResult<T>> {
    const response = await this.container
      .item(id, key)
      .read<T>(signal === undefined ? {} : { abortSignal: signal });
    if (response.statusCode === 404) return { resource: undefined, etag: undefined };
    return { resource: response.resource, etag: response.etag };
  }
}
