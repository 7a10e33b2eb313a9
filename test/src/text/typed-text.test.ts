import { describe, expect, it } from "vitest";
import { encodedBytes, WORST_BYTES_PER_CHAR } from "../../../src/text/encoded-size.ts";
import { displayText, isBlankText, normalizeTypedText } from "../../../src/text/typed-text.ts";

/** The invisible characters an attack run used for "empty" answers, and more of their kind. */
const INVISIBLE = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\u2800",
  "\u3164",
  "\u115f",
  "\uffa0",
  "\u00ad",
  "\ufeff",
];

describe("normalizeTypedText", () => {
  it("should compose to NFC, so a decomposed å is the same text as a composed one", () => {
    expect(normalizeTypedText("Ha\u030amar")).toBe("H\u00e5mar");
    expect(normalizeTypedText("a\u030a")).toBe("\u00e5");
  });

  it("should remove bidi controls, which can make a summary line read backwards", () => {
    expect(normalizeTypedText("Bodø \u202eenummok\u202c kommune")).toBe("Bodø enummok kommune");
    for (const c of [
      "\u202a",
      "\u202b",
      "\u202d",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200e",
      "\u200f",
      "\u061c",
    ])
      expect(normalizeTypedText(`a${c}b`)).toBe("ab");
  });

  it("should remove lone surrogates and keep surrogate pairs", () => {
    expect(normalizeTypedText("a\ud800b\udc00c")).toBe("abc");
    expect(normalizeTypedText("\ud83d")).toBe("");
    expect(normalizeTypedText("😀 ok \u{1F1F3}\u{1F1F4}")).toBe("😀 ok \u{1F1F3}\u{1F1F4}");
  });

  it("should remove control characters but keep tabs and line breaks (CRLF and CR become LF)", () => {
    expect(normalizeTypedText("a\u0001b\r\nc\rd\te\u007f\u0085f")).toBe("ab\nc\nd\tef");
  });

  it("should clean Latin-1 text with one character outside plain Latin-1 as any other text", () => {
    // Plain Latin-1 text only needs trimming (a shortcut); one DEL, C1 control or CR anywhere is not plain.
    expect(normalizeTypedText("Bodø\u007f kommune")).toBe("Bodø kommune");
    expect(normalizeTypedText("æøå\u0085")).toBe("æøå");
    expect(normalizeTypedText("Kari\r\nOla\u0009")).toBe("Kari\nOla");
    expect(normalizeTypedText("\u00ad\u00a0 Ærlig svar,\tja \u00a0\n")).toBe("Ærlig svar,\tja");
    expect(normalizeTypedText("A\u030angstrøm")).toBe("Ångstrøm");
  });

  it("should give plain Latin-1 text the same result as the general steps: NFC, then trimmed", () => {
    const alphabet = ["a", "Z", "ø", "Å", "é", "ÿ", " ", "\t", "\n", "\u00a0", "\u00ad", "~", "!", "0"];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 2_000; n++) {
      const text = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join("");
      const expected = text.normalize("NFC").replace(/^[\s\u00ad]+|[\s\u00ad]+$/g, "");
      expect(normalizeTypedText(text), JSON.stringify(text)).toBe(expected);
    }
  });

  it("should trim whitespace and invisible characters at both ends, and keep them inside", () => {
    expect(normalizeTypedText(" \u200b\u2060 svar \u3164\u2800 ")).toBe("svar");
    expect(normalizeTypedText("a\u200db")).toBe("a\u200db");
    // A variation selector after a final emoji belongs to it.
    expect(normalizeTypedText("takk ❤\ufe0f")).toBe("takk ❤\ufe0f");
  });

  it.each(INVISIBLE)("should make a text of only U+%s (and spaces) empty", (c) => {
    expect(normalizeTypedText(`${c}${c} ${c}`)).toBe("");
  });

  it("should take linear time on a long run of blanks before a letter", () => {
    const text = `a${" \u200b".repeat(5_000)}b`;
    const started = process.cpuUsage();
    for (let i = 0; i < 20; i++) normalizeTypedText(text);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(200);
  });
});

describe("isBlankText", () => {
  it("should call only whitespace, zero-width, blank-pattern and modifier characters blank", () => {
    expect(isBlankText("")).toBe(true);
    expect(isBlankText(INVISIBLE.join(" "))).toBe(true);
    expect(isBlankText("\ufe0f\u{E0067}")).toBe(true);
    expect(isBlankText("\u200b.\u200b")).toBe(false);
    expect(isBlankText("😀")).toBe(false);
  });
});

describe("displayText", () => {
  it("should clean a value stored before the normaliser existed, and give '' for a non-string", () => {
    expect(displayText("\u202eabc\ud800")).toBe("abc");
    expect(displayText(undefined)).toBe("");
    expect(displayText(42)).toBe("");
  });
});

describe("encodedBytes", () => {
  it("should count a string as Teams counts a card: UTF-16 of its JSON, escapes included", () => {
    expect(encodedBytes("abc")).toBe(6);
    expect(encodedBytes("æøå")).toBe(6);
    expect(encodedBytes("\\")).toBe(4);
    expect(encodedBytes('"')).toBe(4);
    expect(encodedBytes("😀")).toBe(4);
    expect(encodedBytes("\ud800")).toBe(12); // a lone surrogate becomes \ud800 in JSON
  });

  it("should cost no normalised character more than WORST_BYTES_PER_CHAR", () => {
    const samples = ["a", "ø", "\\", '"', "😀", "\u2028", "\t", "\n", "\ud800", "\u0001", "\u202e", "<", "&"];
    for (const s of samples) {
      const text = normalizeTypedText(`x${s}x`);
      expect(encodedBytes(text) - 4, JSON.stringify(s)).toBeLessThanOrEqual(WORST_BYTES_PER_CHAR);
    }
  });
});
