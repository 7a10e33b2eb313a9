/**
 * The document cards (PDF link, round import) parse as Adaptive Cards 1.5 without loss, fit Teams'
 * size as Teams counts it, and carry person-typed text only in TextRuns.
 */
import { describe, expect, it } from "vitest";
import { importPlanCard } from "../../cards/import-plan.ts";
import { pdfLinkCard } from "../../cards/pdf-link.ts";
import { parseImport, planImport } from "../../src/rounds/import.ts";
import { csv, row } from "../src/rounds/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

const teamsBytes = (card: object) => Buffer.byteLength(JSON.stringify(card), "utf16le");
const NOW = new Date("2026-01-10T10:00:00Z");

describe("document cards", () => {
  it("the PDF link card: an OpenUrl to the link and the way back to the review", () => {
    const card = pdfLinkCard({
      report: { roundId: "r", id: "t", partnership: { name: "**Ikke fet**" }, tiltak: { name: "Lesing" } },
      url: "https://bot.example/api/documents/abc.def",
      expiresAt: NOW,
    });
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('"type":"TextRun","text":"**Ikke fet** – Lesing"');
    expect(JSON.stringify(card)).toContain('"url":"https://bot.example/api/documents/abc.def"');
  });

  it("the import card of a 200-row round fits, lists 60 lines and counts the rest", () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      row({ tiltak: `Tiltak «${i}» med et ganske langt navn`, saksnummer: `2025/${1000 + i}` }),
    );
    const parsed = parseImport("r.csv", csv(rows));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const plan = planImport(parsed.value, { reports: [] }, NOW);
    const card = importPlanCard({
      fileName: "r.csv",
      result: {
        status: "planned",
        plan,
        summary: { round: "create", created: 200, updated: 0, unchanged: 0, missing: 0 },
      },
      uploadId: "0f8fad5b-d9cb-469f-a165-70867728950e",
    });
    expect(cardProblems(card)).toEqual([]);
    expect(teamsBytes(card)).toBeLessThan(80 * 1024);
    expect(JSON.stringify(card)).toContain("og 141 til");
    expect(JSON.stringify(card)).toContain('"verb":"round.import"');
    // Staff know a tiltak by its case number and a form by its title; our ids stay on the command line.
    const shown = JSON.stringify(card);
    expect(shown).toContain(
      "+ Ny runde: Nordland 2025, Desentralisert ordning - Rapportering 2024/2025, frist 15.01.2026 kl. 23.59",
    );
    expect(shown).toContain(
      "+ Ny: Salten regionråd – Tiltak «0» med et ganske langt navn (saksnr. 2025/1000)",
    );
    for (const id of ["t-2025-1000", "nordland-2025", "dekom-2024-2025"]) expect(shown).not.toContain(id);
  });

  it("the import card of a bad file shows every error and no Importer", () => {
    const card = importPlanCard({
      fileName: "r.xlsx",
      result: { status: "invalid", errors: ["Rad 3, kolonne «epost»: feil."] },
    });
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain("Rad 3, kolonne «epost»: feil.");
    expect(JSON.stringify(card)).not.toContain("round.import");
  });
});
