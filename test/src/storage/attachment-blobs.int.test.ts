/** Attachment blobs through the real @azure/storage-blob SDK against Azurite (the real Blob protocol). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttachmentBlobs } from "../../../src/storage/attachment-blobs.ts";
import { type LocalAzurite, startLocalAzurite } from "../../../src/storage/local-azurite.ts";

describe("AttachmentBlobs on Azurite", () => {
  let azurite: LocalAzurite;
  let blobs: AttachmentBlobs;
  beforeAll(async () => {
    azurite = await startLocalAzurite({ location: mkdtempSync(join(tmpdir(), "azurite-")) });
    blobs = await AttachmentBlobs.open({ connectionString: azurite.connectionString }, "attachments");
  });
  afterAll(async () => {
    await azurite?.stop();
  });

  it("stores, lists per report, reads back and removes a file", async () => {
    const body = Buffer.from("%PDF-1.7 vedlegg æøå");
    const ref = { roundId: "troms-2025", reportId: "t-1", attachmentId: "a-1" };
    const stored = await blobs.put(ref, body, { name: "Søknad 2025.pdf", contentType: "application/pdf" });
    await blobs.put({ ...ref, reportId: "t-2" }, Buffer.from("x"), {
      name: "b.png",
      contentType: "image/png",
    });
    expect(stored.bytes).toBe(body.length);
    expect(await blobs.list("troms-2025", "t-1")).toEqual([
      { name: "troms-2025/t-1/a-1", contentType: "application/pdf", bytes: body.length },
    ]);
    expect((await blobs.get(ref))?.equals(body)).toBe(true);
    expect(await blobs.remove(ref)).toBe(true);
    expect(await blobs.remove(ref)).toBe(false);
    expect(await blobs.get(ref)).toBeUndefined();
    expect(await blobs.list("troms-2025", "t-1")).toEqual([]);
  });
});
