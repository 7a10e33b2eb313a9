/**
 * Pacing for proactive messages within Teams' limits, and the back-off after a 429.
 *
 * Teams counts requests in sliding one-second windows: 50 per app per tenant, 7 per conversation.
 * A token bucket would allow a full bucket as a burst plus the refill inside one window (twice the
 * limit), so the pacer spaces requests evenly instead: a slot every 1000 / (limit x headroom) ms per
 * tenant, and every (1000 + margin) / limit ms per conversation. Even spacing tolerates the jitter
 * between "scheduled" and "arrived at Teams" without putting limit+1 requests in a window. Slots are
 * reserved synchronously in call order (first come, first served), and a request that must wait for
 * its conversation takes a later tenant slot without delaying the rest of the tenant.
 *
 * Between the slot and the request there is other work (the ledger claim, botbuilder), which takes a
 * variable time, so requests can bunch up again. `admit`, called right before each request, is an
 * exact sliding-window check that waits out the rare bunch. Per tenant it counts departures (over a
 * window widened by a margin for the way to Teams). Per conversation it counts each request until
 * its answer has come back and for one window after that: Teams saw the request somewhere between
 * its departure and its answer, so the 8th request of a conversation leaves at least one window after
 * Teams saw the 1st, however long the way there took. (Counting departures only, a loaded machine
 * put 8 requests of one conversation into one second at the local connector: a request that
 * stalled after leaving arrived together with the ones after it.)
 */

export interface PacerOptions {
  /** Requests per second per tenant (Teams: 50 per app per tenant). */
  perTenantPerSecond: number;
  /** Messages per second per conversation (Teams: 7). */
  perConversationPerSecond: number;
  /** Fraction of the tenant limit the slots use, leaving room for jitter (0 < headroom <= 1). */
  headroom: number;
  /**
   * Added to the one-second window in `admit`, for the time between leaving here and arriving at
   * Teams. Per conversation it is generous (a cold first request can take 50-100 ms through
   * botbuilder, and one conversation rarely needs its full 7 per second); per tenant it is small,
   * because it costs throughput on every pass.
   */
  tenantMarginMs: number;
  conversationMarginMs: number;
}

export const TEAMS_LIMITS: PacerOptions = {
  perTenantPerSecond: 50,
  perConversationPerSecond: 7,
  headroom: 0.97,
  tenantMarginMs: 30,
  conversationMarginMs: 250,
};

export interface TimeSource {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTime: TimeSource = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (ms <= 0) {
        resolve();
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A request `admit` let through: `answered()` once its answer (or error) is back. */
export interface Admitted {
  answered(): void;
}

const NOT_RECORDED: Admitted = { answered: () => {} };

/** How often a conversation whose window is held open by requests in flight looks again. */
const IN_FLIGHT_POLL_MS = 20;

export class Pacer {
  private readonly tenantGap: number;
  private readonly conversationGap: number;
  /** Per tenant: reserved slot times, ascending (only recent and future ones are kept). */
  private readonly tenants = new Map<string, number[]>();
  /** Per conversation: the earliest time its next message may go. */
  private readonly conversations = new Map<string, number>();
  /** Actual departures per tenant (see `admit`), ascending. */
  private readonly departures = new Map<string, number[]>();
  /** Per conversation: requests admitted, with the time their answer came (undefined: in flight). */
  private readonly requests = new Map<string, { answeredAt: number | undefined }[]>();

  constructor(
    readonly options: PacerOptions = TEAMS_LIMITS,
    private readonly time: TimeSource = realTime,
  ) {
    if (!(options.headroom > 0 && options.headroom <= 1)) throw new Error("headroom must be in (0, 1]");
    this.tenantGap = 1000 / (options.perTenantPerSecond * options.headroom);
    this.conversationGap = (1000 + options.conversationMarginMs) / options.perConversationPerSecond;
  }

  /**
   * Reserves the next slot for a request to `conversation` in `tenant` and waits until it comes.
   * Rejects (with the signal's reason) when aborted while waiting.
   */
  async acquire(tenant: string, conversation: string, signal?: AbortSignal): Promise<void> {
    const wait = this.reserve(tenant, conversation) - this.time.now();
    if (wait > 0) await this.time.sleep(wait, signal);
    else if (signal?.aborted) throw signal.reason;
  }

  /**
   * Reserves a slot and returns when (in TimeSource time) it is: the earliest time, not before the
   * conversation's next free time, that is at least one tenant gap away from every other reserved
   * slot of the tenant. A conversation that must wait therefore takes a later tenant slot without
   * pushing back the requests of other conversations that can go sooner.
   */
  reserve(tenant: string, conversation: string): number {
    const now = this.time.now();
    const convKey = `${tenant}\u0000${conversation}`;
    const earliest = Math.max(now, this.conversations.get(convKey) ?? 0);
    let slots = this.tenants.get(tenant);
    if (slots === undefined) {
      slots = [];
      this.tenants.set(tenant, slots);
    }
    // Slots more than one gap in the past can no longer conflict with a new one.
    let drop = 0;
    while (drop < slots.length && (slots[drop] as number) <= now - this.tenantGap) drop++;
    if (drop > 0) slots.splice(0, drop);
    let slot = earliest;
    let i = 0;
    for (; i < slots.length; i++) {
      const s = slots[i] as number;
      if (s + this.tenantGap <= slot) continue; // entirely before: no conflict
      if (slot + this.tenantGap <= s) break; // fits in the gap before s
      slot = s + this.tenantGap; // conflicts with s: try right after it
    }
    slots.splice(i, 0, slot);
    this.conversations.set(convKey, slot + this.conversationGap);
    if (this.conversations.size + this.departures.size + this.requests.size > 20_000) this.sweep(now);
    return slot;
  }

  /**
   * Waits while sending now would put more than the limit into one window (as Teams would count
   * it); then, unless `record` is false, records the request and returns its handle: call
   * `answered()` on it when the request's answer (or error) has come back. Call it with
   * `record: false` before expensive preparation (so the wait happens there) and again right before
   * the request.
   */
  async admit(
    tenant: string,
    conversation: string,
    signal?: AbortSignal,
    opts: { record?: boolean } = {},
  ): Promise<Admitted> {
    const { perTenantPerSecond, perConversationPerSecond, tenantMarginMs, conversationMarginMs } =
      this.options;
    const tenantKey = tenant;
    const convKey = `${tenant}\u0000${conversation}`;
    const tenantWindow = 1000 + tenantMarginMs;
    const convWindow = 1000 + conversationMarginMs;
    for (;;) {
      const now = this.time.now();
      let until = now;
      const sent = this.departures.get(tenantKey) ?? [];
      while (sent.length > 0 && (sent[0] as number) <= now - tenantWindow) sent.shift();
      if (sent.length >= perTenantPerSecond) {
        until = Math.max(until, (sent[sent.length - perTenantPerSecond] as number) + tenantWindow);
      }
      const requests = this.requests.get(convKey) ?? [];
      const live = requests.filter((r) => r.answeredAt === undefined || r.answeredAt > now - convWindow);
      if (live.length !== requests.length) this.requests.set(convKey, live);
      if (live.length >= perConversationPerSecond) {
        // The oldest answers leave the window first; a request still in flight never does.
        const answered = live.flatMap((r) => (r.answeredAt === undefined ? [] : [r.answeredAt]));
        answered.sort((a, b) => a - b);
        const oldest = answered[live.length - perConversationPerSecond];
        until = Math.max(until, oldest === undefined ? now + IN_FLIGHT_POLL_MS : oldest + convWindow);
      }
      if (until <= now) break;
      await this.time.sleep(until - now, signal);
    }
    if (opts.record === false) return NOT_RECORDED;
    const now = this.time.now();
    let sent = this.departures.get(tenantKey);
    if (sent === undefined) {
      sent = [];
      this.departures.set(tenantKey, sent);
    }
    sent.push(now);
    const request: { answeredAt: number | undefined } = { answeredAt: undefined };
    const requests = this.requests.get(convKey);
    if (requests === undefined) this.requests.set(convKey, [request]);
    else requests.push(request);
    return {
      answered: () => {
        request.answeredAt ??= this.time.now();
      },
    };
  }

  /** Forget conversations whose next slot or last departure is long past. */
  private sweep(now: number): void {
    for (const [key, next] of this.conversations) if (next <= now) this.conversations.delete(key);
    for (const [key, list] of this.departures) {
      if ((list.at(-1) ?? 0) <= now - 2000) this.departures.delete(key);
    }
    for (const [key, list] of this.requests) {
      if (list.every((r) => r.answeredAt !== undefined && r.answeredAt <= now - 2000)) {
        this.requests.delete(key);
      }
    }
  }
}

export interface RetryOptions {
  /** Attempts per reminder within one run, the first included. */
  maxAttempts: number;
  /** First back-off step; doubles per attempt. */
  baseDelayMs: number;
  /** Cap of the exponential step (Retry-After may ask for longer and is honoured). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 30_000 };

/**
 * How long to wait before attempt `attempt + 1` after a failed `attempt` (1-based): never less than
 * Retry-After, exponential in the attempt, plus random jitter up to one exponential step so that
 * senders throttled together do not retry together.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: RetryOptions = DEFAULT_RETRY,
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(retryAfterMs ?? 0, step) + random() * step;
}
