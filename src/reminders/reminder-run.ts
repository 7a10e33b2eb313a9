/**
 * One sending pass: plan with repair, then every reminder due now through delivery.ts (pace -> claim
 * -> send -> record), interleaved by recipient, with where to reach each recipient looked up as the
 * senders go. Also the notes it leaves for staff: reachability on the ledger and on the person.
 */
import type { PersonDoc } from "../people/types.ts";
import type { ReportDoc } from "../reports/types.ts";
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
import { DEFAULT_RETRY, Pacer, type PacerOptions, type RetryOptions, TEAMS_LIMITS } from "./pacer.ts";
import type { Recipient } from "./recipients.ts";
import {
  isToSend,
  type PersonLookups,
  type PlanEntry,
  planReminders,
  type ReminderContext,
  resolveEntry,
} from "./reminder-plan.ts";
import { withinSendingHours } from "./schedule.ts";
import type { RecipientState } from "./types.ts";

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

/** One sending pass. Safe to run concurrently with itself, here or on another instance. */
export async function runReminders(
  ctx: ReminderContext,
  instanceId: string,
  edge: ReminderEdge,
  options: RunOptions,
): Promise<RunSummary> {
  const { deps } = ctx;
  const started = performance.now();
  const now = deps.clock();
  const summary = emptySummary(`${instanceId}/${now.toISOString()}`, now.toISOString());
  const finish = () => {
    summary.elapsedMs = Math.round(performance.now() - started);
    summary.aborted = options.signal?.aborted === true;
    deps.log.info({ ...summary }, "reminder run finished");
    return summary;
  };
  if (!withinSendingHours(now, ctx.schedule)) {
    summary.outsideHours = true;
    return finish();
  }
  // Targets are looked up by the senders as they go, so sending starts right after planning.
  const plan = await planReminders(ctx, now, {
    repair: true,
    resolveTargets: false,
    ...(options.roundIds ? { roundIds: options.roundIds } : {}),
  });
  summary.markedUncertain = plan.markedUncertain;
  const entries = plan.rounds.flatMap((r) => r.entries);
  summary.inProgressElsewhere = entries.filter((e) => e.status === "in_progress").length;
  const work = interleaveBy(entries.filter(isToSend), (e) => e.recipient.key);
  const delivery: DeliveryContext = {
    ledger: deps.ledger,
    clock: deps.clock,
    log: deps.log,
    edge,
    pacer: options.pacer ?? new Pacer(options.limits ?? TEAMS_LIMITS),
    retry: options.retry ?? DEFAULT_RETRY,
    runId: summary.runId,
    summary,
    signal: options.signal,
    setReach: (item, reach) => setReach(ctx, item, reach),
    markPerson: (item, unreachable) => markPerson(ctx, item, unreachable),
  };
  const lookups: PersonLookups = new Map();
  await forEachLimit(work, options.concurrency ?? 32, async (entry) => {
    if (options.signal?.aborted) {
      summary.notStarted++;
      return;
    }
    try {
      await resolveEntry(ctx, entry, now, lookups);
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
          await setReach(ctx, entry, reach);
        }
        return;
      }
      const item = deliveryItem(entry);
      if (!item) return;
      summary.due++;
      await deliver(delivery, item);
    } catch (err) {
      summary.failed++;
      deps.log.error({ err, reportId: entry.report.id, stage: entry.stage?.id }, "reminder delivery crashed");
    }
  });
  return finish();
}

/** Person-level reachability on the PersonDoc (read fresh, then written; a rare path). */
async function markPerson(
  ctx: ReminderContext,
  item: DeliveryItem,
  unreachable: PersonDoc["unreachable"] | null,
): Promise<void> {
  const id = item.person?.id;
  if (id === undefined) return;
  try {
    const fresh = await ctx.deps.people.get(id);
    if (!fresh || fresh.target?.conversationId !== item.target.conversationId) return; // moved on
    const { unreachable: _old, ...rest } = fresh;
    await ctx.deps.people.upsert(unreachable ? { ...rest, unreachable } : rest);
  } catch (err) {
    ctx.deps.log.warn({ err, reportId: item.report.id }, "could not record reachability on the person");
  }
}

async function setReach(
  ctx: ReminderContext,
  item: { report: ReportDoc; recipient: Recipient },
  reach: RecipientState["reach"],
): Promise<void> {
  try {
    const at = ctx.deps.clock().toISOString();
    await ctx.deps.ledger.updateRecipient(
      item.report.roundId,
      item.report.id,
      item.recipient.key,
      { reach },
      at,
    );
  } catch (err) {
    // The reminder's own record is what guarantees delivery; the reach note only feeds the digest.
    ctx.deps.log.warn({ err, reportId: item.report.id }, "could not record reachability");
  }
}

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
