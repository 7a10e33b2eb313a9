/**
 * Reports (container "reports", partition key /roundId): point reads, conditional writes and the two
 * queries the product needs. Every query filters on the partition key in its WHERE clause where it has
 * one (the local server ignores the partitionKey option).
 */
import type { Container, SqlQuerySpec } from "@azure/cosmos";
import type { ReportDoc } from "../reports/types.ts";
import { copyDocument, storageDeadlineMs, stripSystemFields, type Versioned } from "./cosmos.ts";
import { ConcurrencyError, NotFoundError, toStorageError } from "./errors.ts";
import { GroupCommit, type GroupCommitOptions } from "./group-commit.ts";
import { GroupRead } from "./group-read.ts";
import { isStorableId } from "./ids.ts";

export interface UpdateResult extends Versioned<ReportDoc> {
  /** False when `mutate` returned undefined (nothing to change) and no write was made. */
  written: boolean;
  /** How many read-mutate-write rounds it took (1 = no conflict). */
  attempts: number;
}

/** Reports remembered with their ETag; beyond this many the oldest is forgotten. */
const CACHE_MAX = 1_000;

export class ReportRepo {
  /**
   * The last version this process read or wrote of each report. Only ever used as the base of a
   * conditional write (If-Match): if someone else wrote since, Cosmos answers 412 and we read again.
   * Any decision not to write is made on a fresh read.
   */
  private readonly known = new Map<string, Versioned<ReportDoc>>();

  /** Replaces of different reports of one round issued together go as one bulk request (group-commit.ts). */
  private readonly writes: GroupCommit<ReportDoc>;
  /** Point reads of different reports of one round issued together go as one bulk request (group-read.ts). */
  private readonly reads: GroupRead<ReportDoc>;

  constructor(
    private readonly container: Container,
    options: { groupCommit?: GroupCommitOptions; groupRead?: GroupCommitOptions } = {},
  ) {
    this.writes = new GroupCommit(container, (doc) => doc.roundId, options.groupCommit);
    // A grouped read answers within the storage deadline from its call, as a plain read does.
    this.reads = new GroupRead(container, { deadlineMs: storageDeadlineMs(container), ...options.groupRead });
  }

  private remember(v: Versioned<ReportDoc>): Versioned<ReportDoc> {
    const key = `${v.doc.roundId}|${v.doc.id}`;
    this.known.delete(key);
    if (this.known.size >= CACHE_MAX) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(key, v);
    return v;
  }

  /**
   * Point read; undefined when the report does not exist (or either id is not of a storable shape).
   * Under load it may share one Cosmos request with reads of other reports of the same round.
   */
  async get(roundId: string, id: string): Promise<Versioned<ReportDoc> | undefined> {
    if (!isStorableId(roundId) || !isStorableId(id)) return undefined;
    const response = await this.reads.read(roundId, id);
    if (!response.resource) {
      this.known.delete(`${roundId}|${id}`);
      return undefined;
    }
    return this.remember(versioned(response, id));
  }

  /** Creates a new report; throws ConflictError when the id is taken in its round. */
  async create(doc: ReportDoc): Promise<Versioned<ReportDoc>> {
    try {
      return this.remember(versioned(await this.container.items.create<ReportDoc>(doc), doc.id));
    } catch (err) {
      throw toStorageError(err, this.container.id, doc.id);
    }
  }

  /**
   * Replaces the report only if it still has `etag`. Throws ConcurrencyError when someone else wrote
   * in between (412), NotFoundError when it is gone. Under load it may share one Cosmos request with
   * replaces of other reports of the same round (group commit); its outcome is its own either way.
   */
  async replace(doc: ReportDoc, etag: string): Promise<Versioned<ReportDoc>> {
    try {
      return this.remember(versioned(await this.writes.replace(doc, etag), doc.id));
    } catch (err) {
      this.known.delete(`${doc.roundId}|${doc.id}`);
      throw toStorageError(err, this.container.id, doc.id);
    }
  }

  /** Creates or overwrites unconditionally (imports, tests). */
  async upsert(doc: ReportDoc): Promise<Versioned<ReportDoc>> {
    return this.remember(versioned(await this.container.items.upsert<ReportDoc>(doc), doc.id));
  }

  /** Every report of a round (all pages), unordered. */
  async listByRound(roundId: string): Promise<ReportDoc[]> {
    return this.query(
      {
        query: "SELECT * FROM c WHERE c.roundId = @roundId",
        parameters: [{ name: "@roundId", value: roundId }],
      },
      roundId,
    );
  }

  /** Reports with any of these ids in rounds other than `exceptRoundId` (earlier rounds of the same tiltak). */
  async listByIdsElsewhere(ids: readonly string[], exceptRoundId: string): Promise<ReportDoc[]> {
    if (ids.length === 0) return [];
    return this.query({
      query: "SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.id) AND c.roundId != @roundId",
      parameters: [
        { name: "@ids", value: [...ids] },
        { name: "@roundId", value: exceptRoundId },
      ],
    });
  }

  /**
   * Reports a person may work on, across rounds: as the contact (by Entra id or e-mail), as a
   * co-editor or as an approver (by Entra id or e-mail). E-mails compare case-insensitively.
   */
  async listForPerson(person: { id: string; email?: string }): Promise<ReportDoc[]> {
    const email = person.email?.trim().toLowerCase();
    const parameters = [{ name: "@id", value: person.id }];
    let contact = "c.contact.aadObjectId = @id";
    let coEditor = "e.aadObjectId = @id";
    let approver = "a.aadObjectId = @id";
    if (email) {
      parameters.push({ name: "@email", value: email });
      contact += " OR LOWER(c.contact.email) = @email";
      coEditor += " OR LOWER(e.email) = @email";
      approver += " OR LOWER(a.email) = @email";
    }
    return this.query({
      query:
        `SELECT * FROM c WHERE ${contact} OR EXISTS(SELECT VALUE e FROM e IN c.coEditors WHERE ${coEditor})` +
        ` OR EXISTS(SELECT VALUE a FROM a IN c.approvers WHERE ${approver})`,
      parameters,
    });
  }

  /**
   * Read, mutate, conditional write; on a lost race (412) read again and retry, up to `maxAttempts`.
   * `mutate` gets a private copy and returns the new document, or undefined to write nothing (or a
   * promise of either, for a decision that needs another lookup, such as a receipt number).
   * Throws NotFoundError when the report does not exist, ConcurrencyError when every attempt lost.
   */
  async updateWithRetry(
    roundId: string,
    id: string,
    mutate: (doc: ReportDoc) => ReportDoc | undefined | Promise<ReportDoc | undefined>,
    maxAttempts = 5,
  ): Promise<UpdateResult> {
    let cached = this.known.get(`${roundId}|${id}`);
    for (let attempt = 1; ; attempt++) {
      const current = cached ?? (await this.get(roundId, id));
      if (!current) throw new NotFoundError(this.container.id, id);
      const result = mutate(copyDocument(current.doc));
      const next = result instanceof Promise ? await result : result;
      if (next === undefined) {
        // Never decide "nothing to write" on a remembered copy: it may be out of date.
        if (cached !== undefined) {
          cached = undefined;
          attempt--;
          continue;
        }
        return { ...current, written: false, attempts: attempt };
      }
      const fromCache = cached !== undefined;
      cached = undefined;
      try {
        return { ...(await this.replace(next, current.etag)), written: true, attempts: attempt };
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= maxAttempts) throw err;
        // A remembered copy that lost: read and try again at once (it was not a race with a writer).
        if (fromCache) {
          attempt--;
          continue;
        }
      }
      await backoff(attempt);
    }
  }

  private async query(spec: SqlQuerySpec, partitionKey?: string): Promise<ReportDoc[]> {
    const options = partitionKey === undefined ? {} : { partitionKey };
    const { resources } = await this.container.items.query<ReportDoc>(spec, options).fetchAll();
    return resources.map(stripSystemFields);
  }
}

function versioned(
  response: { resource?: (ReportDoc & { _etag?: string }) | undefined; etag?: string | undefined },
  id: string,
): Versioned<ReportDoc> {
  const { resource } = response;
  const etag = response.etag ?? resource?._etag;
  if (!resource || !etag) throw new Error(`Cosmos returned no document or ETag for ${id}`);
  return { doc: stripSystemFields(resource), etag };
}

/** Jittered exponential pause so concurrent writers of one report spread out: 0-20 ms, 0-40 ms, ... */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * 10 * 2 ** Math.min(attempt, 6);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
