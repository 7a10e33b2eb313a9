/**
 * "Last ned som PDF" end to end over HTTP against the real app (local Cosmos through the harness): the
 * contact's card action gives a signed link, the link downloads the report's PDF (read back with
 * pdftotext); someone without access gets no link; tampered and expired links get a bare 404; the staff
 * zip link holds one PDF per submitted report and nothing of the drafts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentService } from "../../src/documents/document-service.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { completeContents, form2024, makeReport, stored } from "../src/reports/fixtures.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";

const NOW = "2026-01-14T12:00:00.000Z";
const SECRET = "document-test-secret-0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "document-route-"));
const contact = { id: "29:contact", aadObjectId: "aad-contact", name: "Kari Kontakt" };
const stranger = { id: "29:stranger", aadObjectId: "aad-stranger", name: "Per Fremmed" };

const round: RoundDoc = {
  id: "agder-2025",
  county: "Agder",
  formId: form2024.id,
  reportingYear: 2025,
  deadline: "2026-01-15T22:59:00.000Z",
  staffIds: [],
  createdAt: NOW,
};
const answers = stored(completeContents(form2024));
const draft = makeReport(form2024, {
  id: "doc-draft",
  roundId: round.id,
  tiltak: { id: "t-d", name: "Utkast om lesing", caseNumber: "2025/77-1" },
  answers,
});
const sent = (i: number) =>
  makeReport(form2024, {
    id: `doc-sent-${i}`,
    roundId: round.id,
    partnership: { id: `p-${i}`, name: `Partnerskap Ås ${i}`, category: "Kommune", sector: "Offentlig" },
    tiltak: { id: `t-${i}`, name: `Innsendt tiltak ${i}`, caseNumber: `2025/10${i}-1` },
    status: "submitted",
    answers,
    submittedAt: "2026-01-10T09:30:00.000Z",
    submittedBy: { id: "aad-contact", name: "Kari Kontakt" },
    receipt: `DEKOM-${i}`,
  });

const pdfText = (pdf: Buffer, name: string) => {
  writeFileSync(join(dir, name), pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, name), "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );
};

describe("report PDF links", () => {
  let h: Harness;
  /** The link as the running server answers it (publicBaseUrl says localhost; the server is on 127.0.0.1). */
  const local = (url: string) => {
    const u = new URL(url);
    return `${h.running.server.url}${u.pathname}`;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { CLOCK_NOW: NOW, JOBS_SECRET: SECRET } });
    await h.running.app.repos.rounds.upsert(round);
    for (const r of [draft, sent(1), sent(2)]) await h.running.app.repos.reports.upsert(r);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("gives the contact a link to the draft's PDF, which downloads the report", async () => {
    const res = await h.execute(contact, "report.pdf", { roundId: round.id, reportId: draft.id });
    expect(res.status).toBe(200);
    const card = (res.body as { value: object }).value;
    const open = (card as { actions: { type: string; url?: string }[] }).actions.find(
      (a) => a.type === "Action.OpenUrl",
    );
    expect(open?.url).toMatch(/\/api\/documents\//);
    const download = await fetch(local(String(open?.url)));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("rapport-2025-77-1.pdf");
    const text = pdfText(Buffer.from(await download.arrayBuffer()), "draft.pdf");
    expect(text).toContain("Tiltak: Utkast om lesing");
    expect(text).toContain("Status: Utkast (ikke sendt inn)");

    const tampered = String(open?.url).replace(/.(?=[^.]*$)/, "x");
    expect((await fetch(local(tampered))).status).toBe(404);
  });

  it("gives someone without access no link", async () => {
    const res = await h.execute(stranger, "report.pdf", { roundId: round.id, reportId: draft.id });
    expect(JSON.stringify(res.body)).not.toContain("/api/documents/");
    expect(JSON.stringify(res.body)).toContain("ikke tilgang");
  });

  it("refuses an expired link", async () => {
    const { url } = h.running.app.documents.roundZipLink(round.id);
    const app = h.running.app;
    const at = (minutes: number, linkSecret = SECRET) =>
      new DocumentService({
        reports: app.repos.reports,
        rounds: app.repos.rounds,
        service: app.reports,
        forms: app.forms,
        clock: () => new Date(Date.parse(NOW) + minutes * 60_000),
        linkSecret,
        publicBaseUrl: app.config.publicBaseUrl,
      });
    const token = decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));
    expect(await at(14).download(token)).toBeDefined(); // in time
    expect(await at(16).download(token)).toBeUndefined(); // 16 minutes later
    expect(await at(1, "another-secret-0123456789abcdef").download(token)).toBeUndefined();
  });

  it("zips one PDF per submitted report of the round for staff", async () => {
    const { url } = h.running.app.documents.roundZipLink(round.id);
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(["Partnerskap-As-1-2025-101-1.pdf", "Partnerskap-As-2-2025-102-1.pdf"]);
    const first = zip.file(names[0] ?? "");
    const text = pdfText(await (first ? first.async("nodebuffer") : Promise.reject()), "zip-1.pdf");
    expect(text).toContain("Partnerskap: Partnerskap Ås 1");
    expect(text).toContain("Kvitteringsreferanse: DEKOM-1");
  });
});
