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
import {
  inHand,
  RECEIPT_BLOCK,
  RECEIPT_LOW,
  RECEIPT_RETRY_MS,
  type ReceiptHand,
  takeNumber,
} from "./receipt-blocks.ts";

/** Rounds remembered with their ETag; a county has a round a year, the bound only guards surprises. */
const KNOWN_MAX = 1_000;

export class RoundRepo {
  private readonly known = new Map<string, Versioned<RoundDoc>>();
  /** Receipt numbers reserved ahead, per round (see nextReceiptNumber). */
  private readonly hands = new Map<string, ReceiptHand>();

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
   * The next receipt number of a round (1, 2, 3, ...), numbers reserved in blocks ahead of need (the
   * hi/lo allocator): the round's counter is raised by a block (RECEIPT_BLOCK, plus one per submit
   * waiting) with a conditional replace (If-Match on its ETag), re-read and retried when another writer
   * won the race, so no two processes hand out the same number; this process then hands the block's
   * numbers out in the order asked, so they increase within a process. A submit with a number in hand
   * awaits no write of the round; when fewer than RECEIPT_LOW are left the next block is reserved in the
   * background (its failure goes to `onRefillError`, the numbers in hand still serve, and the next try
   * ahead waits RECEIPT_RETRY_MS). Submits that find
   * none wait for the reservation (one write serves everyone waiting). Gaps are expected: the numbers
   * left in a block are lost when the process stops (at most RECEIPT_BLOCK + RECEIPT_LOW or so per
   * process, more after a burst), and a submit that then fails loses its number.
   */
  nextReceiptNumber(
    id: string,
    opts: { maxAttempts?: number; onRefillError?: (err: unknown) => void } = {},
  ): Promise<{ number: number; round: RoundDoc }> {
    const hand = this.handOf(id);
    const number = hand.waiting.length === 0 ? takeNumber(hand) : undefined;
    if (number !== undefined && hand.round !== undefined) {
      if (this.needsReceipts(id)) {
        // After the caller's own request has gone out: this write is not on the submit's path.
        setImmediate(() => {
          this.reserveReceipts(id, opts.maxAttempts).catch((err: unknown) => opts.onRefillError?.(err));
        });
      }
      return Promise.resolve({ number, round: hand.round });
    }
    return new Promise((resolve, reject) => {
      hand.waiting.push({ resolve, reject });
      // A failure rejects the waiters (receipt.ts then falls back to the id-based reference).
      this.reserveReceipts(id, opts.maxAttempts).catch(() => {});
    });
  }

  /**
   * Whether a reservation for round `id` is due: none under way, and submits wait, or few numbers are
   * left and no reservation failed in the last RECEIPT_RETRY_MS (a rounds container that is down is not
   * written to on every card).
   */
  needsReceipts(id: string): boolean {
    const hand = this.hands.get(id);
    if (hand === undefined) return true;
    if (hand.reserving !== undefined) return false;
    if (hand.waiting.length > 0) return true;
    const paused = hand.failedAt !== undefined && Date.now() - hand.failedAt < RECEIPT_RETRY_MS;
    return !paused && inHand(hand) < RECEIPT_LOW;
  }

  /**
   * Reserves the next block of receipt numbers of round `id` unless enough are in hand or a reservation
   * is under way (then its promise). Resolves once the numbers are in hand (and the waiting served);
   * rejects when the round cannot be written (NotFoundError when it does not exist), rejecting the
   * submits that were waiting too. Used ahead of need (receipt.ts `receiptNumbers().ahead`).
   */
  reserveReceipts(id: string, maxAttempts = 30): Promise<void> {
    const hand = this.handOf(id);
    if (hand.reserving !== undefined) return hand.reserving;
    if (!this.needsReceipts(id)) return Promise.resolve();
    const run = this.reserveWhileNeeded(id, hand, maxAttempts);
    hand.reserving = run;
    return run;
  }

  /** Numbers of round `id` reserved by this process and not given yet. */
  receiptsInHand(id: string): number {
    const hand = this.hands.get(id);
    return hand === undefined ? 0 : inHand(hand);
  }

  /** One reservation after another until nobody waits and enough are in hand; one at a time per round. */
  private async reserveWhileNeeded(id: string, hand: ReceiptHand, maxAttempts: number): Promise<void> {
    try {
      for (;;) {
        let size = 0;
        const result = await this.updateWithRetry(
          id,
          (doc) => {
            size = RECEIPT_BLOCK + hand.waiting.length;
            return { ...doc, receiptCounter: (doc.receiptCounter ?? 0) + size };
          },
          maxAttempts,
          { fromMemory: true },
        );
        if (result === undefined) throw new NotFoundError(this.container.id, id);
        const last = result.doc.receiptCounter ?? 0;
        hand.ranges.push({ from: last - size + 1, to: last });
        hand.round = result.doc;
        hand.failedAt = undefined;
        for (;;) {
          const waiter = hand.waiting[0];
          const number = waiter === undefined ? undefined : takeNumber(hand);
          if (waiter === undefined || number === undefined) break;
          hand.waiting.shift();
          waiter.resolve({ number, round: result.doc });
        }
        if (hand.waiting.length === 0 && inHand(hand) >= RECEIPT_LOW) return;
      }
    } catch (err) {
      hand.failedAt = Date.now();
      for (const w of hand.waiting.splice(0)) w.reject(err);
      throw err;
    } finally {
      // Synchronously at the end (no await after the last check): a later ask starts a new reservation.
      hand.reserving = undefined;
    }
  }

  private handOf(id: string): ReceiptHand {
    let hand = this.hands.get(id);
    if (hand === undefined) {
      if (this.hands.size >= KNOWN_MAX) {
        for (const [k, h] of this.hands)
          if (h.reserving === undefined && h.waiting.length === 0) this.hands.delete(k);
      }
      hand = { ranges: [], waiting: [] };
      this.hands.set(id, hand);
    }
    return hand;
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
