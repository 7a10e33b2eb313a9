/**
 * Who is acting, from the authenticated Teams activity: Entra object id, name, tenant, and the
 * e-mail/UPN from the Teams member record (fetched once per person and remembered in Cosmos and
 * in memory), so contacts imported by e-mail are recognised. Also stores where to reach the person.
 * B2B guests (contacts from municipalities and universities in the county governor's tenant): the
 * address comes from the member record's real e-mail or out of the #EXT# UPN, the id is the guest's
 * object id in the host tenant, and the actor is marked as a guest (never staff); src/people/guests.ts.
 */
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { EdgeApp } from "../src/app.ts";
import { type Lang, type LangSources, langOfLocale } from "../src/i18n/lang.ts";
import { isGuestMember, memberEmail } from "../src/people/guests.ts";
import type { PersonDoc } from "../src/people/types.ts";
import type { Actor } from "../src/reports/types.ts";
import { actorOf } from "./actor.ts";
import { targetOf } from "./conversation-ref.ts";

/** What is remembered of a person between turns (in memory, per process). */
interface Known {
  email?: string;
  name?: string;
  guest?: boolean;
  /** The person's own choice of written standard, as stored on their record. */
  chosenLang?: Lang;
  /** The last Norwegian locale Teams reported for them (nb-NO, nn-NO). */
  locale?: string;
  stored: boolean;
}

/** Entries kept in memory; the oldest is dropped beyond this. */
const CACHE_MAX = 10_000;

export class Identity {
  private readonly known = new Map<string, Known>();

  constructor(private readonly app: EdgeApp) {}

  /** The actor with e-mail when Teams can tell it. At most one Cosmos read + write per person per process. */
  async resolve(ctx: TurnContext): Promise<Actor> {
    const base = actorOf(ctx.activity);
    const cached = this.known.get(base.id);
    const personal = ctx.activity.conversation.conversationType === "personal";
    if (cached !== undefined && (cached.stored || !personal))
      return withDetails(base, cached.email, cached.name, cached.guest);
    let person: PersonDoc | undefined;
    try {
      person = await this.app.people.find(base.id);
    } catch (err) {
      this.app.log.warn({ err }, "could not read the person record");
    }
    // Records stored before guests were told apart lack `guest`: read the member record once more.
    const member =
      person?.email === undefined || person.guest === undefined ? await this.member(ctx) : undefined;
    const email = person?.email ?? member?.email;
    // Some activities (e.g. installationUpdate) carry no display name.
    const name = base.name || person?.name || member?.name || undefined;
    const guest = member?.guest ?? person?.guest;
    const actor = withDetails(base, email, name, guest);
    let stored = false;
    if (personal) stored = await this.store(ctx, actor, email, person);
    this.remember(base.id, {
      ...(email !== undefined ? { email } : {}),
      ...(name ? { name } : {}),
      ...(guest !== undefined ? { guest } : {}),
      ...(person?.lang !== undefined ? { chosenLang: person.lang } : {}),
      ...(person?.locale !== undefined ? { locale: person.locale } : {}),
      stored,
    });
    return actor;
  }

  /**
   * What decides the person's written standard in a turn: their own choice (a choice made through this
   * process wins over the record read earlier) and Teams' locale (the partnership's målform is the
   * report's, bot/lang.ts).
   */
  langSources(actorId: string, activityLocale: string | undefined): LangSources {
    const known = this.known.get(actorId);
    // A Norwegian locale is remembered: a later activity in another locale (en-US) says nothing about
    // bokmål or nynorsk (the Agents Playground sends en-US on every activity but the ones we craft).
    if (known !== undefined && langOfLocale(activityLocale) !== undefined) known.locale = activityLocale;
    return {
      chosen: this.app.people.recentChoice(actorId) ?? known?.chosenLang,
      locale: langOfLocale(activityLocale) !== undefined ? activityLocale : known?.locale,
    };
  }

  private async member(
    ctx: TurnContext,
  ): Promise<{ email?: string; name?: string; guest: boolean } | undefined> {
    try {
      const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
      const record = {
        ...(typeof member.email === "string" ? { email: member.email } : {}),
        ...(typeof member.userPrincipalName === "string"
          ? { userPrincipalName: member.userPrincipalName }
          : {}),
        ...(typeof member.userRole === "string" ? { userRole: member.userRole } : {}),
      };
      const email = memberEmail(record);
      return {
        ...(email !== undefined ? { email } : {}),
        ...(member.name ? { name: member.name } : {}),
        guest: isGuestMember(record),
      };
    } catch (err) {
      this.app.log.debug({ err }, "could not read the Teams member record");
      return undefined;
    }
  }

  /** Store the conversation reference (with tenant) for proactive messages later. */
  private async store(ctx: TurnContext, base: Actor, email: string | undefined, existing?: PersonDoc) {
    try {
      await this.app.people.rememberReachable(
        base,
        email,
        targetOf(ctx.activity),
        existing,
        ctx.activity.locale,
      );
      return true;
    } catch (err) {
      this.app.log.warn({ err }, "could not store the conversation reference");
      return false;
    }
  }

  private remember(id: string, entry: Known) {
    if (this.known.size >= CACHE_MAX) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.known.set(id, entry);
  }
}

const withDetails = (
  a: Actor,
  email: string | undefined,
  name: string | undefined,
  guest: boolean | undefined,
): Actor => ({
  ...a,
  ...(email !== undefined ? { email } : {}),
  ...(a.name === "" && name ? { name } : {}),
  ...(guest !== undefined ? { guest } : {}),
});
