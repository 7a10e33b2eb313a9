/**
 * Attachments over HTTP against the real app: activities as Teams sends them (a file.download.info
 * attachment whose download URL is a small local HTTP server), the local Cosmos server and Azurite through
 * the real SDKs. Which report a file goes to, every refusal with its Norwegian reason, removing only an
 * attachment of the report and only as its editor, the held files of a choice bound to their sender, and
 * the staff-only link that streams the blob.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDoc } from "../../src/reports/types.ts";
import { type LocalAzurite, startLocalAzurite } from "../../src/storage/local-azurite.ts";
import { form2024, makeReport } from "../src/reports/fixtures.ts";
import { activityBase, type Harness, startHarness } from "../support/bot-harness.ts";
import { type FileServer, startFileServer } from "../support/playground-files.ts";

const kari = { id: "29:kari", aadObjectId: "aad-contact", name: "Kari Kontakt" };
const ola = { id: "29:ola", aadObjectId: "aad-coeditor", name: "Ola Medredaktør" };
const per = { id: "29:per", aadObjectId: "aad-stranger", name: "Per Fremmed" };
const siri = { id: "29:siri", aadObjectId: "aad-staff", name: "Siri Stab" };
const ROUND = "round-2025";
const PDF = Buffer.from("%PDF-1.7\nvedlegg æøå\n%%EOF\n");

describe("attachments sent in Teams", () => {
  let h: Harness;
  let files: FileServer;
  let azurite: LocalAzurite;
  const put = async (doc: ReportDoc) => {
    await h.running.app.repos.reports.upsert(doc);
  };
  const read = async (id: string) => (await h.running.app.repos.reports.get(ROUND, id))?.doc;
  const sendFiles = (user: typeof kari, list: { name: string; url: string }[]) =>
    h.post({
      ...activityBase(h.connector.url, user),
      type: "message",
      attachments: list.map((f) => ({
        contentType: "application/vnd.microsoft.teams.file.download.info",
        name: f.name,
        content: { downloadUrl: f.url, uniqueId: crypto.randomUUID(), fileType: f.name.split(".").pop() },
      })),
    });
  const sentSince = (from: number) => h.sentTexts(from).join("\n");
  const callsNow = () => h.connector.calls().length;

  beforeAll(async () => {
    azurite = await startLocalAzurite({ location: mkdtempSync(join(tmpdir(), "azurite-bot-")) });
    h = await startHarness({
      env: {
        BLOB_CONNECTION_STRING: azurite.connectionString,
        STAFF_AAD_IDS: "aad-staff",
        SEED_DEMO: "false",
      },
    });
    files = await startFileServer();
    await put(makeReport(form2024, { id: "r-1", roundId: ROUND }));
  });
  afterAll(async () => {
    await files?.close();
    await h?.close();
    await azurite?.stop();
  });

  it("should attach a file to the only draft, list it in a TextRun with «Fjern», and keep the blob with its metadata", async () => {
    const from = callsNow();
    await sendFiles(kari, [{ name: "Søknad *viktig*.pdf", url: files.put("s.pdf", PDF) }]);
    const sent = sentSince(from);
    expect(sent).toContain('{"type":"TextRun","text":"Søknad *viktig*.pdf"');
    expect(sent).toContain("er lagt ved.");
    expect(sent).toContain('"verb":"attachment.remove"');
    const report = await read("r-1");
    expect(report?.attachments).toHaveLength(1);
    const a = report?.attachments?.[0];
    expect(a).toMatchObject({
      name: "Søknad *viktig*.pdf",
      contentType: "application/pdf",
      bytes: PDF.length,
    });
    expect(a?.by).toEqual({ id: "aad-contact", name: "Kari Kontakt" });
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString)
      .getContainerClient("attachments")
      .getBlockBlobClient(a?.blob ?? "");
    expect((await blob.downloadToBuffer()).equals(PDF)).toBe(true);
    const meta = (await blob.getProperties()).metadata ?? {};
    expect(decodeURIComponent(meta.filename ?? "")).toBe("Søknad *viktig*.pdf");
    expect(meta.uploader).toBe("aad-contact");
    expect(meta.bytes).toBe(String(PDF.length));
    expect(meta.uploadedat).toBe(a?.at);
  });

  it("should say per file what was wrong (type, content, size, download) and keep the rest", async () => {
    const big = Buffer.concat([Buffer.from("%PDF"), Buffer.alloc(20 * 1024 * 1024)]);
    const from = callsNow();
    await sendFiles(ola, [
      { name: "program.exe", url: files.put("p.exe", Buffer.from("MZ")) },
      { name: "forkledd.pdf", url: files.put("f.pdf", Buffer.from("<html>")) },
      { name: "stor.pdf", url: files.put("big.pdf", big) },
      { name: "borte.pdf", url: "http://127.0.0.1:1/borte.pdf" },
      {
        name: "bilde.png",
        url: files.put("b.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1])),
      },
    ]);
    const sent = sentSince(from);
    expect(sent).toContain("ble ikke lagt ved: jeg tar bare imot PDF");
    expect(sent).toContain("ble ikke lagt ved: filen er større enn 20 MB.");
    expect(sent).toContain("ble ikke lagt ved: jeg fikk ikke hentet filen fra Teams.");
    const names = (await read("r-1"))?.attachments?.map((a) => a.name);
    expect(names).toEqual(["Søknad *viktig*.pdf", "bilde.png"]);
  });

  it("should take at most 10 per report", async () => {
    const url = files.put("many.pdf", PDF);
    const from = callsNow();
    await sendFiles(
      kari,
      Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.pdf`, url })),
    );
    expect((await read("r-1"))?.attachments).toHaveLength(10);
    expect(sentSince(from)).toContain("en rapportering kan ha høyst 10 vedlegg");
  });

  it("should remove only an attachment of this report, only for its editors", async () => {
    await put(
      makeReport(form2024, {
        id: "r-other",
        roundId: ROUND,
        contact: { name: "Per", email: "per@example.com", aadObjectId: "aad-stranger" },
        coEditors: [],
      }),
    );
    const before = (await read("r-1"))?.attachments ?? [];
    const first = before[0];
    if (first === undefined) throw new Error("no attachment");
    const data = { roundId: ROUND, reportId: "r-1", attachmentId: first.id, view: "section" };
    // Per's own report with this attachment's id: not one of its attachments, nothing removed anywhere.
    const from = callsNow();
    await h.execute(per, "attachment.remove", { ...data, reportId: "r-other" });
    expect(sentSince(from)).toContain("Det vedlegget er allerede fjernet.");
    const stranger = await h.execute(per, "attachment.remove", data);
    expect(JSON.stringify(stranger.body)).toContain("Du har ikke tilgang");
    expect((await read("r-1"))?.attachments).toHaveLength(10);

    const done = await h.execute(ola, "attachment.remove", { ...data, view: "review" });
    expect(JSON.stringify(done.body)).toContain("Vedlegg (9)");
    expect((await read("r-1"))?.attachments?.map((a) => a.id)).not.toContain(first.id);
    const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
      "attachments",
    );
    expect(await blobs.getBlockBlobClient(first.blob).exists()).toBe(false);
  });

  it("should ask which tiltak when there are several, and give the held files only to their sender", async () => {
    const lise = { id: "29:lise", aadObjectId: "aad-lise", name: "Lise Leder" };
    const hers = { name: "Lise Leder", email: "lise@example.com", aadObjectId: "aad-lise" };
    await put(makeReport(form2024, { id: "r-3", roundId: ROUND, contact: hers, coEditors: [] }));
    await put(makeReport(form2024, { id: "r-4", roundId: ROUND, contact: hers, coEditors: [] }));
    const from = callsNow();
    await sendFiles(lise, [{ name: "plan.pdf", url: files.put("plan.pdf", PDF) }]);
    const sent = sentSince(from);
    expect(sent).toContain("Hvilket tiltak gjelder filene?");
    expect(sent).toContain('"text":"Tiltak r-3"');
    const pendingId = /"pendingId":"([0-9a-f-]{36})"/.exec(sent)?.[1] ?? "";
    expect(pendingId).not.toBe("");
    const target = { roundId: ROUND, reportId: "r-4", pendingId };
    expect(JSON.stringify((await h.execute(ola, "attachment.target", target)).body)).toContain(
      "Filene ventet for lenge",
    );
    const chosen = await h.execute(lise, "attachment.target", target);
    expect(JSON.stringify(chosen.body)).toContain("plan.pdf");
    expect((await read("r-4"))?.attachments?.map((a) => a.name)).toEqual(["plan.pdf"]);
    expect((await read("r-3"))?.attachments).toBeUndefined();
    // Once only.
    expect(JSON.stringify((await h.execute(lise, "attachment.target", target)).body)).toContain(
      "Filene ventet for lenge",
    );
  });

  it("should answer in nynorsk when the partnership's målform is nynorsk", async () => {
    const nils = { id: "29:nils", aadObjectId: "aad-nils", name: "Nils Nynorsk" };
    const his = { name: "Nils Nynorsk", email: "nils@example.com", aadObjectId: "aad-nils" };
    const base = makeReport(form2024, { roundId: ROUND });
    const partnership = { ...base.partnership, malform: "nn" as const };
    await put(
      makeReport(form2024, { id: "r-nn-1", roundId: ROUND, contact: his, coEditors: [], partnership }),
    );
    await put(
      makeReport(form2024, { id: "r-nn-2", roundId: ROUND, contact: his, coEditors: [], partnership }),
    );
    const from = callsNow();
    await sendFiles(nils, [{ name: "plan.pdf", url: files.put("nn-plan.pdf", PDF) }]);
    const sent = sentSince(from);
    expect(sent).toContain("Kva tiltak gjeld filene?");
    expect(sent).toContain("Du har sendt éi fil. Vel tiltaket ho skal leggjast ved.");
    const pendingId = /"pendingId":"([0-9a-f-]{36})"/.exec(sent)?.[1] ?? "";
    const chosen = JSON.stringify(
      (await h.execute(nils, "attachment.target", { roundId: ROUND, reportId: "r-nn-2", pendingId })).body,
    );
    expect(chosen).toContain("» er lagd ved.");
    expect(chosen).not.toContain("er lagt ved.");
  });

  it("should attach to the report the person last opened, and refuse a submitted one", async () => {
    await put(makeReport(form2024, { id: "r-2", roundId: ROUND, tiltak: { id: "t-2", name: "Regning" } }));
    await h.execute(kari, "report.open", { roundId: ROUND, reportId: "r-2" });
    await sendFiles(kari, [{ name: "to.pdf", url: files.put("to.pdf", PDF) }]);
    expect((await read("r-2"))?.attachments?.map((a) => a.name)).toEqual(["to.pdf"]);
    const r2 = await read("r-2");
    if (r2 === undefined) throw new Error("missing");
    await put({ ...r2, status: "submitted" });
    const from = callsNow();
    await sendFiles(kari, [{ name: "tre.pdf", url: files.put("tre.pdf", PDF) }]);
    // r-2 is sent: the only draft left is r-1 (9 files after the removal above), so it goes there.
    expect((await read("r-2"))?.attachments).toHaveLength(1);
    expect(sentSince(from)).toContain('"text":"Kulturnettverket – Tiltak r-1"');
    expect((await read("r-1"))?.attachments?.map((a) => a.name)).toContain("tre.pdf");
    const refused = await h.execute(kari, "attachment.remove", {
      roundId: ROUND,
      reportId: "r-2",
      attachmentId: r2.attachments?.[0]?.id,
      view: "review",
    });
    expect(JSON.stringify(refused.body)).toContain("Rapporteringen er sendt inn, så vedlegg kan ikke");
    expect((await read("r-2"))?.attachments).toHaveLength(1);
  });

  it("should give staff a link that streams the blob, and nobody else", async () => {
    const contactTry = await h.execute(kari, "attachment.links", { roundId: ROUND, reportId: "r-2" });
    expect(JSON.stringify(contactTry.body)).toContain("Bare Statsforvalterens ansatte");
    const res = await h.execute(siri, "attachment.links", { roundId: ROUND, reportId: "r-2" });
    const body = JSON.stringify(res.body);
    const url = /"url":"([^"]+\/api\/documents\/[^"]+)"/.exec(body)?.[1];
    expect(url).toBeDefined();
    const got = await fetch(url ?? "");
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="to.pdf"; filename*=UTF-8''to.pdf`,
    );
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
    const tampered = `${url?.slice(0, -3)}abc`;
    expect((await fetch(tampered)).status).toBe(404);
  });

  it("should give staff the links in the round's written standard, as the summary the button is on", async () => {
    const before = JSON.stringify(
      (await h.execute(siri, "attachment.links", { roundId: ROUND, reportId: "r-2" })).body,
    );
    expect(before).toContain("Vedlegg til rapporteringen");
    await h.running.app.repos.rounds.upsert({
      id: ROUND,
      county: "Nordland",
      formId: form2024.id,
      reportingYear: 2025,
      deadline: "2026-01-15T22:59:00.000Z",
      staffIds: [],
      createdAt: "2025-11-01T10:00:00.000Z",
      malform: "nn",
    });
    const nn = JSON.stringify(
      (await h.execute(siri, "attachment.links", { roundId: ROUND, reportId: "r-2" })).body,
    );
    expect(nn).toContain("Vedlegg til rapporteringa");
    expect(nn).not.toContain("Vedlegg til rapporteringen");
  });

  it("should give the links to staff who are also the report's contact, and still not to a contact alone", async () => {
    const r2 = await read("r-2");
    if (r2 === undefined) throw new Error("r-2 missing");
    await put({
      ...r2,
      id: "r-3",
      contact: { name: "Siri Stab", email: "siri@sf.no", aadObjectId: "aad-staff" },
    });
    const asContact = JSON.stringify(
      (await h.execute(siri, "attachment.links", { roundId: ROUND, reportId: "r-3" })).body,
    );
    expect(asContact).toContain("/api/documents/");
    expect(asContact).not.toContain("Bare Statsforvalterens ansatte");
    const kariTry = JSON.stringify(
      (await h.execute(kari, "attachment.links", { roundId: ROUND, reportId: "r-2" })).body,
    );
    expect(kariTry).toContain("Bare Statsforvalterens ansatte");
  });

  it("should tell someone without a draft report that the file was not kept", async () => {
    const from = callsNow();
    await sendFiles({ ...siri, id: "29:siri-2", aadObjectId: "aad-nobody" }, [
      { name: "x.pdf", url: files.put("x.pdf", PDF) },
    ]);
    expect(sentSince(from)).toContain("Jeg finner ingen rapportering som ikke er sendt inn");
  });
});
