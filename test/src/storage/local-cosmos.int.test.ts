import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTAINERS, openCosmos } from "../../../src/storage/cosmos.ts";
import { startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { makeReport } from "./fixtures.ts";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "local-cosmos-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("openCosmos", () => {
  it("should create the database and every container with its partition key, and ping", async () => {
    const server = await startLocalCosmos({ database: "unused" });
    try {
      const store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "fresh" });
      expect(await store.ping()).toBe(true);
      const { resources } = await store.database.containers.readAll().fetchAll();
      const actual = Object.fromEntries(resources.map((c) => [c.id, c.partitionKey?.paths]));
      for (const def of Object.values(CONTAINERS)) expect(actual[def.name]).toEqual([def.partitionKeyPath]);
      expect(Object.keys(store.containers).sort()).toEqual(Object.keys(CONTAINERS).sort());
      // Opening again finds what exists.
      const again = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "fresh" });
      again.dispose();
      store.dispose();
    } finally {
      await server.stop();
    }
  });

  it("should answer ping with false when the server is gone", async () => {
    const server = await startLocalCosmos({ database: "gone" });
    const store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "gone" });
    await server.stop();
    expect(await store.ping(300)).toBe(false);
    store.dispose();
  });

  it("should refuse to open without a key or credential", async () => {
    await expect(openCosmos({ endpoint: "http://127.0.0.1:1", database: "x" })).rejects.toThrow(
      /key or a credential/,
    );
  });
});

describe("startLocalCosmos snapshots", () => {
  it("should bring documents back after snapshot, stop and start with the same file", async () => {
    const file = join(dir, "nested", "snapshot.json");
    const first = await startLocalCosmos({ database: "app", snapshotFile: file });
    const store = await openCosmos({ endpoint: first.endpoint, key: first.key, database: "app" });
    const repo = new ReportRepo(store.containers.reports);
    await repo.create(makeReport({ id: "a", roundId: "r1" }));
    await repo.create(makeReport({ id: "b", roundId: "r2", coEditors: [] }));
    await store.containers.ledger.items.create({ id: "l1", roundId: "r1", kind: "reminder" });
    // A container outside CONTAINERS survives too, with its partition key.
    const { container: extra } = await store.database.containers.createIfNotExists({
      id: "extra",
      partitionKey: { paths: ["/tenant"] },
    });
    await extra.items.create({ id: "e1", tenant: "t1" });

    expect(await first.snapshot()).toBe(4);
    expect(await first.snapshot({ ifChanged: true })).toBe(0);
    await repo.upsert(makeReport({ id: "c", roundId: "r1" }));
    expect(await first.snapshot({ ifChanged: true })).toBe(5);
    await repo.upsert(makeReport({ id: "d", roundId: "r3" })); // only saved by stop()
    store.dispose();
    await first.stop();

    const saved = JSON.parse(await readFile(file, "utf8"));
    expect(saved.format).toBe("local-cosmos-snapshot/1");
    expect(JSON.stringify(saved)).not.toMatch(/"_(rid|self|etag|ts|attachments)"/);
    expect((await readdir(join(dir, "nested"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const second = await startLocalCosmos({ database: "app", snapshotFile: file });
    try {
      const again = await openCosmos({ endpoint: second.endpoint, key: second.key, database: "app" });
      const repo2 = new ReportRepo(again.containers.reports);
      expect((await repo2.get("r1", "a"))?.doc).toEqual(makeReport({ id: "a", roundId: "r1" }));
      expect((await repo2.listByRound("r1")).map((d) => d.id).sort()).toEqual(["a", "c"]);
      expect(await repo2.get("r3", "d")).toBeDefined();
      const { resource: ledger } = await again.containers.ledger.item("l1", "r1").read();
      expect(ledger?.kind).toBe("reminder");
      const extraDef = await again.database.container("extra").read();
      expect(extraDef.resource?.partitionKey?.paths).toEqual(["/tenant"]);
      expect((await again.database.container("extra").item("e1", "t1").read()).resource?.id).toBe("e1");
      again.dispose();
    } finally {
      await second.stop();
    }
  });

  it("should start empty when the snapshot file does not exist yet, and write it on stop", async () => {
    const file = join(dir, "new.json");
    const server = await startLocalCosmos({ database: "app", snapshotFile: file });
    await server.stop();
    const saved = JSON.parse(await readFile(file, "utf8"));
    expect(saved.databases.map((d: { id: string }) => d.id)).toEqual(["app"]);
  });

  it("should refuse a corrupt snapshot file and leave it untouched", async () => {
    const file = join(dir, "corrupt.json");
    await writeFile(file, "{ not json");
    await expect(startLocalCosmos({ database: "app", snapshotFile: file })).rejects.toThrow(/not valid JSON/);
    await writeFile(file, JSON.stringify({ hello: "world" }));
    await expect(startLocalCosmos({ database: "app", snapshotFile: file })).rejects.toThrow(
      /not a local Cosmos snapshot/,
    );
    expect(await readFile(file, "utf8")).toBe(JSON.stringify({ hello: "world" }));
  });

  it("should close client connections on stop", async () => {
    const server = await startLocalCosmos({ database: "app" });
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    await client.database("app").read(); // leaves a keep-alive connection open
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    client.dispose();
  });
});
