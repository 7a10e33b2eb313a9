import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  buildCsv,
  buildWorkbook,
  csvField,
  defuseFormula,
  formatOsloTime,
} from "../../../src/summaries/export.ts";
import { questionStats } from "../../../src/summaries/statistics.ts";
import { form, report } from "./fixtures.ts";

const reports = [
  report({
    partnership: "Øksnes kommune",
    category: "Kommune",
    tiltak: "Lesing på tvers",
    // 14 Jan 2025 12:05 UTC = 13:05 in Oslo (winter, UTC+1)
    submittedAt: "2025-01-14T12:05:00.000Z",
    answers: {
      q1: { value: 3 },
      q2: { value: 1300000 },
      q3: { value: ["kartlegging", "annet"], other: "Evaluering" },
      q4: { value: "i-stor-grad", comment: "Tospråklig; samisk og norsk" },
      q5: { value: true },
      q6: { value: '=HYPERLINK("http://x")' },
      q7: { value: 'Linje 1\nLinje 2 med "sitat"' },
      q8: { value: { season: "Høst", year: 2024 } },
    },
  }),
  report({
    partnership: "Ålesund skole",
    category: "Skole",
    sector: "Privat",
    tiltak: "Vurdering",
    // 30 Jun 2025 22:30 UTC = 1 Jul 00:30 in Oslo (summer, UTC+2)
    submittedAt: "2025-06-30T22:30:00.000Z",
    answers: {
      q1: { value: 0 },
      q2: { value: 0 },
      q3: { value: ["planlegging"] },
      q4: { value: "i-liten-grad" },
      q5: { value: false },
      q6: { value: "-5 elever, +3 lærere" },
      q7: { value: "@alle" },
    },
  }),
  report({
    partnership: "Bærum kommune",
    category: "Kommune",
    tiltak: "Regning",
    status: "draft",
    answers: { q1: { value: 7 } },
  }),
];

async function readWorkbook(): Promise<ExcelJS.Workbook> {
  const buffer = await buildWorkbook(form, reports, questionStats(form, reports));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[];
  return values.slice(1); // exceljs rows are 1-based
}

describe("formatOsloTime", () => {
  it("should write the instant in Norwegian time, winter and summer", () => {
    expect(formatOsloTime("2025-01-14T12:05:00.000Z")).toBe("2025-01-14 13:05");
    expect(formatOsloTime("2025-06-30T22:30:00.000Z")).toBe("2025-07-01 00:30");
    expect(formatOsloTime(undefined)).toBe("");
    expect(formatOsloTime("not a date")).toBe("");
  });
});

describe("buildWorkbook", () => {
  it("should have the sheets Svar and Statistikk", async () => {
    const workbook = await readWorkbook();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Svar", "Statistikk"]);
  });

  it("should head the Svar sheet with report columns and one column per question", async () => {
    const sheet = (await readWorkbook()).getWorksheet("Svar");
    if (!sheet) throw new Error("no Svar sheet");
    expect(rowValues(sheet, 1)).toEqual([
      "Partnerskap",
      "Kategori",
      "Sektor",
      "Tiltak",
      "Kontaktperson",
      "Status",
      "Levert (norsk tid)",
      "Saksnummer",
      "Kontaktperson e-post",
      "Kontaktperson telefon",
      "Kvitteringsreferanse",
      "Medredaktører",
      "Gjenåpnet (norsk tid)",
      "Gjenåpnet – begrunnelse",
      "q1 Hvor mange skoler har deltatt?",
      "q2 Egenfinansiering (kr)",
      "q3 Hvilke faser?",
      "q4 I hvilken grad er samiske perspektiver ivaretatt?",
      "q4 Kommentar",
      "q5 Jeg bekrefter",
      "q6 Hva er målet for tiltaket?",
      "q7 Tilleggsinformasjon",
      "q8 Oppstart",
    ]);
  });

  it("should write one row per report, sorted by partnership, with typed values", async () => {
    const sheet = (await readWorkbook()).getWorksheet("Svar");
    if (!sheet) throw new Error("no Svar sheet");
    expect(sheet.rowCount).toBe(4); // header + 3 reports (drafts included, marked Utkast)
    // Norwegian order: Bærum, Øksnes, Ålesund (æ ø å last)
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([
      "Bærum kommune",
      "Øksnes kommune",
      "Ålesund skole",
    ]);

    const draft = sheet.getRow(2);
    expect(draft.getCell(6).value).toBe("Utkast");
    expect(draft.getCell(7).value).toBeNull();
    expect(draft.getCell(15).value).toBe(7);

    const oksnes = sheet.getRow(3);
    expect(rowValues(sheet, 3).slice(0, 6)).toEqual([
      "Øksnes kommune",
      "Kommune",
      "Offentlig",
      "Lesing på tvers",
      "Kari Nordmann",
      "Levert",
    ]);
    // The cell shows Oslo wall clock time: 13:05 (its UTC fields are the Oslo time).
    const submitted = oksnes.getCell(7).value as Date;
    expect(submitted).toBeInstanceOf(Date);
    expect(submitted.toISOString()).toBe("2025-01-14T13:05:00.000Z");
    expect(oksnes.getCell(7).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(oksnes.getCell(15).value).toBe(3);
    expect(oksnes.getCell(16).value).toBe(1300000);
    expect(oksnes.getCell(16).numFmt).toBe("#,##0");
    expect(oksnes.getCell(17).value).toBe("Kartlegging; Annet: Evaluering");
    expect(oksnes.getCell(18).value).toBe("I stor grad");
    expect(oksnes.getCell(19).value).toBe("Tospråklig; samisk og norsk");
    expect(oksnes.getCell(20).value).toBe("Ja");
    // A text that looks like a formula stays a plain string in the xlsx (no formula cell).
    expect(oksnes.getCell(21).value).toBe('=HYPERLINK("http://x")');
    expect(oksnes.getCell(21).type).toBe(ExcelJS.ValueType.String);
    expect(oksnes.getCell(22).value).toBe('Linje 1\nLinje 2 med "sitat"');
    expect(oksnes.getCell(23).value).toBe("Høst 2024");

    const alesund = sheet.getRow(4);
    expect((alesund.getCell(7).value as Date).toISOString()).toBe("2025-07-01T00:30:00.000Z");
    expect(alesund.getCell(15).value).toBe(0); // a zero is written, not left empty
    expect(alesund.getCell(16).value).toBe(0);
    expect(alesund.getCell(20).value).toBe("Nei");
    expect(alesund.getCell(23).value).toBeNull();
  });

  it("should write N, Sum, Snitt, Median, Standardavvik and option percentages in Statistikk", async () => {
    const sheet = (await readWorkbook()).getWorksheet("Statistikk");
    if (!sheet) throw new Error("no Statistikk sheet");
    const rows: unknown[][] = [];
    // rows[i] is sheet row i + 1 (blank separator rows included)
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const find = (label: string) => rows.findIndex((r) => r[0] === label);

    expect(rows[0]).toEqual(["Rapportering – test"]);
    expect(rows[1]).toEqual(["Leverte rapporter", 2]);
    expect(rows[2]).toEqual(["Rapporter i alt", 3]);

    // q2 over the two submitted reports: 1 300 000 and 0 -> N 2, sum 1 300 000, mean 650 000, median 650 000,
    // sample stdev sqrt(2 * 650000^2 / 1) = 919 238.815… (the draft is not counted). The cells hold the raw
    // values; a whole-number format shows them the way the county prints them (919 239).
    const q2 = find("q2 Egenfinansiering (kr) (2 Svar)");
    expect(q2).toBeGreaterThan(0);
    expect(rows.slice(q2 + 1, q2 + 6)).toEqual([
      ["Svar", 2],
      ["Ikke angitt", 0],
      ["Sum", 1300000],
      ["Snitt", 650000],
      ["Median", 650000],
    ]);
    expect(rows[q2 + 6]?.[0]).toBe("Standardavvik");
    expect(rows[q2 + 6]?.[1]).toBeCloseTo(650000 * Math.SQRT2, 6);

    // q1: 3 and 0 -> mean 1.5, median 1.5, stdev sqrt(4.5) = 2.1213…, kept unrounded with format #,##0
    const q1 = find("q1 Hvor mange skoler har deltatt? (2 Svar)");
    expect(rows.slice(q1 + 3, q1 + 6)).toEqual([
      ["Sum", 3],
      ["Snitt", 1.5],
      ["Median", 1.5],
    ]);
    expect(rows[q1 + 6]?.[1]).toBeCloseTo(Math.sqrt(4.5), 12);
    for (const offset of [3, 4, 5, 6]) {
      expect(sheet.getRow(q1 + 1 + offset).getCell(2).numFmt).toBe("#,##0"); // Sum … Standardavvik
    }

    // q3 overall of respondents: Kartlegging 1 of 2 = 50 %, Planlegging 50 %, Gjennomføring 0 %, Andre svar
    // 50 %. Per category of that category's ticks: Kommune (Øksnes) ticked Kartlegging and Annet (2 ticks ->
    // 50 % each), Skole (Ålesund) ticked Planlegging (1 tick -> 100 %).
    const q3 = find("q3 Hvilke faser? (2 Svar)");
    expect(rows[q3 + 3]).toEqual([
      "Alternativ",
      "Antall",
      "Prosent",
      "Kommune (1) antall",
      "Kommune prosent",
      "Skole (1) antall",
      "Skole prosent",
    ]);
    expect(rows.slice(q3 + 4, q3 + 9)).toEqual([
      ["Kartlegging", 1, 0.5, 1, 0.5, 0, 0],
      ["Planlegging", 1, 0.5, 0, 0, 1, 1],
      ["Gjennomføring", 0, 0, 0, 0, 0, 0],
      ["Andre svar", 1, 0.5, 1, 0.5, 0, 0],
      ["Kryss i alt", 3, undefined, 2, undefined, 1],
    ]);
    expect(sheet.getRow(q3 + 5).getCell(3).numFmt).toBe("0 %"); // Kartlegging, Prosent
    expect(sheet.getRow(q3 + 5).getCell(5).numFmt).toBe("0 %"); // Kartlegging, Kommune prosent

    // q7 (optional text): both answered; q8: Ålesund left it empty
    const q8 = find("q8 Oppstart (1 Svar)");
    expect(rows.slice(q8 + 1, q8 + 3)).toEqual([
      ["Svar", 1],
      ["Ikke angitt", 1],
    ]);
  });
});

describe("defuseFormula and csvField", () => {
  it("should prefix text starting with = + - @ tab or CR with an apostrophe", () => {
    expect(defuseFormula("=1+1")).toBe("'=1+1");
    expect(defuseFormula("+47 123")).toBe("'+47 123");
    expect(defuseFormula("-5")).toBe("'-5");
    expect(defuseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(defuseFormula("\t=1")).toBe("'\t=1");
    expect(defuseFormula("Mål = 3")).toBe("Mål = 3");
  });

  it("should quote fields with ; quote CR or LF and double quotes", () => {
    expect(csvField("enkel")).toBe("enkel");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('si "hei"')).toBe('"si ""hei"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvField("a,b")).toBe("a,b");
  });
});

describe("buildCsv", () => {
  const csv = buildCsv(form, reports);
  const text = csv.toString("utf8");

  it("should start with a UTF-8 BOM and end lines with CRLF", () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith("\r\n")).toBe(true);
    // Remove quoted fields (which may hold bare LF) before checking that every line break is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, "");
    expect(unquoted.match(/\r\n/g)?.length).toBe(4); // header + 3 reports
    expect(unquoted.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("should use semicolons and keep æøå", () => {
    const header = text.slice(1).split("\r\n")[0];
    expect(header?.split(";").slice(0, 8)).toEqual([
      "Partnerskap",
      "Kategori",
      "Sektor",
      "Tiltak",
      "Kontaktperson",
      "Status",
      "Levert (norsk tid)",
      "Saksnummer",
    ]);
    expect(text).toContain(
      "Øksnes kommune;Kommune;Offentlig;Lesing på tvers;Kari Nordmann;Levert;2025-01-14 13:05;",
    );
    expect(text).toContain("Ålesund skole;Skole;Privat;Vurdering;");
    expect(text).toContain("Bærum kommune");
  });

  it("should write numbers without thousands separators and zeros as 0", () => {
    expect(text).toContain(";2025-01-14 13:05;;kari@example.no;;;;;;3;1300000;");
    expect(text).toContain(";2025-07-01 00:30;;kari@example.no;;;;;;0;0;");
  });

  it("should quote fields with separators, quotes and newlines", () => {
    expect(text).toContain(';"Tospråklig; samisk og norsk";');
    expect(text).toContain(';"Linje 1\nLinje 2 med ""sitat""";');
    expect(text).toContain(';"Kartlegging; Annet: Evaluering";');
  });

  it("should defuse formulas in text cells", () => {
    expect(text).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(text).toContain(";'-5 elever, +3 lærere;");
    expect(text).toContain(";'@alle;");
  });

  it("should parse back into the same fields", () => {
    const rows = parseCsv(text.slice(1));
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true);
    const oksnes = rows.find((r) => r[0] === "Øksnes kommune");
    expect(oksnes?.[21]).toBe('Linje 1\nLinje 2 med "sitat"');
    expect(oksnes?.[18]).toBe("Tospråklig; samisk og norsk");
  });
});

/** Minimal RFC 4180 parser (";" separator) for the round trip test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}
