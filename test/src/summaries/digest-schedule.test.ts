import { describe, expect, it } from "vitest";
import { digestDue, latestDigestSlot } from "../../../src/summaries/digest-schedule.ts";

// Deadline: Friday 15 January 2027 23:59 Oslo (22:59Z).
const deadline = new Date("2027-01-15T22:59:00Z");
const round = { deadline: deadline.toISOString() };

describe("latestDigestSlot", () => {
  it("should be the last Monday 09:00 Oslo early in the round", () => {
    // Wednesday 2 December 2026 12:00 Oslo -> Monday 30 November 09:00 Oslo (08:00Z, winter time).
    expect(latestDigestSlot(new Date("2026-12-02T11:00:00Z"), deadline)?.toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
  });

  it("should not count Monday's slot before 09:00", () => {
    // Monday 7 December 08:30 Oslo -> the Monday before.
    expect(latestDigestSlot(new Date("2026-12-07T07:30:00Z"), deadline)?.toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
  });

  it("should come every weekday in the last week, but not at the weekend", () => {
    // Thursday 14 January 2027 10:00 Oslo -> that day 09:00.
    expect(latestDigestSlot(new Date("2027-01-14T09:00:00Z"), deadline)?.toISOString()).toBe(
      "2027-01-14T08:00:00.000Z",
    );
    // Sunday 10 January -> Friday 8 January (7 days before the deadline date, a weekday).
    expect(latestDigestSlot(new Date("2027-01-10T12:00:00Z"), deadline)?.toISOString()).toBe(
      "2027-01-08T08:00:00.000Z",
    );
  });

  it("should use summer time (07:00Z) for a round in the spring", () => {
    const springDeadline = new Date("2026-04-15T21:59:00Z");
    // Wednesday 8 April 2026 -> Wednesday 8 April 09:00 CEST = 07:00Z (last week, weekday).
    expect(latestDigestSlot(new Date("2026-04-08T10:00:00Z"), springDeadline)?.toISOString()).toBe(
      "2026-04-08T07:00:00.000Z",
    );
  });

  it("should continue on Mondays after the deadline, for the late ones", () => {
    // Wednesday 20 January 2027 -> Monday 18 January.
    expect(latestDigestSlot(new Date("2027-01-20T12:00:00Z"), deadline)?.toISOString()).toBe(
      "2027-01-18T08:00:00.000Z",
    );
  });
});

describe("digestDue", () => {
  it("should be due once per slot", () => {
    const now = new Date("2026-12-02T11:00:00Z");
    const slot = digestDue(now, round, undefined);
    expect(slot?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(digestDue(now, round, slot?.toISOString())).toBeUndefined();
    expect(digestDue(new Date("2026-12-07T08:05:00Z"), round, slot?.toISOString())?.toISOString()).toBe(
      "2026-12-07T08:00:00.000Z",
    );
  });
});
