/** The demo round's deadline: the next 15 January 23:59 Europe/Oslo from the seeding clock. */
import { describe, expect, it } from "vitest";
import { demoRound, nextDemoDeadline } from "../../../src/rounds/demo-seed.ts";

describe("nextDemoDeadline", () => {
  it("should be 15 January of the coming year after mid-January", () => {
    expect(nextDemoDeadline(new Date("2026-12-01T08:00:00Z"))).toBe("2027-01-15T22:59:00.000Z");
    expect(nextDemoDeadline(new Date("2026-01-16T00:00:00Z"))).toBe("2027-01-15T22:59:00.000Z");
  });

  it("should be this year's 15 January until it has passed", () => {
    expect(nextDemoDeadline(new Date("2026-01-08T08:30:00Z"))).toBe("2026-01-15T22:59:00.000Z");
    expect(nextDemoDeadline(new Date("2026-01-15T22:58:59Z"))).toBe("2026-01-15T22:59:00.000Z");
    expect(nextDemoDeadline(new Date("2026-01-15T22:59:00Z"))).toBe("2027-01-15T22:59:00.000Z");
  });

  it("should seed the demo round with a deadline after now", () => {
    const now = new Date("2026-12-01T08:00:00Z");
    expect(Date.parse(demoRound(now).round.deadline)).toBeGreaterThan(now.getTime());
  });
});
