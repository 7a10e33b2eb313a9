import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";
import { buildSamarbeidsforumDoc } from "../../../src/summaries/samarbeidsforum-doc.ts";
import { form2021, makeReport, stored } from "../reports/fixtures.ts";

const round: RoundDoc = {
  id: "troms-2021",
  county: "Troms og Finnmark",
  formId: form2021.id,
  reportingYear: 2021,
  deadline: "2022-01-15T22:59:00.000Z",
  staffIds: [],
  createdAt: "2021-09-01T10:00:00.000Z",
};
const long = "Målet er at alle ansatte skal ha god forståelse av tidlig innsats. ".repeat(40).trim();

function report(i: number, partnership: string, status: ReportDoc["status"] = "submitted"): ReportDoc {
  return makeReport(form2021, {
    id: `r-${i}`,
    roundId: round.id,
    partnership: { id: `p-${i}`, name: partnership, category: "Kommune", sector: "Offentlig" },
    tiltak: { id: `t-${i}`, name: `Tiltak ${i}`, caseNumber: `2021/${100 + i}` },
    status,
    answers: stored({
      "6.1": { value: i === 1 ? long : `Mål ${i}\u0007` },
      "5.3": { value: "stor-grad", comment: "Tospråklige moduler" },
      "4.2": { value: 120_000 },
    }),
    ...(status === "submitted" ? { submittedAt: "2022-01-10T10:00:00.000Z" } : {}),
  });
}

async function documentXml(reports: ReportDoc[]): Promise<string> {
  const buffer = await buildSamarbeidsforumDoc(
    round,
    form2021,
    reports,
    new Date("2022-01-20T10:00:00.000Z"),
  );
  const zip = await JSZip.loadAsync(buffer);
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? "")?.[1],
    numbered: (m[1] ?? "").includes("<w:numPr>"),
    text: [...(m[1] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  }));

describe("buildSamarbeidsforumDoc", () => {
  it("should hold one numbered heading per submitted report, sorted, and leave drafts out", async () => {
    const xml = await documentXml([
      report(2, "Vest-Finnmark"),
      report(1, "Midt-Finnmark"),
      report(3, "Alta", "draft"),
    ]);
    const headings = paragraphs(xml).filter((p) => p.style === "Heading1");
    expect(headings.map((h) => h.text)).toEqual(["Midt-Finnmark - Tiltak 1", "Vest-Finnmark - Tiltak 2"]);
    expect(headings.every((h) => h.numbered)).toBe(true);
    expect(paragraphs(xml)[0]?.text).toBe("Oppsummering av rapporteringene – Troms og Finnmark 2021");
  });

  it("should write the labelled paragraphs in full, with the comment after its answer", async () => {
    const texts = paragraphs(await documentXml([report(1, "Midt-Finnmark")])).map((p) => p.text);
    expect(texts).toContain(`Mål for tiltaket: ${long}`);
    expect(texts).toContain("Saksnummer: 2021/101");
    const sami = texts.indexOf("Samisk perspektiv: I stor grad");
    expect(sami).toBeGreaterThan(0);
    expect(texts[sami + 1]).toBe("Tospråklige moduler");
    expect(texts).toContain("Egenfinansiering: 120 000 kr");
  });

  it("should strip characters XML cannot hold and say so when nothing is submitted", async () => {
    const xml = await documentXml([report(2, "Vest-Finnmark")]);
    expect(xml).toContain("Mål 2");
    expect(xml).not.toContain("\u0007");
    const none = paragraphs(await documentXml([report(3, "Alta", "draft")]));
    expect(none.filter((p) => p.style === "Heading1")).toEqual([]);
    expect(none.map((p) => p.text)).toContain("Ingen rapporteringer er levert ennå.");
  });
});
