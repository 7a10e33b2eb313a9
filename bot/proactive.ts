/**
 * Proactive sending (the Messenger port for src/reminders) and the job route that starts a reminder
 * run from an external timer.
 *
 * Sending: CloudAdapter.continueConversationAsync with the stored conversation reference, one card
 * per message. Outcomes are mapped, never thrown: 429 -> throttled (Retry-After honoured by the
 * caller), 403/404 -> unreachable with Teams' error code, no answer at all (reset, timeout) ->
 * unknown, anything else (5xx, connection refused) -> failed. The connector client's built-in retry
 * policy is removed for these sends so that exactly one policy (ours: paced, exponential with
 * jitter) decides when to try again, and the pacer sees every request.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { CardFactory, type CloudAdapter, MessageFactory, type TurnContext } from "botbuilder";
import type { Request, Response, Server } from "restify";
import { reminderCard } from "../cards/reminder.ts";
import type { Logger } from "../src/log.ts";
import type { ReminderEdge } from "../src/reminders/delivery.ts";
import type { ConversationTarget, Messenger, SendResult } from "../src/reminders/messenger.ts";
import type { ReminderJob } from "../src/reminders/scheduler.ts";
import { referenceOf } from "./conversation-ref.ts";

/** The name @azure/core-rest-pipeline gives its retry policy (429 with Retry-After, 5xx, network). */
const BUILT_IN_RETRY_POLICY = "defaultRetryPolicy";

/** Transport errors that mean the request never reached the server. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

interface HttpError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
}

export class ProactiveMessenger implements Messenger {
  /**
   * @param adapter the bot's CloudAdapter
   * @param botAppId the bot's Microsoft App Id; "" for anonymous local runs
   */
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  send(target: ConversationTarget, card: object): Promise<SendResult> {
    return this.deliver(target, card);
  }

  /** Replace a message the bot sent earlier (e.g. the channel's digest card) in place. */
  update(target: ConversationTarget, activityId: string, card: object): Promise<SendResult> {
    return this.deliver(target, card, activityId);
  }

  private async deliver(target: ConversationTarget, card: object, replaceId?: string): Promise<SendResult> {
    let activityId: string | undefined;
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, referenceOf(target), async (ctx) => {
        // Errors are caught here, inside the turn: thrown further they would reach the adapter's
        // onTurnError, which answers the user with an apology message.
        try {
          disableBuiltInRetry(ctx);
          const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
          if (replaceId !== undefined) {
            await ctx.updateActivity({ ...activity, id: replaceId });
            activityId = replaceId;
          } else {
            const response = await ctx.sendActivity(activity);
            activityId = response?.id;
          }
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure === undefined) return activityId ? { kind: "ok", activityId } : { kind: "ok" };
    return toSendResult(failure);
  }
}

/** What a reminder run needs from the edge: this messenger and the reminder card. */
export function reminderEdge(adapter: CloudAdapter, botAppId: string): ReminderEdge {
  return { messenger: new ProactiveMessenger(adapter, botAppId), buildCard: reminderCard };
}

function disableBuiltInRetry(ctx: TurnContext): void {
  const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }
    | undefined;
  client?.client?.pipeline?.removePolicy({ name: BUILT_IN_RETRY_POLICY });
}

/** Maps an error from the connector client to a SendResult. */
export function toSendResult(err: unknown): SendResult {
  const e = (typeof err === "object" && err !== null ? err : {}) as HttpError;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const message = e.message ?? String(err);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.("retry-after"));
    return retryAfterMs !== undefined ? { kind: "throttled", retryAfterMs } : { kind: "throttled" };
  }
  const code = errorCode(e);
  if (status === 403 || status === 404) return { kind: "unreachable", status, code: code ?? `Http${status}` };
  if (status === undefined && !(code !== undefined && NOT_SENT_CODES.has(code))) {
    // No HTTP answer, and not an error that proves the request never left (reset, timeout, ...).
    return { kind: "unknown", ...(code !== undefined ? { code } : {}), message };
  }
  return {
    kind: "failed",
    ...(status !== undefined ? { status } : {}),
    ...(code !== undefined ? { code } : {}),
    message,
  };
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (value === undefined || value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Teams' error code ("MessageWritesBlocked", "BotNotInConversationRoster", ...) from the body. */
function errorCode(e: HttpError): string | undefined {
  const text = e.response?.bodyAsText;
  if (text) {
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown } };
      if (typeof body.error?.code === "string") return body.error.code;
    } catch {
      // not JSON: fall back to the error's own code
    }
  }
  return typeof e.code === "string" && e.code !== "" ? e.code : undefined;
}

export interface JobRouteDeps {
  /** config.jobsSecret; without it the route answers 404 (disabled). */
  jobsSecret: string | undefined;
  log: Logger;
  reminders: Pick<ReminderJob, "trigger">;
  /** Posts the due channel digests; resolves to how many were posted. */
  digests?: () => Promise<number>;
  /** Reaches contacts the bot has never met (Graph install + new chat); resolves to the run's summary. */
  reach?: () => Promise<unknown>;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Constant-time comparison that does not leak the secret's length either. */
function secretMatches(given: string | undefined, secret: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}

/**
 * Job routes for an external timer (several instances), each guarded by the header `x-jobs-secret`:
 * POST /api/jobs/reminders starts a reminder run (or joins the one in progress in this instance);
 * POST /api/jobs/digest posts the channel digests that are due; POST /api/jobs/reach (when configured)
 * reaches contacts the bot has never met. 202 at once; with `?wait=1`, 200 and
 * the run's summary when it is done. 404 when no secret is configured, 401 for a wrong one.
 */
export function registerJobRoutes(server: Server, deps: JobRouteDeps): void {
  jobRoute(server, "/api/jobs/reminders", deps, () => deps.reminders.trigger());
  const digests = deps.digests;
  if (digests !== undefined)
    jobRoute(server, "/api/jobs/digest", deps, () => ({
      started: true,
      done: digests().then((posted) => ({ posted })),
    }));
  const reach = deps.reach;
  if (reach !== undefined)
    jobRoute(server, "/api/jobs/reach", deps, () => ({ started: true, done: reach() }));
}

function jobRoute(
  server: Server,
  path: string,
  deps: Pick<JobRouteDeps, "jobsSecret" | "log">,
  start: () => { started: boolean; done: Promise<unknown> },
): void {
  server.post(path, async (req: Request, res: Response) => {
    const secret = deps.jobsSecret;
    if (secret === undefined || secret === "") {
      res.send(404, { error: "not found" });
      return;
    }
    const header = req.headers["x-jobs-secret"];
    if (!secretMatches(Array.isArray(header) ? header[0] : header, secret)) {
      deps.log.warn({ ip: req.socket?.remoteAddress, path }, "job request with a wrong or missing secret");
      res.send(401, { error: "unauthorized" });
      return;
    }
    const { started, done } = start();
    const wait = new URL(req.url ?? "/", "http://localhost").searchParams.get("wait");
    if (wait === "1" || wait === "true") {
      try {
        res.send(200, { started, summary: await done });
      } catch (err) {
        deps.log.error({ err, path }, "job failed");
        res.send(500, { error: "job failed" });
      }
      return;
    }
    done.catch((err: unknown) => deps.log.error({ err, path }, "job failed"));
    res.send(202, { started });
  });
}
