/**
 * What county staff do with reports: list a round's reports, read any report, and reopen a
 * submitted report with a reason (the contact person is told in chat).
 */

import { z } from "zod";
import type { Clock } from "../clock.ts";
import { chooseLang, DEFAULT_LANG } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { isConfiguredStaff, isImportedStaff } from "../people/staff.ts";
import type { StaffMembership } from "../people/staff-membership.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";
import type { RoundDoc } from "../rounds/types.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import type { ReportRef } from "./report-service.ts";
import type { Actor, ReportDoc } from "./types.ts";

// Staff type the reason on a card in bokmål (staff cards follow the round's setting, default bokmål).
const staffMessages = texts(DEFAULT_LANG).people;

const reasonSchema = z
  .string()
  .trim()
  .min(5, staffMessages.reasonRequired)
  .max(1000, staffMessages.reasonTooLong);

/**
 * Tells a person something in chat; implemented in bot/ (proactive message). The text is plain, no
 * Markdown: it holds person text and is shown as literal TextRuns.
 */
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
  /** Membership of the bound staff team, checked with Teams (absent: no team-derived staff). */
  membership?: StaffMembership;
}

/** What binding a channel came to. */
export type BindOutcome =
  | { kind: "forbidden" }
  | { kind: "no_round" }
  /** Several rounds and none named: the person must choose (never silently the newest). */
  | { kind: "choose"; rounds: { round: RoundDoc; formTitle: string }[] }
  | { kind: "bound"; round: RoundDoc };

export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  /** Rounds this actor is staff of (all rounds for configured staff), newest first. */
  async roundsOf(actor: Actor): Promise<RoundDoc[]> {
    const rounds = await this.deps.rounds.list();
    const mine: RoundDoc[] = [];
    for (const r of rounds) if (await this.isStaffOfRound(actor, r)) mine.push(r);
    return mine.sort(
      (a, b) =>
        b.reportingYear - a.reportingYear ||
        b.createdAt.localeCompare(a.createdAt) ||
        a.county.localeCompare(b.county, "nb"),
    );
  }

  async isStaffOf(actor: Actor, roundId: string): Promise<RoundDoc | undefined> {
    const round = await this.deps.rounds.get(roundId);
    return round !== undefined && (await this.isStaffOfRound(actor, round)) ? round : undefined;
  }

  /**
   * Staff of a round: configured (STAFF_AAD_IDS), imported with the round, or a current county member
   * of the bound staff team (asked of Teams, cached for minutes).
   */
  async isStaffOfRound(actor: Actor, round: RoundDoc): Promise<boolean> {
    if (isConfiguredStaff(actor, this.deps.staffIds) || isImportedStaff(actor, round)) return true;
    return (await this.deps.membership?.isTeamStaff(actor, round)) ?? false;
  }

  /**
   * Teams told us members joined or left a team: every round bound to that team gets its
   * `membersVersion` bumped, so no instance trusts what it cached about the team before. Returns the rounds.
   */
  async teamMembersChanged(teamId: string): Promise<string[]> {
    this.deps.membership?.forgetTeam(teamId);
    const bound = (await this.deps.rounds.list()).filter((r) => r.staffChannel?.teamId === teamId);
    for (const round of bound)
      await this.deps.rounds.updateWithRetry(round.id, (fresh) =>
        fresh.staffChannel?.teamId === teamId
          ? {
              ...fresh,
              staffChannel: {
                ...fresh.staffChannel,
                membersVersion: (fresh.staffChannel.membersVersion ?? 0) + 1,
              },
            }
          : undefined,
      );
    return bound.map((r) => r.id);
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
   * Bind a staff channel to a round the actor is staff of: the named one, or the only one. With
   * several rounds and none named the answer is "choose". The team's members are NOT copied into the
   * round: they are staff while they are members (src/people/staff-membership.ts).
   */
  async bindChannel(
    actor: Actor,
    channel: NonNullable<RoundDoc["staffChannel"]>,
    roundId?: string,
  ): Promise<BindOutcome> {
    // Only configured staff bind a channel: binding makes the team's members staff of the round.
    if (!isConfiguredStaff(actor, this.deps.staffIds)) return { kind: "forbidden" };
    const rounds = await this.roundsOf(actor);
    if (rounds.length === 0) return { kind: "no_round" };
    const round =
      roundId !== undefined
        ? rounds.find((r) => r.id === roundId)
        : rounds.length === 1
          ? rounds[0]
          : undefined;
    if (round === undefined) {
      if (roundId !== undefined) return { kind: "forbidden" };
      const choices = rounds.map((r) => ({
        round: r,
        formTitle: this.deps.forms.get(r.formId)?.title ?? r.formId,
      }));
      return { kind: "choose", rounds: choices };
    }
    // On the round as it is at write time (If-Match, re-read on a race), so a digest recorded meanwhile
    // is not lost. Binding anew starts a new digest card (no digestActivityId carried over); the same
    // channel keeps the slot it had its digest for, so that slot is not posted twice.
    const conversationId = channelIdOf(channel.conversationId);
    const written = await this.deps.rounds.updateWithRetry(round.id, (fresh) => {
      const before = fresh.staffChannel;
      const sameChannel = before !== undefined && channelIdOf(before.conversationId) === conversationId;
      const { digestActivityId: _new, lastDigestSlot: _slot, membersVersion: _v, ...bound } = channel;
      return {
        ...fresh,
        staffChannel: {
          ...bound,
          conversationId,
          membersVersion: (before?.membersVersion ?? 0) + 1,
          ...(sameChannel && before.lastDigestSlot !== undefined
            ? { lastDigestSlot: before.lastDigestSlot }
            : {}),
        },
      };
    });
    if (channel.teamId !== undefined) this.deps.membership?.forgetTeam(channel.teamId);
    // A channel reports to one round: a round bound to it before lets go.
    if (written !== undefined) await this.unbindOthers(round.id, conversationId);
    return written === undefined ? { kind: "no_round" } : { kind: "bound", round: written.doc };
  }

  private async unbindOthers(roundId: string, conversationId: string): Promise<void> {
    for (const other of await this.deps.rounds.list()) {
      if (other.id === roundId || other.staffChannel === undefined) continue;
      if (channelIdOf(other.staffChannel.conversationId) !== conversationId) continue;
      await this.deps.rounds.updateWithRetry(other.id, (fresh) => {
        if (
          fresh.staffChannel === undefined ||
          channelIdOf(fresh.staffChannel.conversationId) !== conversationId
        )
          return undefined;
        const { staffChannel: _gone, ...rest } = fresh;
        return rest;
      });
    }
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
    // In the contact's written standard: own choice, the partnership's målform, their last Norwegian locale.
    const lang = chooseLang({
      chosen: person.lang,
      malform: report.partnership.malform,
      locale: person.locale,
    });
    const text = texts(lang).people.reopenedToContact(report.tiltak.name, report.partnership.name, reason);
    return this.deps.notify(person.target, text);
  }

  private formOf(report: ReportDoc): Form {
    const form = this.deps.forms.get(report.formId);
    if (form === undefined) throw new Error(`Unknown form ${report.formId}`);
    return form;
  }
}
