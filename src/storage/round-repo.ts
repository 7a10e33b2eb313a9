/**
 * Reporting rounds (container "rounds", partition key /id). Few documents, rarely written; several
 * writers touch the same round (the import, binding the staff channel, the digest bookkeeping), so
 * every product write is conditional (If-Match on the ETag) and re-reads on a lost race, like reports.
 */
import type { Container, ItemResponse } from "@azure/cosmos";
import type { RoundDoc } from "../rounds/types.ts";
import { stripSystemFields, type Versioned } from "./cosmos.ts";
import { ConcurrencyError, NotFoundError, toStorageError } from "./errors.ts";
import { isStorableId } from "./ids.ts";

export class RoundRepo {
  constructor(private readonly container: Container) {}

  /** Point read; undefined when the round does not exist. */
  async get(id: string): Promise<RoundDoc | undefined> {
    return (await this.read(id))?.doc;
  }

  /** Point read with the ETag, the base of a conditional write. */
  async read(id: string): Promise<Versioned<RoundDoc> | undefined> {
    if (!isStorableId(id)) return undefined; // cannot name a stored document
    const response = await this.container.item(id, id).read<RoundDoc>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return versioned(response, id);
  }

  /** Creates a new round; throws ConflictError when the id is taken. */
  async create(doc: RoundDoc): Promise<Versioned<RoundDoc>> {
    try {
      return versioned(await this.container.items.create<RoundDoc>(doc), doc.id);
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
      return versioned(response, doc.id);
    } catch (err) {
      throw toStorageError(err, this.container.id, doc.id);
    }
  }

  /**
   * Read, mutate, conditional write; on a lost race (412) read again and re-apply `mutate`, up to
   * `maxAttempts`. `mutate` gets a private copy and returns the new round, or undefined to write nothing.
   * Returns undefined when the round does not exist.
   */
  async updateWithRetry(
    id: string,
    mutate: (doc: RoundDoc) => RoundDoc | undefined,
    maxAttempts = 5,
  ): Promise<{ doc: RoundDoc; written: boolean } | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(id);
      if (current === undefined) return undefined;
      const next = mutate(structuredClone(current.doc));
      if (next === undefined) return { doc: current.doc, written: false };
      try {
        return { doc: (await this.replace(next, current.etag)).doc, written: true };
      } catch (err) {
        if (err instanceof NotFoundError) return undefined;
        if (!(err instanceof ConcurrencyError) || attempt >= maxAttempts) throw err;
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
