import { describe, expect, it } from "vitest";
import { deadlineLine, isPastDeadline } from "../../cards/deadline.ts";

/** 15 January 2027 23:59 Oslo (a Friday; CET = UTC+1). */
const DEADLINE = "2027-01-15T22:59:00.000Z";

describe("deadlineLine", () => {
  it("should give the Norwegian date, time and days left", () => {
    expect(deadlineLine(DEADLINE, new Date("2026-12-01T09:00:00.000Z"))).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen",
    );
  });

  it("should accept a Date as well as an ISO string", () => {
    expect(deadlineLine(new Date(DEADLINE), new Date("2027-01-10T12:00:00.000Z"))).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – 5 dager igjen",
    );
  });

  it("should say 1 dag the day before, counted in Oslo", () => {
    expect(deadlineLine(DEADLINE, new Date("2027-01-14T23:30:00.000Z"))).toBe(
      "Frist i dag, fredag 15. januar 2027 kl. 23.59",
    );
    expect(deadlineLine(DEADLINE, new Date("2027-01-14T12:00:00.000Z"))).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – 1 dag igjen",
    );
  });

  it("should say today on the deadline day until the deadline", () => {
    expect(deadlineLine(DEADLINE, new Date("2027-01-15T22:58:00.000Z"))).toBe(
      "Frist i dag, fredag 15. januar 2027 kl. 23.59",
    );
  });

  it("should say the deadline has passed and that the report can still be sent", () => {
    const line = deadlineLine(DEADLINE, new Date("2027-01-16T08:00:00.000Z"));
    expect(line).toBe("Fristen var fredag 15. januar 2027 kl. 23.59. Du kan fortsatt sende inn rapporten.");
    expect(isPastDeadline(DEADLINE, new Date("2027-01-15T22:59:00.000Z"))).toBe(false);
    expect(isPastDeadline(DEADLINE, new Date("2027-01-15T22:59:01.000Z"))).toBe(true);
  });

  it("should use summer time for a deadline in summer", () => {
    expect(deadlineLine("2027-06-15T21:59:00.000Z", new Date("2027-06-01T08:00:00.000Z"))).toBe(
      "Frist tirsdag 15. juni 2027 kl. 23.59 – 14 dager igjen",
    );
  });
});
