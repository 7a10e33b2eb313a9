/**
 * Person records (container "people"): who someone seen in Teams is and where to reach them. The
 * edge (bot/identity.ts) reads a person once per process and stores a fresh conversation reference.
 */
import type { Clock } from "../clock.ts";
import { type Lang, langOfLocale } from "../i18n/lang.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import { type ReachDoc, type ReachStore, reachDocId } from "./reach-service.ts";
import type { PersonDoc } from "./types.ts";

/**
 * Why the bot cannot reach a report's contact, for the staff status:
 * - never_opened: no stored conversation and no reach attempt (REACH_CONTACTS off or not run yet);
 * - blocked: Teams refused a message to the stored conversation (403/404: blocked, uninstalled, gone);
 * - not_in_directory: the reach job found no account with the contact's e-mail in the tenant (not invited as guest);
 * - install_refused / lookup_failed / conversation_failed: that reach step failed (status and code kept).
 */
export type UnreachableReason =
  | { kind: "never_opened" }
  | { kind: "blocked"; status: number; code: string }
  | { kind: "not_in_directory" }
  | { kind: "lookup_failed" | "install_refused" | "conversation_failed"; status?: number; code?: string };

export class PersonService {
  /** Choices of written standard made through this process, by person id (newer than any cached record). */
  private readonly choices = new Map<string, Lang>();

  constructor(private readonly deps: { people: PeopleRepo; clock: Clock; reach?: ReachStore }) {}

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
    locale?: string,
  ): Promise<void> {
    const { unreachable: _stale, ...rest } = existing ?? ({} as Partial<PersonDoc>);
    await this.deps.people.upsert({
      ...rest,
      id: actor.id,
      name: actor.name || existing?.name || "",
      ...(email !== undefined ? { email } : {}),
      ...(actor.tenantId !== undefined ? { tenantId: actor.tenantId } : {}),
      ...(actor.guest !== undefined ? { guest: actor.guest } : {}),
      target,
      // Only a Norwegian locale says which written standard (en-US says nothing): keep the last one.
      ...(langOfLocale(locale) !== undefined ? { locale: (locale as string).slice(0, 20) } : {}),
      updatedAt: this.deps.clock().toISOString(),
    });
  }

  /** Stores the person's own choice of written standard (read, then upsert: one person, one writer). */
  async chooseLang(actor: Actor, lang: Lang): Promise<void> {
    const existing = await this.deps.people.get(actor.id);
    await this.deps.people.upsert({
      ...(existing ?? {}),
      id: actor.id,
      name: existing?.name || actor.name || "",
      lang,
      updatedAt: this.deps.clock().toISOString(),
    });
    this.choices.set(actor.id, lang);
  }

  /** A choice made through this process since the person's record was read, if any. */
  recentChoice(id: string): Lang | undefined {
    return this.choices.get(id);
  }

  /** Reports whose contact the bot cannot reach: no stored conversation, or blocked/uninstalled. */
  async unreachableContacts(reports: readonly ReportDoc[]): Promise<Set<string>> {
    return new Set((await this.unreachableReasons(reports)).keys());
  }

  /** Per unsent report whose contact the bot cannot reach: why (see UnreachableReason). */
  async unreachableReasons(reports: readonly ReportDoc[]): Promise<Map<string, UnreachableReason>> {
    const out = new Map<string, UnreachableReason>();
    for (const r of reports) {
      if (r.status === "submitted") continue;
      const c = r.contact;
      const person =
        (c.aadObjectId ? await this.deps.people.get(c.aadObjectId) : undefined) ??
        (await this.deps.people.findByEmail(c.email));
      if (person?.unreachable !== undefined) {
        out.set(r.id, { kind: "blocked", status: person.unreachable.status, code: person.unreachable.code });
      } else if (person?.target === undefined) {
        const attempt = await this.deps.reach?.get(reachDocId(c));
        out.set(r.id, reasonOf(attempt));
      }
    }
    return out;
  }
}

function reasonOf(attempt: ReachDoc | undefined): UnreachableReason {
  if (attempt === undefined || attempt.outcome === "reached") return { kind: "never_opened" };
  const failed = attempt.steps.find((s) => s.outcome === "failed" || s.outcome === "not_found");
  if (failed?.outcome === "not_found") return { kind: "not_in_directory" };
  const detail = {
    ...(failed?.status !== undefined ? { status: failed.status } : {}),
    ...(failed?.code !== undefined ? { code: failed.code } : {}),
  };
  if (failed?.step === "install") return { kind: "install_refused", ...detail };
  if (failed?.step === "conversation") return { kind: "conversation_failed", ...detail };
  return { kind: "lookup_failed", ...detail };
}
