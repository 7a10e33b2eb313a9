/**
 * A round with known values, checked against figures computed by hand with the county's conventions
 * (SUMMARY-SPEC §2): odd and even N, half-way cases (x.5) rounded half up to whole numbers, choice
 * percentages of respondents overall and of ticks per category. The same round is read back from the
 * .xlsx export with exceljs: raw values with whole-number and percent formats.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { overviewSectionCard } from "../../cards/overview.ts";
import { type CardJson, shorten } from "../../cards/render.ts";
import type { AnswerContent } from "../../src/questionnaire/types.ts";
import type { ReportDoc, RespondentCategory } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { buildWorkbook } from "../../src/summaries/export.ts";
import { questionStats } from "../../src/summaries/statistics.ts";
import { form2024 as form, makeReport, stored } from "../src/reports/fixtures.ts";
import { isQuestionHeading, textOf } from "./overview-support.ts";

const round: RoundDoc = {
  id: "nordland-2025",
  county: "Nordland",
  formId: form.id,
  reportingYear: 2025,
  deadline: "2026-01-15T22:59:00.000Z",
  staffIds: [],
  createdAt: "2025-09-01T10:00:00.000Z",
};
const NOW = new Date("2026-01-20T10:00:00.000Z");
const q17 = form.sections.flatMap((s) => s.questions).find((q) => q.id === "q17")?.options ?? [];
// The option texts (what staff read) and the option ids (what the reports store).
const [a = "", b = "", c = "", d = ""] = q17.map((o) => o.text);
const [idA = "", idB = "", idC = "", idD = ""] = q17.map((o) => o.id);
const s = (option: string) => shorten(option, 32);

function reportOf(
  i: number,
  category: RespondentCategory,
  answers: Record<string, AnswerContent>,
): ReportDoc {
  return makeReport(form, {
    id: `r-${i}`,
    roundId: round.id,
    partnership: { id: `p-${i}`, name: `Partnerskap ${i}`, category, sector: "Offentlig" },
    tiltak: { id: `t-${i}`, name: `Tiltak ${i}` },
    coEditors: [],
    status: "submitted",
    revision: 2,
    answers: stored(answers),
    submittedAt: "2026-01-10T10:00:00.000Z",
  });
}

// Five submitted reports (Kommune 0-2, Skole 3-4) and one draft that never counts.
const reports: ReportDoc[] = [
  reportOf(0, "Kommune", {
    q04: { value: 1 },
    q05: { value: 1 },
    q11: { value: 210_000 },
    q17: { value: [idA, idB] },
  }),
  reportOf(1, "Kommune", {
    q04: { value: 2 },
    q05: { value: 2 },
    q11: { value: 210_125 },
    q17: { value: [idA, idB, idC] },
  }),
  reportOf(2, "Kommune", {
    q04: { value: 2 },
    q05: { value: 3 },
    q11: { value: 0 },
    q17: { value: [idA, idC, idD] },
  }),
  reportOf(3, "Skole", {
    q04: { value: 3 },
    q05: { value: 5 },
    q11: { value: 420_125 },
    q17: { value: [idA] },
  }),
  reportOf(4, "Skole", { q04: { value: 3 }, q17: { value: [idB] } }),
  { ...reportOf(5, "Skole", { q04: { value: 99 }, q11: { value: 9_999_999 } }), status: "draft" },
];

type Node = Record<string, unknown>;
const factsOf = (n: Node | undefined): Record<string, string> =>
  Object.fromEntries(((n?.facts ?? []) as { title: string; value: string }[]).map((f) => [f.title, f.value]));

function question(card: CardJson, label: string): Node[] {
  const body = card.body as Node[];
  const start = body.findIndex((n) => isQuestionHeading(n) && textOf(n).startsWith(`${label} `));
  if (start < 0) throw new Error(`no question ${label}`);
  const end = body.findIndex((n, i) => i > start && isQuestionHeading(n));
  return body.slice(start, end < 0 ? undefined : end);
}

function section(id: string): CardJson {
  const card = overviewSectionCard({ round, form, reports, sectionId: id, now: NOW });
  if (!card) throw new Error(`no section ${id}`);
  return card;
}

describe("the overview against figures computed by hand", () => {
  it("should show a count question with odd N as whole numbers, half up", () => {
    // q04: 1, 2, 2, 3, 3 (N 5): Sum 11; Snitt 2.2 -> 2; Median 2; deviations -1.2, -0.2, -0.2, 0.8, 0.8,
    // squares 2.8, / 4 = 0.7, sqrt 0.837 -> 1. Kommune 1, 2, 2: Sum 5, Snitt 1.67 -> 2; Skole 3, 3: 6, 3.
    const q = question(section("s2"), "4.");
    expect(textOf(q[0])).toMatch(/\(5 Svar\)$/);
    expect(factsOf(q[1])).toEqual({ Svar: "5", Sum: "11", Snitt: "2", Median: "2", Standardavvik: "1" });
    expect(factsOf(q[2])).toEqual({
      "Kommune (3 Svar)": "Sum 5 · Snitt 2",
      "Skole (2 Svar)": "Sum 6 · Snitt 3",
    });
  });

  it("should show a count question with even N and a half-way median as whole numbers, half up", () => {
    // q05: 1, 2, 3, 5 (N 4): Sum 11; Snitt 2.75 -> 3 (the county's "Snitt: 3"); Median (2 + 3) / 2 = 2.5 -> 3;
    // deviations -1.75, -0.75, 0.25, 2.25, squares 8.75, / 3 = 2.917, sqrt 1.708 -> 2.
    const q = question(section("s2"), "5.");
    expect(factsOf(q[1])).toEqual({ Svar: "4", Sum: "11", Snitt: "3", Median: "3", Standardavvik: "2" });
  });

  it("should show kroner with a half-way mean and median rounded half up", () => {
    // q11: 210 000, 210 125, 0, 420 125 (N 4): Sum 840 250; Snitt 210 062.5 -> 210 063; Median
    // (210 000 + 210 125) / 2 = 210 062.5 -> 210 063; deviations ±62.5 and ±210 062.5, squares
    // 88 252 515 625, / 3 = 29 417 505 208.3, sqrt 171 515.32 -> 171 515.
    // Kommune 210 000 + 210 125 + 0 = 420 125, Snitt 140 041.67 -> 140 042; Skole 420 125.
    const q = question(section("s3"), "11.");
    expect(factsOf(q[1])).toEqual({
      Svar: "4",
      Sum: "840 250 kr",
      Snitt: "210 063 kr",
      Median: "210 063 kr",
      Standardavvik: "171 515 kr",
    });
    expect(factsOf(q[2])).toEqual({
      "Kommune (3 Svar)": "Sum 420 125 kr · Snitt 140 042 kr",
      "Skole (1 Svar)": "Sum 420 125 kr · Snitt 420 125 kr",
    });
    expect((section("s3").body as Node[]).map((n) => n.text)).toContain("Ikke angitt: 1");
  });

  it("should give multichoice percentages of respondents overall and of ticks per category", () => {
    // Overall of 5 respondents: a 4 (80 %), b 3 (60 %), c 2 (40 %), d 1 (20 %).
    // Kommune ticked 8 times: a 3 (37.5 -> 38 %), b 2 (25 %), c 2 (25 %), d 1 (12.5 -> 13 %); a category
    // line names 3 options (shortened to 32 characters) and sums the rest.
    // Skole ticked twice: a 1 (50 %), b 1 (50 %).
    const q = question(section("s3"), "17.");
    const chart = q[1] as Node;
    expect(Object.values(factsOf(chart.fallback as Node))).toEqual([
      "4 (80 %)",
      "3 (60 %)",
      "2 (40 %)",
      "1 (20 %)",
    ]);
    expect(factsOf(q[2])).toEqual({
      "Kommune (3 Svar)": `${s(a)} 3 (38 %) · ${s(b)} 2 (25 %) · ${s(c)} 2 (25 %) · Øvrige 1 alternativ 1 (13 %)`,
      "Skole (2 Svar)": `${s(a)} 1 (50 %) · ${s(b)} 1 (50 %)`,
    });
  });
});

describe("the .xlsx against the same figures", () => {
  async function statisticsRows(): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
    const buffer = await buildWorkbook(form, reports, questionStats(form, reports));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Statistikk");
    if (!sheet) throw new Error("no Statistikk sheet");
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return { rows, sheet };
  }
  const at = (rows: unknown[][], id: string) => rows.findIndex((r) => String(r[0]).startsWith(`${id} `));

  it("should keep the raw values with a whole-number format", async () => {
    const { rows, sheet } = await statisticsRows();
    const q05 = at(rows, "q05");
    expect(rows.slice(q05 + 1, q05 + 6)).toEqual([
      ["Svar", 4],
      ["Ikke angitt", 1],
      ["Sum", 11],
      ["Snitt", 2.75],
      ["Median", 2.5],
    ]);
    expect(rows[q05 + 6]?.[1]).toBeCloseTo(Math.sqrt(8.75 / 3), 12);
    const q11 = at(rows, "q11");
    expect(rows.slice(q11 + 3, q11 + 6)).toEqual([
      ["Sum", 840_250],
      ["Snitt", 210_062.5],
      ["Median", 210_062.5],
    ]);
    expect(rows[q11 + 6]?.[1]).toBeCloseTo(171_515.320_622_775, 6);
    for (const offset of [4, 5, 6, 7]) expect(sheet.getRow(q11 + offset).getCell(2).numFmt).toBe("#,##0");
  });

  it("should write percentages as fractions with a percent format, per category of ticks", async () => {
    const { rows, sheet } = await statisticsRows();
    const q17 = at(rows, "q17");
    expect(rows[q17 + 3]?.slice(3)).toEqual([
      "Kommune (3) antall",
      "Kommune prosent",
      "Skole (2) antall",
      "Skole prosent",
    ]);
    expect(rows.slice(q17 + 4, q17 + 8)).toEqual([
      [a, 4, 0.8, 3, 3 / 8, 1, 0.5],
      [b, 3, 0.6, 2, 2 / 8, 1, 0.5],
      [c, 2, 0.4, 2, 2 / 8, 0, 0],
      [d, 1, 0.2, 1, 1 / 8, 0, 0],
    ]);
    for (const cell of [3, 5, 7]) expect(sheet.getRow(q17 + 5).getCell(cell).numFmt).toBe("0 %");
  });
});
