/** Excel workbooks through the same import checks as CSV: same rows, same Norwegian row/column errors. */
import { describe, expect, it } from "vitest";
import { parseImport, parseImportFile } from "../../../src/rounds/import.ts";
import { csv, row, sampleRows, xlsx } from "./fixtures.ts";

describe("parseImportFile (.xlsx)", () => {
  it("reads the first sheet into the same round and tiltak as the CSV of the same rows", async () => {
    const rows = sampleRows();
    const fromXlsx = await parseImportFile("tildeling.xlsx", await xlsx(rows));
    const fromCsv = parseImport("tildeling.csv", csv(rows));
    expect(fromXlsx.ok).toBe(true);
    // The source of a tiltak names its row; both files number rows the same way.
    expect(fromXlsx).toEqual(fromCsv);
  });

  it("reads a date cell as the deadline", async () => {
    const rows = sampleRows().map((r) => ({ ...r, frist: "2026-01-20" }));
    const parsed = await parseImportFile("tildeling.xlsx", await xlsx(rows));
    const fromCsv = parseImport("tildeling.csv", csv(rows));
    expect(parsed.ok && parsed.value.round.deadline).toBe(fromCsv.ok && fromCsv.value.round.deadline);
    expect(parsed.ok && parsed.value.round.deadline).toBeTruthy();
  });

  it("names the row and column of every bad cell, in Norwegian", async () => {
    const rows = [
      row(),
      row({ tiltak: "Vurdering", saksnummer: "2024/1299", epost: "kari@", telefon: "12345" }),
    ];
    const parsed = await parseImportFile("tildeling.xlsx", await xlsx(rows));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      "Rad 3, kolonne «epost»: «kari@» er ikke en gyldig e-postadresse.",
      "Rad 3, kolonne «telefon»: «12345» er ikke et gyldig norsk telefonnummer (8 sifre, gjerne med +47).",
    ]);
  });

  it("refuses bytes that are not a workbook", async () => {
    const parsed = await parseImportFile("tildeling.xlsx", Buffer.from("fylke;tiltak\n"));
    expect(parsed).toEqual({ ok: false, errors: ["Filen kan ikke leses som en Excel-arbeidsbok (.xlsx)."] });
  });
});
