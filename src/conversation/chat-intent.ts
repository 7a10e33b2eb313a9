/**
 * What a person typed in personal chat, as an intent (pure). Commands ("hei", "fortsett", "status",
 * "hjelp", "rapporter", "bokmål", "nynorsk") and plain questions ("når er fristen?", "hvem er kontaktperson?", "hva
 * mangler?"). Anything else is "unknown": the bot answers with one short line, never a big card.
 */

export type ChatIntent =
  | "start"
  | "continue"
  | "status"
  | "help"
  | "reports"
  | "deadline"
  | "contact"
  | "missing"
  | "lang-nb"
  | "lang-nn"
  | "unknown";

/** Longer messages are not commands or short questions (and are never scanned further). */
export const MAX_INTENT_TEXT = 200;

/** Lower case, no HTML tags (Teams wraps text), no punctuation, single spaces. */
function normalizeChat(text: string): string {
  return text
    .slice(0, MAX_INTENT_TEXT * 4)
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .toLowerCase()
    .replace(/[«»"'`´!.,;:()[\]{}¿¡…]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const EXACT: Record<string, ChatIntent> = {
  hei: "start",
  hallo: "start",
  heisann: "start",
  hi: "start",
  hello: "start",
  start: "start",
  meny: "start",
  tiltak: "start",
  "mine tiltak": "start",
  fortsett: "continue",
  videre: "continue",
  "gå videre": "continue",
  status: "status",
  fremdrift: "status",
  hjelp: "help",
  help: "help",
  "?": "help",
  bokmål: "lang-nb",
  bokmal: "lang-nb",
  "på bokmål": "lang-nb",
  "skriv bokmål": "lang-nb",
  "skriv på bokmål": "lang-nb",
  nynorsk: "lang-nn",
  "på nynorsk": "lang-nn",
  "skriv nynorsk": "lang-nn",
  "skriv på nynorsk": "lang-nn",
  "hald fram": "continue",
  vidare: "continue",
  rapporter: "reports",
  rapportar: "reports",
  rapporteringer: "reports",
  innleveringer: "reports",
};

/** Questions, tried in order; the first pattern that matches wins. */
const QUESTIONS: [RegExp, ChatIntent][] = [
  [/\b(frist|fristen|fristene|deadline|innleveringsfrist|siste dag|leveringsfrist)\b/, "deadline"],
  [/\bnår\b.*\b(levere|leveres|sende|sendes|sendt|inn|ferdig)\b/, "deadline"],
  [/\b(kontaktperson|kontaktpersonen|kontakt person)\b/, "contact"],
  [/\b(hvem|kven)\b.*\b(kontakt|ansvarlig|ansvarleg|spørre)\b/, "contact"],
  [
    /\b(mangler|manglar|gjenstår|står att|igjen å svare|ikke besvart|ikkje svara|ubesvart|ubesvarte)\b/,
    "missing",
  ],
  [/\b(hva|kva)\b.*\b(gjenstår|er igjen|er att|må jeg svare|må eg svare)\b/, "missing"],
  [/\b(hjelp|hjelpe|hvordan virker|korleis verkar|hva kan du|kva kan du)\b/, "help"],
  [/^(hei|hallo|heisann|god morgen|god dag)\b/, "start"],
  [/^(fortsett|fortsette)\b/, "continue"],
];

export function intentOf(text: string): ChatIntent {
  if (text.length > MAX_INTENT_TEXT * 4) return "unknown";
  const s = normalizeChat(text);
  if (s === "") return "unknown";
  const exact = EXACT[s.replace(/\?$/, "").trim()] ?? EXACT[s];
  if (exact !== undefined) return exact;
  if (s.length > MAX_INTENT_TEXT) return "unknown";
  for (const [pattern, intent] of QUESTIONS) if (pattern.test(s)) return intent;
  return "unknown";
}
