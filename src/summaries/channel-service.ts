/**
 * What the county staff's channel shows, as data for the edge to draw: the round bound to a channel
 * with its reports, the digest bookkeeping, where a submitted report's summary goes, and the data of
 * an export. Round writes are conditional (RoundRepo.updateWithRetry), so a digest recorded while a
 * channel is bound anew never loses the binding, and the other way round.
 */

import type { Clock } from "../clock.ts";
import type { Lang } from "../i18n/lang.ts";
import type { PersonService, UnreachableReason } from "../people/person-service.ts";
import type { Form } from "../questionnaire/types.ts";
import { channelIdOf, type StaffService } from "../reports/staff-service.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { LedgerRepo } from "../storage/ledger-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { digestDue } from "./digest-schedule.ts";

export type StaffChannel = NonNullable<RoundDoc["staffChannel"]>;

/** A round with its form and every report. */
export interface RoundData {
  round: RoundDoc;
  form: Form;
  reports: ReportDoc[];
}

export type ChannelView = { kind: "not_bound" } | { kind: "forbidden" } | ({ kind: "ok" } & RoundData);

/** A digest to post now: the round's status, the channel and the schedule slot it is for. */
export interface DueDigest extends RoundData {
  channel: StaffChannel;
  slot: Date;
  unreachable: Set<string>;
}

export interface ChannelServiceDeps {
  rounds: RoundRepo;
  reports: ReportRepo;
  /** Where digest slots are claimed (conditional create), like reminder records. */
  ledger: LedgerRepo;
  forms: Map<string, Form>;
  staffIds: readonly string[];
  staff: StaffService;
  people: PersonService;
  clock: Clock;
}

export class ChannelService {
  constructor(private readonly deps: ChannelServiceDeps) {}

  /** The round bound to this channel conversation, when the actor is staff of it. */
  async view(actor: Actor, conversationId: string): Promise<ChannelView> {
    const round = await this.deps.staff.roundOfChannel(conversationId);
    if (round === undefined) return { kind: "not_bound" };
    if (!(await this.deps.staff.isStaffOfRound(actor, round))) return { kind: "forbidden" };
    const data = await this.dataOf(round);
    if (data === undefined) throw new Error(`Unknown form ${round.formId} of round ${round.id}`);
    return { kind: "ok", ...data };
  }

  /**
   * A round named by a card (e.g. an overview section button), when the actor is staff of it. The id
   * from the card is only a hint: an unknown round and a round of someone else look the same.
   */
  async roundView(actor: Actor, roundId: string): Promise<ChannelView> {
    const round = await this.deps.rounds.get(roundId);
    if (round === undefined || !(await this.deps.staff.isStaffOfRound(actor, round)))
      return { kind: "forbidden" };
    const data = await this.dataOf(round);
    if (data === undefined) throw new Error(`Unknown form ${round.formId} of round ${round.id}`);
    return { kind: "ok", ...data };
  }

  /** Reports whose contact the bot cannot reach (for the status card). */
  unreachable(reports: readonly ReportDoc[]): Promise<Set<string>> {
    return this.deps.people.unreachableContacts(reports);
  }

  /** Why each of those contacts cannot be reached (never opened the bot, blocked, install refused, ...). */
  unreachableReasons(reports: readonly ReportDoc[]): Promise<Map<string, UnreachableReason>> {
    return this.deps.people.unreachableReasons(reports);
  }

  /** The digests due now: bound rounds whose slot has come, skipping finished rounds past the deadline. */
  async dueDigests(): Promise<DueDigest[]> {
    const now = this.deps.clock();
    const due: DueDigest[] = [];
    for (const round of await this.deps.rounds.list()) {
      const channel = round.staffChannel;
      if (channel === undefined) continue;
      const slot = digestDue(now, round, channel.lastDigestSlot);
      if (slot === undefined) continue;
      const data = await this.dataOf(round);
      if (data === undefined) continue;
      if (now > new Date(round.deadline) && data.reports.every((r) => r.status === "submitted")) continue;
      due.push({ ...data, channel, slot, unreachable: await this.unreachable(data.reports) });
    }
    return due;
  }

  /**
   * Claim the digest of `slot` for the channel before posting it: of any number of runs at once (two
   * instances, a retried timer) exactly one gets true. `owner` names the run, for the log.
   */
  claimDigest(due: DueDigest, owner: string): Promise<boolean> {
    return this.deps.ledger.claimDigestSlot(
      due.round.id,
      channelIdOf(due.channel.conversationId),
      due.slot.toISOString(),
      owner,
      this.deps.clock().toISOString(),
    );
  }

  /** The claimed digest could not be posted: give the slot back so a later run posts it. */
  releaseDigest(due: DueDigest): Promise<void> {
    return this.deps.ledger.releaseDigestSlot(
      due.round.id,
      channelIdOf(due.channel.conversationId),
      due.slot.toISOString(),
    );
  }

  /**
   * Remember the digest posted for `slot` (and its activity, to update in place next time), on the
   * round as it is now. Nothing is written when the round's channel is no longer the one posted to.
   */
  async recordDigest(
    roundId: string,
    postedTo: StaffChannel,
    slot: Date,
    activityId: string | undefined,
  ): Promise<boolean> {
    const result = await this.deps.rounds.updateWithRetry(roundId, (fresh) => {
      const channel = fresh.staffChannel;
      if (channel === undefined) return undefined;
      if (channelIdOf(channel.conversationId) !== channelIdOf(postedTo.conversationId)) return undefined;
      return {
        ...fresh,
        staffChannel: {
          ...channel,
          lastDigestSlot: slot.toISOString(),
          ...(activityId !== undefined ? { digestActivityId: activityId } : {}),
        },
      };
    });
    return result?.written ?? false;
  }

  /** Where a submitted report's summary goes: the round's staff channel, with the report's form and the deadline. */
  async summaryTarget(
    report: ReportDoc,
  ): Promise<{ channel: StaffChannel; form: Form; deadline: string; malform?: Lang } | undefined> {
    const round = await this.deps.rounds.get(report.roundId);
    const form = this.deps.forms.get(report.formId);
    if (round?.staffChannel === undefined || form === undefined) return undefined;
    return {
      channel: round.staffChannel,
      form,
      deadline: round.deadline,
      ...(round.malform !== undefined ? { malform: round.malform } : {}),
    };
  }

  /** What a staff card about one report needs of its round: the deadline (ISO, marks a late submission) and its written standard. */
  async roundFacts(roundId: string): Promise<{ deadline?: string; malform?: Lang }> {
    const round = await this.deps.rounds.get(roundId);
    return {
      ...(round?.deadline !== undefined ? { deadline: round.deadline } : {}),
      ...(round?.malform !== undefined ? { malform: round.malform } : {}),
    };
  }

  /** Everything an export of the round holds (the caller has checked the signed link). */
  async exportData(roundId: string): Promise<RoundData | undefined> {
    const round = await this.deps.rounds.get(roundId);
    return round === undefined ? undefined : this.dataOf(round);
  }

  private async dataOf(round: RoundDoc): Promise<RoundData | undefined> {
    const form = this.deps.forms.get(round.formId);
    if (form === undefined) return undefined;
    return { round, form, reports: await this.deps.reports.listByRound(round.id) };
  }
}
