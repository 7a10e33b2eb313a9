/**
 * The report PDF in nynorsk (issue 15), read back with pdftotext (Debian poppler-utils): the PDF's own
 * labels, the form's nynorsk question texts and a nynorsk option label; the bokmål PDF keeps its texts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signDocumentToken, verifyDocumentToken } from "../../../src/documents/document-link.ts";
import { reportPdf } from "../../../src/documents/report-pdf.ts";
import { form2021, makeReport, stored } from "../reports/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "report-pdf-nn-"));
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return flat(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
}

const report = makeReport(form2021, {
  answers: stored({ "5.3": { value: "noen-grad", comment: "Tospråklege modular" } }),
});
const generatedAt = new Date("2026-01-20T10:00:00.000Z");

describe("the report PDF in nynorsk", () => {
  it("should print its labels, the question texts and the option texts in nynorsk", async () => {
    const text = pdfText(await reportPdf({ form: form2021, report, generatedAt, lang: "nn" }), "nn");
    expect(text).toContain("Partnarskap");
    expect(text).toContain("Ikkje svara på");
    expect(text).toContain("I kva grad er samiske perspektiv tekne vare på");
    expect(text).toContain("I nokon grad");
    expect(text).not.toContain("I noen grad");
  });

  it("should keep bokmål when no language is given", async () => {
    const text = pdfText(await reportPdf({ form: form2021, report, generatedAt }), "nb");
    expect(text).toContain("Partnerskap");
    expect(text).toContain("I hvilken grad er samiske perspektiver ivaretatt");
    expect(text).toContain("I noen grad");
  });
});

describe("the document link's language", () => {
  const secret = "d".repeat(32);
  const expiresAt = Date.now() + 60_000;
  it("should carry nynorsk for a report and a round, and leave a bokmål token as before", () => {
    const nn = signDocumentToken(
      { kind: "report", roundId: "r", reportId: "p", lang: "nn" },
      expiresAt,
      secret,
    );
    expect(verifyDocumentToken(nn, secret, Date.now())).toEqual({
      kind: "report",
      roundId: "r",
      reportId: "p",
      lang: "nn",
    });
    const zip = signDocumentToken({ kind: "round", roundId: "r", lang: "nn" }, expiresAt, secret);
    expect(verifyDocumentToken(zip, secret, Date.now())).toEqual({ kind: "round", roundId: "r", lang: "nn" });
    const nb = signDocumentToken(
      { kind: "report", roundId: "r", reportId: "p", lang: "nb" },
      expiresAt,
      secret,
    );
    expect(nb).toBe(signDocumentToken({ kind: "report", roundId: "r", reportId: "p" }, expiresAt, secret));
    expect(verifyDocumentToken(nb, secret, Date.now())).not.toHaveProperty("lang");
  });
});
