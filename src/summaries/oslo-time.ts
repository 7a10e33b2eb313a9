/** Europe/Oslo wall-clock times for the exports (Excel has no time zones). Pure. */
const TIME_ZONE = "Europe/Oslo";

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const osloFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function osloWallClock(iso: string): WallClock | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = Object.fromEntries(osloFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2025-01-14 13:05" in Europe/Oslo, or "" for a missing/invalid instant. */
export function formatOsloTime(iso: string | undefined): string {
  const t = iso ? osloWallClock(iso) : undefined;
  return t ? `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}` : "";
}

/**
 * Excel has no time zones: a cell shows the UTC fields of the Date it is given. This returns a Date whose UTC
 * fields are the Europe/Oslo wall clock of the instant, so the cell shows Norwegian time.
 */
export function osloExcelDate(iso: string | undefined): Date | undefined {
  const t = iso ? osloWallClock(iso) : undefined;
  return t ? new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)) : undefined;
}
