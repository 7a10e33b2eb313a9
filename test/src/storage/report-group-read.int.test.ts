/**
 * Group read of reports (GroupRead in src/storage/group-commit.ts) against the local Cosmos server,
 * through the fault proxy (test/support/cosmos-fault-proxy.ts), which counts requests and sees the
 * documents a bulk request carries (a bulk of Read operations only is classified as a read).
 */
import { describe, expect, it } from "vitest";
import { cosmosStatus, StorageTimeoutError } from "../../../src/storage/errors.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { seedReports, settle, useBulkTestEnv, withDeadline } from "./bulk-test-env.ts";

const DB = "group-read-test";
const env = useBulkTestEnv(DB);
const seed = (n: number) => seedReports(env, n, (i) => ({ revision: i }));

/** The plain point read of each report, without the proxy and one at a time (no batching). */
async function plainReads(roundId: string, ids: string[]) {
  const plain = new ReportRepo(env.direct.containers.reports);
  const out = [];
  for (const id of ids) out.push(await plain.get(roundId, id));
  return out;
}

/** Reads of reports seen by the proxy since `from`. */
function readsSince(from: number) {
  return env.seen.slice(from).filter((i) => i.kind === "read" && i.container === "reports");
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

describe("group read of reports", () => {
  it("should send concurrent reads of distinct reports as fewer requests, each with the doc and etag of a plain read", async () => {
    const { roundId } = await seed(20);
    const from = env.seen.length;
    const results = await Promise.all(ids(20).map((id) => env.repo.get(roundId, id)));
    const reads = readsSince(from);
    expect(reads.length).toBeLessThan(20);
    expect(reads.some((r) => (r.docIds?.length ?? 0) > 1)).toBe(true);
    expect(reads.reduce((n, r) => n + (r.docIds?.length ?? 1), 0)).toBe(20);
    expect(results).toEqual(await plainReads(roundId, ids(20)));
    expect(results.every((r, i) => r?.doc.revision === i && r.etag.length > 0)).toBe(true);
    expect(results[0]?.doc).not.toHaveProperty("_etag");
  });

  it("should send a read alone as the plain point read it always was", async () => {
    const { roundId } = await seed(1);
    const from = env.seen.length;
    const got = await env.repo.get(roundId, "r0");
    const reads = readsSince(from);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ method: "GET", docId: "r0" });
    expect(got).toEqual((await plainReads(roundId, ["r0"]))[0]);
  });

  it("should give undefined to the caller of a missing report only", async () => {
    const { roundId } = await seed(4);
    const from = env.seen.length;
    const results = await Promise.all([...ids(4), "ghost"].map((id) => env.repo.get(roundId, id)));
    expect(readsSince(from).some((r) => r.docIds?.includes("ghost") && r.docIds.length > 1)).toBe(true);
    expect(results.pop()).toBeUndefined();
    expect(results).toEqual(await plainReads(roundId, ids(4)));
  });

  it("should keep reads and replaces of one round in separate requests", async () => {
    const { roundId, created } = await seed(8);
    const from = env.seen.length;
    await Promise.all([
      ...ids(4).map((id) => env.repo.get(roundId, id)),
      ...created.slice(4).map((c) => env.repo.replace({ ...c.doc, revision: 40 }, c.etag)),
    ]);
    const bulks = env.seen.slice(from).filter((i) => i.docIds !== undefined);
    expect(bulks.some((r) => r.kind === "read") && bulks.some((r) => r.kind === "write")).toBe(true);
    for (const r of bulks) {
      const expected = r.kind === "read" ? ids(4) : ids(8).slice(4);
      expect(r.docIds?.every((id) => expected.includes(id))).toBe(true);
    }
  });
});

describe("group read when Cosmos fails", () => {
  it.each([
    [429, "throttled"],
    [503, "unavailable"],
  ])(
    "should send a read the bulk answered %i (%s) again alone, and give its caller the document",
    async (status) => {
      const { roundId } = await seed(6);
      env.proxy.setFaults([{ kinds: ["read"], fault: { type: "bulk-op", status, index: 3 }, count: 1 }]);
      const from = env.seen.length;
      const results = await Promise.all(ids(6).map((id) => env.repo.get(roundId, id)));
      const reads = readsSince(from);
      expect(reads[0]?.fault).toBe("bulk-op");
      expect(reads[0]?.docIds?.[3]).toBe("r3");
      expect(reads.slice(1)).toEqual([expect.objectContaining({ method: "GET", docId: "r3", status: 200 })]);
      expect(results).toEqual(await plainReads(roundId, ids(6)));
    },
  );

  it("should fail only the caller of a read that failed inside the bulk (500), as a plain read would", async () => {
    const { roundId } = await seed(5);
    env.proxy.setFaults([{ kinds: ["read"], fault: { type: "bulk-op", status: 500, index: 1 }, count: 1 }]);
    const outcomes = await Promise.all(ids(5).map((id) => settle(env.repo.get(roundId, id))));
    const plain = await plainReads(roundId, ids(5));
    for (const [i, o] of outcomes.entries()) {
      if (i === 1) expect(cosmosStatus(o.ok ? undefined : o.error)).toBe(500);
      else expect(o.ok ? o.value : undefined).toEqual(plain[i]);
    }
  });

  // A plain read is retried by the SDK after a dropped connection (and once after a 503 where the
  // client discovers endpoints); a bulk request is not, so its reads are sent again alone.
  it.each([
    ["503 ServiceUnavailable", { type: "unavailable" } as const],
    ["a dropped connection", { type: "drop" } as const],
  ])(
    "should send every read of a bulk that failed as a whole (%s) again alone, and give each caller its document",
    async (_n, fault) => {
      const { roundId } = await seed(5);
      env.proxy.setFaults([{ kinds: ["read"], container: "reports", fault, count: 1 }]);
      const from = env.seen.length;
      const results = await Promise.all(ids(5).map((id) => env.repo.get(roundId, id)));
      const [bulk, ...alone] = readsSince(from);
      expect(bulk).toMatchObject({ fault: fault.type, docIds: ids(5) });
      expect(alone.map((r) => r.docId).sort()).toEqual(ids(5));
      expect(alone.every((r) => r.method === "GET" && r.status === 200)).toBe(true);
      expect(results).toEqual(await plainReads(roundId, ids(5)));
    },
  );

  it("should give every caller the error a plain read gives when the reads sent alone fail too (503)", async () => {
    const { roundId } = await seed(5);
    env.proxy.setFaults([{ kinds: ["read"], container: "reports", fault: { type: "unavailable" } }]);
    const from = env.seen.length;
    const outcomes = await Promise.all(ids(5).map((id) => settle(env.repo.get(roundId, id))));
    env.proxy.clearFaults();
    expect(readsSince(from)).toHaveLength(6); // the bulk and five plain reads, never hanging or looping
    for (const o of outcomes) expect(cosmosStatus(o.ok ? undefined : o.error)).toBe(503);
  });

  it("should give every caller of a bulk read past the storage deadline a StorageTimeoutError", async () => {
    await withDeadline(env, 300, async (slowRepo) => {
      const { roundId } = await seed(4);
      env.proxy.setFaults([
        { kinds: ["read"], container: "reports", fault: { type: "latency", ms: 1_000 }, count: 1 },
      ]);
      const outcomes = await Promise.all(ids(4).map((id) => settle(slowRepo.get(roundId, id))));
      for (const o of outcomes) expect(o.ok ? undefined : o.error).toBeInstanceOf(StorageTimeoutError);
    });
  });

  it("should answer a read queued behind a slow bulk within the storage deadline from its call, as a plain read is", async () => {
    const deadline = 500;
    await withDeadline(env, deadline, async (slowRepo) => {
      const { roundId } = await seed(8);
      // Both bulks are slow: without a deadline of its own a queued read would wait for the first
      // to fail (~450 ms) and then for its own bulk to fail (500 ms), ~950 ms in all.
      env.proxy.setFaults([
        { kinds: ["read"], container: "reports", fault: { type: "latency", ms: 2_000 }, count: 2 },
      ]);
      const first = ids(8)
        .slice(0, 4)
        .map((id) => settle(slowRepo.get(roundId, id)));
      await new Promise((r) => setTimeout(r, 50)); // the first bulk is on its way
      const started = performance.now();
      const queued = await Promise.all(
        ids(8)
          .slice(4)
          .map((id) => settle(slowRepo.get(roundId, id))),
      );
      const waited = performance.now() - started;
      for (const o of [...(await Promise.all(first)), ...queued])
        expect(o.ok ? undefined : o.error).toBeInstanceOf(StorageTimeoutError);
      expect(waited).toBeGreaterThanOrEqual(deadline - 5);
      expect(waited).toBeLessThan(deadline + 250);
    });
  });
});
