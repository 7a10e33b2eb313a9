import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, snoozeUntil, stagesFor, wallClock } from "../../../src/reminders/schedule.ts";
import {
  inChristmasBreak,
  isPublicHoliday,
  isWorkingDay,
  type LocalDate,
  norwegianPublicHolidays,
  weekday,
} from "../../../src/reminders/work-calendar.ts";

const d = (iso: string): LocalDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
};
function oslo(x: Date): string {
  const w = wallClock(x, "Europe/Oslo");
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}
/** 15 January 23:59 Oslo of a year (winter time, UTC+1). */
const deadline = (year: number) => new Date(`${year}-01-15T22:59:00.000Z`);

describe("Norwegian working calendar", () => {
  it("should know Norway's public holidays, Easter included", () => {
    const h2027 = norwegianPublicHolidays(2027);
    for (const day of ["2027-01-01", "2027-03-25", "2027-03-26", "2027-03-29", "2027-05-17", "2027-12-25"]) {
      expect(h2027.has(day)).toBe(true);
    }
    expect(isPublicHoliday(d("2027-03-24"))).toBe(false);
    expect(isPublicHoliday(d("2026-12-24"))).toBe(false); // julaften is not a public holiday...
    expect(inChristmasBreak(d("2026-12-24"))).toBe(true); // ...but it is in the break
    expect(inChristmasBreak(d("2027-01-02"))).toBe(false);
    expect(isWorkingDay(d("2026-12-23"))).toBe(true);
    expect(isWorkingDay(d("2026-12-28"))).toBe(false);
    expect(isWorkingDay(d("2027-01-04"))).toBe(true);
  });
});

describe("reminder stages of the 15 January deadlines 2027-2029", () => {
  for (const year of [2027, 2028, 2029]) {
    it(`should put no stage of the ${year} deadline on a holiday, weekend or in the Christmas break`, () => {
      const stages = stagesFor(deadline(year));
      expect(stages.length).toBeGreaterThanOrEqual(5);
      for (const s of stages) {
        expect(isPublicHoliday(s.date), oslo(s.dueAt)).toBe(false);
        expect(inChristmasBreak(s.date), oslo(s.dueAt)).toBe(false);
        expect([0, 6]).not.toContain(weekday(s.date));
        expect(oslo(s.dueAt).endsWith(" 09:00")).toBe(true);
      }
      // One reminder in the last working week before Christmas (the week of 21-23 December).
      const december = stages.filter((s) => s.date.month === 12 && s.date.day >= 18 && s.date.day < 24);
      expect(december).toHaveLength(1);
    });
  }

  it("should move Christmas Day and New Year's Day out of the break for 2027 (the issue's case)", () => {
    expect(stagesFor(deadline(2027)).map((s) => `${s.id} ${oslo(s.dueAt)}`)).toEqual([
      "d21 2026-12-23 09:00", // Friday 25 December -> Wednesday 23 December
      "d14 2027-01-04 09:00", // Friday 1 January -> Monday 4 January
      "d7 2027-01-08 09:00",
      "d3 2027-01-12 09:00",
      "d1 2027-01-14 09:00",
      "d0 2027-01-15 09:00",
    ]);
  });

  it("should move Christmas Eve and New Year's Eve (weekend shifts) out of the break for 2028", () => {
    const stages = stagesFor(deadline(2028)).map((s) => `${s.id} ${oslo(s.dueAt)}`);
    expect(stages.slice(0, 2)).toEqual(["d21 2027-12-23 09:00", "d14 2028-01-03 09:00"]);
    // Saturday 15 January: the deadline-day reminder moves to Friday 14 and wins over "1 day before".
    expect(stages.at(-1)).toBe("d0 2028-01-14 09:00");
  });

  it("should give 22 December and 2 January for 2029", () => {
    const stages = stagesFor(deadline(2029)).map((s) => `${s.id} ${oslo(s.dueAt)}`);
    expect(stages.slice(0, 2)).toEqual(["d21 2028-12-22 09:00", "d14 2029-01-02 09:00"]);
  });

  it("should put the earliest stage before Christmas even when only one falls in the break", () => {
    const stages = stagesFor(deadline(2027), { ...DEFAULT_SCHEDULE, daysBefore: [14, 7] });
    expect(stages.map((s) => `${s.id} ${oslo(s.dueAt)}`)).toEqual([
      "d14 2026-12-23 09:00",
      "d7 2027-01-08 09:00",
      "d0 2027-01-15 09:00",
    ]);
  });

  it("should move a stage on Easter holidays to the last working day before them", () => {
    // Deadline Wednesday 31 March 2027: 5 days before is Friday 26 March (langfredag); Thursday 25
    // (skjærtorsdag) is a holiday too, so the reminder goes out on Wednesday 24 March.
    const stages = stagesFor(new Date("2027-03-31T21:59:00.000Z"), {
      ...DEFAULT_SCHEDULE,
      daysBefore: [5, 1],
    });
    expect(stages.map((s) => `${s.id} ${oslo(s.dueAt)}`)).toEqual([
      "d5 2027-03-24 09:00",
      "d1 2027-03-30 09:00",
      "d0 2027-03-31 09:00",
    ]);
  });

  it("should keep the old weekend-only rule when the Norwegian calendar is off", () => {
    const stages = stagesFor(deadline(2027), { ...DEFAULT_SCHEDULE, norwegianCalendar: false });
    expect(oslo(stages[0]?.dueAt as Date)).toBe("2026-12-25 09:00");
  });
});

describe("snooze over holidays", () => {
  it("should snooze from 23 December to the first working day after the break", () => {
    expect(oslo(snoozeUntil(new Date("2026-12-23T10:00:00.000Z")))).toBe("2027-01-04 09:00");
  });
  it("should snooze over Easter", () => {
    expect(oslo(snoozeUntil(new Date("2027-03-24T10:00:00.000Z")))).toBe("2027-03-30 09:00");
  });
});
