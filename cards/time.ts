/** Times as people in Norway read them. */
const dateTime = new Intl.DateTimeFormat("nb-NO", {
  timeZone: "Europe/Oslo",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "15. januar 2026 kl. 14:05" in Europe/Oslo. */
export function formatOsloTime(d: Date): string {
  const parts = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}. ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`;
}
