/**
 * Person records (container "people"): who someone seen in Teams is and where to reach them. The
 * edge (bot/identity.ts) reads a person once per process and stores a fresh conversation reference.
 */
import type { Clock } from "../clock.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { PersonDoc } from "./types.ts";

export class PersonService {
  constructor(private readonly deps: { people: PeopleRepo; clock: Clock }) {}

  /** The stored record of this Entra object id, if the person has been seen. */
  find(id: string): Promise<PersonDoc | undefined> {
    return this.deps.people.get(id);
  }

  /**
   * Store where to reach the person now (a proactive message goes there later). A fresh conversation
   * reference means the person can be reached again, so an earlier "unreachable" mark is dropped.
   */
  async rememberReachable(
    actor: Actor,
    email: string | undefined,
    target: ConversationTarget,
    existing?: PersonDoc,
  ): Promise<void> {
    const { unreachable: _stale, ...rest } = existing ?? ({} as Partial<PersonDoc>);
    await this.deps.people.upsert({
      ...rest,
      id: actor.id,
      name: actor.name || existing?.name || "",
      ...(email !== undefined ? { email } : {}),
      ...(actor.tenantId !== undefined ? { tenantId: actor.tenantId } : {}),
      target,
      updatedAt: this.deps.clock().toISOString(),
    });
  }

  /** Reports whose contact the bot cannot reach: no stored conversation, or blocked/uninstalled. */
  async unreachableContacts(reports: readonly ReportDoc[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const r of reports) {
      if (r.status === "submitted") continue;
      const c = r.contact;
      const person =
        (c.aadObjectId ? await this.deps.people.get(c.aadObjectId) : undefined) ??
        (await this.deps.people.findByEmail(c.email));
      if (person?.target === undefined || person.unreachable !== undefined) out.add(r.id);
    }
    return out;
  }
}
