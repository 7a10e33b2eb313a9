/**
 * The one builder of invoke responses (Universal Actions, `adaptiveCard/action`): a card that replaces
 * the one clicked, a short message (the card stays as it is), or an error with its HTTP status.
 */
import type { AdaptiveCardInvokeResponse, InvokeResponse } from "botbuilder";
import { measuredJson } from "../cards/card-size.ts";
import type { CardJson } from "../cards/render.ts";

export type InvokeAnswer =
  | { kind: "card"; card: CardJson }
  | { kind: "message"; text: string }
  | { kind: "error"; status: 400 | 403; code: string; message: string };

/** An invoke the bot does not handle (not a card action): a bare 400, no body. */
export const BAD_INVOKE: InvokeResponse = { status: 400 };

/** botbuilder types `value` as a card object; the protocol also carries a string or an error there. */
type ProtocolValue = AdaptiveCardInvokeResponse["value"];

/** The HTTP answer to an invoke: its status is the response's statusCode, its body the response. */
export function invokeResponse(answer: InvokeAnswer): InvokeResponse<AdaptiveCardInvokeResponse> {
  const [statusCode, type, value]: [number, string, unknown] =
    answer.kind === "card"
      ? [200, "application/vnd.microsoft.card.adaptive", answer.card]
      : answer.kind === "message"
        ? [200, "application/vnd.microsoft.activity.message", answer.text]
        : [answer.status, "application/vnd.microsoft.error", { code: answer.code, message: answer.message }];
  return { status: statusCode, body: { statusCode, type, value: value as ProtocolValue } };
}

/**
 * The JSON text of an invoke answer's body, byte for byte `JSON.stringify(body)`, built around the
 * card's JSON that the size check already made (cards/card-size.ts) instead of encoding the card a
 * second time. Undefined for any other body (no card, or a card not measured): then encode as usual.
 */
export function invokeBodyJson(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const keys = Object.keys(body);
  const { statusCode, type, value } = body as Record<string, unknown>;
  if (keys.length !== 3 || keys[0] !== "statusCode" || keys[1] !== "type" || keys[2] !== "value")
    return undefined;
  if (typeof statusCode !== "number" || typeof type !== "string") return undefined;
  const card = typeof value === "object" && value !== null ? measuredJson(value) : undefined;
  if (card === undefined) return undefined;
  return `{"statusCode":${JSON.stringify(statusCode)},"type":${JSON.stringify(type)},"value":${card}}`;
}
