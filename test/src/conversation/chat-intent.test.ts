import { describe, expect, it } from "vitest";
import { intentOf, MAX_INTENT_TEXT } from "../../../src/conversation/chat-intent.ts";

describe("intentOf", () => {
  it.each([
    ["hei", "start"],
    ["Hei!", "start"],
    ["<p>hei</p>", "start"],
    ["God morgen", "start"],
    ["fortsett", "continue"],
    ["Fortsett.", "continue"],
    ["status", "status"],
    ["hjelp", "help"],
    ["?", "help"],
    ["Hva kan du hjelpe med?", "help"],
    ["rapporter", "reports"],
    ["frist", "deadline"],
    ["når er fristen?", "deadline"],
    ["Når er fristen", "deadline"],
    ["Hva er fristen for rapporteringen?", "deadline"],
    ["når må rapporten være sendt inn?", "deadline"],
    ["hvem er kontaktperson?", "contact"],
    ["Hvem er kontaktpersonen for tiltaket", "contact"],
    ["hva mangler?", "missing"],
    ["Hva gjenstår?", "missing"],
    ["hva mangler jeg", "missing"],
  ] as const)("should read %j as %s", (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each(["Jeg liker kaffe og boller på fredager", "asdf", "", "   ", "🙂", "Kan du bestille pizza?"])(
    "should not understand %j",
    (text) => {
      expect(intentOf(text)).toBe("unknown");
    },
  );

  it("should give up on long texts without scanning them", () => {
    expect(intentOf(`${"frist ".repeat(MAX_INTENT_TEXT)}`)).toBe("unknown");
    expect(intentOf("x".repeat(100_000))).toBe("unknown");
  });
});
