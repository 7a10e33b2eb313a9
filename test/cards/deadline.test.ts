import { describe, expect, it } from "vitest";
import { calendarDaysBetween, deadlineLine, formatDeadline } from "../../cards/deadline.ts";

const DEADLINE_2027 = "2027-01-15T22:59:00.000Z"; // 15 January 2027 23:59 in Oslo (winter time)

describe("deadlineLine", () => {
  it("should give the weekday, date, time in Oslo and the calendar days left", () => {
    // 15 January 2027 is a Friday.
    expect(deadlineLine(DEADLINE_2027, new Date("2026-12-01T09:00:00Z"))).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen",
    );
    expect(deadlineLine(new Date(DEADLINE_2027), new Date("2027-01-14T23:30:00Z"))).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – i dag",
    );
    expect(deadlineLine(DEADLINE_2027, new Date("2027-01-14T12:00:00Z"))).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – 1 dag igjen",
    );
  });

  it("should say the deadline has passed and that the report can still be sent", () => {
    const line = deadlineLine(DEADLINE_2027, new Date("2027-01-15T23:00:00Z"));
    expect(line).toBe(
      "Fristen gikk ut fredag 15. januar 2027 kl. 23.59. Du kan fortsatt sende inn rapporteringen.",
    );
  });

  it("should count Oslo calendar days across midnight and summer time", () => {
    // 23:30 UTC on 30 November is already 1 December in Oslo.
    expect(calendarDaysBetween(new Date("2026-11-30T23:30:00Z"), new Date(DEADLINE_2027))).toBe(45);
    expect(formatDeadline(new Date("2026-06-15T21:59:00Z"))).toBe("mandag 15. juni 2026 kl. 23.59");
  });
});
