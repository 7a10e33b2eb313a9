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

/**
 * Every card shows the deadline, and formatting it (Intl parts, the Oslo wall clock) cost more than
 * the rest of the line: the texts are kept per deadline instant, the days left per deadline and minute
 * (Oslo's day starts on a whole minute). A round has one deadline; the bound only guards surprises.
 */
const MAX_KEPT = 500;
const texts = new Map<number, string>();
const daysLeftKept = new Map<string, number>();

function kept<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= MAX_KEPT) map.clear();
    v = make();
    map.set(key, v);
  }
  return v;
}

/** "fredag 15. januar 2027 kl. 23.59" */
function deadlineText(deadline: Date): string {
  return kept(
    texts,
    deadline.getTime(),
    () => `${deadlineDateText(deadline)} ${formatClock(deadline, OSLO)}`,
  );
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
  const minute = Math.floor(now.getTime() / 60_000);
  const left = kept(daysLeftKept, `${d.getTime()}|${minute}`, () =>
    daysLeft(new Date(minute * 60_000), d, OSLO),
  );
  if (left <= 0) return `Frist i dag, ${when}`;
  return `Frist ${when} – ${left === 1 ? "1 dag" : `${left} dager`} igjen`;
}
