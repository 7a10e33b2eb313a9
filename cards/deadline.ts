/**
 * The deadline as one line people read: "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen".
 * Europe/Oslo, Norwegian weekday and month; days left counted in calendar days in Oslo.
 */
import { daysLeft, formatClock, OSLO } from "../src/reminders/schedule.ts";

const longDate = new Intl.DateTimeFormat("nb-NO", {
  timeZone: OSLO,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "fredag 15. januar 2027" */
function deadlineDateText(deadline: Date): string {
  const p = Object.fromEntries(longDate.formatToParts(deadline).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day}. ${p.month} ${p.year}`;
}

/** "fredag 15. januar 2027 kl. 23.59" */
function deadlineText(deadline: Date): string {
  return `${deadlineDateText(deadline)} ${formatClock(deadline, OSLO)}`;
}

/** True once the deadline instant has passed. */
export function isPastDeadline(deadline: Date | string, now: Date): boolean {
  return now.getTime() > new Date(deadline).getTime();
}

/**
 * "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen" ("1 dag igjen", "i dag"), and after the
 * deadline "Fristen var …: du kan fortsatt sende inn".
 */
export function deadlineLine(deadline: Date | string, now: Date): string {
  const d = new Date(deadline);
  const when = deadlineText(d);
  if (isPastDeadline(d, now)) return `Fristen var ${when}. Du kan fortsatt sende inn rapporten.`;
  const left = daysLeft(now, d, OSLO);
  if (left <= 0) return `Frist i dag, ${when}`;
  return `Frist ${when} – ${left === 1 ? "1 dag" : `${left} dager`} igjen`;
}
