/**
 * The deadline as one line a person reads, the same on every card (welcome, section headers, review):
 * "Frist torsdag 15. januar 2027 kl. 23.59 – 45 dager igjen". After the deadline it says so and that
 * the report can still be sent. Days are counted in Europe/Oslo calendar days.
 */
import { deadlineStrings as s } from "./deadline-strings.ts";

const OSLO = "Europe/Oslo";

const dateParts = new Intl.DateTimeFormat("nb-NO", {
  timeZone: OSLO,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const ymd = new Intl.DateTimeFormat("en-CA", {
  timeZone: OSLO,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "torsdag 15. januar 2027 kl. 23.59" in Europe/Oslo. */
export function formatDeadline(deadline: Date): string {
  const p = Object.fromEntries(dateParts.formatToParts(deadline).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day}. ${p.month} ${p.year} kl. ${p.hour}.${p.minute}`;
}

/** Whole Oslo calendar days from `now`'s date to `deadline`'s date (negative after it). */
export function calendarDaysBetween(now: Date, deadline: Date): number {
  const day = (d: Date) => Date.parse(`${ymd.format(d)}T00:00:00Z`);
  return Math.round((day(deadline) - day(now)) / 86_400_000);
}

/** The deadline line for cards; `deadline` is an ISO instant (as stored on the round) or a Date. */
export function deadlineLine(deadline: string | Date, now: Date): string {
  const at = typeof deadline === "string" ? new Date(deadline) : deadline;
  const when = formatDeadline(at);
  if (now.getTime() > at.getTime()) return s.passed(when);
  const days = calendarDaysBetween(now, at);
  return s.open(when, days);
}
