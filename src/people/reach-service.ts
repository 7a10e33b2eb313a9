/**
 * Reaching contacts the bot has never met (opt-in, REACH_CONTACTS=on or `npm run reach`). Teams lets a
 * bot message a person only where the app is installed, and a contact who never opened the bot has no
 * stored conversation, so a reminder could only list them as unreachable. For each open round's
 * contact without a conversation this:
 *   1. finds the contact's object id in this tenant (imported id, else Graph by e-mail; a guest's
 *      account in the host tenant),
 *   2. installs the app in their personal scope through Graph (unless it is installed already),
 *   3. opens the personal conversation with the bot (Bot Connector createConversation, in bot/),
 *   4. stores the conversation on the person (people container), so the next reminder reaches them.
 * Each step's outcome is recorded per contact (a ReachDoc beside the person documents) and shown in the
 * staff status. Nothing is retried within a run; a failed contact is tried again on the next run.
 */
import type { Clock } from "../clock.ts";
import type { Logger } from "../log.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";
import { recipientKey } from "../reminders/recipients.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { GraphClient } from "./graph-client.ts";
import type { PersonDoc } from "./types.ts";

export type ReachStepName = "lookup" | "install" | "conversation";

export interface ReachStep {
  step: ReachStepName;
  outcome: "ok" | "already" | "not_found" | "failed";
  /** HTTP status of a failed call (0 = no answer). */
  status?: number;
  /** Graph's or the Bot Connector's error code, e.g. "Forbidden". */
  code?: string;
}

/** The last attempt to reach one contact. Stored in the people container under `reachDocId(...)`. */
export interface ReachDoc {
  id: string;
  kind: "reach";
  /** The contact's object id in this tenant, once found. */
  userId?: string;
  reportIds: string[];
  outcome: "reached" | "failed";
  failedStep?: ReachStepName;
  steps: ReachStep[];
  at: string;
}

/** Opens the bot's personal chat with a user (implemented in bot/ with createConversationAsync). */
export interface ConversationOpener {
  openPersonal(user: {
    id: string;
    tenantId: string;
  }): Promise<{ ok: true; target: ConversationTarget } | { ok: false; status?: number; code: string }>;
}

/** Where reach documents are kept (src/storage/reach-repo.ts). */
export interface ReachStore {
  get(id: string): Promise<ReachDoc | undefined>;
  put(doc: ReachDoc): Promise<void>;
}

export interface ReachDeps {
  rounds: { list(): Promise<RoundDoc[]> };
  reports: { listByRound(roundId: string): Promise<ReportDoc[]> };
  people: {
    get(id: string): Promise<PersonDoc | undefined>;
    findByEmail(email: string): Promise<PersonDoc | undefined>;
    upsert(doc: PersonDoc): Promise<PersonDoc>;
  };
  store: ReachStore;
  graph: GraphClient;
  opener: ConversationOpener;
  /** The app's id in the tenant's Teams app catalog. */
  appCatalogId: string;
  /** The bot's (host) tenant: where contacts, guests included, have their accounts. */
  tenantId: string;
  clock: Clock;
  log: Logger;
}

/** One contact to reach (with every open report they are the contact of). */
export interface ReachCandidate {
  key: string;
  name: string;
  email: string;
  aadObjectId?: string;
  reportIds: string[];
}

export interface ReachSummary {
  candidates: number;
  reached: number;
  failed: number;
}

/** The id of a contact's reach document: no e-mail in ids. */
export const reachDocId = (contact: { aadObjectId?: string; email?: string }) =>
  reachDocIdOfKey(recipientKey(contact));

/** The id of the reach document kept under one recipient key. */
export const reachDocIdOfKey = (key: string) => `reach-${key}`;

export class ReachService {
  constructor(private readonly deps: ReachDeps) {}

  /** Contacts of open rounds' unsent reports whom the bot cannot message yet (no stored conversation). */
  async candidates(now: Date = this.deps.clock()): Promise<ReachCandidate[]> {
    const rounds = (await this.deps.rounds.list()).filter((r) => Date.parse(r.deadline) > now.getTime());
    const byKey = new Map<string, ReachCandidate>();
    for (const round of rounds) {
      for (const report of await this.deps.reports.listByRound(round.id)) {
        if (report.status === "submitted") continue;
        const c = report.contact;
        const key = recipientKey(c);
        const known = byKey.get(key);
        if (known !== undefined) {
          known.reportIds.push(report.id);
          continue;
        }
        byKey.set(key, {
          key,
          name: c.name,
          email: c.email.trim().toLowerCase(),
          ...(c.aadObjectId ? { aadObjectId: c.aadObjectId } : {}),
          reportIds: [report.id],
        });
      }
    }
    const out: ReachCandidate[] = [];
    for (const candidate of byKey.values()) {
      const person =
        (candidate.aadObjectId ? await this.deps.people.get(candidate.aadObjectId) : undefined) ??
        (await this.deps.people.findByEmail(candidate.email));
      if (person?.target === undefined) out.push(candidate);
    }
    return out;
  }

  /** Reaches every candidate once, recording each one's steps. */
  async run(): Promise<ReachSummary> {
    const list = await this.candidates();
    const summary: ReachSummary = { candidates: list.length, reached: 0, failed: 0 };
    for (const candidate of list) {
      const doc = await this.reach(candidate);
      if (doc.outcome === "reached") summary.reached++;
      else summary.failed++;
    }
    this.deps.log.info({ ...summary }, "reach run done");
    return summary;
  }

  /** The steps for one contact; the outcome is stored and returned. */
  async reach(candidate: ReachCandidate): Promise<ReachDoc> {
    const steps: ReachStep[] = [];
    const finish = async (userId: string | undefined, failedStep?: ReachStepName): Promise<ReachDoc> => {
      const doc: ReachDoc = {
        id: reachDocId(candidate),
        kind: "reach",
        ...(userId !== undefined ? { userId } : {}),
        reportIds: candidate.reportIds,
        outcome: failedStep === undefined ? "reached" : "failed",
        ...(failedStep !== undefined ? { failedStep } : {}),
        steps,
        at: this.deps.clock().toISOString(),
      };
      await this.deps.store.put(doc);
      const last = steps[steps.length - 1];
      this.deps.log.info(
        {
          key: candidate.key,
          outcome: doc.outcome,
          step: last?.step,
          status: last?.status,
          code: last?.code,
        },
        "reach contact",
      );
      return doc;
    };

    // 1. Who the contact is in this tenant.
    let userId = candidate.aadObjectId;
    if (userId === undefined) {
      const found = await this.deps.graph.findUserByEmail(candidate.email);
      if (!found.ok) {
        steps.push({ step: "lookup", outcome: "failed", status: found.status, code: found.code });
        return finish(undefined, "lookup");
      }
      if (found.value === undefined) {
        steps.push({ step: "lookup", outcome: "not_found" });
        return finish(undefined, "lookup");
      }
      userId = found.value.id;
    }
    steps.push({ step: "lookup", outcome: "ok" });

    // 2. The app in the contact's personal scope.
    const has = await this.deps.graph.hasApp(userId, this.deps.appCatalogId);
    if (has.ok && has.value) {
      steps.push({ step: "install", outcome: "already" });
    } else {
      const installed = await this.deps.graph.installApp(userId, this.deps.appCatalogId);
      if (!installed.ok) {
        steps.push({ step: "install", outcome: "failed", status: installed.status, code: installed.code });
        return finish(userId, "install");
      }
      steps.push({ step: "install", outcome: installed.value === "already" ? "already" : "ok" });
    }

    // 3. The personal conversation with the bot, stored for reminders.
    const opened = await this.deps.opener.openPersonal({ id: userId, tenantId: this.deps.tenantId });
    if (!opened.ok) {
      steps.push({
        step: "conversation",
        outcome: "failed",
        ...(opened.status !== undefined ? { status: opened.status } : {}),
        code: opened.code,
      });
      return finish(userId, "conversation");
    }
    const existing = await this.deps.people.get(userId);
    const { unreachable: _stale, ...rest } = existing ?? ({} as Partial<PersonDoc>);
    await this.deps.people.upsert({
      ...rest,
      id: userId,
      name: existing?.name || candidate.name,
      email: existing?.email ?? candidate.email,
      tenantId: this.deps.tenantId,
      target: opened.target,
      updatedAt: this.deps.clock().toISOString(),
    });
    steps.push({ step: "conversation", outcome: "ok" });
    return finish(userId);
  }

  /** The stored reach outcome of a report's contact, if the reach job has tried them. */
  lastAttempt(contact: { aadObjectId?: string; email?: string }): Promise<ReachDoc | undefined> {
    return this.deps.store.get(reachDocId(contact));
  }
}
