/**
 * The attachment service through the real SDKs (local Cosmos server, Azurite), with every Cosmos request
 * counted by the test proxy: adding files is one point read and one conditional write of the report;
 * a save that wins the race in between costs one more read and write, and neither change is lost.
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttachmentService } from "../../../src/attachments/attachment-service.ts";
import { fixedClock } from "../../../src/clock.ts";
import { ReportService } from "../../../src/reports/report-service.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { AttachmentBlobs } from "../../../src/storage/attachment-blobs.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalAzurite, startLocalAzurite } from "../../../src/storage/local-azurite.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { type CosmosFaultProxy, startCosmosFaultProxy } from "../../support/cosmos-fault-proxy.ts";
import { type FileServer, startFileServer } from "../../support/playground-files.ts";
import { contactActor, form2024, forms, makeReport, NOW } from "../reports/fixtures.ts";

const ROUND = "round-2025";
const PDF = Buffer.from("%PDF-1.7\n%%EOF\n");

describe("AttachmentService on the local Cosmos server and Azurite", () => {
  let cosmos: LocalCosmos;
  let proxy: CosmosFaultProxy;
  let store: CosmosStore;
  let azurite: LocalAzurite;
  let files: FileServer;
  let repo: ReportRepo;
  let service: AttachmentService;
  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: "att" });
    proxy = await startCosmosFaultProxy({ target: cosmos.endpoint });
    store = await openCosmos({ endpoint: proxy.url, key: cosmos.key, database: "att" });
    azurite = await startLocalAzurite({ location: mkdtempSync(join(tmpdir(), "azurite-svc-")) });
    files = await startFileServer();
    repo = new ReportRepo(store.containers.reports);
    const clock = fixedClock(NOW);
    const blobs = AttachmentBlobs.open({ connectionString: azurite.connectionString }, "attachments");
    service = new AttachmentService({
      reports: repo,
      service: new ReportService({ reports: repo, forms, staffIds: [], clock }),
      staffIds: [],
      clock,
      blobs: () => blobs,
      policy: { hosts: [], allowLocalHttp: true, timeoutMs: 5_000 },
    });
    await (await blobs).put({ roundId: "warm", reportId: "up", attachmentId: "x" }, PDF, {
      name: "x.pdf",
      contentType: "application/pdf",
    });
  });
  afterAll(async () => {
    store?.dispose();
    await proxy?.close();
    await cosmos?.stop();
    await files?.close();
    await azurite?.stop();
  });

  it("should add files with one point read and one conditional write of the report", async () => {
    await repo.upsert(makeReport(form2024, { id: "r-count", roundId: ROUND }));
    const url = files.put("c.pdf", PDF);
    proxy.resetCounts();
    const o = await service.add(contactActor, { roundId: ROUND, reportId: "r-count" }, [
      { name: "a.pdf", downloadUrl: url },
      { name: "b.pdf", downloadUrl: url },
    ]);
    expect(o.kind).toBe("done");
    const counts = proxy.counts();
    expect({ read: counts.read, write: counts.write, query: counts.query }).toEqual({
      read: 1,
      write: 1,
      query: 0,
    });
    expect((await repo.get(ROUND, "r-count"))?.doc.attachments?.map((a) => a.name)).toEqual([
      "a.pdf",
      "b.pdf",
    ]);
  });

  it("should keep both a save that wins the race and the new attachment", async () => {
    await repo.upsert(makeReport(form2024, { id: "r-race", roundId: ROUND }));
    // The file is served only once another editor's save has landed: after the service's read, before its write.
    let release: () => void = () => undefined;
    const saved = new Promise<void>((r) => {
      release = r;
    });
    let requested: () => void = () => undefined;
    const asked = new Promise<void>((r) => {
      requested = r;
    });
    const slow = createServer((_req, res) => {
      requested();
      void saved.then(() => res.writeHead(200, { "content-length": PDF.length }).end(PDF));
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/race.pdf`;
    proxy.resetCounts();
    const adding = service.add(contactActor, { roundId: ROUND, reportId: "r-race" }, [
      { name: "race.pdf", downloadUrl: url },
    ]);
    await asked;
    const before = await store.containers.reports.item("r-race", ROUND).read<ReportDoc>();
    const doc = before.resource as ReportDoc;
    await store.containers.reports
      .item("r-race", ROUND)
      .replace({ ...doc, revision: doc.revision + 1, tiltak: { id: "t", name: "Endret" } });
    release();
    const o = await adding;
    slow.close();
    expect(o.kind).toBe("done");
    // The service's read and write, the test's own read and replace, and the service's re-read and write.
    const counts = proxy.counts();
    expect({ read: counts.read, write: counts.write }).toEqual({ read: 3, write: 3 });
    const after = (await repo.get(ROUND, "r-race"))?.doc;
    expect(after?.tiltak.name).toBe("Endret");
    expect(after?.attachments?.map((a) => a.name)).toEqual(["race.pdf"]);
  });
});
