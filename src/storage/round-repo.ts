/**
 * Reporting rounds (container "rounds", partition key /id). Few documents, rarely written.
 */
import type { Container } from "@azure/cosmos";
import type { RoundDoc } from "../reports/types.ts";
import { stripSystemFields } from "./cosmos.ts";

export class RoundRepo {
  constructor(private readonly container: Container) {}

  /** Point read; undefined when the round does not exist. */
  async get(id: string): Promise<RoundDoc | undefined> {
    const { resource } = await this.container.item(id, id).read<RoundDoc>();
    return resource ? stripSystemFields(resource) : undefined;
  }

  /** Creates or overwrites a round. */
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
