/**
 * Reminders: who gets which reminder when (plan), one sending pass (run), the actions on a reminder
 * card, and what staff should know (reachIssues). See README.md in this folder for the design and the
 * delivery guarantee.
 *
 * A pass: rounds before their deadline -> unsubmitted reports -> recipients (the contact, plus
 * co-editors when the contact chose so) -> the current stage per recipient (schedule.ts) -> the
 * ledger says whether it is already handled -> each one to send goes through delivery.ts
 * (pace -> claim -> send -> record).
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Logger } from "../log.ts";
import type { PersonDoc } from "../people/types.ts";
import type { Form } from "../questionnaire/types.ts";
import { reportProgress, resumeSectionIndex, sectionsDone } from "../reports/report.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { Versioned } from "../storage/cosmos.ts";
import { type LedgerRepo, recipientStateId, reminderRecordId } from "../storage/ledger-repo.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import {
  type DeliveryContext,
  type DeliveryItem,
  deliver,
  emptySummary,
  forEachLimit,
  interleaveBy,
  type ReminderEdge,
  type RunSummary,
} from "./delivery.ts";
import type { ConversationTarget } from "./messenger.ts";
import { DEFAULT_RETRY, Pacer, type PacerOptions, type RetryOptions, TEAMS_LIMITS } from "./pacer.ts";
import { type Recipient, recipientKey, recipientsOf } from "./recipients.ts";
import * as actions from "./reminder-actions.ts";
import {
  currentStage,
  DEFAULT_SCHEDULE,
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

export type { ReminderEdge, RunSummary } from "./delivery.ts";
export type { ReminderActionOutcome } from "./reminder-actions.ts";

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

export interface RunOptions {
  /** Stop taking new reminders; ones being sent finish and are recorded. */
  signal?: AbortSignal;
  /**
   * Reminders being worked on at once (looked up, waiting for a slot, sent, recorded); they still go
   * out at the pacer's rate. Enough to keep every slot used while Cosmos and botbuilder take their
   * time. Default 32.
   */
  concurrency?: number;
  limits?: PacerOptions;
  retry?: RetryOptions;
  /** A shared pacer; default: a new one per run. */
  pacer?: Pacer;
  /** Only these rounds. */
  roundIds?: readonly string[];
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

/** One recipient we could not reach, or whose reminder is uncertain: for the staff digest. */
export interface ReachIssue {
  reportId: string;
  recipient: string;
  status: "unreachable" | "no_conversation" | "uncertain";
  code?: string;
  at: string;
  stage: string;
}

const DEFAULT_LEASE_MS = 10 * 60_000;
const LOOKUP_CONCURRENCY = 16;

export class ReminderService {
  readonly schedule: ScheduleConfig;
  private readonly leaseMs: number;
  private readonly instanceId: string;
  private readonly actionDeps: actions.ReminderActionDeps;

  constructor(private readonly deps: ReminderServiceDeps) {
    this.schedule = { ...DEFAULT_SCHEDULE, ...deps.schedule };
    this.leaseMs = deps.claimLeaseMs ?? DEFAULT_LEASE_MS;
    this.instanceId = deps.instanceId ?? `pid${process.pid}-${randomUUID().slice(0, 8)}`;
    this.actionDeps = { ...deps, schedule: this.schedule };
  }

  stagesOf(round: RoundDoc): Stage[] {
    return stagesFor(new Date(round.deadline), this.schedule);
  }

  /**
   * Who would get what now, and what comes next. Only reads (the dry run shows it as is); with
   * `repair` (the run) stale claims are marked uncertain on the way.
   */
  async plan(
    now: Date = this.deps.clock(),
    opts: { repair?: boolean; roundIds?: readonly string[]; resolveTargets?: boolean } = {},
  ) {
    const plan: Plan = {
      now,
      withinHours: withinSendingHours(now, this.schedule),
      rounds: [],
      markedUncertain: 0,
    };
    const rounds = (await this.deps.rounds.list()).filter(
      (r) =>
        new Date(r.deadline).getTime() > now.getTime() &&
        (opts.roundIds === undefined || opts.roundIds.includes(r.id)),
    );
    for (const round of rounds) {
      const stages = this.stagesOf(round);
      const [reports, ledger] = await Promise.all([
        this.deps.reports.listByRound(round.id),
        this.deps.ledger.listByRound(round.id),
      ]);
      const records = new Map(ledger.reminders.map((r) => [r.doc.id, r]));
      const states = new Map(ledger.recipients.map((s) => [s.id, s]));
      const entries: PlanEntry[] = [];
      for (const report of reports) {
        if (report.status === "submitted") continue;
        const contactState = states.get(recipientStateId(report.id, recipientKey(report.contact)));
        for (const recipient of recipientsOf(report, contactState?.includeCoEditors === true)) {
          const entry = this.entryFor(round, stages, report, recipient, states, records, now);
          entries.push(entry);
          if (entry.status === "in_progress" && entry.record && this.isStale(entry.record.doc, now)) {
            entry.status = "uncertain";
            if (opts.repair && (await this.deps.ledger.markUncertain(entry.record, now.toISOString()))) {
              plan.markedUncertain++;
              this.deps.log.warn(
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
      const lookups = new Map<string, Promise<PersonDoc | undefined>>();
      const toSend = plan.rounds.flatMap((r) => r.entries).filter(isToSend);
      await forEachLimit(toSend, LOOKUP_CONCURRENCY, (entry) => this.resolve(entry, now, lookups));
    }
    return plan;
  }

  /** One sending pass. Safe to run concurrently with itself, here or on another instance. */
  async run(edge: ReminderEdge, options: RunOptions = {}): Promise<RunSummary> {
    const started = performance.now();
    const now = this.deps.clock();
    const summary = emptySummary(`${this.instanceId}/${now.toISOString()}`, now.toISOString());
    const finish = () => {
      summary.elapsedMs = Math.round(performance.now() - started);
      summary.aborted = options.signal?.aborted === true;
      this.deps.log.info({ ...summary }, "reminder run finished");
      return summary;
    };
    if (!withinSendingHours(now, this.schedule)) {
      summary.outsideHours = true;
      return finish();
    }
    // Targets are looked up by the senders as they go, so sending starts right after planning.
    const plan = await this.plan(now, {
      repair: true,
      resolveTargets: false,
      ...(options.roundIds ? { roundIds: options.roundIds } : {}),
    });
    summary.markedUncertain = plan.markedUncertain;
    const entries = plan.rounds.flatMap((r) => r.entries);
    summary.inProgressElsewhere = entries.filter((e) => e.status === "in_progress").length;
    const work = interleaveBy(entries.filter(isToSend), (e) => e.recipient.key);
    const ctx: DeliveryContext = {
      ledger: this.deps.ledger,
      clock: this.deps.clock,
      log: this.deps.log,
      edge,
      pacer: options.pacer ?? new Pacer(options.limits ?? TEAMS_LIMITS),
      retry: options.retry ?? DEFAULT_RETRY,
      runId: summary.runId,
      summary,
      signal: options.signal,
      setReach: (item, reach) => this.setReach(item, reach),
      markPerson: (item, unreachable) => this.markPerson(item, unreachable),
    };
    const lookups = new Map<string, Promise<PersonDoc | undefined>>();
    await forEachLimit(work, options.concurrency ?? 32, async (entry) => {
      if (options.signal?.aborted) {
        summary.notStarted++;
        return;
      }
      try {
        await this.resolve(entry, now, lookups);
        if (entry.status === "no_conversation") {
          // Nothing is claimed (a later run sends once the person has opened the app), but staff
          // see it in the digest.
          summary.noConversation++;
          if (entry.state?.reach?.status !== "no_conversation") {
            const reach = {
              status: "no_conversation" as const,
              at: now.toISOString(),
              stage: entry.stage?.id ?? "",
            };
            await this.setReach(entry, reach);
          }
          return;
        }
        const item = deliveryItem(entry);
        if (!item) return;
        summary.due++;
        await deliver(ctx, item);
      } catch (err) {
        summary.failed++;
        this.deps.log.error(
          { err, reportId: entry.report.id, stage: entry.stage?.id },
          "reminder delivery crashed",
        );
      }
    });
    return finish();
  }

  /** "Minn meg på i morgen". */
  snooze(actor: Actor, ref: actions.ReportRef) {
    return actions.snooze(this.actionDeps, actor, ref);
  }

  /** "Ikke flere påminnelser" for this report (the deadline-day reminder still comes). */
  optOut(actor: Actor, ref: actions.ReportRef) {
    return actions.optOut(this.actionDeps, actor, ref);
  }

  /** The contact chooses whether the report's co-editors get reminders too. */
  /** Whether the contact has chosen that co-editors get reminders too (one ledger read). */
  async includesCoEditors(report: ReportDoc): Promise<boolean> {
    const state = await this.deps.ledger.getRecipient(
      report.roundId,
      report.id,
      recipientKey(report.contact),
    );
    return state?.includeCoEditors === true;
  }

  setIncludeCoEditors(actor: Actor, ref: actions.ReportRef, include: boolean) {
    return actions.setIncludeCoEditors(this.actionDeps, actor, ref, include);
  }

  /** Recipients of a round we could not reach, or whose reminder is uncertain. */
  async reachIssues(roundId: string): Promise<ReachIssue[]> {
    const { reminders, recipients } = await this.deps.ledger.listByRound(roundId);
    const issues: ReachIssue[] = [];
    for (const s of recipients) {
      if (!s.reach) continue;
      const { status, code, at, stage } = s.reach;
      issues.push({
        reportId: s.reportId,
        recipient: s.recipient,
        status,
        ...(code ? { code } : {}),
        at,
        stage,
      });
    }
    for (const { doc } of reminders) {
      if (doc.status !== "uncertain") continue;
      const code = doc.error?.code;
      issues.push({
        reportId: doc.reportId,
        recipient: doc.recipient,
        status: "uncertain",
        ...(code ? { code } : {}),
        at: doc.updatedAt,
        stage: doc.stage,
      });
    }
    return issues;
  }

  /** Finds where to reach the recipient and builds the message; or marks the entry no_conversation. */
  private async resolve(entry: PlanEntry, now: Date, lookups: Map<string, Promise<PersonDoc | undefined>>) {
    const person = await this.lookup(entry.recipient, lookups);
    if (person?.target === undefined) {
      entry.status = "no_conversation";
      return;
    }
    entry.target = person.target;
    entry.person = person;
    const message = this.messageFor(entry, now);
    if (message) entry.message = message;
  }

  private entryFor(
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
    const stage = currentStage(stages, deadline, now, prefs, this.schedule);
    const next = nextStage(stages, deadline, now, prefs, this.schedule);
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

  private isStale(record: ReminderRecord, now: Date): boolean {
    return now.getTime() - new Date(record.claimedAt).getTime() > this.leaseMs;
  }

  /** Person-level reachability on the PersonDoc (read fresh, then written; a rare path). */
  private async markPerson(item: DeliveryItem, unreachable: PersonDoc["unreachable"] | null): Promise<void> {
    const id = item.person?.id;
    if (id === undefined) return;
    try {
      const fresh = await this.deps.people.get(id);
      if (!fresh || fresh.target?.conversationId !== item.target.conversationId) return; // moved on
      const { unreachable: _old, ...rest } = fresh;
      await this.deps.people.upsert(unreachable ? { ...rest, unreachable } : rest);
    } catch (err) {
      this.deps.log.warn({ err, reportId: item.report.id }, "could not record reachability on the person");
    }
  }

  private async setReach(
    item: { report: ReportDoc; recipient: Recipient },
    reach: RecipientState["reach"],
  ): Promise<void> {
    try {
      const at = this.deps.clock().toISOString();
      await this.deps.ledger.updateRecipient(
        item.report.roundId,
        item.report.id,
        item.recipient.key,
        { reach },
        at,
      );
    } catch (err) {
      // The reminder's own record is what guarantees delivery; the reach note only feeds the digest.
      this.deps.log.warn({ err, reportId: item.report.id }, "could not record reachability");
    }
  }

  private lookup(recipient: Recipient, cache: Map<string, Promise<PersonDoc | undefined>>) {
    let found = cache.get(recipient.key);
    if (found === undefined) {
      found =
        recipient.aadObjectId !== undefined
          ? this.deps.people.get(recipient.aadObjectId)
          : recipient.email
            ? this.deps.people.findByEmail(recipient.email)
            : Promise.resolve(undefined);
      cache.set(recipient.key, found);
    }
    return found;
  }

  private messageFor(entry: PlanEntry, now: Date): ReminderMessage | undefined {
    const { report, round, stage, recipient } = entry;
    const form = this.deps.forms.get(report.formId);
    if (!form) this.deps.log.error({ reportId: report.id, formId: report.formId }, "unknown form on report");
    if (!stage || !form) return undefined;
    const deadline = new Date(round.deadline);
    const tz = this.schedule.timeZone;
    const progress = reportProgress(form, report);
    const resume = resumeSectionIndex(form, report);
    const left = daysLeft(now, deadline, tz);
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
      resumeSectionTitle: form.sections[resume]?.title ?? "",
      canSnooze: snoozeUntil(now, this.schedule).getTime() < deadline.getTime(),
      canOptOut: stage.kind !== "deadline",
    };
  }
}

const isToSend = (e: PlanEntry) => e.status === "send" || e.status === "retry";

/** The entry as something to deliver, when it is one. */
function deliveryItem(e: PlanEntry): DeliveryItem | undefined {
  if (!isToSend(e) || !e.stage || !e.target || !e.message) return undefined;
  return {
    report: e.report,
    recipient: e.recipient,
    stage: e.stage,
    target: e.target,
    message: e.message,
    ...(e.status === "retry" && e.record ? { failed: e.record } : {}),
    ...(e.state ? { state: e.state } : {}),
    ...(e.person ? { person: e.person } : {}),
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
