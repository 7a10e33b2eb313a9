/**
 * Delivering one reminder: pace -> claim -> send -> record, with back-off on 429 and other failures.
 *
 * Every transition into "sending" is conditional (create, or If-Match replace of a "failed" record),
 * so only one run anywhere sends a given reminder. The claim is taken only after the pacer slot has
 * come, right before the HTTP call, so that "claimed but outcome unknown" (see README.md) lasts about
 * one request. A reminder that was not delivered (429, 5xx) is recorded "failed" before any
 * back-off, so a crash while waiting leaves it retryable instead of uncertain.
 */
import type { Clock } from "../clock.ts";
import type { Logger } from "../log.ts";
import type { PersonDoc } from "../people/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { Versioned } from "../storage/cosmos.ts";
import type { LedgerRepo } from "../storage/ledger-repo.ts";
import type { ConversationTarget, Messenger, SendResult } from "./messenger.ts";
import { backoffDelay, type Pacer, type RetryOptions, realTime } from "./pacer.ts";
import type { Recipient } from "./recipients.ts";
import type { Stage } from "./schedule.ts";
import type { RecipientState, ReminderCardBuilder, ReminderMessage, ReminderRecord } from "./types.ts";

/** What the composition root hands a run: the way out (bot/proactive.ts) and the card builder. */
export interface ReminderEdge {
  messenger: Messenger;
  buildCard: ReminderCardBuilder;
}

export interface RunSummary {
  runId: string;
  startedAt: string;
  elapsedMs: number;
  /** The run sent nothing because it is outside the sending hours. */
  outsideHours: boolean;
  aborted: boolean;
  /** Reminders this run set out to send. */
  due: number;
  sent: number;
  unreachable: number;
  /** Not delivered after every attempt; a later run retries. */
  failed: number;
  /** Claimed by another run between planning and claiming. */
  taken: number;
  /** Not started because the run was aborted. */
  notStarted: number;
  noConversation: number;
  /** Claimed by a live run elsewhere when this run planned. */
  inProgressElsewhere: number;
  /** Stale claims found and marked uncertain by this run. */
  markedUncertain: number;
  /** Requests of this run that got no answer (delivery unknown), marked uncertain. */
  uncertain: number;
  /** Extra attempts after 429 or another failure. */
  retries: number;
  throttled: number;
}

export function emptySummary(runId: string, startedAt: string): RunSummary {
  return {
    runId,
    startedAt,
    elapsedMs: 0,
    outsideHours: false,
    aborted: false,
    due: 0,
    sent: 0,
    unreachable: 0,
    failed: 0,
    taken: 0,
    notStarted: 0,
    noConversation: 0,
    inProgressElsewhere: 0,
    markedUncertain: 0,
    uncertain: 0,
    retries: 0,
    throttled: 0,
  };
}

/** One reminder to deliver. */
export interface DeliveryItem {
  report: ReportDoc;
  recipient: Recipient;
  stage: Stage;
  target: ConversationTarget;
  message: ReminderMessage;
  /** A "failed" record from an earlier attempt, to reclaim instead of creating. */
  failed?: Versioned<ReminderRecord>;
  state?: RecipientState;
  /** The person as looked up for `target`. */
  person?: PersonDoc;
}

export interface DeliveryContext {
  ledger: LedgerRepo;
  clock: Clock;
  log: Logger;
  edge: ReminderEdge;
  pacer: Pacer;
  retry: RetryOptions;
  runId: string;
  summary: RunSummary;
  signal: AbortSignal | undefined;
  /** Records (or clears, with null) that the recipient could not be reached. */
  setReach(item: DeliveryItem, reach: RecipientState["reach"]): Promise<void>;
  /** Marks (or clears, with null) the person unreachable on their PersonDoc. */
  markPerson(item: DeliveryItem, unreachable: PersonDoc["unreachable"] | null): Promise<void>;
}

export async function deliver(ctx: DeliveryContext, item: DeliveryItem): Promise<void> {
  const { report, recipient, stage, target, message } = item;
  const { ledger, summary, signal } = ctx;
  const log = { roundId: report.roundId, reportId: report.id, stage: stage.id };
  // Build before claiming: a card that cannot be built must not leave a claim behind.
  const card = ctx.edge.buildCard(message);
  let open = item.failed;
  const tenant = target.tenantId ?? "-";
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.pacer.acquire(tenant, target.conversationId, signal);
      await ctx.pacer.admit(tenant, target.conversationId, signal, { record: false });
    } catch {
      // Aborted while waiting: nothing is claimed now (a failed record stays failed).
      if (attempt === 1) summary.notStarted++;
      else summary.failed++;
      return;
    }
    const at = ctx.clock().toISOString();
    const claimed = open
      ? await ledger.reclaim(open, ctx.runId, at)
      : await ledger.claim({
          roundId: report.roundId,
          reportId: report.id,
          recipient: recipient.key,
          recipientRole: recipient.role,
          stage: stage.id,
          stageKind: stage.kind,
          dueAt: stage.dueAt.toISOString(),
          owner: ctx.runId,
          claimedAt: at,
          attempts: 1,
          updatedAt: at,
        });
    if (!claimed) {
      if (attempt === 1) summary.taken++;
      return; // another run has it
    }
    let result: SendResult;
    try {
      // The exact window check again, as close to the request as possible; it waited above already,
      // so here it only waits (a few ms) when the claim took unusually long: the claim stays short.
      const admitted = await ctx.pacer.admit(tenant, target.conversationId);
      try {
        result = await ctx.edge.messenger.send(target, card);
      } finally {
        admitted.answered();
      }
    } catch (err) {
      result = { kind: "failed", message: err instanceof Error ? err.message : String(err) };
    }
    const doneAt = ctx.clock().toISOString();
    switch (result.kind) {
      case "ok":
        await ledger.markSent(claimed.doc, doneAt, result.activityId);
        summary.sent++;
        if (item.state?.reach) await ctx.setReach(item, null);
        if (item.person?.unreachable) await ctx.markPerson(item, null);
        return;
      case "unreachable": {
        await ledger.markUnreachable(claimed.doc, doneAt, { status: result.status, code: result.code });
        await ctx.setReach(item, { status: "unreachable", code: result.code, at: doneAt, stage: stage.id });
        await ctx.markPerson(item, { status: result.status, code: result.code, at: doneAt });
        summary.unreachable++;
        ctx.log.warn({ ...log, status: result.status, code: result.code }, "reminder recipient unreachable");
        return;
      }
      case "unknown": {
        // The request may have reached Teams: at most once, so it is never retried (README.md).
        const error = { ...(result.code ? { code: result.code } : {}), message: result.message };
        await ledger.markUncertain(claimed, doneAt, error);
        summary.uncertain++;
        ctx.log.warn(
          { ...log, ...error },
          "reminder delivery unknown (no answer): marked uncertain, not resent",
        );
        return;
      }
      case "throttled":
      case "failed": {
        const error =
          result.kind === "throttled"
            ? { status: 429, code: "throttled" }
            : {
                ...(result.status ? { status: result.status } : {}),
                ...(result.code ? { code: result.code } : {}),
                message: result.message,
              };
        open = await ledger.markFailed(claimed.doc, doneAt, error);
        if (result.kind === "throttled") summary.throttled++;
        if (attempt >= ctx.retry.maxAttempts || signal?.aborted) {
          summary.failed++;
          ctx.log.warn(
            { ...log, attempts: attempt, ...error },
            "reminder not delivered; a later run retries",
          );
          return;
        }
        summary.retries++;
        const retryAfter = result.kind === "throttled" ? result.retryAfterMs : undefined;
        try {
          await realTime.sleep(backoffDelay(attempt, retryAfter, ctx.retry), signal);
        } catch {
          summary.failed++;
          return;
        }
      }
    }
  }
}

/**
 * Orders work so that each key's items (one key = one person = one conversation) are spread evenly
 * over the whole pass: a contact with 50 reports must not end up as a 7-per-second tail at the end.
 * The k-th of n items of a key goes to position (k + offset) / n, with a low-discrepancy offset per key.
 */
export function interleaveBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const placed: { pos: number; order: number; item: T }[] = [];
  let g = 0;
  let order = 0;
  for (const group of groups.values()) {
    const offset = (++g * 0.618_033_988_75) % 1;
    group.forEach((item, k) => {
      placed.push({ pos: (k + offset) / group.length, order: order++, item });
    });
  }
  return placed.sort((a, b) => a.pos - b.pos || a.order - b.order).map((p) => p.item);
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
