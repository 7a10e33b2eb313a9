/**
 * Attachments end to end on real parts: the contact sends files to the bot in the Agents Playground
 * (through its custom-activity endpoint, a `file.download.info` attachment whose download URL points at a
 * small local HTTP server in this test, as Teams delivers a file; test/support/playground-files.ts),
 * chooses the tiltak, sees the file listed under the form's attachment question, sees a wrong type
 * refused, removes and re-adds the file, submits from the review, and finds the blob in Azurite through
 * the real @azure/storage-blob SDK (with the metadata), the report naming it in Cosmos.
 */
import { mkdirSync } from "node:fs";
import { BlobServiceClient } from "@azure/storage-blob";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getForm, loadForms } from "../../src/questionnaire/form.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { completeContents, stored } from "../src/reports/fixtures.ts";
import { type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { type FileServer, sendFileActivity, startFileServer } from "../support/playground-files.ts";

/** Set E2E_SHOTS_DIR to keep screenshots of the cards (to look at them). */
const SHOTS = process.env.E2E_SHOTS_DIR;
async function shotOf(card: Locator, name: string): Promise<void> {
  if (!SHOTS) return;
  const page = card.page();
  const box = await card.boundingBox();
  await page.setViewportSize({ width: 1300, height: Math.min(8000, Math.ceil((box?.height ?? 900) + 400)) });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1300, height: 1000 });
}

const form = getForm(loadForms(), "dekom-2024-2025");
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(40_000, 0x41), Buffer.from("\n%%EOF\n")]);
const PDF_NAME = "Godkjenning fra eierne – 2025.pdf";

describe("attachments in the Agents Playground", () => {
  let env: E2eEnv;
  let files: FileServer;
  beforeAll(async () => {
    env = await startE2e({ env: { CLOCK_NOW: "2025-12-01T10:00:00.000Z" } });
    files = await startFileServer();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    // A complete report, so it can be sent at the end (written straight through the SDK).
    const report = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    const who = { id: report.contact.aadObjectId ?? "x", name: report.contact.name };
    await env.upsertReport({
      ...report,
      answers: stored(completeContents(form), who, report.revision + 1),
      revision: report.revision + 1,
    });
  }, 240_000);
  afterAll(async () => {
    await files?.close();
    await env?.close();
  });

  it("should take a file, list it, refuse a wrong type, remove and re-add it, and keep the blob after sending", async () => {
    const pg = await env.newPage();
    // Alex has two draft reports and has opened neither here: the bot asks which tiltak.
    await sendFileActivity(env.playground.url, { name: PDF_NAME, url: files.put("a.pdf", PDF) });
    const choice = pg.cardWith("Hvilket tiltak gjelder filene?");
    await choice.waitFor();
    await pg.quiet();
    await choice.getByRole("button", { name: "Velg «Lesing i alle fag»" }).click();

    const listed = pg.cardWith(`«${PDF_NAME}» er lagt ved.`);
    await listed.waitFor();
    await pg.quiet();
    expect(await listed.innerText()).toContain("Vedlegg (1 av høyst 10)");
    expect(await listed.getByRole("button", { name: "Fjern" }).count()).toBe(1);

    // Now the bot knows the report: a wrong type is refused with its reason, nothing else changes.
    await sendFileActivity(env.playground.url, {
      name: "installer.exe",
      url: files.put("x.exe", Buffer.from("MZ")),
    });
    const refused = pg.cardWith("«installer.exe» ble ikke lagt ved");
    await refused.waitFor();
    await pg.quiet();
    expect(await refused.innerText()).toContain(PDF_NAME);

    await refused.getByRole("button", { name: "Fjern" }).click();
    const removed = pg.cardWith(`«${PDF_NAME}» er fjernet.`);
    await removed.waitFor();
    await pg.quiet();
    expect(await removed.getByRole("button", { name: "Fjern" }).count()).toBe(0);
    expect((await env.readReport(DEMO_ROUND_ID, "t-salten-lesing")).attachments ?? []).toEqual([]);

    await sendFileActivity(env.playground.url, { name: PDF_NAME, url: files.put("b.pdf", PDF) });
    const again = pg.cardWith(`«${PDF_NAME}» er lagt ved.`);
    await again.waitFor();
    await pg.quiet();
    await shotOf(again, "attachments-section");

    await again.getByRole("button", { name: "Lagre og se gjennom" }).click();
    const review = pg.cardWith("Vedlegg (1)");
    await review.waitFor();
    await pg.quiet();
    await shotOf(review, "attachments-review");
    expect(await review.innerText()).toContain(PDF_NAME);
    await review.getByRole("button", { name: "Send inn" }).click();
    const receipt = pg.cardWith("Rapporteringen er sendt inn");
    await receipt.waitFor();

    const report = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    expect(report.status).toBe("submitted");
    expect(report.attachments?.map((a) => [a.name, a.bytes, a.by.name])).toEqual([
      [PDF_NAME, PDF.length, "Alex Wilber"],
    ]);
    const blobName = report.attachments?.[0]?.blob ?? "";
    expect(blobName.startsWith(`${DEMO_ROUND_ID}/t-salten-lesing/`)).toBe(true);
    // The blob, read straight through the SDK from Azurite: one for the report (the removed one is gone).
    const container = BlobServiceClient.fromConnectionString(env.azurite.connectionString).getContainerClient(
      "attachments",
    );
    const names: string[] = [];
    for await (const b of container.listBlobsFlat({
      prefix: `${DEMO_ROUND_ID}/t-salten-lesing/`,
      includeMetadata: true,
    })) {
      names.push(b.name);
      expect(decodeURIComponent(b.metadata?.filename ?? "")).toBe(PDF_NAME);
      expect(b.metadata?.uploader).toBe(encodeURIComponent("00000000-0000-0000-0000-0000000000020"));
      expect(b.properties.contentType).toBe("application/pdf");
    }
    expect(names).toEqual([blobName]);
    expect((await container.getBlockBlobClient(blobName).downloadToBuffer()).equals(PDF)).toBe(true);
  });
});
