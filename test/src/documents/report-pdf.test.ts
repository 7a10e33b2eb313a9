/**
 * The report PDF read back with pdftotext and pdffonts (Debian poppler-utils): every answer of a whole
 * filled 2021 report is in the text, in the form's order, with the header facts; the fonts are embedded.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportPdf } from "../../../src/documents/report-pdf.ts";
import { formatAnswer } from "../../../src/questionnaire/answers.ts";
import {
  completeContents,
  contactActor,
  form2021,
  makeReport,
  stored,
  validRaw,
} from "../reports/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "report-pdf-"));

function pdfToText(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** Whitespace (line breaks from wrapping included) folded to single spaces. */
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

const submitted = makeReport(form2021, {
  status: "submitted",
  partnership: {
    id: "p-1",
    name: "Kompetanseløftet Sør-Hålogaland",
    category: "Kommune",
    sector: "Offentlig",
  },
  tiltak: { id: "t-1", name: "Lærende nettverk i språk og lesing", caseNumber: "2025/1234-5" },
  answers: stored(completeContents(form2021, (q) => validRaw(q, 3))),
  submittedAt: "2026-01-14T13:05:00.000Z",
  submittedBy: { id: contactActor.id, name: "Kari Kontakt-Ødegård" },
  receipt: "DEKOM-2025-ÆØÅ1",
});

describe("reportPdf", () => {
  it("holds every answer of a whole filled 2021 report, in order, with the header facts", async () => {
    const pdf = await reportPdf({
      form: form2021,
      report: submitted,
      generatedAt: new Date("2026-01-15T08:00:00Z"),
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = flat(pdfToText(pdf, "submitted.pdf"));
    for (const fact of [
      "Partnerskap: Kompetanseløftet Sør-Hålogaland",
      "Tiltak: Lærende nettverk i språk og lesing",
      "Saksnummer: 2025/1234-5",
      "Status: Sendt inn",
      "Sendt inn: 14. januar 2026 kl. 14:05 av Kari Kontakt-Ødegård",
      "Kvitteringsreferanse: DEKOM-2025-ÆØÅ1",
    ])
      expect(text).toContain(fact);
    let from = 0;
    let answers = 0;
    for (const section of form2021.sections)
      for (const q of section.questions) {
        const a = submitted.answers[q.id];
        expect(a, q.id).toBeDefined();
        if (a === undefined) continue;
        const expected = flat(formatAnswer(q, a));
        const at = text.indexOf(expected, from);
        expect(at, `${q.id}: ${expected}`).toBeGreaterThanOrEqual(0);
        from = at;
        if (a.comment !== undefined) expect(text).toContain(flat(`Kommentar: ${a.comment}`));
        answers += 1;
      }
    expect(answers).toBe(form2021.sections.reduce((n, s) => n + s.questions.length, 0));
  });

  it("says a draft is a draft and marks the unanswered questions", async () => {
    const draft = makeReport(form2021, { tiltak: { id: "t-2", name: "Tiltak uten saksnummer" } });
    const text = flat(
      pdfToText(await reportPdf({ form: form2021, report: draft, generatedAt: new Date() }), "draft.pdf"),
    );
    expect(text).toContain("Status: Utkast (ikke sendt inn)");
    expect(text).toContain("Saksnummer: –");
    expect(text).not.toContain("Sendt inn:");
    expect(text.split("Ikke besvart").length - 1).toBe(
      form2021.sections.reduce((n, s) => n + s.questions.length, 0),
    );
  });

  it("embeds its fonts", async () => {
    const pdf = await reportPdf({ form: form2021, report: submitted, generatedAt: new Date() });
    const file = join(dir, "fonts.pdf");
    writeFileSync(file, pdf);
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.some((l) => l.includes("DejaVuSans"))).toBe(true);
    // Columns: name type encoding emb sub uni object ID; every font used is embedded.
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });
});
