/**
 * What a person can do on a reminder card: "Minn meg på i morgen" (snooze one day) and "Ikke flere
 * påminnelser" (opt out for this report; the deadline-day reminder still comes), and, for the
 * contact, whether co-editors get reminders too. Choices are stored per report and recipient in the
 * ledger container (RecipientState), never on the report.
 */
import type { Clock } from "../clock.ts";
import type { Logger } from "../log.ts";
import { isContact } from "../people/access.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { LedgerRepo } from "../storage/ledger-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { type Recipient, recipientKey, recipientOfActor } from "./recipients.ts";
import { type ScheduleConfig, snoozeUntil, stagesFor } from "./schedule.ts";

export interface ReportRef {
  roundId: string;
  reportId: string;
}

export type ReminderActionOutcome =
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "closed"; reason: "submitted" | "after_deadline"; report: ReportDoc }
  | { kind: "snoozed"; until: Date; report: ReportDoc }
  /** Snoozing makes no sense: tomorrow's reminder time is at or after the deadline. */
  | { kind: "too_late_to_snooze"; deadline: Date; report: ReportDoc }
  | { kind: "opted_out"; deadlineReminder?: Date; report: ReportDoc };

export interface ReminderActionDeps {
  rounds: RoundRepo;
  reports: ReportRepo;
  ledger: LedgerRepo;
  clock: Clock;
  log: Logger;
  schedule: ScheduleConfig;
}

type Loaded =
  | Exclude<ReminderActionOutcome, { kind: "snoozed" | "too_late_to_snooze" | "opted_out" }>
  | { kind: "ok"; report: ReportDoc; round: RoundDoc; recipient: Recipient; deadline: Date };

/** The report, its round and the actor as a recipient; or why the action cannot apply. */
async function load(deps: ReminderActionDeps, actor: Actor, ref: ReportRef): Promise<Loaded> {
  const [found, round] = await Promise.all([
    deps.reports.get(ref.roundId, ref.reportId),
    deps.rounds.get(ref.roundId),
  ]);
  if (!found || !round) return { kind: "not_found" };
  const report = found.doc;
  const recipient = recipientOfActor(actor, report);
  if (!recipient) return { kind: "forbidden" };
  const deadline = new Date(round.deadline);
  if (report.status === "submitted") return { kind: "closed", reason: "submitted", report };
  if (deps.clock().getTime() >= deadline.getTime())
    return { kind: "closed", reason: "after_deadline", report };
  return { kind: "ok", report, round, recipient, deadline };
}

export async function snooze(
  deps: ReminderActionDeps,
  actor: Actor,
  ref: ReportRef,
): Promise<ReminderActionOutcome> {
  const r = await load(deps, actor, ref);
  if (r.kind !== "ok") return r;
  const now = deps.clock();
  const until = snoozeUntil(now, deps.schedule);
  if (until.getTime() >= r.deadline.getTime())
    return { kind: "too_late_to_snooze", deadline: r.deadline, report: r.report };
  await deps.ledger.updateRecipient(
    r.report.roundId,
    r.report.id,
    r.recipient.key,
    { snoozeUntil: until.toISOString() },
    now.toISOString(),
  );
  deps.log.info({ reportId: r.report.id, until: until.toISOString() }, "reminder snoozed");
  return { kind: "snoozed", until, report: r.report };
}

export async function optOut(
  deps: ReminderActionDeps,
  actor: Actor,
  ref: ReportRef,
): Promise<ReminderActionOutcome> {
  const r = await load(deps, actor, ref);
  if (r.kind !== "ok") return r;
  const now = deps.clock();
  await deps.ledger.updateRecipient(
    r.report.roundId,
    r.report.id,
    r.recipient.key,
    { optedOutAt: now.toISOString(), snoozeUntil: null },
    now.toISOString(),
  );
  deps.log.info({ reportId: r.report.id }, "reminders opted out");
  const deadlineStage = stagesFor(r.deadline, deps.schedule).find(
    (s) => s.kind === "deadline" && s.dueAt > now,
  );
  return {
    kind: "opted_out",
    ...(deadlineStage ? { deadlineReminder: deadlineStage.dueAt } : {}),
    report: r.report,
  };
}

export async function setIncludeCoEditors(
  deps: ReminderActionDeps,
  actor: Actor,
  ref: ReportRef,
  include: boolean,
): Promise<{ kind: "ok" } | { kind: "not_found" } | { kind: "forbidden" }> {
  const found = await deps.reports.get(ref.roundId, ref.reportId);
  if (!found) return { kind: "not_found" };
  if (!isContact(actor, found.doc)) return { kind: "forbidden" };
  const at = deps.clock().toISOString();
  await deps.ledger.updateRecipient(
    ref.roundId,
    ref.reportId,
    recipientKey(found.doc.contact),
    { includeCoEditors: include },
    at,
  );
  return { kind: "ok" };
}
