/**
 * GET /api/export/:token against the real app (local Cosmos through the harness): a valid link downloads
 * the round as .xlsx or .csv with the right headers and rows, or the samarbeidsforum .docx with one heading per
 * submitted report; tampered, expired, foreign and unknown-round
 * links all get the same bare 404.
 *
 * The route is registered here on a restify server of the test's own (bot/server.ts wires it in the
 * product), so the test controls the signing secret.
 */
import type { AddressInfo } from "node:net";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import restify from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerExportRoute } from "../../bot/export-route.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { ANSWERS_SHEET, STATISTICS_SHEET } from "../../src/summaries/export.ts";
import { type ExportFormat, exportUrl, signExportToken } from "../../src/summaries/export-link.ts";
import { form2024, makeReport, stored } from "../src/reports/fixtures.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";

const SECRET = "export-test-secret-0123456789";
const NOW = "2026-01-14T12:00:00.000Z";
const now = Date.parse(NOW);

const round: RoundDoc = {
  id: "troms-2025",
  county: "Troms",
  formId: form2024.id,
  reportingYear: 2025,
  deadline: "2026-01-15T22:59:00.000Z",
  staffIds: [],
  createdAt: NOW,
};

function report(i: number, status: ReportDoc["status"], amount: number): ReportDoc {
  return makeReport(form2024, {
    id: `exp-${i}`,
    roundId: round.id,
    partnership: { id: `p-${i}`, name: `Partnerskap ${i}`, category: "Kommune", sector: "Offentlig" },
    tiltak: { id: `t-${i}`, name: `Tiltak ${i}` },
    status,
    answers: stored({ q01: { value: `=Kontakt ${i}` }, q11: { value: amount } }),
    ...(status === "submitted" ? { submittedAt: "2026-01-10T09:30:00.000Z" } : {}),
  });
}

const reports = [report(1, "submitted", 100_000), report(2, "submitted", 250_000), report(3, "draft", 5)];

describe("GET /api/export/:token", () => {
  let h: Harness;
  let server: restify.Server;
  let base: string;

  const token = (claims: { roundId?: string; format?: ExportFormat; expiresAt?: number }, secret = SECRET) =>
    signExportToken(
      {
        roundId: claims.roundId ?? round.id,
        format: claims.format ?? "xlsx",
        expiresAt: claims.expiresAt ?? now + 15 * 60_000,
      },
      secret,
    );

  beforeAll(async () => {
    h = await startHarness({ env: { CLOCK_NOW: NOW } });
    const { app } = h.running;
    await app.repos.rounds.upsert(round);
    for (const r of reports) await app.repos.reports.upsert(r);
    server = restify.createServer({ name: "export-test", handleUncaughtExceptions: false });
    registerExportRoute(server, { app, secret: SECRET });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await h?.close();
  });

  it("should download the round as .xlsx with every report and the statistics", async () => {
    const res = await fetch(exportUrl(base, token({ format: "xlsx" })));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="dekom-troms-2025-2026-01-14.xlsx"',
    );
    expect(res.headers.get("cache-control")).toBe("no-store");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const answers = workbook.getWorksheet(ANSWERS_SHEET);
    const rows: unknown[][] = [];
    answers?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toHaveLength(1 + reports.length);
    expect(rows[0]?.slice(0, 6)).toEqual([
      "Partnerskap",
      "Kategori",
      "Sektor",
      "Tiltak",
      "Kontaktperson",
      "Status",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ["Partnerskap 1", "Levert"],
      ["Partnerskap 2", "Levert"],
      ["Partnerskap 3", "Utkast"],
    ]);
    const header = rows[0] as string[];
    const amountColumn = header.findIndex((h) => h.startsWith("q11 "));
    expect(rows.slice(1).map((r) => r[amountColumn])).toEqual([100_000, 250_000, 5]);

    const statistics = workbook.getWorksheet(STATISTICS_SHEET);
    const labels = new Map<string, unknown>();
    statistics?.eachRow((row) => {
      const [label, value] = (row.values as unknown[]).slice(1);
      if (typeof label === "string" && !labels.has(label)) labels.set(label, value);
    });
    expect(labels.get("Leverte rapporter")).toBe(2);
    expect(labels.get("Rapporter i alt")).toBe(3);
  });

  it("should download the round as CSV for Norwegian Excel", async () => {
    const res = await fetch(exportUrl(base, token({ format: "csv" })));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="dekom-troms-2025-2026-01-14.csv"',
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + reports.length);
    expect(lines[1]).toMatch(/^Partnerskap 1;Kommune;Offentlig;Tiltak 1;/);
    expect(lines[1]).toContain(";'=Kontakt 1;"); // formula defused
  });

  it("should download the samarbeidsforum document with one heading per submitted report", async () => {
    const res = await fetch(exportUrl(base, token({ format: "docx" })));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="dekom-troms-2025-2026-01-14.docx"',
    );
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const headings = [
      ...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(.*?)<\/w:p>/gs),
    ].map((m) => [...(m[1] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
    // The two submitted reports; the draft is not in the document.
    expect(headings).toEqual(["Partnerskap 1 - Tiltak 1", "Partnerskap 2 - Tiltak 2"]);
  });

  it("should serve a token longer than 100 characters (restify refuses such :params)", async () => {
    const longRound: RoundDoc = { ...round, id: `${"lang-runde-".repeat(12)}2025` };
    await h.running.app.repos.rounds.upsert(longRound);
    const t = token({ roundId: longRound.id, format: "csv" });
    expect(t.length).toBeGreaterThan(200);
    const res = await fetch(exportUrl(base, t));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`dekom-${longRound.id}-2026-01-14.csv`);
  });

  it("should answer 404 without detail for tampered, expired, foreign and unknown-round links", async () => {
    const good = token({});
    const [payload = "", signature = ""] = good.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ v: 1, r: "nordland-2025", f: "xlsx", e: now + 15 * 60_000 }),
    ).toString("base64url");
    const bad = {
      tampered: `${forgedPayload}.${signature}`,
      "changed signature": `${payload}.${signature.slice(0, 5)}${signature[5] === "A" ? "B" : "A"}${signature.slice(6)}`,
      expired: token({ expiresAt: now - 1 }),
      "expiring now": token({ expiresAt: now }),
      "other secret": token({}, "some-other-secret-0123456789"),
      "unknown round": token({ roundId: "finnmark-2025" }),
      garbage: "not-a-token",
    };
    const bodies = new Set<string>();
    for (const [name, t] of Object.entries(bad)) {
      const res = await fetch(exportUrl(base, t));
      expect(res.status, name).toBe(404);
      expect(res.headers.get("cache-control"), name).toBe("no-store");
      expect(res.headers.get("content-disposition"), name).toBeNull();
      bodies.add(await res.text());
    }
    expect([...bodies]).toEqual(["Lenken er ugyldig eller utløpt. Be om en ny lenke i Teams."]);
  });
});
