/**
 * Planning reminders: who gets which reminder when. Rounds before their deadline -> unsubmitted
 * reports -> recipients (the contact, plus co-editors when the contact chose so) -> the current stage
 * per recipient (schedule.ts) -> the ledger says whether it is already handled. Only reads, except
 * that with `repair` a stale claim is marked uncertain on the way. Also: where to reach a recipient
 * and the message they get (resolveEntry).
 */

import type { Clock } from "../clock.ts";
import { chooseLang } from "../i18n/lang.ts";
import type { Logger } from "../log.ts";
import type { PersonDoc } from "../people/types.ts";
import { formIn } from "../questionnaire/form-lang.ts";
import type { Form } from "../questionnaire/types.ts";
import { reportProgress, resumeSectionIndex, sectionsDone } from "../reports/report.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { Versioned } from "../storage/cosmos.ts";
import { type LedgerRepo, recipientStateId, reminderRecordId } from "../storage/ledger-repo.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { forEachLimit } from "./delivery.ts";
import type { ConversationTarget } from "./messenger.ts";
import { type Recipient, recipientKey, recipientsOf } from "./recipients.ts";
import {
  currentStage,
  daysLeft,
  daysLeftText,
  formatClock,
  formatDeadlineDate,
  nextStage,
  type ScheduleConfig,
  type Stage,
  snoozeUntil,
  stagesFor,
  withinSendingHours,
} from "./schedule.ts";
import type { RecipientState, ReminderMessage, ReminderRecord } from "./types.ts";

export interface ReminderServiceDeps {
  rounds: RoundRepo;
  reports: ReportRepo;
  people: PeopleRepo;
  ledger: LedgerRepo;
  forms: Map<string, Form>;
  clock: Clock;
  log: Logger;
  /** Overrides of the default schedule (21, 14, 7, 3, 1 days and the deadline day, 09:00 Oslo). */
  schedule?: Partial<ScheduleConfig>;
  /** A claim ("sending") older than this is taken to be from a dead sender and marked uncertain. */
  claimLeaseMs?: number;
  /** Names this process in the ledger's `owner` field. */
  instanceId?: string;
}

/** What planning and sending share: the service's dependencies with the settings resolved. */
export interface ReminderContext {
  deps: ReminderServiceDeps;
  schedule: ScheduleConfig;
  leaseMs: number;
}

export type PlanStatus =
  /** Due now and not yet claimed: the run sends it. */
  | "send"
  /** Due now; an earlier attempt was not delivered (429/5xx): the run reclaims and sends it. */
  | "retry"
  /** Due now, but no stored conversation for the recipient (app never opened): not sent, not claimed. */
  | "no_conversation"
  /** The current stage is already handled. */
  | "sent"
  | "unreachable"
  | "uncertain"
  /** Claimed by a run that is still within its lease (another instance, or this one). */
  | "in_progress"
  /** Nothing due now. */
  | "waiting";

export interface PlanEntry {
  round: RoundDoc;
  report: ReportDoc;
  recipient: Recipient;
  status: PlanStatus;
  /** The current stage (due now), if any. */
  stage?: Stage;
  /** The next stage to come. */
  next?: Stage;
  target?: ConversationTarget;
  record?: Versioned<ReminderRecord>;
  state?: RecipientState;
  message?: ReminderMessage;
  person?: PersonDoc;
}

export interface Plan {
  now: Date;
  withinHours: boolean;
  rounds: { round: RoundDoc; stages: Stage[]; entries: PlanEntry[] }[];
  /** Stale claims marked uncertain while planning (only with `repair`). */
  markedUncertain: number;
}

export interface PlanOptions {
  repair?: boolean;
  roundIds?: readonly string[];
  resolveTargets?: boolean;
}

/** People looked up in one pass, by recipient key (each person is read once). */
export type PersonLookups = Map<string, Promise<PersonDoc | undefined>>;

const LOOKUP_CONCURRENCY = 16;

export function stagesOf(ctx: ReminderContext, round: RoundDoc): Stage[] {
  return stagesFor(new Date(round.deadline), ctx.schedule);
}

/** Who would get what now, and what comes next. */
export async function planReminders(ctx: ReminderContext, now: Date, opts: PlanOptions): Promise<Plan> {
  const { deps } = ctx;
  const plan: Plan = {
    now,
    withinHours: withinSendingHours(now, ctx.schedule),
    rounds: [],
    markedUncertain: 0,
  };
  const rounds = (await deps.rounds.list()).filter(
    (r) =>
      new Date(r.deadline).getTime() > now.getTime() &&
      (opts.roundIds === undefined || opts.roundIds.includes(r.id)),
  );
  for (const round of rounds) {
    const stages = stagesOf(ctx, round);
    const [reports, ledger] = await Promise.all([
      deps.reports.listByRound(round.id),
      deps.ledger.listByRound(round.id),
    ]);
    const records = new Map(ledger.reminders.map((r) => [r.doc.id, r]));
    const states = new Map(ledger.recipients.map((s) => [s.id, s]));
    const entries: PlanEntry[] = [];
    for (const report of reports) {
      if (report.status === "submitted") continue;
      const contactState = states.get(recipientStateId(report.id, recipientKey(report.contact)));
      for (const recipient of recipientsOf(report, contactState?.includeCoEditors === true)) {
        const entry = entryFor(ctx, round, stages, report, recipient, states, records, now);
        entries.push(entry);
        if (entry.status === "in_progress" && entry.record && isStale(ctx, entry.record.doc, now)) {
          entry.status = "uncertain";
          if (opts.repair && (await deps.ledger.markUncertain(entry.record, now.toISOString()))) {
            plan.markedUncertain++;
            deps.log.warn(
              {
                roundId: round.id,
                reportId: report.id,
                stage: entry.stage?.id,
                owner: entry.record.doc.owner,
              },
              "reminder claim expired without an outcome: marked uncertain, not resent",
            );
          }
        }
      }
    }
    plan.rounds.push({ round, stages, entries });
  }
  // Where to reach each recipient: only for what is to be sent now.
  if (opts.resolveTargets !== false) {
    const lookups: PersonLookups = new Map();
    const toSend = plan.rounds.flatMap((r) => r.entries).filter(isToSend);
    await forEachLimit(toSend, LOOKUP_CONCURRENCY, (entry) => resolveEntry(ctx, entry, now, lookups));
  }
  return plan;
}

export const isToSend = (e: PlanEntry) => e.status === "send" || e.status === "retry";

/** Finds where to reach the recipient and builds the message; or marks the entry no_conversation. */
export async function resolveEntry(
  ctx: ReminderContext,
  entry: PlanEntry,
  now: Date,
  lookups: PersonLookups,
) {
  const person = await lookup(ctx, entry.recipient, lookups);
  if (person?.target === undefined) {
    entry.status = "no_conversation";
    return;
  }
  entry.target = person.target;
  entry.person = person;
  const message = messageFor(ctx, entry, now);
  if (message) entry.message = message;
}

function entryFor(
  ctx: ReminderContext,
  round: RoundDoc,
  stages: Stage[],
  report: ReportDoc,
  recipient: Recipient,
  states: Map<string, RecipientState>,
  records: Map<string, Versioned<ReminderRecord>>,
  now: Date,
): PlanEntry {
  const deadline = new Date(round.deadline);
  const state = states.get(recipientStateId(report.id, recipient.key));
  const prefs = {
    optedOut: typeof state?.optedOutAt === "string",
    ...(typeof state?.snoozeUntil === "string" ? { snoozeUntil: new Date(state.snoozeUntil) } : {}),
  };
  const stage = currentStage(stages, deadline, now, prefs, ctx.schedule);
  const next = nextStage(stages, deadline, now, prefs, ctx.schedule);
  const entry: PlanEntry = { round, report, recipient, status: "waiting" };
  if (next) entry.next = next;
  if (state) entry.state = state;
  if (!stage) return entry;
  entry.stage = stage;
  const record = records.get(reminderRecordId(report.id, recipient.key, stage.id));
  if (record) entry.record = record;
  entry.status = statusOf(record);
  return entry;
}

function isStale(ctx: ReminderContext, record: ReminderRecord, now: Date): boolean {
  return now.getTime() - new Date(record.claimedAt).getTime() > ctx.leaseMs;
}

function lookup(ctx: ReminderContext, recipient: Recipient, cache: PersonLookups) {
  let found = cache.get(recipient.key);
  if (found === undefined) {
    const { people } = ctx.deps;
    found =
      recipient.aadObjectId !== undefined
        ? people.get(recipient.aadObjectId)
        : recipient.email
          ? people.findByEmail(recipient.email)
          : Promise.resolve(undefined);
    cache.set(recipient.key, found);
  }
  return found;
}

function messageFor(ctx: ReminderContext, entry: PlanEntry, now: Date): ReminderMessage | undefined {
  const { report, round, stage, recipient } = entry;
  const form = ctx.deps.forms.get(report.formId);
  if (!form) ctx.deps.log.error({ reportId: report.id, formId: report.formId }, "unknown form on report");
  if (!stage || !form) return undefined;
  const deadline = new Date(round.deadline);
  const tz = ctx.schedule.timeZone;
  const progress = reportProgress(form, report);
  const resume = resumeSectionIndex(form, report);
  const left = daysLeft(now, deadline, tz);
  // The recipient's written standard: own choice, partnership's målform, last Norwegian Teams locale.
  const lang = chooseLang({
    chosen: entry.person?.lang,
    malform: report.partnership.malform,
    locale: entry.person?.locale,
  });
  return {
    roundId: report.roundId,
    reportId: report.id,
    stageId: stage.id,
    stageKind: stage.kind,
    recipientRole: recipient.role,
    partnershipName: report.partnership.name,
    tiltakName: report.tiltak.name,
    deadline: round.deadline,
    deadlineDate: formatDeadlineDate(deadline, tz),
    deadlineClock: formatClock(deadline, tz),
    daysLeft: left,
    daysLeftText: daysLeftText(left),
    sectionsDone: sectionsDone(form, report),
    sectionsTotal: progress.length,
    resumeSection: resume,
    resumeSectionTitle: formIn(form, lang).sections[resume]?.title ?? "",
    canSnooze: snoozeUntil(now, ctx.schedule).getTime() < deadline.getTime(),
    canOptOut: stage.kind !== "deadline",
    lang,
  };
}

function statusOf(record: Versioned<ReminderRecord> | undefined): PlanStatus {
  if (!record) return "send";
  switch (record.doc.status) {
    case "sent":
      return "sent";
    case "unreachable":
      return "unreachable";
    case "uncertain":
      return "uncertain";
    case "failed":
      return "retry";
    case "sending":
      return "in_progress";
  }
}
