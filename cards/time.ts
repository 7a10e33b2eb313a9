/** Times as people in Norway read them. */
const dateTime = new Intl.DateTimeFormat("nb-NO", {
  timeZone: "Europe/Oslo",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** Formatted minutes (the text shows no seconds): a review card formats every answer's time. */
const byMinute = new Map<number, string>();
const BY_MINUTE_MAX = 5_000;

/** "15. januar 2026 kl. 14:05" in Europe/Oslo. */
export function formatOsloTime(d: Date): string {
  const minute = Math.floor(d.getTime() / 60_000);
  const known = byMinute.get(minute);
  if (known !== undefined) return known;
  const parts = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  const text = `${parts.day}. ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`;
  if (byMinute.size >= BY_MINUTE_MAX) byMinute.clear();
  byMinute.set(minute, text);
  return text;
}
