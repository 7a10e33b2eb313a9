/** A card with just a message, for answers that need no actions (and invoke responses). */
import type { CardJson } from "./render.ts";

export function noticeCard(text: string): CardJson {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [{ type: "TextBlock", text, wrap: true }],
  };
}
