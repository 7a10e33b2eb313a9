/**
 * People seen in Teams (container "people", partition key /id = Actor.id), with where to reach them.
 */
import type { Container } from "@azure/cosmos";
import type { PersonDoc } from "../people/types.ts";
import { stripSystemFields } from "./cosmos.ts";
import { isStorableId } from "./ids.ts";

export class PeopleRepo {
  constructor(private readonly container: Container) {}

  /** Point read; undefined when the person has not been seen. */
  async get(id: string): Promise<PersonDoc | undefined> {
    if (!isStorableId(id)) return undefined; // cannot name a stored document
    const { resource } = await this.container.item(id, id).read<PersonDoc>();
    return resource ? stripSystemFields(resource) : undefined;
  }

  /** Creates or overwrites a person. */
  async upsert(doc: PersonDoc): Promise<PersonDoc> {
    const { resource } = await this.container.items.upsert<PersonDoc>(doc);
    if (!resource) throw new Error(`Cosmos returned no document for person ${doc.id}`);
    return stripSystemFields(resource);
  }

  /**
   * The person with this e-mail (case-insensitive); when several ids share it, the most recently
   * updated one. A cross-partition query: keep it off the hot path.
   */
  async findByEmail(email: string): Promise<PersonDoc | undefined> {
    const value = email.trim().toLowerCase();
    if (!value) return undefined;
    const { resources } = await this.container.items
      .query<PersonDoc>({
        query: "SELECT * FROM c WHERE LOWER(c.email) = @email",
        parameters: [{ name: "@email", value }],
      })
      .fetchAll();
    const newest = resources.reduce<PersonDoc | undefined>(
      (best, doc) => (best === undefined || doc.updatedAt > best.updatedAt ? doc : best),
      undefined,
    );
    return newest ? stripSystemFields(newest) : undefined;
  }
}
