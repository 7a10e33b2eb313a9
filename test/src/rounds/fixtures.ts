/**
 * Builders for import tests: CSV files from row objects, and an in-memory "apply" of a plan.
 */

import type { ExistingData, ImportPlan } from "../../../src/rounds/import-plan.ts";
import { mergeImported } from "../../../src/rounds/import-plan.ts";

export const HEADER = [
  "fylke",
  "rapporteringsår",
  "skjema",
  "frist",
  "partnerskap",
  "kategori",
  "sektor",
  "tiltak",
  "saksnummer",
  "tiltak_id",
  "kontaktperson",
  "epost",
  "telefon",
  "entra_id",
] as const;
export type CsvRow = Record<(typeof HEADER)[number], string>;

export const GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** A valid row; override any column. */
export function row(overrides: Partial<CsvRow> = {}): CsvRow {
  return {
    fylke: "Nordland",
    rapporteringsår: "2025",
    skjema: "",
    frist: "",
    partnerskap: "Salten regionråd",
    kategori: "Kommune",
    sektor: "Offentlig",
    tiltak: "Lesing i alle fag",
    saksnummer: "2024/1234",
    tiltak_id: "",
    kontaktperson: "Kari Nordmann",
    epost: "kari@example.com",
    telefon: "912 34 567",
    entra_id: "",
    ...overrides,
  };
}

/** A CSV file (header + rows), fields quoted when they need it. */
export function csv(rows: readonly CsvRow[], separator = ";"): string {
  const quote = (v: string) => (/[";,\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [HEADER.join(separator), ...rows.map((r) => HEADER.map((h) => quote(r[h])).join(separator))];
  return `${lines.join("\r\n")}\r\n`;
}

/** Three tiltak of two partnerships. */
export function sampleRows(): CsvRow[] {
  return [
    row(),
    row({ tiltak: "Vurdering for læring", saksnummer: "2024/1235", telefon: "+47 91234567" }),
    row({
      partnerskap: "Nord universitet",
      kategori: "Universitet / Høgskole",
      tiltak: "Matematikk",
      saksnummer: "2024/1301",
      tiltak_id: "t-nord-matte",
      kontaktperson: "Ola Nordmann",
      epost: "Ola.Nordmann@Example.com",
      telefon: "",
      entra_id: GUID.toUpperCase(),
    }),
  ];
}

/** The stored state after a plan was written, computed without a database (mirrors applyImport). */
export function applyInMemory(plan: ImportPlan, existing: ExistingData, at: string): Required<ExistingData> {
  const round = plan.round.round;
  const byId = new Map(existing.reports.map((r) => [r.id, r]));
  for (const change of plan.reports) {
    if (change.kind === "create") byId.set(change.report.id, change.report);
    if (change.kind === "update") {
      const current = byId.get(change.id);
      if (current)
        byId.set(change.id, {
          ...mergeImported(current, change.item, round.formId, change.previous),
          updatedAt: at,
        });
    }
  }
  return { round, reports: [...byId.values()], previous: existing.previous ?? new Map() };
}

/**
 * An Excel workbook (.xlsx) of the rows as a person would keep it: the year as a number, the deadline
 * (when given as "YYYY-MM-DD") as a date cell, everything else as text; an optional second sheet.
 */
export async function xlsx(rows: readonly CsvRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Tildeling");
  sheet.addRow([...HEADER]);
  for (const r of rows)
    sheet.addRow(
      HEADER.map((h) => {
        const v = r[h];
        if (h === "rapporteringsår" && /^\d+$/.test(v)) return Number(v);
        if (h === "frist" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
        return v;
      }),
    );
  wb.addWorksheet("Notater").addRow(["ikke en del av importen"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
