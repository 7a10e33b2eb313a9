/**
 * When the staff channel gets its progress digest: Mondays at 09:00 Europe/Oslo while the round
 * runs, every weekday in the last week before the deadline, and Mondays after the deadline while
 * reports are still missing. Pure: the caller compares the latest slot with the one it posted last.
 */
import { addDays, daysBetween, localDateOf, OSLO, weekday, zonedInstant } from "../reminders/schedule.ts";

const DIGEST_HOUR = 9;
/** Days before the deadline date when the digest comes every weekday. */
const LAST_WEEK_DAYS = 7;

/**
 * The latest digest slot at or before `now` (as an instant). The first check after a channel is bound
 * posts the current digest; after that, one per slot.
 */
export function latestDigestSlot(now: Date, deadline: Date): Date | undefined {
  const deadlineDate = localDateOf(deadline, OSLO);
  let day = localDateOf(now, OSLO);
  // Walk back at most two weeks to find the newest day with a slot that has come.
  for (let i = 0; i < 14; i++, day = addDays(day, -1)) {
    const slot = zonedInstant(day, DIGEST_HOUR, 0, OSLO);
    if (slot.getTime() > now.getTime()) continue;
    const wd = weekday(day); // 0 = Sunday, 1 = Monday ... 6 = Saturday
    const daysToDeadline = daysBetween(day, deadlineDate);
    const lastWeek = daysToDeadline >= 0 && daysToDeadline <= LAST_WEEK_DAYS && wd >= 1 && wd <= 5;
    if (wd === 1 || lastWeek) return slot;
  }
  return undefined;
}

/** Whether a digest is due now, given the slot posted last (ISO) — at most one per slot. */
export function digestDue(
  now: Date,
  round: { deadline: string },
  lastSlot: string | undefined,
): Date | undefined {
  const slot = latestDigestSlot(now, new Date(round.deadline));
  if (slot === undefined) return undefined;
  if (lastSlot !== undefined && new Date(lastSlot).getTime() >= slot.getTime()) return undefined;
  return slot;
}
