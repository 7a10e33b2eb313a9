/**
 * A reporting round as data: one county, one form, one reporting year, a deadline and the county
 * staff it reports to (RoundDoc). Pure helpers: ids, the default deadline, form choice by year,
 * and parsing/formatting of deadlines in Europe/Oslo.
 */
import { OSLO, wallClock, zonedInstant } from "../reminders/schedule.ts";

/** The form used for reporting years up to and including 2023. */
const FORM_2021 = "dekom-skole-2021";
/** The form used from reporting year 2024. */
export const FORM_2024 = "dekom-2024-2025";

/**
 * A lower-case id part: æ -> ae, ø -> o, å -> a, other accents dropped, every run of other characters
 * -> "-", no leading or trailing "-". "Salten regionråd" -> "salten-regionrad", "2024/1234" -> "2024-1234".
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "o")
    .replaceAll("å", "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The id of a county's round for a reporting year: roundId("Nordland", 2025) = "nordland-2025". */
export function roundId(county: string, reportingYear: number): string {
  return `${slug(county)}-${reportingYear}`;
}

/** The form a round uses when none is given: the 2021 form up to 2023, the 2024/2025 form after. */
export function defaultFormId(reportingYear: number): string {
  return reportingYear <= 2023 ? FORM_2021 : FORM_2024;
}

/**
 * The default deadline of a round: 15 January 23:59 Europe/Oslo of the year after the reporting year,
 * as an ISO instant (the offset comes from Intl, not a constant).
 */
export function defaultDeadline(reportingYear: number): string {
  return zonedInstant({ year: reportingYear + 1, month: 1, day: 15 }, 23, 59, OSLO).toISOString();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2}))?$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a deadline as written in an import file, to an ISO instant; undefined when it is not one.
 * - "2026-01-15" or "15.01.2026": that day at 23:59 Europe/Oslo;
 * - "2026-01-15T12:00" / "2026-01-15 12:00" / "15.01.2026 12:00": that wall time in Europe/Oslo;
 * - "2026-01-15T11:00:00Z" / "...+01:00": that instant.
 */
export function parseDeadline(text: string): string | undefined {
  const s = text.trim();
  if (INSTANT.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  let m = ISO_DATE.exec(s);
  if (m) return osloWallTime(Number(m[1]), Number(m[2]), Number(m[3]), 23, 59);
  m = LOCAL_DATE_TIME.exec(s);
  if (m) {
    if (m[6] !== undefined && Number(m[6]) > 59) return undefined;
    return osloWallTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  }
  m = NORWEGIAN_DATE.exec(s);
  if (m) {
    const hour = m[4] === undefined ? 23 : Number(m[4]);
    const minute = m[5] === undefined ? 59 : Number(m[5]);
    return osloWallTime(Number(m[3]), Number(m[2]), Number(m[1]), hour, minute);
  }
  return undefined;
}

/** The instant of a valid Oslo wall time, or undefined for an impossible date or time. */
function osloWallTime(year: number, month: number, day: number, hour: number, minute: number) {
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59
  ) {
    return undefined;
  }
  return zonedInstant({ year, month, day }, hour, minute, OSLO).toISOString();
}

/** "15.01.2026 kl. 23.59" in Europe/Oslo. */
export function formatDeadline(iso: string): string {
  const w = wallClock(new Date(iso), OSLO);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(w.day)}.${two(w.month)}.${w.year} kl. ${two(w.hour)}.${two(w.minute)}`;
}
