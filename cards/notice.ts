/** A card with just a message, for answers that need no actions (and invoke responses). */
import { literalLine } from "./person-text.ts";
import type { CardJson } from "./render.ts";

/**
 * Our own text in a TextBlock; `plain` text (it holds person text) as literal runs, one block per
 * line, so nothing in it is read as Markdown.
 */
export function noticeCard(text: string, opts: { plain?: boolean } = {}): CardJson {
  const body = opts.plain
    ? text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => literalLine(line, {}, { spacing: "Small" }))
    : [{ type: "TextBlock", text, wrap: true }];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  };
}
