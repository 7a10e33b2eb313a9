import type { CardJson } from "../cards/render.ts";

/** What a handler answers: a card (shown in place when possible) and/or a text message. */
export interface Reply {
  card?: CardJson;
  text?: string;
  /**
   * The text holds person text (tiltak and contact names, e-mails, a file name): it carries no Markdown
   * and is sent with textFormat "plain" (Teams shows it raw), or as literal TextRuns when it becomes a card.
   */
  plain?: boolean;
  /** More cards posted after the first (e.g. an overview split in parts). */
  extraCards?: CardJson[];
}
