/**
 * When is which reminder due (pure: no I/O, no clock; every function takes `now` or a date).
 *
 * A round's schedule is a list of stages: 21, 14, 7, 3 and 1 days before the deadline date and the
 * morning of the deadline day, each at 09:00 Europe/Oslo (configurable). A stage that falls on a
 * Saturday or Sunday moves to the Friday before; stages that land on the same instant collapse into
 * the one closest to the deadline; stages due at or after the deadline instant are dropped.
 *
 * What is due at `now` is the LATEST candidate whose time has come (regular stages, plus a snooze
 * the recipient asked for). Older stages that were missed (the bot was down, a run failed) are not
 * sent once a newer one is due: one reminder with the current days left is better than a burst of
 * stale ones. After the deadline nothing is due. Opting out keeps only the deadline-day stage.
 *
 * Local times are computed with Intl in the round's time zone, so 09:00 stays 09:00 across the
 * change to and from summer time.
 */

export const OSLO = "Europe/Oslo";

export interface ScheduleConfig {
  /** Days before the deadline date that get a reminder. */
  daysBefore: readonly number[];
  /** Also remind on the morning of the deadline day (this one comes even after opting out). */
  deadlineDay: boolean;
  /** Local time of day reminders are due. */
  hour: number;
  minute: number;
  timeZone: string;
  /** Move a reminder that falls on Saturday or Sunday to the Friday before. */
  weekendToFriday: boolean;
  /** Local hours [from, to) in which reminders may go out; a catch-up run outside them sends nothing. */
  sendFromHour: number;
  sendToHour: number;
}

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  daysBefore: [21, 14, 7, 3, 1],
  deadlineDay: true,
  hour: 9,
  minute: 0,
  timeZone: OSLO,
  weekendToFriday: true,
  sendFromHour: 8,
  sendToHour: 20,
};

/** A calendar date (month 1-12), without a time zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export type StageKind = "before" | "deadline" | "snooze";

export interface Stage {
  /** Stable id, part of the ledger key: "d21" ... "d1", "d0" (deadline day), "s20260113" (snooze). */
  id: string;
  kind: StageKind;
  /** Days before the deadline date this stage stands for (0 = deadline day; snooze: days left then). */
  daysBefore: number;
  /** The local date it is sent on (after the weekend shift). */
  date: LocalDate;
  dueAt: Date;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return {
    year: p.year ?? 0,
    month: p.month ?? 0,
    day: p.day ?? 0,
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** Offset of the zone from UTC at an instant, in ms (Oslo: +1 h in winter, +2 h in summer). */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. (A wall time that
 * does not exist or exists twice around 02:00-03:00 on a change day resolves to a nearby valid
 * instant; reminder times are never in that hour.)
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  let guess = wall - offsetMs(new Date(wall), timeZone);
  const second = wall - offsetMs(new Date(guess), timeZone);
  if (second !== guess) guess = Math.min(guess, second);
  return new Date(guess);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Whole calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Saturday and Sunday go back to the Friday before. */
function shiftWeekendToFriday(date: LocalDate): LocalDate {
  const wd = weekday(date);
  return wd === 6 ? addDays(date, -1) : wd === 0 ? addDays(date, -2) : date;
}

/** "20260113" */
function compactDate(date: LocalDate): string {
  return `${date.year}${String(date.month).padStart(2, "0")}${String(date.day).padStart(2, "0")}`;
}

/** The regular stages of a round, earliest first. */
export function stagesFor(deadline: Date, config: ScheduleConfig = DEFAULT_SCHEDULE): Stage[] {
  const deadlineDate = localDateOf(deadline, config.timeZone);
  const days = [...new Set(config.daysBefore.filter((d) => Number.isInteger(d) && d > 0))];
  if (config.deadlineDay) days.push(0);
  // Closest to the deadline first, so that on a collision (weekend shift) the closer stage is kept.
  days.sort((a, b) => a - b);
  const byInstant = new Map<number, Stage>();
  for (const daysBefore of days) {
    let date = addDays(deadlineDate, -daysBefore);
    if (config.weekendToFriday) date = shiftWeekendToFriday(date);
    const dueAt = zonedInstant(date, config.hour, config.minute, config.timeZone);
    if (dueAt.getTime() >= deadline.getTime() || byInstant.has(dueAt.getTime())) continue;
    const kind: StageKind = daysBefore === 0 ? "deadline" : "before";
    byInstant.set(dueAt.getTime(), { id: `d${daysBefore}`, kind, daysBefore, date, dueAt });
  }
  return [...byInstant.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * When "Minn meg på i morgen" is due: the next calendar day at the reminder time; a Saturday or
 * Sunday becomes the Monday after (nothing is sent at weekends).
 */
export function snoozeUntil(now: Date, config: ScheduleConfig = DEFAULT_SCHEDULE): Date {
  let date = addDays(localDateOf(now, config.timeZone), 1);
  const wd = weekday(date);
  if (wd === 6) date = addDays(date, 2);
  else if (wd === 0) date = addDays(date, 1);
  return zonedInstant(date, config.hour, config.minute, config.timeZone);
}

/** The stage for a snooze due at `until`. */
function snoozeStage(until: Date, deadline: Date, config: ScheduleConfig = DEFAULT_SCHEDULE): Stage {
  const date = localDateOf(until, config.timeZone);
  const daysBefore = daysBetween(date, localDateOf(deadline, config.timeZone));
  return { id: `s${compactDate(date)}`, kind: "snooze", daysBefore, date, dueAt: until };
}

export interface RecipientPrefs {
  /** The recipient asked for no more reminders for this report (the deadline-day one still comes). */
  optedOut?: boolean;
  /** "Minn meg på i morgen": an extra reminder at this instant. */
  snoozeUntil?: Date;
}

/** Every candidate for one recipient, earliest first (regular stages after opt-out, plus a snooze). */
function candidates(
  stages: readonly Stage[],
  deadline: Date,
  prefs: RecipientPrefs,
  config: ScheduleConfig = DEFAULT_SCHEDULE,
): Stage[] {
  const list = stages.filter((s) => !prefs.optedOut || s.kind === "deadline");
  const until = prefs.snoozeUntil;
  if (until !== undefined && until.getTime() < deadline.getTime()) {
    list.push(snoozeStage(until, deadline, config));
  }
  // On a tie a regular stage goes after the snooze, so it is the one that counts as "latest".
  return list.sort(
    (a, b) =>
      a.dueAt.getTime() - b.dueAt.getTime() || Number(b.kind === "snooze") - Number(a.kind === "snooze"),
  );
}

/**
 * The reminder that is current at `now`: the latest candidate already due, or undefined (none due
 * yet, or the deadline has passed). Whether it was already sent is the ledger's business.
 */
export function currentStage(
  stages: readonly Stage[],
  deadline: Date,
  now: Date,
  prefs: RecipientPrefs = {},
  config: ScheduleConfig = DEFAULT_SCHEDULE,
): Stage | undefined {
  if (now.getTime() >= deadline.getTime()) return undefined;
  const due = candidates(stages, deadline, prefs, config).filter((s) => s.dueAt.getTime() <= now.getTime());
  return due.at(-1);
}

/** The first candidate still to come after `now` (for the dry run's "when"). */
export function nextStage(
  stages: readonly Stage[],
  deadline: Date,
  now: Date,
  prefs: RecipientPrefs = {},
  config: ScheduleConfig = DEFAULT_SCHEDULE,
): Stage | undefined {
  return candidates(stages, deadline, prefs, config).find(
    (s) => s.dueAt.getTime() > now.getTime() && s.dueAt.getTime() < deadline.getTime(),
  );
}

/** True when `now` is inside the local sending hours. */
export function withinSendingHours(now: Date, config: ScheduleConfig = DEFAULT_SCHEDULE): boolean {
  const { hour } = wallClock(now, config.timeZone);
  return hour >= config.sendFromHour && hour < config.sendToHour;
}

/** Calendar days from `now` to the deadline date, in the zone (0 on the deadline day). */
export function daysLeft(now: Date, deadline: Date, timeZone = OSLO): number {
  return daysBetween(localDateOf(now, timeZone), localDateOf(deadline, timeZone));
}

const longDate = new Map<string, Intl.DateTimeFormat>();

/** "fredag 15. januar" (Norwegian bokmål, in the zone). */
export function formatDeadlineDate(deadline: Date, timeZone = OSLO): string {
  let f = longDate.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("nb-NO", { timeZone, weekday: "long", day: "numeric", month: "long" });
    longDate.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(deadline).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day}. ${p.month}`;
}

/** "i dag", "i morgen", "om 3 dager". */
export function daysLeftText(days: number): string {
  if (days <= 0) return "i dag";
  if (days === 1) return "i morgen";
  return `om ${days} dager`;
}

/** "kl. 23.59" style local time of an instant. */
export function formatClock(instant: Date, timeZone = OSLO): string {
  const { hour, minute } = wallClock(instant, timeZone);
  return `kl. ${String(hour).padStart(2, "0")}.${String(minute).padStart(2, "0")}`;
}
