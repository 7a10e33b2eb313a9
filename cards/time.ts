/** Times as people in Norway read them. */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  day: "numeric",
  month: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Formatted minutes (the text shows no seconds): a review card formats every answer's time. */
const byMinute = new Map<string, string>();
const BY_MINUTE_MAX = 5_000;

/** "15. januar 2026 kl. 14:05" in Europe/Oslo. */
export function formatOsloTime(d: Date, lang: Lang = DEFAULT_LANG): string {
  const key = `${lang}${Math.floor(d.getTime() / 60_000)}`;
  const known = byMinute.get(key);
  if (known !== undefined) return known;
  const parts = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  const t = texts(lang).dates;
  const text = t.time(
    String(Number(parts.day)),
    t.months[Number(parts.month) - 1] ?? "",
    parts.year ?? "",
    parts.hour ?? "",
    parts.minute ?? "",
  );
  if (byMinute.size >= BY_MINUTE_MAX) byMinute.clear();
  byMinute.set(key, text);
  return text;
}
