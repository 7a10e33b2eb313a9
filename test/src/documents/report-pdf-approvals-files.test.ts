/**
 * The report PDF lists the approvals (approval before sending) and the attached files, read back with
 * pdftotext (Debian poppler-utils): who approved and when (Oslo time), an approval of an earlier
 * version, who has not approved, the comments; each file's name, size and who attached it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportPdf } from "../../../src/documents/report-pdf.ts";
import { completeContents, contactActor, form2021, makeReport, stored } from "../reports/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "report-pdf-approvals-"));
const flat = (s: string) => s.replace(/\s+/g, " ").trim();
const AT = "2026-01-14T09:30:00.000Z"; // 10:30 in Oslo

function pdfText(pdf: Buffer): string {
  const file = join(dir, "r.pdf");
  writeFileSync(file, pdf);
  return flat(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
}

const by = (id: string, name: string) => ({ id, name });
const report = makeReport(form2021, {
  answers: stored(completeContents(form2021), contactActor, 5),
  revision: 7,
  approvers: [
    {
      email: "meganb@example.com",
      name: "Megan Bowen-Ørstavik",
      requestedAt: AT,
      requestedBy: contactActor.id,
      approved: { at: AT, by: by("m", "Megan Bowen-Ørstavik"), rev: 5 },
      comment: { text: "Godt skrevet – «del 4» er fin.", at: AT, by: by("m", "Megan"), rev: 5 },
    },
    {
      email: "adelev@example.com",
      requestedAt: AT,
      requestedBy: contactActor.id,
      approved: { at: AT, by: by("a", "Adele Vance"), rev: 3 },
    },
    { email: "isaiahl@example.com", name: "Isaiah Langer", requestedAt: AT, requestedBy: contactActor.id },
  ],
});

describe("reportPdf with approvals", () => {
  it("lists each approver with their state, time and comment", async () => {
    const text = pdfText(await reportPdf({ form: form2021, report, generatedAt: new Date(AT) }));
    expect(text).toContain("Godkjenning i partnerskapet");
    expect(text).toContain("Megan Bowen-Ørstavik (meganb@example.com): godkjent 14. januar 2026 kl. 10:30");
    expect(text).toContain("Kommentar 14. januar 2026 kl. 10:30: Godt skrevet – «del 4» er fin.");
    expect(text).toContain(
      "adelev@example.com: godkjente en tidligere versjon 14. januar 2026 kl. 10:30 (svarene er endret siden)",
    );
    expect(text).toContain("Isaiah Langer (isaiahl@example.com): har ikke godkjent");
    // Before the answers: the approvals sit with the header facts.
    expect(text.indexOf("Godkjenning i partnerskapet")).toBeLessThan(text.indexOf("Del 1"));
  });

  it("has no approval heading when nobody was asked", async () => {
    const none = await reportPdf({
      form: form2021,
      report: { ...report, approvers: [] },
      generatedAt: new Date(AT),
    });
    expect(pdfText(none)).not.toContain("Godkjenning i partnerskapet");
  });
});

describe("reportPdf with attachments", () => {
  const file = (id: string, name: string, bytes: number) => ({
    id,
    name,
    contentType: "application/pdf",
    bytes,
    blob: `b/${id}`,
    by: by("k", "Kari Nordmann"),
    at: AT,
  });
  const withFiles = {
    ...report,
    attachments: [
      file("f1", "Godkjenning fra eierne – 2025.pdf", 1_468_006),
      file("f2", "Budsjett_*utkast*.xlsx", 327_680),
    ],
  };

  it("lists each file with its size and who attached it, with the header facts, in both languages", async () => {
    const text = pdfText(await reportPdf({ form: form2021, report: withFiles, generatedAt: new Date(AT) }));
    expect(text).toContain("Vedlegg (2)");
    expect(text).toContain("Godkjenning fra eierne – 2025.pdf (1,4 MB), lagt ved av Kari Nordmann");
    expect(text).toContain("Budsjett_*utkast*.xlsx (320 kB), lagt ved av Kari Nordmann");
    expect(text.indexOf("Vedlegg (2)")).toBeLessThan(text.indexOf("Del 1"));
    // The attachments question with no text typed says so instead of «Ikke besvart».
    const q = "Last opp eventuelle vedlegg dersom statsforvalteren har bedt om dette.";
    const noText = pdfText(
      await reportPdf({
        form: form2021,
        report: {
          ...withFiles,
          answers: Object.fromEntries(Object.entries(withFiles.answers).filter(([id]) => id !== "7.2")),
        },
        generatedAt: new Date(AT),
      }),
    );
    expect(noText).toContain(`${q} Ingen tekst, men 2 vedlegg`);
    const nn = pdfText(
      await reportPdf({ form: form2021, report: withFiles, generatedAt: new Date(AT), lang: "nn" }),
    );
    expect(nn).toContain("Budsjett_*utkast*.xlsx (320 kB), lagd ved av Kari Nordmann");
  });

  it("has no file heading when no file was sent", async () => {
    const text = pdfText(await reportPdf({ form: form2021, report, generatedAt: new Date(AT) }));
    expect(text).not.toContain("Vedlegg (");
  });
});
