/**
 * Group commit (src/storage/group-commit.ts) when a bulk request fails as a whole with an unknown
 * outcome: how each replace is resolved from one read-back (src/storage/bulk-resolution.ts), against
 * the local Cosmos server through the fault proxy (test/support/cosmos-fault-proxy.ts), which counts
 * the requests. The plain cases (all applied, none applied) are in report-group-commit.int.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { ConcurrencyError, cosmosStatus, StorageTimeoutError } from "../../../src/storage/errors.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import {
  type CosmosFaultProxy,
  type CosmosRequestInfo,
  startCosmosFaultProxy,
} from "../../support/cosmos-fault-proxy.ts";
import { makeReport, uid } from "./fixtures.ts";

const DB = "group-commit-resolve-test";
let server: LocalCosmos;
let proxy: CosmosFaultProxy;
let store: CosmosStore;
let direct: CosmosStore;
let repo: ReportRepo;
const seen: CosmosRequestInfo[] = [];

beforeAll(async () => {
  server = await startLocalCosmos({ port: 0, database: DB });
  proxy = await startCosmosFaultProxy({ target: server.endpoint });
  proxy.onRequest((info) => seen.push(info));
  store = await openCosmos({ endpoint: proxy.url, key: server.key, database: DB });
  direct = await openCosmos({ endpoint: server.endpoint, key: server.key, database: DB });
  repo = new ReportRepo(store.containers.reports);
});

afterEach(() => proxy.clearFaults());

afterAll(async () => {
  store?.dispose();
  direct?.dispose();
  await proxy?.close();
  await server?.stop();
});

/** `n` fresh reports in a new round, created directly (not through the proxy). */
async function seed(n: number) {
  const roundId = uid("round");
  const seedRepo = new ReportRepo(direct.containers.reports);
  const created = await Promise.all(
    Array.from({ length: n }, (_, i) => seedRepo.create(makeReport({ id: `r${i}`, roundId }))),
  );
  return { roundId, created };
}

/** What the local server holds now, read without the proxy. */
async function storedNow(roundId: string, id: string) {
  return new ReportRepo(direct.containers.reports).get(roundId, id);
}

/** Report requests (not metadata) the proxy has answered since `from`. */
function reportRequestsSince(from: number) {
  return seen.slice(from).filter((i) => i.kind !== "meta" && i.container === "reports");
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe("group commit resolving a bulk that failed as a whole", () => {
  it("should resolve a dropped bulk per operation: stored ones succeed, an unapplied one is re-sent, an overwritten one loses (412) and is retried", async () => {
    const { roundId, created } = await seed(6);
    const stale = created[2];
    if (stale === undefined) throw new Error("test bug");
    await repo.get(roundId, "r2"); // remembered, then overwritten by someone else: the batched write is stale
    await new ReportRepo(direct.containers.reports).replace({ ...stale.doc, revision: 50 }, stale.etag);
    // Cosmos throttles r3 (not applied), applies the others (r2 fails its If-Match), the answer is lost.
    proxy.setFaults([
      { kinds: ["write"], fault: { type: "bulk-op", status: 429, index: 3, drop: true }, count: 1 },
    ]);
    const from = seen.length;
    const outcomes = await Promise.all(
      created.map((c, i) =>
        i === 2
          ? settle(repo.updateWithRetry(roundId, "r2", (doc) => ({ ...doc, revision: doc.revision + 1 })))
          : settle(repo.replace({ ...c.doc, revision: 7 }, c.etag)),
      ),
    );
    const requests = reportRequestsSince(from);
    expect(requests[0]).toMatchObject({ kind: "write", fault: "bulk-op", status: 0, docIds: ids(6) });
    expect(requests.filter((r) => r.kind === "read" && r.docIds !== undefined)).toEqual([
      expect.objectContaining({ docIds: ids(6), status: 200 }),
    ]);
    // Re-sent: r3 alone. Then r2's caller (a 412, as a plain replace would say) reads again and writes.
    const rest = requests.slice(1).filter((r) => r.docIds === undefined);
    expect(rest.filter((r) => r.docId === "r3")).toEqual([
      expect.objectContaining({ method: "PUT", status: 200 }),
    ]);
    expect(
      rest
        .filter((r) => r.docId === "r2")
        .map((r) => `${r.method} ${r.status}`)
        .sort(),
    ).toEqual(["GET 200", "PUT 200"]);
    expect(rest.filter((r) => r.docId !== "r2" && r.docId !== "r3")).toEqual([]);
    for (const [i, o] of outcomes.entries()) {
      expect(o.ok, String(o.ok ? "" : o.error)).toBe(true);
      const stored = await storedNow(roundId, `r${i}`);
      expect(stored?.doc.revision).toBe(i === 2 ? 51 : 7);
      expect(stored?.etag).toBe(o.ok ? o.value.etag : undefined);
    }
    const r2 = outcomes[2];
    expect(r2?.ok && "attempts" in r2.value ? r2.value.attempts : undefined).toBe(1); // a stale copy is no race
  });

  it("should give a caller whose report was overwritten during a dropped bulk a ConcurrencyError", async () => {
    const { roundId, created } = await seed(3);
    const stale = created[1];
    if (stale === undefined) throw new Error("test bug");
    await new ReportRepo(direct.containers.reports).replace({ ...stale.doc, revision: 40 }, stale.etag);
    proxy.setFaults([{ kinds: ["write"], container: "reports", fault: { type: "drop-after" }, count: 1 }]);
    const outcomes = await Promise.all(
      created.map((c) => settle(repo.replace({ ...c.doc, revision: 3 }, c.etag))),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]?.ok ? undefined : outcomes[1]?.error).toBeInstanceOf(ConcurrencyError);
    expect((await storedNow(roundId, "r1"))?.doc.revision).toBe(40);
  });

  it.each([
    [
      "503, and the read-back's connection drops",
      { type: "unavailable" } as const,
      { type: "drop" } as const,
    ],
    [
      "a dropped connection, and the read-back gets 503",
      { type: "drop" } as const,
      { type: "unavailable" } as const,
    ],
  ])(
    "should give every caller the bulk's own error when the read-back fails too (%s)",
    async (_name, fault, readFault) => {
      const { roundId, created } = await seed(4);
      proxy.setFaults([
        { kinds: ["write"], container: "reports", fault, count: 1 },
        { kinds: ["read"], container: "reports", fault: readFault, count: 1 },
      ]);
      const from = seen.length;
      const outcomes = await Promise.all(
        created.map((c) => settle(repo.replace({ ...c.doc, revision: 2 }, c.etag))),
      );
      const requests = reportRequestsSince(from);
      expect(requests.map((r) => `${r.kind} ${r.fault}`)).toEqual([
        `write ${fault.type}`,
        `read ${readFault.type}`,
      ]);
      for (const o of outcomes) {
        expect(o.ok).toBe(false);
        const error = o.ok ? undefined : o.error;
        if (fault.type === "unavailable") expect(cosmosStatus(error)).toBe(503);
        else expect(error).toMatchObject({ code: "ECONNRESET" });
      }
      for (const c of created) expect((await storedNow(roundId, c.doc.id))?.doc.revision).toBe(0);
    },
  );

  it("should answer every caller of a resolved bulk by the storage deadline (StorageTimeoutError), bulk and read-back together", async () => {
    const deadlineMs = 1_000;
    const slow = await openCosmos({ endpoint: proxy.url, key: server.key, database: DB, deadlineMs });
    try {
      const slowRepo = new ReportRepo(slow.containers.reports);
      const { roundId, created } = await seed(4);
      proxy.setFaults([
        // the bulk is dropped after 700 ms; its read-back would take 5 s
        { kinds: ["write"], container: "reports", fault: { type: "latency", ms: 700 }, count: 1 },
        { kinds: ["write"], container: "reports", fault: { type: "drop" }, count: 1 },
        { kinds: ["read"], container: "reports", fault: { type: "latency", ms: 5_000 }, count: 1 },
      ]);
      const from = seen.length;
      const started = performance.now();
      const outcomes = await Promise.all(
        created.map((c) => settle(slowRepo.replace({ ...c.doc, revision: 1 }, c.etag))),
      );
      const waited = performance.now() - started;
      for (const o of outcomes) expect(o.ok ? undefined : o.error).toBeInstanceOf(StorageTimeoutError);
      // One deadline from when the bulk was sent, not a fresh one for the read-back (700 + 1,000 ms).
      expect(waited).toBeGreaterThanOrEqual(deadlineMs - 50);
      expect(waited).toBeLessThan(deadlineMs + 500);
      expect(reportRequestsSince(from).filter((r) => r.kind === "write")).toHaveLength(1); // nothing re-sent
      for (const c of created) expect((await storedNow(roundId, c.doc.id))?.doc.revision).toBe(0);
    } finally {
      slow.dispose();
    }
  });
});
