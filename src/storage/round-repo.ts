/**
 * Reporting rounds (container "rounds", partition key /id). Few documents, rarely written; several
 * writers touch the same round (the import, binding the staff channel, the digest bookkeeping), so
 * every product write is conditional (If-Match on the ETag) and re-reads on a lost race, like reports.
 * Like ReportRepo, the repo remembers the last version it read or wrote of each round, only ever as the
 * base of a conditional write (the receipt counter's; `fromMemory`); decisions not to write are made on
 * a fresh read.
 */
import type { Container, ItemResponse } from "@azure/cosmos";
import type { RoundDoc } from "../rounds/types.ts";
import { stripSystemFields, type Versioned } from "./cosmos.ts";
import { ConcurrencyError, NotFoundError, toStorageError } from "./errors.ts";
import { isStorableId } from "./ids.ts";

/** Rounds remembered with their ETag; a county has a round a year, the bound only guards surprises. */
const KNOWN_MAX = 1_000;

interface ReceiptWaiter {
  resolve(v: { number: number; round: RoundDoc }): void;
  reject(err: unknown): void;
}

export class RoundRepo {
  private readonly known = new Map<string, Versioned<RoundDoc>>();
  /** Submits waiting for a receipt number, per round; one write serves all who wait (see nextReceiptNumber). */
  private readonly waiting = new Map<string, ReceiptWaiter[]>();

  constructor(private readonly container: Container) {}

  private remember(v: Versioned<RoundDoc>): Versioned<RoundDoc> {
    if (this.known.size >= KNOWN_MAX && !this.known.has(v.doc.id)) this.known.clear();
    this.known.set(v.doc.id, v);
    return v;
  }

  /** Point read; undefined when the round does not exist. */
  async get(id: string): Promise<RoundDoc | undefined> {
    return (await this.read(id))?.doc;
  }

  /** Point read with the ETag, the base of a conditional write. */
  async read(id: string): Promise<Versioned<RoundDoc> | undefined> {
    if (!isStorableId(id)) return undefined; // cannot name a stored document
    const response = await this.container.item(id, id).read<RoundDoc>();
    if (response.statusCode === 404 || !response.resource) {
      this.known.delete(id);
      return undefined;
    }
    return this.remember(versioned(response, id));
  }

  /** Creates a new round; throws ConflictError when the id is taken. */
  async create(doc: RoundDoc): Promise<Versioned<RoundDoc>> {
    try {
      return this.remember(versioned(await this.container.items.create<RoundDoc>(doc), doc.id));
    } catch (err) {
      throw toStorageError(err, this.container.id, doc.id);
    }
  }

  /** Replaces the round only if it still has `etag`; ConcurrencyError (412) or NotFoundError otherwise. */
  async replace(doc: RoundDoc, etag: string): Promise<Versioned<RoundDoc>> {
    try {
      const response = await this.container
        .item(doc.id, doc.id)
        .replace<RoundDoc>(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return this.remember(versioned(response, doc.id));
    } catch (err) {
      this.known.delete(doc.id);
      throw toStorageError(err, this.container.id, doc.id);
    }
  }

  /**
   * Read, mutate, conditional write; on a lost race (412) read again and re-apply `mutate`, up to
   * `maxAttempts`. `mutate` gets a private copy and returns the new round, or undefined to write nothing.
   * `fromMemory`: try the remembered version first (no read; a 412 reads and tries again at once).
   * Returns undefined when the round does not exist.
   */
  async updateWithRetry(
    id: string,
    mutate: (doc: RoundDoc) => RoundDoc | undefined,
    maxAttempts = 5,
    opts: { fromMemory?: boolean } = {},
  ): Promise<{ doc: RoundDoc; written: boolean } | undefined> {
    let remembered = opts.fromMemory ? this.known.get(id) : undefined;
    for (let attempt = 1; ; attempt++) {
      const current = remembered ?? (await this.read(id));
      const fromMemory = remembered !== undefined;
      remembered = undefined;
      if (current === undefined) return undefined;
      const next = mutate(structuredClone(current.doc));
      if (next === undefined) {
        // Never decide "nothing to write" on a remembered copy: it may be out of date.
        if (fromMemory) {
          attempt--;
          continue;
        }
        return { doc: current.doc, written: false };
      }
      try {
        return { doc: (await this.replace(next, current.etag)).doc, written: true };
      } catch (err) {
        if (err instanceof NotFoundError) return undefined;
        if (!(err instanceof ConcurrencyError) || attempt >= maxAttempts) throw err;
        // A remembered copy that lost: read and try again at once (it was not a race with a writer).
        if (fromMemory) {
          attempt--;
          continue;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }

  /** Creates or overwrites unconditionally: test fixtures and benchmarks only, never the product. */
  async upsert(doc: RoundDoc): Promise<RoundDoc> {
    const { resource } = await this.container.items.upsert<RoundDoc>(doc);
    if (!resource) throw new Error(`Cosmos returned no document for round ${doc.id}`);
    return stripSystemFields(resource);
  }

  /**
   * The next receipt number of a round (1, 2, 3, ...): the round's counter raised with a conditional
   * replace (If-Match on its ETag), re-read and retried when another writer won the race, so no two
   * reports of a round get the same number. Submits that wait at the same time in this process share
   * one write: the counter is raised by how many wait, and each gets the next number in the order they
   * asked (200 contacts sending at once would otherwise retry each other's 412s about ten times each).
   * Gaps are possible (a submit that then fails).
   */
  nextReceiptNumber(id: string, maxAttempts = 30): Promise<{ number: number; round: RoundDoc }> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(id);
      if (queue !== undefined) {
        queue.push({ resolve, reject });
        return;
      }
      this.waiting.set(id, [{ resolve, reject }]);
      void this.raiseReceiptCounter(id, maxAttempts);
    });
  }

  /** Serves everyone waiting for a number of round `id`, one counter write per batch, until none wait. */
  private async raiseReceiptCounter(id: string, maxAttempts: number): Promise<void> {
    for (;;) {
      const batch = this.waiting.get(id) ?? [];
      if (batch.length === 0) {
        this.waiting.delete(id);
        return;
      }
      this.waiting.set(id, []);
      try {
        const result = await this.updateWithRetry(
          id,
          (doc) => ({ ...doc, receiptCounter: (doc.receiptCounter ?? 0) + batch.length }),
          maxAttempts,
          { fromMemory: true },
        );
        if (result === undefined) throw new NotFoundError(this.container.id, id);
        const last = result.doc.receiptCounter ?? 0;
        batch.forEach((w, i) => {
          w.resolve({ number: last - batch.length + 1 + i, round: result.doc });
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
  }

  /** All rounds, or those of one county; newest reporting year first. */
  async list(filter: { county?: string } = {}): Promise<RoundDoc[]> {
    const spec =
      filter.county === undefined
        ? { query: "SELECT * FROM c" }
        : {
            query: "SELECT * FROM c WHERE c.county = @county",
            parameters: [{ name: "@county", value: filter.county }],
          };
    const { resources } = await this.container.items.query<RoundDoc>(spec).fetchAll();
    return resources
      .map(stripSystemFields)
      .sort((a, b) => b.reportingYear - a.reportingYear || a.id.localeCompare(b.id));
  }
}

function versioned(response: ItemResponse<RoundDoc>, id: string): Versioned<RoundDoc> {
  const { resource } = response;
  const etag = response.etag ?? resource?._etag;
  if (!resource || !etag) throw new Error(`Cosmos returned no document or ETag for round ${id}`);
  return { doc: stripSystemFields(resource), etag };
}
