/**
 * Download links for a round's export (Excel and CSV) and its samarbeidsforum document (Word), for county staff. The links are signed and expire
 * (src/summaries/export-link.ts); the card says when, in Norwegian time.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
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
  /** The staff member's written standard (bokmål when absent). */
  lang?: Lang;
}

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
  lang = DEFAULT_LANG,
}: ExportLinksInput): CardJson {
  const text = texts(lang).staff.exportLinks;
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
