/**
 * The Norwegian working calendar for reminders (pure: no I/O, no clock).
 *
 * A working day is Monday-Friday that is not a Norwegian public holiday (from `date-holidays`, type
 * "public": nyttårsdag, skjærtorsdag, langfredag, påske, 1. og 17. mai, Kristi himmelfart, pinse,
 * jul) and not in the Christmas break, 24 December - 1 January (julaften and nyttårsaften are not
 * public holidays, but nobody reads work mail then).
 */
import Holidays from "date-holidays";

/** A calendar date (month 1-12), without a time zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const pad = (n: number) => String(n).padStart(2, "0");
/** "2026-12-25" */
const isoDate = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

let norway: Holidays | undefined;
const publicByYear = new Map<number, Set<string>>();

/** The dates ("YYYY-MM-DD") of Norway's public holidays in a year. */
export function norwegianPublicHolidays(year: number): ReadonlySet<string> {
  let set = publicByYear.get(year);
  if (set === undefined) {
    norway ??= new Holidays("NO");
    set = new Set(
      norway
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    publicByYear.set(year, set);
  }
  return set;
}

export function isPublicHoliday(date: LocalDate): boolean {
  return norwegianPublicHolidays(date.year).has(isoDate(date));
}

/** 24 December - 1 January. */
export function inChristmasBreak(date: LocalDate): boolean {
  return (date.month === 12 && date.day >= 24) || (date.month === 1 && date.day === 1);
}

function isWeekend(date: LocalDate): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}

export function isWorkingDay(date: LocalDate): boolean {
  return !isWeekend(date) && !isPublicHoliday(date) && !inChristmasBreak(date);
}

/** The date itself when it is a working day, else the last working day before it. */
function workingDayOnOrBefore(date: LocalDate): LocalDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** The date itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: LocalDate): LocalDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The Christmas break a date falls in: the 24 December that starts it (undefined outside it). */
function christmasBreakStart(date: LocalDate): LocalDate | undefined {
  if (!inChristmasBreak(date)) return undefined;
  return { year: date.month === 12 ? date.year : date.year - 1, month: 12, day: 24 };
}

/** The last working day before the break that starts on `breakStart` (24 December). */
function lastWorkingDayBeforeBreak(breakStart: LocalDate): LocalDate {
  return workingDayOnOrBefore(addDays(breakStart, -1));
}

/** The first working day after the break that starts on `breakStart`. */
function firstWorkingDayAfterBreak(breakStart: LocalDate): LocalDate {
  return workingDayOnOrAfter({ year: breakStart.year + 1, month: 1, day: 2 });
}

/**
 * True when `date` is in the last working week before the break: the Monday-to-Friday week that
 * holds the last working day before 24 December, up to that day.
 */
function inLastWeekBeforeBreak(date: LocalDate, breakStart: LocalDate): boolean {
  const last = lastWorkingDayBeforeBreak(breakStart);
  const monday = addDays(last, -((weekday(last) + 6) % 7));
  const t = Date.UTC(date.year, date.month - 1, date.day);
  return (
    t >= Date.UTC(monday.year, monday.month - 1, monday.day) &&
    t <= Date.UTC(last.year, last.month - 1, last.day)
  );
}

/**
 * Moves planned reminder dates onto working days, in place: a weekend or public holiday goes to the
 * last working day before it; of the dates in a Christmas break, the earliest goes to the last
 * working day before the break (unless another date already lies in the last working week before
 * it) and the others to the first working day after the break.
 */
export function moveToWorkingDays(planned: { daysBefore: number; date: LocalDate }[]): void {
  const inBreak = new Map<string, { start: LocalDate; items: { daysBefore: number; date: LocalDate }[] }>();
  for (const p of planned) {
    const before = workingDayOnOrBefore(p.date);
    // A walk back that crosses the break (e.g. from Saturday 2 January) counts as a stage in it.
    const start = christmasBreakStart(p.date) ?? christmasBreakStart(addDays(before, 1));
    if (start === undefined) {
      p.date = before;
      continue;
    }
    const key = isoDate(start);
    const group = inBreak.get(key) ?? { start, items: [] };
    group.items.push(p);
    inBreak.set(key, group);
  }
  for (const { start, items } of inBreak.values()) {
    items.sort((a, b) => b.daysBefore - a.daysBefore); // earliest first
    const weekCovered = planned.some((p) => !items.includes(p) && inLastWeekBeforeBreak(p.date, start));
    items.forEach((p, i) => {
      p.date = i === 0 && !weekCovered ? lastWorkingDayBeforeBreak(start) : firstWorkingDayAfterBreak(start);
    });
  }
}
