/**
 * Download links for a round's export (Excel and CSV) and its samarbeidsforum document (Word), for county staff. The links are signed and expire
 * (src/summaries/export-link.ts); the card says when, in Norwegian time.
 */
import type { RoundDoc } from "../src/rounds/types.ts";
import { literalLine } from "./person-text.ts";
import type { CardJson } from "./render.ts";

export interface ExportLinksInput {
  round: RoundDoc;
  xlsxUrl: string;
  csvUrl: string;
  /** The samarbeidsforum document: every submitted report as one .docx. */
  docxUrl: string;
  /** The zip of every submitted report as PDF (src/documents), when offered. */
  pdfZipUrl?: string;
  /** When the links stop working (Date or ms since the epoch). */
  expiresAt: Date | number;
}

const text = {
  heading: (county: string, year: number) => `Eksport – ${county} ${year}`,
  body:
    "Alle rapporter i runden, med alle svar i full lengde, og statistikk per spørsmål (Excel). " +
    "Dokumentet til samarbeidsforum har en oppsummering per levert tiltak (Word).",
  expiry: (time: string) =>
    `Lenkene virker til kl. ${time} (norsk tid) og er bare for Statsforvalterens ansatte. Ikke del dem videre.`,
  xlsx: "Last ned Excel (.xlsx)",
  csv: "Last ned CSV",
  docx: "Dokument til samarbeidsforum (.docx)",
  pdfZip: "Last ned innsendte som PDF (zip)",
} as const;

const clock = new Intl.DateTimeFormat("nb-NO", {
  timeZone: "Europe/Oslo",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "14:05": the wall-clock time of the instant in Europe/Oslo. */
export function osloClockTime(at: Date | number): string {
  const parts = Object.fromEntries(clock.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

export function exportLinksCard({
  round,
  xlsxUrl,
  csvUrl,
  docxUrl,
  pdfZipUrl,
  expiresAt,
}: ExportLinksInput): CardJson {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      // The county name is from the import: a literal run.
      literalLine(text.heading(round.county, round.reportingYear), { weight: "Bolder", size: "Medium" }),
      { type: "TextBlock", text: text.body, wrap: true },
      {
        type: "TextBlock",
        text: text.expiry(osloClockTime(expiresAt)),
        wrap: true,
        size: "Small",
        isSubtle: true,
      },
    ],
    actions: [
      { type: "Action.OpenUrl", title: text.xlsx, url: xlsxUrl },
      { type: "Action.OpenUrl", title: text.csv, url: csvUrl },
      { type: "Action.OpenUrl", title: text.docx, url: docxUrl },
      ...(pdfZipUrl !== undefined ? [{ type: "Action.OpenUrl", title: text.pdfZip, url: pdfZipUrl }] : []),
    ],
  };
}
