/**
 * The deadline as one line people read: "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen".
 * Europe/Oslo, weekday and month in the reader's written standard; days left counted in calendar days in Oslo.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { daysLeft, formatClock, OSLO } from "../src/reminders/schedule.ts";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: OSLO,
  weekday: "short",
  day: "numeric",
  month: "numeric",
  year: "numeric",
});
const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** "fredag 15. januar 2027" ("fredag" in both; "laurdag" / "lørdag"). */
function deadlineDateText(deadline: Date, lang: Lang): string {
  const p = Object.fromEntries(parts.formatToParts(deadline).map((x) => [x.type, x.value]));
  const d = texts(lang).dates;
  return `${d.weekdays[WEEKDAY[p.weekday ?? ""] ?? 0]} ${Number(p.day)}. ${d.months[Number(p.month) - 1]} ${p.year}`;
}

/** "fredag 15. januar" (reminders). */
export function dayAndMonth(date: Date, lang: Lang = DEFAULT_LANG): string {
  return deadlineDateText(date, lang).replace(/ \d{4}$/, "");
}

/**
 * Every card shows the deadline, and formatting it (Intl parts, the Oslo wall clock) cost more than
 * the rest of the line: the texts are kept per deadline instant, the days left per deadline and minute
 * (Oslo's day starts on a whole minute). A round has one deadline; the bound only guards surprises.
 */
const MAX_KEPT = 500;
const textsKept = new Map<string, string>();
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
function deadlineText(deadline: Date, lang: Lang): string {
  return kept(
    textsKept,
    `${lang}${deadline.getTime()}`,
    () => `${deadlineDateText(deadline, lang)} ${formatClock(deadline, OSLO)}`,
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
export function deadlineLine(deadline: Date | string, now: Date, lang: Lang = DEFAULT_LANG): string {
  const d = new Date(deadline);
  const when = deadlineText(d, lang);
  const t = texts(lang).dates;
  if (isPastDeadline(d, now)) return t.past(when);
  const minute = Math.floor(now.getTime() / 60_000);
  const left = kept(daysLeftKept, `${d.getTime()}|${minute}`, () =>
    daysLeft(new Date(minute * 60_000), d, OSLO),
  );
  if (left <= 0) return t.today(when);
  return t.ahead(when, left);
}
