/**
 * Who is acting, from the authenticated Teams activity: Entra object id, name, tenant, and the
 * e-mail/UPN from the Teams member record (fetched once per person and remembered in Cosmos and
 * in memory), so contacts imported by e-mail are recognised. Also stores where to reach the person.
 */
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { EdgeApp } from "../src/app.ts";
import type { PersonDoc } from "../src/people/types.ts";
import type { Actor } from "../src/reports/types.ts";
import { actorOf } from "./actor.ts";
import { targetOf } from "./conversation-ref.ts";

/** Entries kept in memory; the oldest is dropped beyond this. */
const CACHE_MAX = 10_000;

export class Identity {
  private readonly known = new Map<string, { email?: string; name?: string; stored: boolean }>();

  constructor(private readonly app: EdgeApp) {}

  /** The actor with e-mail when Teams can tell it. At most one Cosmos read + write per person per process. */
  async resolve(ctx: TurnContext): Promise<Actor> {
    const base = actorOf(ctx.activity);
    const cached = this.known.get(base.id);
    const personal = ctx.activity.conversation.conversationType === "personal";
    if (cached !== undefined && (cached.stored || !personal))
      return withDetails(base, cached.email, cached.name);
    let person: PersonDoc | undefined;
    try {
      person = await this.app.people.find(base.id);
    } catch (err) {
      this.app.log.warn({ err }, "could not read the person record");
    }
    const member = person?.email === undefined ? await this.member(ctx) : undefined;
    const email = person?.email ?? member?.email;
    // Some activities (e.g. installationUpdate) carry no display name.
    const name = base.name || person?.name || member?.name || undefined;
    const actor = withDetails(base, email, name);
    let stored = false;
    if (personal) stored = await this.store(ctx, actor, email, person);
    this.remember(base.id, { ...(email !== undefined ? { email } : {}), ...(name ? { name } : {}), stored });
    return actor;
  }

  private async member(ctx: TurnContext): Promise<{ email?: string; name?: string } | undefined> {
    try {
      const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
      const email = member.email ?? member.userPrincipalName;
      return {
        ...(typeof email === "string" && email.includes("@") ? { email: email.toLowerCase() } : {}),
        ...(member.name ? { name: member.name } : {}),
      };
    } catch (err) {
      this.app.log.debug({ err }, "could not read the Teams member record");
      return undefined;
    }
  }

  /** Store the conversation reference (with tenant) for proactive messages later. */
  private async store(ctx: TurnContext, base: Actor, email: string | undefined, existing?: PersonDoc) {
    try {
      await this.app.people.rememberReachable(base, email, targetOf(ctx.activity), existing);
      return true;
    } catch (err) {
      this.app.log.warn({ err }, "could not store the conversation reference");
      return false;
    }
  }

  private remember(id: string, entry: { email?: string; stored: boolean }) {
    if (this.known.size >= CACHE_MAX) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(id, entry);
  }
}

const withDetails = (a: Actor, email: string | undefined, name: string | undefined): Actor => ({
  ...a,
  ...(email !== undefined ? { email } : {}),
  ...(a.name === "" && name ? { name } : {}),
});
