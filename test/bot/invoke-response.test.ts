/** Every invoke response comes from one builder: the HTTP status is the response's statusCode. */
import { describe, expect, it } from "vitest";
import { BAD_INVOKE, invokeResponse } from "../../bot/invoke-response.ts";
import { noticeCard } from "../../cards/notice.ts";

describe("invokeResponse", () => {
  it("should answer a card with 200 and the Adaptive Card content type", () => {
    const card = noticeCard("Lagret.");
    expect(invokeResponse({ kind: "card", card })).toEqual({
      status: 200,
      body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card },
    });
  });

  it("should answer a message with 200 and the message content type", () => {
    expect(invokeResponse({ kind: "message", text: "Svaret står i tråden." })).toEqual({
      status: 200,
      body: {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: "Svaret står i tråden.",
      },
    });
  });

  it("should answer an error with its status and an error value", () => {
    const r = invokeResponse({ kind: "error", status: 403, code: "Forbidden", message: "Nei." });
    expect(r).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        type: "application/vnd.microsoft.error",
        value: { code: "Forbidden", message: "Nei." },
      },
    });
  });

  it("should answer an invoke that is not a card action with a bare 400", () => {
    expect(BAD_INVOKE).toEqual({ status: 400 });
  });
});
