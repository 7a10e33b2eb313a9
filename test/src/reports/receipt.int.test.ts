/** Receipt numbers per round through the real @azure/cosmos SDK against the local Cosmos server. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { receiptAllocator, receiptReference } from "../../../src/reports/receipt.ts";
import { ReportService } from "../../../src/reports/report-service.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { uid } from "../storage/fixtures.ts";
import { completeContents, contactActor, form2024, forms, makeReport, stored } from "./fixtures.ts";

const DATABASE = "receipt-test";
let server: LocalCosmos;
let store: CosmosStore;
let reports: ReportRepo;
let rounds: RoundRepo;
let service: ReportService;

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: DATABASE });
  reports = new ReportRepo(store.containers.reports);
  rounds = new RoundRepo(store.containers.rounds);
  service = new ReportService({
    reports,
    forms,
    staffIds: [],
    clock: fixedClock("2026-12-01T10:00:00.000Z"),
    nextReceipt: receiptAllocator(rounds),
  });
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

async function round(reportingYear: number): Promise<RoundDoc> {
  return rounds.upsert({
    id: uid("round"),
    county: "Nordland",
    formId: form2024.id,
    reportingYear,
    deadline: "2027-01-15T22:59:00.000Z",
    staffIds: [],
    createdAt: "2026-11-01T10:00:00.000Z",
  });
}

async function completeReport(roundId: string) {
  const doc = makeReport(form2024, {
    id: uid("r"),
    roundId,
    revision: 1,
    answers: stored(completeContents(form2024), contactActor, 1),
  });
  await reports.create(doc);
  return { roundId, reportId: doc.id };
}

describe("receipt references", () => {
  it("should read like DEKOM-2025-0007", () => {
    expect(receiptReference(2025, 7)).toBe("DEKOM-2025-0007");
    expect(receiptReference(2025, 12345)).toBe("DEKOM-2025-12345");
  });

  it("should number the reports of a round 1..n, unique even when they are sent at the same time", async () => {
    const r = await round(2025);
    const refs = await Promise.all(Array.from({ length: 8 }, () => completeReport(r.id)));
    const outcomes = await Promise.all(refs.map((ref) => service.submit(contactActor, ref, 1)));
    const receipts = outcomes.map((o) => (o.kind === "submitted" ? o.report.receipt : o.kind));
    expect([...receipts].sort()).toEqual(Array.from({ length: 8 }, (_, i) => receiptReference(2025, i + 1)));
    // The counter counts the numbers reserved (a block ahead), not only those given (issue 18).
    await rounds.reserveReceipts(r.id);
    expect((await rounds.get(r.id))?.receiptCounter).toBe(8 + rounds.receiptsInHand(r.id));
  });

  it("should count each round on its own and give a report sent twice at once one number", async () => {
    const r = await round(2026);
    const ref = await completeReport(r.id);
    const outcomes = await Promise.all(Array.from({ length: 3 }, () => service.submit(contactActor, ref, 1)));
    const stored = (await reports.get(ref.roundId, ref.reportId))?.doc;
    expect(stored?.receipt).toMatch(/^DEKOM-2026-000[1-3]$/);
    for (const o of outcomes) expect(o.kind === "submitted" && o.report.receipt).toBe(stored?.receipt);
    const next = await completeReport(r.id);
    const o = await service.submit(contactActor, next, 1);
    expect(o.kind === "submitted" && o.report.receipt).not.toBe(stored?.receipt);
  });

  it("should not take a number for a report that cannot be sent", async () => {
    const r = await round(2027);
    const doc = makeReport(form2024, { id: uid("r"), roundId: r.id, revision: 1 });
    await reports.create(doc);
    const o = await service.submit(contactActor, { roundId: r.id, reportId: doc.id }, 1);
    expect(o.kind).toBe("incomplete");
    expect((await rounds.get(r.id))?.receiptCounter).toBeUndefined();
  });
});

describe("receipt numbers asked for at the same time", () => {
  it("should share one counter write among the submits waiting in a process, numbered in the order asked", async () => {
    const r = await round(2028);
    const repo = new RoundRepo(store.containers.rounds);
    const replace = vi.spyOn(repo, "replace");
    const numbers = await Promise.all(Array.from({ length: 50 }, () => repo.nextReceiptNumber(r.id)));
    expect(numbers.map((n) => n.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(replace.mock.calls.length).toBeLessThanOrEqual(3);
    await repo.reserveReceipts(r.id);
    expect((await rounds.get(r.id))?.receiptCounter).toBe(50 + repo.receiptsInHand(r.id));
  });

  it("should stay unique across processes (separate repos racing on the round's ETag for their blocks)", async () => {
    const r = await round(2029);
    const repos = Array.from({ length: 4 }, () => new RoundRepo(store.containers.rounds));
    const asks = Array.from({ length: 40 }, (_, i) => repos[i % 4]?.nextReceiptNumber(r.id));
    const numbers = (await Promise.all(asks)).map((n) => n?.number ?? 0);
    // Each process numbers from its own blocks (issue 18): unique, increasing per process, not 1..40.
    expect(new Set(numbers).size).toBe(40);
    for (const [k, repo] of repos.entries()) {
      const mine = numbers.filter((_, i) => i % 4 === k);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
      await repo.reserveReceipts(r.id);
    }
    const inHand = repos.reduce((n, repo) => n + repo.receiptsInHand(r.id), 0);
    expect((await rounds.get(r.id))?.receiptCounter).toBe(40 + inHand);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(40 + inHand);
  });
});

describe("receiptAllocator when the round cannot be written", () => {
  it("should give undefined (the id-based fallback) and report the error", async () => {
    const errors: unknown[] = [];
    const failing = { nextReceiptNumber: async () => Promise.reject(new Error("unavailable")) };
    expect(await receiptAllocator(failing, (err) => errors.push(err))("r")).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
