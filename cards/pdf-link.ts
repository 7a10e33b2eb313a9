/** The answer to "Last ned som PDF": a signed, short-lived link to the report's PDF, and the way back. */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { osloClockTime } from "./export-links.ts";
import type { CardJson } from "./render.ts";
import { actionData, Verb } from "./verbs.ts";

export interface PdfLinkInput {
  report: { roundId: string; id: string; partnership: { name: string }; tiltak: { name: string } };
  url: string;
  expiresAt: Date | number;
  /** The reader's written standard (bokmål when absent). */
  lang?: Lang;
}

export function pdfLinkCard({ report, url, expiresAt, lang = DEFAULT_LANG }: PdfLinkInput): CardJson {
  const docText = texts(lang).documents;
  const back = actionData(Verb.Review, { roundId: report.roundId, reportId: report.id });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: docText.pdfHeading,
        weight: "Bolder",
        size: "Medium",
        style: "heading",
        wrap: true,
      },
      {
        type: "RichTextBlock",
        inlines: [{ type: "TextRun", text: `${report.partnership.name} – ${report.tiltak.name}` }],
      },
      { type: "TextBlock", text: docText.pdfBody, wrap: true },
      {
        type: "TextBlock",
        text: docText.pdfExpiry(osloClockTime(expiresAt)),
        wrap: true,
        size: "Small",
        isSubtle: true,
      },
    ],
    actions: [
      { type: "Action.OpenUrl", title: docText.pdfDownload, url },
      {
        type: "Action.Execute",
        title: docText.backToReview,
        verb: Verb.Review,
        data: back,
        fallback: { type: "Action.Submit", title: docText.backToReview, data: back },
      },
    ],
  };
}
