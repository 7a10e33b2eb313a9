import type { CardJson } from "../cards/render.ts";

/** What a handler answers: a card (shown in place when possible) and/or a text message. */
export interface Reply {
  card?: CardJson;
  text?: string;
  /** More cards posted after the first (e.g. an overview split in parts). */
  extraCards?: CardJson[];
}
