import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EXPORT_LINK_TTL_MS,
  exportFileName,
  exportUrl,
  signExportToken,
  verifyExportToken,
} from "../../../src/summaries/export-link.ts";

const SECRET = "a-jobs-secret-of-at-least-16-chars";
const NOW = Date.parse("2026-01-14T12:00:00.000Z");
const IN_15_MIN = NOW + 15 * 60 * 1000;

/** Flips one character of a base64url string to another valid one. */
function flip(text: string, at: number): string {
  const c = text[at] === "A" ? "B" : "A";
  return text.slice(0, at) + c + text.slice(at + 1);
}

describe("export link tokens", () => {
  it("should round-trip round id and format until just before the expiry", () => {
    for (const format of ["xlsx", "csv"] as const) {
      const token = signExportToken({ roundId: "nordland-2025", format, expiresAt: IN_15_MIN }, SECRET);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(verifyExportToken(token, SECRET, NOW)).toEqual({
        roundId: "nordland-2025",
        format,
        expiresAt: IN_15_MIN,
      });
      expect(verifyExportToken(token, SECRET, IN_15_MIN - 1)?.roundId).toBe("nordland-2025");
    }
  });

  it("should accept a Buffer secret and the same secret as a string", () => {
    const key = randomBytes(32);
    const token = signExportToken({ roundId: "r", format: "csv", expiresAt: IN_15_MIN }, key);
    expect(verifyExportToken(token, key, NOW)?.format).toBe("csv");
    const text = signExportToken({ roundId: "r", format: "csv", expiresAt: IN_15_MIN }, SECRET);
    expect(verifyExportToken(text, Buffer.from(SECRET, "utf8"), NOW)?.format).toBe("csv");
  });

  it("should expire 15 minutes from now by default", () => {
    const before = Date.now();
    const token = signExportToken({ roundId: "r", format: "xlsx" }, SECRET);
    const verified = verifyExportToken(token, SECRET, before);
    expect(verified?.expiresAt).toBeGreaterThanOrEqual(before + EXPORT_LINK_TTL_MS);
    expect(verified?.expiresAt).toBeLessThanOrEqual(Date.now() + EXPORT_LINK_TTL_MS);
    expect(EXPORT_LINK_TTL_MS).toBe(15 * 60 * 1000);
  });

  it("should refuse an expired token (at and after the expiry)", () => {
    const token = signExportToken({ roundId: "r", format: "xlsx", expiresAt: IN_15_MIN }, SECRET);
    expect(verifyExportToken(token, SECRET, IN_15_MIN)).toBeUndefined();
    expect(verifyExportToken(token, SECRET, IN_15_MIN + 60_000)).toBeUndefined();
  });

  it("should refuse a token signed with another secret", () => {
    const token = signExportToken({ roundId: "r", format: "xlsx", expiresAt: IN_15_MIN }, SECRET);
    expect(verifyExportToken(token, "another-secret-of-16-chars", NOW)).toBeUndefined();
    expect(verifyExportToken(token, randomBytes(32), NOW)).toBeUndefined();
  });

  it("should refuse a tampered payload: another round, another format, a later expiry", () => {
    const token = signExportToken({ roundId: "nordland-2025", format: "csv", expiresAt: IN_15_MIN }, SECRET);
    const [, signature] = token.split(".");
    const forged = (payload: object) =>
      `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    expect(verifyExportToken(forged({ v: 1, r: "troms-2025", f: "csv", e: IN_15_MIN }), SECRET, NOW)).toBe(
      undefined,
    );
    expect(
      verifyExportToken(forged({ v: 1, r: "nordland-2025", f: "xlsx", e: IN_15_MIN }), SECRET, NOW),
    ).toBe(undefined);
    expect(
      verifyExportToken(forged({ v: 1, r: "nordland-2025", f: "csv", e: IN_15_MIN * 2 }), SECRET, NOW),
    ).toBeUndefined();
    // Any single changed character in payload or signature.
    for (const at of [0, 5, token.indexOf(".") - 1, token.indexOf(".") + 1, token.length - 2]) {
      expect(verifyExportToken(flip(token, at), SECRET, NOW), `changed at ${at}`).toBeUndefined();
    }
  });

  it("should refuse malformed tokens without throwing", () => {
    const token = signExportToken({ roundId: "r", format: "xlsx", expiresAt: IN_15_MIN }, SECRET);
    const [payload = "", signature = ""] = token.split(".");
    for (const bad of [
      "",
      ".",
      payload,
      `${payload}.`,
      `.${signature}`,
      `${token}.x`,
      `${payload}.${signature.slice(0, -2)}`,
      `${payload}!.${signature}`,
      `${payload}.${signature}=`,
      "x".repeat(5000),
    ]) {
      expect(verifyExportToken(bad, SECRET, NOW), JSON.stringify(bad.slice(0, 40))).toBeUndefined();
    }
  });

  it("should refuse an empty secret when signing", () => {
    expect(() => signExportToken({ roundId: "r", format: "xlsx", expiresAt: IN_15_MIN }, "")).toThrow(
      /secret/,
    );
  });
});

describe("export URLs and file names", () => {
  it("should build the download URL under /api/export/", () => {
    expect(exportUrl("https://bot.example.no/", "abc.def")).toBe("https://bot.example.no/api/export/abc.def");
  });

  it("should name the file after the round and the date in Europe/Oslo", () => {
    // 23:30 UTC on 14 January is 00:30 on 15 January in Oslo.
    expect(exportFileName("nordland-2025", "xlsx", new Date("2026-01-14T23:30:00.000Z"))).toBe(
      "dekom-nordland-2025-2026-01-15.xlsx",
    );
    expect(exportFileName("a/b c", "csv", new Date("2026-06-01T10:00:00.000Z"))).toBe(
      "dekom-a-b-c-2026-06-01.csv",
    );
  });
});
