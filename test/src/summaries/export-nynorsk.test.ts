/** Exports in the reader's language (issue 15): CSV headers and option texts, the samarbeidsforum document, the link. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { formIn } from "../../../src/questionnaire/form-lang.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";
import { buildCsv, buildWorkbook, STATISTICS_SHEET } from "../../../src/summaries/export.ts";
import { signExportToken, verifyExportToken } from "../../../src/summaries/export-link.ts";
import { questionStats } from "../../../src/summaries/question-stats.ts";
import { buildSamarbeidsforumDoc } from "../../../src/summaries/samarbeidsforum-doc.ts";
import { form2021, makeReport, stored } from "../reports/fixtures.ts";

const round: RoundDoc = {
  id: "vestland-2021",
  county: "Vestland",
  formId: form2021.id,
  reportingYear: 2021,
  deadline: "2022-01-15T22:59:00.000Z",
  staffIds: [],
  createdAt: "2021-09-01T10:00:00.000Z",
};

const report: ReportDoc = makeReport(form2021, {
  roundId: round.id,
  partnership: { id: "p-1", name: "Fjordnettverket", category: "Skole", sector: "Offentlig" },
  status: "submitted",
  submittedAt: "2022-01-10T10:00:00.000Z",
  answers: stored({ "5.3": { value: "noen-grad", comment: "Tospråklege modular" } }),
});

describe("exports in nynorsk", () => {
  it("should write CSV headers, question texts, categories and option texts in nynorsk; bokmål unchanged", () => {
    const nn = buildCsv(form2021, [report], {}, "nn").toString("utf8");
    const header = nn.split("\r\n")[0] ?? nn.split("\n")[0] ?? "";
    expect(header).toContain("Partnarskap");
    expect(header).toContain("Opna på nytt – grunngiving");
    expect(header).toContain("5.3 I kva grad er samiske perspektiv tekne vare på");
    expect(nn).toContain("I nokon grad");
    expect(nn).toContain("Skule");
    const nb = buildCsv(form2021, [report]).toString("utf8");
    expect(nb).toContain("Partnerskap");
    expect(nb).toContain("I noen grad");
    expect(nb).not.toContain("Partnarskap");
  });

  it("should label the workbook's statistics sheet in nynorsk, categories included; bokmål unchanged", async () => {
    const firstColumn = async (lang: "nb" | "nn") => {
      const form = lang === "nn" ? formIn(form2021, "nn") : form2021;
      const buffer = await buildWorkbook(form2021, [report], questionStats(form, [report], lang), {}, lang);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      const rows: string[] = [];
      workbook.getWorksheet(STATISTICS_SHEET)?.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map(String).join(" | "));
      });
      return rows;
    };
    const nn = await firstColumn("nn");
    expect(nn).toContain("Leverte rapportar | 1");
    expect(nn).toContainEqual(expect.stringMatching(/^Ikkje oppgitt \| \d+$/));
    expect(nn).toContainEqual(
      expect.stringMatching(/^Alternativ \| Tal \| Prosent \| Skule \(1\) tal \| Skule prosent$/),
    );
    expect(nn).toContainEqual(expect.stringMatching(/^5\.3 I kva grad .* \(1 svar\)$/));
    expect(nn.join("\n")).not.toMatch(/Ikke angitt|Antall|Rapporter i alt/);
    const nb = await firstColumn("nb");
    expect(nb).toContain("Leverte rapporter | 1");
    expect(nb).toContainEqual(
      expect.stringMatching(/^Alternativ \| Antall \| Prosent \| Skole \(1\) antall \| Skole prosent$/),
    );
  });

  it("should write the samarbeidsforum document in nynorsk", async () => {
    const buffer = await buildSamarbeidsforumDoc(
      round,
      form2021,
      [report],
      new Date("2022-01-20T10:00:00.000Z"),
      "nn",
    );
    const xml = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Oppsummering av rapporteringa – Vestland 2021");
    expect(xml).toContain("1 levert rapportering per");
    expect(xml).toContain("I nokon grad");
  });

  it("should carry nynorsk in the signed link, and keep a bokmål link as before", () => {
    const secret = "s".repeat(32);
    const expiresAt = Date.now() + 60_000;
    const nn = signExportToken({ roundId: round.id, format: "csv", expiresAt, lang: "nn" }, secret);
    expect(verifyExportToken(nn, secret, Date.now())?.lang).toBe("nn");
    const nb = signExportToken({ roundId: round.id, format: "csv", expiresAt, lang: "nb" }, secret);
    expect(nb).toBe(signExportToken({ roundId: round.id, format: "csv", expiresAt }, secret));
    expect(verifyExportToken(nb, secret, Date.now())?.lang).toBeUndefined();
  });
});
