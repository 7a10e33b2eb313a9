import { describe, expect, it } from "vitest";
import { interleaveBy } from "../../../src/reminders/delivery.ts";
import {
  backoffDelay,
  DEFAULT_RETRY,
  Pacer,
  TEAMS_LIMITS,
  type TimeSource,
} from "../../../src/reminders/pacer.ts";

/** A clock that only moves when told to. */
function fakeTime(): TimeSource & { t: number } {
  const time = {
    t: 0,
    now: () => time.t,
    sleep: async (ms: number) => {
      time.t += Math.max(0, ms);
    },
  };
  return time;
}

/** The most slots in any window (t - windowMs, t]. */
function maxInWindow(slots: number[], windowMs = 1000): number {
  const sorted = [...slots].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] as number) <= (sorted[end] as number) - windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe("Pacer", () => {
  it("should never put more than 50 requests of a tenant in any one-second window", () => {
    const time = fakeTime();
    const pacer = new Pacer(TEAMS_LIMITS, time);
    const slots = Array.from({ length: 500 }, (_, i) => pacer.reserve("t1", `c${i}`));
    expect(maxInWindow(slots)).toBeLessThanOrEqual(50);
    // ...and still use the limit: 500 requests take about 500 / (50 x headroom) seconds.
    expect(slots.at(-1)).toBeGreaterThan(10_000);
    expect(slots.at(-1)).toBeLessThan((500 / (50 * TEAMS_LIMITS.headroom)) * 1000);
  });

  it("should never put more than 7 messages of a conversation in any one-second window", () => {
    const pacer = new Pacer(undefined, fakeTime());
    const slots = Array.from({ length: 40 }, () => pacer.reserve("t1", "same"));
    expect(maxInWindow(slots)).toBeLessThanOrEqual(7);
  });

  it("should not let one busy conversation hold back the others", () => {
    const pacer = new Pacer(undefined, fakeTime());
    for (let i = 0; i < 10; i++) pacer.reserve("t1", "busy");
    // The 11th request, for another conversation, gets the next tenant slot, not one after "busy".
    expect(pacer.reserve("t1", "other")).toBeLessThan(300);
  });

  it("should keep tenants apart", () => {
    const pacer = new Pacer(undefined, fakeTime());
    for (let i = 0; i < 100; i++) pacer.reserve("t1", `c${i}`);
    expect(pacer.reserve("t2", "c0")).toBe(0);
  });

  it("should wait until the reserved slot", async () => {
    const time = fakeTime();
    const pacer = new Pacer(
      { ...TEAMS_LIMITS, perTenantPerSecond: 10, perConversationPerSecond: 10, headroom: 1 },
      time,
    );
    await pacer.acquire("t", "a");
    await pacer.acquire("t", "b");
    expect(time.t).toBe(100);
  });
});

describe("backoffDelay", () => {
  it("should grow exponentially with jitter of up to one step", () => {
    const low = [1, 2, 3, 4].map((a) => backoffDelay(a, undefined, DEFAULT_RETRY, () => 0));
    const high = [1, 2, 3, 4].map((a) => backoffDelay(a, undefined, DEFAULT_RETRY, () => 0.999));
    expect(low).toEqual([250, 500, 1000, 2000]);
    high.forEach((h, i) => {
      expect(h).toBeGreaterThan(low[i] as number);
      expect(h).toBeLessThan(2 * (low[i] as number));
    });
  });

  it("should never retry before Retry-After", () => {
    expect(backoffDelay(1, 3000, DEFAULT_RETRY, () => 0)).toBe(3000);
    expect(backoffDelay(1, 3000, DEFAULT_RETRY, () => 0.5)).toBeGreaterThan(3000);
  });

  it("should cap the exponential step", () => {
    expect(backoffDelay(20, undefined, DEFAULT_RETRY, () => 0)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});

describe("interleaveBy", () => {
  it("should spread each conversation's messages over the whole pass", () => {
    const target = (c: string) => ({ target: { serviceUrl: "", channelId: "msteams", conversationId: c } });
    const items = [
      ...Array.from({ length: 4 }, () => target("big")),
      ...Array.from({ length: 12 }, (_, i) => target(`c${i}`)),
    ];
    const order = interleaveBy(items, (x) => x.target.conversationId).map((x) => x.target.conversationId);
    const positions = order.flatMap((c, i) => (c === "big" ? [i] : []));
    expect(positions).toHaveLength(4);
    for (let i = 1; i < positions.length; i++) {
      expect((positions[i] as number) - (positions[i - 1] as number)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("Pacer.admit", () => {
  it("should hold back a request that would be the 8th of a conversation within a window", async () => {
    const time = fakeTime();
    const pacer = new Pacer(undefined, time);
    for (let i = 0; i < 7; i++) (await pacer.admit("t", "c")).answered();
    expect(time.t).toBe(0);
    await pacer.admit("t", "c");
    expect(time.t).toBeGreaterThanOrEqual(1000);
    const after = time.t;
    await pacer.admit("t", "other"); // another conversation is not held back
    expect(time.t).toBe(after);
  });

  it("should count a conversation's request from its answer, however long it was on the way", async () => {
    const time = fakeTime();
    const pacer = new Pacer(undefined, time);
    const first = await pacer.admit("t", "c"); // leaves at 0 and stalls on the way
    time.t = 800;
    for (let i = 0; i < 6; i++) (await pacer.admit("t", "c")).answered();
    time.t = 900;
    first.answered(); // Teams may have seen it only now, beside the six
    time.t = 1_250; // a window and the margin after the first left: departures alone would let it go
    await pacer.admit("t", "c");
    expect(time.t).toBeGreaterThanOrEqual(800 + 1_000 + TEAMS_LIMITS.conversationMarginMs);
  });

  it("should hold a conversation while its window is full of requests in flight", async () => {
    const time = fakeTime();
    const pacer = new Pacer(undefined, time);
    const inFlight = await Promise.all(Array.from({ length: 7 }, () => pacer.admit("t", "c")));
    const slept: number[] = [];
    const sleep = time.sleep;
    time.sleep = async (ms: number) => {
      slept.push(ms);
      if (slept.length === 10) for (const r of inFlight) r.answered();
      await sleep(ms);
    };
    await pacer.admit("t", "c");
    expect(slept.length).toBeGreaterThan(10); // polled while in flight, then waited a window
    expect(time.t).toBeGreaterThanOrEqual(slept.slice(0, 10).reduce((a, b) => a + b, 0) + 1000);
  });
});
