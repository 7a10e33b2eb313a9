/**
 * Reminders: who gets which reminder when (plan, in reminder-plan.ts), one sending pass (run, in
 * reminder-run.ts), the actions on a reminder card (reminder-actions.ts), and what staff should know
 * (reachIssues). This class is the one face of them. See README.md in this folder for the design and
 * the delivery guarantee.
 */
import { randomUUID } from "node:crypto";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { LedgerRepo } from "../storage/ledger-repo.ts";
import type { ReminderEdge, RunSummary } from "./delivery.ts";
import { recipientKey } from "./recipients.ts";
import * as actions from "./reminder-actions.ts";
import {
  type Plan,
  type PlanOptions,
  planReminders,
  type ReminderContext,
  type ReminderServiceDeps,
  stagesOf,
} from "./reminder-plan.ts";
import { type RunOptions, runReminders } from "./reminder-run.ts";
import { DEFAULT_SCHEDULE, type ScheduleConfig, type Stage } from "./schedule.ts";

export type { ReminderEdge, RunSummary } from "./delivery.ts";
export type { Plan, PlanEntry, ReminderServiceDeps } from "./reminder-plan.ts";
export type { RunOptions } from "./reminder-run.ts";

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

export class ReminderService {
  readonly schedule: ScheduleConfig;
  private readonly ctx: ReminderContext;
  private readonly instanceId: string;
  private readonly actionDeps: actions.ReminderActionDeps;

  constructor(private readonly deps: ReminderServiceDeps) {
    this.schedule = { ...DEFAULT_SCHEDULE, ...deps.schedule };
    this.ctx = { deps, schedule: this.schedule, leaseMs: deps.claimLeaseMs ?? DEFAULT_LEASE_MS };
    this.instanceId = deps.instanceId ?? `pid${process.pid}-${randomUUID().slice(0, 8)}`;
    this.actionDeps = { ...deps, schedule: this.schedule };
  }

  stagesOf(round: RoundDoc): Stage[] {
    return stagesOf(this.ctx, round);
  }

  /**
   * Who would get what now, and what comes next. Only reads (the dry run shows it as is); with
   * `repair` (the run) stale claims are marked uncertain on the way.
   */
  plan(now: Date = this.deps.clock(), opts: PlanOptions = {}): Promise<Plan> {
    return planReminders(this.ctx, now, opts);
  }

  /** One sending pass. Safe to run concurrently with itself, here or on another instance. */
  run(edge: ReminderEdge, options: RunOptions = {}): Promise<RunSummary> {
    return runReminders(this.ctx, this.instanceId, edge, options);
  }

  /** "Minn meg på i morgen". */
  snooze(actor: Actor, ref: actions.ReportRef) {
    return actions.snooze(this.actionDeps, actor, ref);
  }

  /** "Ikke flere påminnelser" for this report (the deadline-day reminder still comes). */
  optOut(actor: Actor, ref: actions.ReportRef) {
    return actions.optOut(this.actionDeps, actor, ref);
  }

  /** Whether the contact has chosen that co-editors get reminders too (one ledger read). */
  async includesCoEditors(report: ReportDoc): Promise<boolean> {
    const state = await this.deps.ledger.getRecipient(
      report.roundId,
      report.id,
      recipientKey(report.contact),
    );
    return state?.includeCoEditors === true;
  }

  /** The contact chooses whether the report's co-editors get reminders too. */
  setIncludeCoEditors(actor: Actor, ref: actions.ReportRef, include: boolean) {
    return actions.setIncludeCoEditors(this.actionDeps, actor, ref, include);
  }

  /** Recipients of a round we could not reach, or whose reminder is uncertain. */
  reachIssues(roundId: string): Promise<ReachIssue[]> {
    return reachIssuesOf(this.deps.ledger, roundId);
  }
}

async function reachIssuesOf(ledger: LedgerRepo, roundId: string): Promise<ReachIssue[]> {
  const { reminders, recipients } = await ledger.listByRound(roundId);
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
