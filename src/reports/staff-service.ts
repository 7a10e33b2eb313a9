/**
 * What county staff do with reports: list a round's reports, read any report, and reopen a
 * submitted report with a reason (the contact person is told in chat).
 */
import { z } from "zod";
import type { Clock } from "../clock.ts";
import { isStaff } from "../people/staff.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";
import type { RoundDoc } from "../rounds/types.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import type { ReportRef } from "./report-service.ts";
import type { Actor, ReportDoc } from "./types.ts";

const staffMessages = {
  reasonRequired: "Skriv en begrunnelse (minst 5 tegn) – kontaktpersonen får den i chatten.",
  reasonTooLong: "Begrunnelsen kan ha høyst 1000 tegn.",
} as const;

const reasonSchema = z
  .string()
  .trim()
  .min(5, staffMessages.reasonRequired)
  .max(1000, staffMessages.reasonTooLong);

/** Tells a person something in chat; implemented in bot/ (proactive message). */
export type NotifyPerson = (target: ConversationTarget, text: string) => Promise<boolean>;

/** A channel's conversation id without the thread part. */
export const channelIdOf = (conversationId: string): string => conversationId.split(";")[0] ?? conversationId;

export type ReopenOutcome =
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "invalid"; report: ReportDoc; form: Form; message: string }
  | { kind: "not_submitted"; report: ReportDoc; form: Form }
  | { kind: "stale"; report: ReportDoc; form: Form }
  | { kind: "reopened"; report: ReportDoc; form: Form; contactTold: boolean };

export interface StaffServiceDeps {
  reports: ReportRepo;
  rounds: RoundRepo;
  people: PeopleRepo;
  forms: Map<string, Form>;
  staffIds: readonly string[];
  clock: Clock;
  notify: NotifyPerson;
}

export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  /** Rounds this actor is staff of (all rounds for configured staff). */
  async roundsOf(actor: Actor): Promise<RoundDoc[]> {
    const rounds = await this.deps.rounds.list();
    return rounds.filter((r) => isStaff(actor, this.deps.staffIds, r));
  }

  async isStaffOf(actor: Actor, roundId: string): Promise<RoundDoc | undefined> {
    const round = await this.deps.rounds.get(roundId);
    return round !== undefined && isStaff(actor, this.deps.staffIds, round) ? round : undefined;
  }

  /** The round's reports, or undefined when the actor is not staff of it. */
  async listRound(
    actor: Actor,
    roundId: string,
  ): Promise<{ round: RoundDoc; form: Form; reports: ReportDoc[] } | undefined> {
    const round = await this.isStaffOf(actor, roundId);
    if (round === undefined) return undefined;
    const form = this.deps.forms.get(round.formId);
    if (form === undefined) throw new Error(`Unknown form ${round.formId}`);
    const reports = await this.deps.reports.listByRound(roundId);
    reports.sort(
      (a, b) =>
        a.partnership.name.localeCompare(b.partnership.name, "nb") ||
        a.tiltak.name.localeCompare(b.tiltak.name, "nb"),
    );
    return { round, form, reports };
  }

  /** The round whose staff channel is this conversation (channel id without ";messageid=…"). */
  async roundOfChannel(conversationId: string): Promise<RoundDoc | undefined> {
    const id = channelIdOf(conversationId);
    const rounds = await this.deps.rounds.list();
    return rounds.find(
      (r) => r.staffChannel !== undefined && channelIdOf(r.staffChannel.conversationId) === id,
    );
  }

  /**
   * Bind a staff channel to the newest round the actor is staff of (or the named one). The
   * team's members become staff of the round.
   */
  async bindChannel(
    actor: Actor,
    channel: NonNullable<RoundDoc["staffChannel"]>,
    teamMemberIds: string[],
    roundId?: string,
  ): Promise<RoundDoc | undefined> {
    // Only configured staff bind a channel: binding makes the team's members staff of the round.
    if (actor.guest === true || !this.deps.staffIds.includes(actor.id)) return undefined;
    const rounds = await this.roundsOf(actor);
    const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
    if (round === undefined) return undefined;
    // On the round as it is at write time (If-Match, re-read on a race), so a digest recorded meanwhile
    // is not lost. Binding anew starts a new digest card (no digestActivityId carried over); the same
    // channel keeps the slot it had its digest for, so that slot is not posted twice.
    const conversationId = channelIdOf(channel.conversationId);
    const written = await this.deps.rounds.updateWithRetry(round.id, (fresh) => {
      const before = fresh.staffChannel;
      const sameChannel = before !== undefined && channelIdOf(before.conversationId) === conversationId;
      const { digestActivityId: _new, lastDigestSlot: _slot, ...bound } = channel;
      return {
        ...fresh,
        staffChannel: {
          ...bound,
          conversationId,
          ...(sameChannel && before.lastDigestSlot !== undefined
            ? { lastDigestSlot: before.lastDigestSlot }
            : {}),
        },
        staffIds: [...new Set([...fresh.staffIds, ...teamMemberIds])],
      };
    });
    return written?.doc;
  }

  async reopen(
    actor: Actor,
    ref: ReportRef,
    input: { reason: unknown; revision: number },
  ): Promise<ReopenOutcome> {
    if ((await this.isStaffOf(actor, ref.roundId)) === undefined) return { kind: "forbidden" };
    const reason = reasonSchema.safeParse(input.reason ?? "");
    let outcome: ReopenOutcome | undefined;
    let result: { doc: ReportDoc } | undefined;
    try {
      result = await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, (doc) => {
        const form = this.formOf(doc);
        outcome = undefined;
        if (doc.status !== "submitted") outcome = { kind: "not_submitted", report: doc, form };
        else if (doc.revision !== input.revision) outcome = { kind: "stale", report: doc, form };
        else if (!reason.success)
          outcome = { kind: "invalid", report: doc, form, message: reason.error.issues[0]?.message ?? "" };
        if (outcome !== undefined) return undefined;
        const now = this.deps.clock().toISOString();
        const { submittedAt: _a, submittedBy: _b, receipt: _c, ...rest } = doc;
        return {
          ...rest,
          status: "draft",
          revision: doc.revision + 1,
          reopened: {
            by: { id: actor.id, name: actor.name },
            at: now,
            reason: reason.success ? reason.data : "",
          },
          updatedAt: now,
        };
      });
    } catch (err) {
      if (err instanceof NotFoundError) return { kind: "not_found" };
      throw err;
    }
    if (outcome !== undefined) return outcome;
    const report = result.doc;
    const contactTold = await this.tellContact(report, reason.success ? reason.data : "");
    return { kind: "reopened", report, form: this.formOf(report), contactTold };
  }

  private async tellContact(report: ReportDoc, reason: string): Promise<boolean> {
    const c = report.contact;
    const person =
      (c.aadObjectId !== undefined ? await this.deps.people.get(c.aadObjectId) : undefined) ??
      (await this.deps.people.findByEmail(c.email));
    if (person?.target === undefined) return false;
    const text =
      `Statsforvalteren har åpnet rapporteringen «${report.tiltak.name}» (${report.partnership.name}) igjen, ` +
      `så den kan rettes og sendes inn på nytt. Begrunnelse: ${reason}\n\nSkriv «fortsett» for å åpne den.`;
    return this.deps.notify(person.target, text);
  }

  private formOf(report: ReportDoc): Form {
    const form = this.deps.forms.get(report.formId);
    if (form === undefined) throw new Error(`Unknown form ${report.formId}`);
    return form;
  }
}
