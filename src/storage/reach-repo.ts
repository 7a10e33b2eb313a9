/**
 * Reach documents (src/people/reach-service.ts): the last attempt to reach one contact, kept in the
 * people container (partition key /id) beside the person documents. They hold an object id, report
 * ids and step outcomes only, never an e-mail or a name.
 */
import type { Container } from "@azure/cosmos";
import type { ReachDoc, ReachStore } from "../people/reach-service.ts";
import { stripSystemFields } from "./cosmos.ts";

export class ReachRepo implements ReachStore {
  constructor(private readonly container: Container) {}

  async get(id: string): Promise<ReachDoc | undefined> {
    const { resource } = await this.container.item(id, id).read<ReachDoc>();
    return resource?.kind === "reach" ? stripSystemFields(resource) : undefined;
  }

  async put(doc: ReachDoc): Promise<void> {
    await this.container.items.upsert<ReachDoc>(doc);
  }
}
