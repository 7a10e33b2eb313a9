import { describe, expect, it } from "vitest";
import {
  currentStage,
  DEFAULT_SCHEDULE,
  daysLeft,
  daysLeftText,
  formatClock,
  formatDeadlineDate,
  nextStage,
  type Stage,
  snoozeUntil,
  stagesFor,
  wallClock,
  withinSendingHours,
  zonedInstant,
} from "../../../src/reminders/schedule.ts";

const at = (iso: string) => new Date(iso);
const ids = (stages: Stage[]) => stages.map((s) => s.id);
const due = (stages: Stage[]) => Object.fromEntries(stages.map((s) => [s.id, s.dueAt.toISOString()]));
/** Local Oslo "YYYY-MM-DD HH:MM" of an instant. */
function oslo(d: Date): string {
  const w = wallClock(d, "Europe/Oslo");
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/** 15 January 2026 23:59 Oslo (a Thursday), the default deadline of the 2025 round. */
const JAN_DEADLINE = at("2026-01-15T22:59:00.000Z");

describe("stagesFor", () => {
  it("should give 21, 14, 7, 3, 1 days before and the deadline day, each at 09:00 Oslo", () => {
    const stages = stagesFor(JAN_DEADLINE);
    expect(ids(stages)).toEqual(["d21", "d14", "d7", "d3", "d1", "d0"]);
    expect(stages.map((s) => oslo(s.dueAt))).toEqual([
      "2025-12-23 09:00", // Christmas Day -> the last working day before the Christmas break
      "2026-01-02 09:00", // New Year's Day -> the first working day after it
      "2026-01-08 09:00",
      "2026-01-12 09:00",
      "2026-01-14 09:00",
      "2026-01-15 09:00",
    ]);
    expect(due(stages).d0).toBe("2026-01-15T08:00:00.000Z"); // CET = UTC+1
    expect(stages.find((s) => s.id === "d0")?.kind).toBe("deadline");
  });

  it("should keep 09:00 local across the change to summer time (last Sunday of March)", () => {
    // Wednesday 1 April 2026 23:59 CEST; the clocks go forward on Sunday 29 March.
    const stages = stagesFor(at("2026-04-01T21:59:00.000Z"));
    expect(due(stages)).toEqual({
      d21: "2026-03-11T08:00:00.000Z", // CET
      d14: "2026-03-18T08:00:00.000Z",
      d7: "2026-03-25T08:00:00.000Z",
      d3: "2026-03-27T08:00:00.000Z", // Sunday 29 March -> Friday 27 March, still CET
      d1: "2026-03-31T07:00:00.000Z", // CEST = UTC+2
      d0: "2026-04-01T07:00:00.000Z",
    });
    for (const s of stages) expect(oslo(s.dueAt).endsWith(" 09:00")).toBe(true);
  });

  it("should keep 09:00 local across the change back to winter time (last Sunday of October)", () => {
    // Wednesday 28 October 2026 23:59 CET; the clocks go back on Sunday 25 October.
    const stages = stagesFor(at("2026-10-28T22:59:00.000Z"));
    expect(due(stages)).toMatchObject({
      d7: "2026-10-21T07:00:00.000Z", // CEST
      d3: "2026-10-23T07:00:00.000Z", // Sunday 25 October -> Friday 23 October, still CEST
      d1: "2026-10-27T08:00:00.000Z", // CET
      d0: "2026-10-28T08:00:00.000Z",
    });
    for (const s of stages) expect(oslo(s.dueAt).endsWith(" 09:00")).toBe(true);
  });

  it("should move Saturday and Sunday reminders to the Friday before, keeping one per day", () => {
    // Deadline Monday 19 January 2026: 1 day before is Sunday -> Friday 16, which is also 3 days before.
    const monday = stagesFor(at("2026-01-19T22:59:00.000Z"));
    expect(ids(monday)).toEqual(["d21", "d14", "d7", "d1", "d0"]);
    expect(oslo(monday.find((s) => s.id === "d1")?.dueAt as Date)).toBe("2026-01-16 09:00");

    // Deadline Saturday 17 January 2026: the deadline-day reminder goes out on Friday 16 and wins
    // over "1 day before" (same Friday), so it still comes after an opt-out.
    const saturday = stagesFor(at("2026-01-17T22:59:00.000Z"));
    expect(ids(saturday)).toEqual(["d21", "d14", "d7", "d3", "d0"]);
    const d0 = saturday.find((s) => s.id === "d0");
    expect(d0?.kind).toBe("deadline");
    expect(oslo(d0?.dueAt as Date)).toBe("2026-01-16 09:00");
  });

  it("should drop stages at or after a deadline earlier in the day than the reminder time", () => {
    const stages = stagesFor(at("2026-01-15T07:00:00.000Z")); // 08:00 Oslo on the deadline day
    expect(ids(stages)).toEqual(["d21", "d14", "d7", "d3", "d1"]);
  });

  it("should be configurable", () => {
    const stages = stagesFor(JAN_DEADLINE, {
      ...DEFAULT_SCHEDULE,
      daysBefore: [10, 2],
      deadlineDay: false,
      hour: 12,
      minute: 30,
      weekendToFriday: false,
    });
    expect(stages.map((s) => `${s.id} ${oslo(s.dueAt)}`)).toEqual([
      "d10 2026-01-05 12:30",
      "d2 2026-01-13 12:30",
    ]);
  });
});

describe("currentStage", () => {
  const stages = stagesFor(JAN_DEADLINE);

  it("should give nothing before the first stage", () => {
    expect(currentStage(stages, JAN_DEADLINE, at("2025-12-23T07:59:59.000Z"))).toBeUndefined();
  });

  it("should give a stage from its due instant until the next one", () => {
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-08T08:00:00.000Z"))?.id).toBe("d7");
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-10T12:00:00.000Z"))?.id).toBe("d7");
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-12T07:59:00.000Z"))?.id).toBe("d7");
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-12T08:00:00.000Z"))?.id).toBe("d3");
  });

  it("should give only the latest due stage when older ones were missed", () => {
    // Down from before 7 days until after 3 days: d7 is never sent, d3 is.
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-13T10:00:00.000Z"))?.id).toBe("d3");
  });

  it("should give the deadline-day stage on the deadline day until the deadline", () => {
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-15T08:00:00.000Z"))?.id).toBe("d0");
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-15T22:58:59.000Z"))?.id).toBe("d0");
  });

  it("should give nothing at or after the deadline", () => {
    expect(currentStage(stages, JAN_DEADLINE, JAN_DEADLINE)).toBeUndefined();
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-16T08:00:00.000Z"))).toBeUndefined();
    expect(nextStage(stages, JAN_DEADLINE, at("2026-01-16T08:00:00.000Z"))).toBeUndefined();
  });

  it("should keep only the deadline-day stage after an opt-out", () => {
    const prefs = { optedOut: true };
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-12T10:00:00.000Z"), prefs)).toBeUndefined();
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-14T10:00:00.000Z"), prefs)).toBeUndefined();
    expect(nextStage(stages, JAN_DEADLINE, at("2026-01-12T10:00:00.000Z"), prefs)?.id).toBe("d0");
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-15T08:00:00.000Z"), prefs)?.id).toBe("d0");
  });

  it("should make a snooze the current stage from its time until a later stage is due", () => {
    const prefs = { snoozeUntil: at("2026-01-09T08:00:00.000Z") }; // Friday 9 January 09:00
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-09T07:59:00.000Z"), prefs)?.id).toBe("d7");
    const snoozed = currentStage(stages, JAN_DEADLINE, at("2026-01-09T08:00:00.000Z"), prefs);
    expect(snoozed).toMatchObject({ id: "s20260109", kind: "snooze", daysBefore: 6 });
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-12T08:00:00.000Z"), prefs)?.id).toBe("d3");
  });

  it("should let a regular stage win over a snooze due at the same time", () => {
    const prefs = { snoozeUntil: at("2026-01-12T08:00:00.000Z") }; // = d3
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-12T08:00:00.000Z"), prefs)?.id).toBe("d3");
  });

  it("should honour a snooze after an opt-out (it was asked for explicitly)", () => {
    const prefs = { optedOut: true, snoozeUntil: at("2026-01-13T08:00:00.000Z") };
    expect(currentStage(stages, JAN_DEADLINE, at("2026-01-13T09:00:00.000Z"), prefs)?.id).toBe("s20260113");
  });

  it("should ignore a snooze at or after the deadline", () => {
    const prefs = { snoozeUntil: at("2026-01-16T08:00:00.000Z") };
    expect(nextStage(stages, JAN_DEADLINE, at("2026-01-15T09:00:00.000Z"), prefs)).toBeUndefined();
  });
});

describe("snoozeUntil", () => {
  it("should be 09:00 Oslo the next day", () => {
    expect(oslo(snoozeUntil(at("2026-01-12T15:30:00.000Z")))).toBe("2026-01-13 09:00"); // Monday -> Tuesday
    expect(oslo(snoozeUntil(at("2026-01-12T23:30:00.000Z")))).toBe("2026-01-14 09:00"); // 00:30 Tuesday Oslo
  });

  it("should be Monday 09:00 when tomorrow is a Saturday or Sunday", () => {
    expect(oslo(snoozeUntil(at("2026-01-16T10:00:00.000Z")))).toBe("2026-01-19 09:00"); // Friday
    expect(oslo(snoozeUntil(at("2026-01-17T10:00:00.000Z")))).toBe("2026-01-19 09:00"); // Saturday
  });

  it("should land on 09:00 summer time when snoozed over the spring change", () => {
    const until = snoozeUntil(at("2026-03-27T10:00:00.000Z")); // Friday 27 March, CET
    expect(until.toISOString()).toBe("2026-03-30T07:00:00.000Z"); // Monday 30 March 09:00 CEST
  });
});

describe("texts and hours", () => {
  it("should write the deadline date in Norwegian", () => {
    expect(formatDeadlineDate(at("2027-01-15T22:59:00.000Z"))).toBe("fredag 15. januar");
    expect(formatDeadlineDate(JAN_DEADLINE)).toBe("torsdag 15. januar");
    expect(formatClock(JAN_DEADLINE)).toBe("kl. 23.59");
  });

  it("should count calendar days left in Oslo", () => {
    expect(daysLeft(at("2026-01-08T08:00:00.000Z"), JAN_DEADLINE)).toBe(7);
    expect(daysLeft(at("2026-01-14T23:30:00.000Z"), JAN_DEADLINE)).toBe(0); // 00:30 on the 15th in Oslo
    expect(daysLeft(at("2026-03-27T08:00:00.000Z"), at("2026-04-01T21:59:00.000Z"))).toBe(5);
    expect([0, 1, 2, 14].map(daysLeftText)).toEqual(["i dag", "i morgen", "om 2 dager", "om 14 dager"]);
  });

  it("should send only between 08:00 and 20:00 Oslo time, in winter and summer", () => {
    expect(withinSendingHours(at("2026-01-12T06:59:00.000Z"))).toBe(false); // 07:59 CET
    expect(withinSendingHours(at("2026-01-12T07:00:00.000Z"))).toBe(true);
    expect(withinSendingHours(at("2026-01-12T18:59:00.000Z"))).toBe(true);
    expect(withinSendingHours(at("2026-01-12T19:00:00.000Z"))).toBe(false); // 20:00 CET
    expect(withinSendingHours(at("2026-06-12T06:00:00.000Z"))).toBe(true); // 08:00 CEST
    expect(withinSendingHours(at("2026-06-12T18:00:00.000Z"))).toBe(false); // 20:00 CEST
  });

  it("should turn a local date and time into the right instant", () => {
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 9, 0, "Europe/Oslo").toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    expect(zonedInstant({ year: 2026, month: 12, day: 1 }, 9, 0, "Europe/Oslo").toISOString()).toBe(
      "2026-12-01T08:00:00.000Z",
    );
  });
});
