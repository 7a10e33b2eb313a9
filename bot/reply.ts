import type { CardJson } from "../cards/render.ts";

/** What a handler answers: a card (shown in place when possible) and/or a text message. */
export interface Reply {
  card?: CardJson;
  text?: string;
}
