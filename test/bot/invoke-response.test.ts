/** Every invoke response comes from one builder: the HTTP status is the response's statusCode. */
import { describe, expect, it } from "vitest";
import { BAD_INVOKE, invokeBodyJson, invokeResponse } from "../../bot/invoke-response.ts";
import { noticeCard } from "../../cards/notice.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { form2024, makeReport } from "../src/reports/fixtures.ts";

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

describe("invokeBodyJson", () => {
  it("should give exactly JSON.stringify of the body for a rendered card, reusing the card's measured JSON", () => {
    const typed = { q07: 'Lagret «ære» \\ "x" 😀\n</script>' };
    const card = sectionCard({ form: form2024, report: makeReport(form2024), sectionIndex: 1, typed });
    const section = invokeResponse({ kind: "card", card }).body;
    expect(JSON.stringify(card)).toContain("😀");
    expect(invokeBodyJson(section)).toBe(JSON.stringify(section));
  });

  it("should leave every other body to the usual encoder", () => {
    const message = invokeResponse({ kind: "message", text: "Svaret står i tråden." }).body;
    const error = invokeResponse({ kind: "error", status: 403, code: "Forbidden", message: "Nei." }).body;
    // A card object that was never measured (not from render/fits), and a copy of a measured one.
    const measured = sectionCard({ form: form2024, report: makeReport(form2024), sectionIndex: 0 });
    const unmeasured = invokeResponse({ kind: "card", card: noticeCard("Lagret.") }).body;
    const copied = invokeResponse({ kind: "card", card: { ...measured } }).body;
    for (const body of [message, error, unmeasured, copied, undefined, "text"])
      expect(invokeBodyJson(body)).toBeUndefined();
    // Another shape around a measured card.
    expect(invokeBodyJson({ statusCode: 200, type: "x", value: measured })).toBe(
      JSON.stringify({ statusCode: 200, type: "x", value: measured }),
    );
    expect(invokeBodyJson({ type: "x", statusCode: 200, value: measured })).toBeUndefined();
    expect(invokeBodyJson({ statusCode: 200, type: "x", value: measured, extra: 1 })).toBeUndefined();
  });
});
