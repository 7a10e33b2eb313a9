/**
 * Receipt numbers reserved in blocks ahead of need (issue 18), through the real @azure/cosmos SDK
 * against the local Cosmos server with the counting, fault-injecting proxy in between: a submit with
 * a number in hand writes only its report, the next block is reserved off the submit's path, numbers
 * stay unique across processes (separate clients) and restarts, and a failed reservation never fails
 * a submit.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { idReference, receiptNumbers } from "../../../src/reports/receipt.ts";
import { ReportService } from "../../../src/reports/report-service.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { cachedDeadlines } from "../../../src/rounds/deadlines.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { RECEIPT_BLOCK, RECEIPT_LOW } from "../../../src/storage/receipt-blocks.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { type CosmosFaultProxy, startCosmosFaultProxy } from "../../support/cosmos-fault-proxy.ts";
import { uid } from "../storage/fixtures.ts";
import { completeContents, contactActor, form2024, forms, makeReport, stored } from "./fixtures.ts";

const DATABASE = "receipt-blocks-test";
const NOW = "2026-12-01T10:00:00.000Z";
let server: LocalCosmos;
let proxy: CosmosFaultProxy;
const stores: CosmosStore[] = [];

/** A process: its own Cosmos client (through the proxy), repositories and report service. */
async function processWith() {
  const store = await openCosmos({ endpoint: proxy.url, key: server.key, database: DATABASE });
  stores.push(store);
  const rounds = new RoundRepo(store.containers.rounds);
  const reports = new ReportRepo(store.containers.reports);
  const errors: unknown[] = [];
  const receipts = receiptNumbers(rounds, (err) => errors.push(err));
  const service = new ReportService({
    reports,
    forms,
    staffIds: [],
    clock: fixedClock(NOW),
    nextReceipt: receipts.next,
  });
  const submit = async (ref: { roundId: string; reportId: string }) => {
    const o = await service.submit(contactActor, ref, 1);
    if (o.kind !== "submitted") throw new Error(`not submitted: ${o.kind}`);
    return o.report.receipt ?? "";
  };
  return { rounds, reports, receipts, errors, submit };
}

let p1: Awaited<ReturnType<typeof processWith>>;

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  proxy = await startCosmosFaultProxy({ target: server.endpoint });
  p1 = await processWith();
});

beforeEach(() => {
  proxy.clearFaults();
  for (const stop of afterDone.splice(0)) stop();
});

afterAll(async () => {
  for (const s of stores) s.dispose();
  await proxy?.close();
  await server?.stop();
});

async function round(): Promise<string> {
  const doc = await p1.rounds.upsert({
    id: uid("round"),
    county: "Nordland",
    formId: form2024.id,
    reportingYear: 2025,
    deadline: "2027-01-15T22:59:00.000Z",
    staffIds: [],
    createdAt: "2026-11-01T10:00:00.000Z",
  });
  return doc.id;
}

async function completeReport(roundId: string) {
  const doc = makeReport(form2024, {
    id: uid("r"),
    roundId,
    revision: 1,
    answers: stored(completeContents(form2024), contactActor, 1),
  });
  await p1.reports.create(doc);
  return { roundId, reportId: doc.id };
}

const numberOf = (receipt: string) => Number(/^DEKOM-2025-(\d{4,})$/.exec(receipt)?.[1] ?? Number.NaN);
/** Round writes the proxy has answered (the count is taken when a request arrives; this when it ends). */
function roundWritesDone(): () => number {
  let n = 0;
  const stop = proxy.onRequest((info) => {
    if (info.container === "rounds" && info.kind === "write") n++;
  });
  afterDone.push(stop);
  return () => n;
}
const afterDone: (() => void)[] = [];

/** Lets a background reservation start (it is scheduled with setImmediate) and finish. */
async function settle(rounds: RoundRepo, roundId: string) {
  await new Promise((r) => setImmediate(r));
  await rounds.reserveReceipts(roundId).catch(() => {});
}

describe("receipt numbers reserved ahead", () => {
  it("should make a lone submit in a process that has a block exactly one write: its report", async () => {
    const roundId = await round();
    await p1.rounds.reserveReceipts(roundId);
    expect(p1.rounds.receiptsInHand(roundId)).toBe(RECEIPT_BLOCK);
    const ref = await completeReport(roundId);
    proxy.resetCounts();
    expect(await p1.submit(ref)).toBe("DEKOM-2025-0001");
    await settle(p1.rounds, roundId);
    const counts = proxy.counts();
    expect(counts.write).toBe(1);
    expect(counts.byContainer["reports:write"]).toBe(1);
    expect(Object.keys(counts.byContainer).filter((k) => k.startsWith("rounds:"))).toEqual([]);
    expect(counts.read).toBeLessThanOrEqual(1);
  });

  it("should reserve the first block in the background of a card's deadline lookup, not on its path", async () => {
    const roundId = await round();
    const deadlines = p1.receipts.ahead(cachedDeadlines(p1.rounds, fixedClock(NOW)));
    proxy.setFaults([{ kinds: ["write"], container: "rounds", fault: { type: "latency", ms: 1500 } }]);
    const done = roundWritesDone();
    const started = Date.now();
    expect(await deadlines(roundId)).toBe("2027-01-15T22:59:00.000Z");
    expect(Date.now() - started).toBeLessThan(1450); // below the 1,500 ms the round write takes
    expect(done()).toBe(0);
    await settle(p1.rounds, roundId);
    expect(done()).toBe(1);
    expect(p1.rounds.receiptsInHand(roundId)).toBe(RECEIPT_BLOCK);
    // A lookup for a round that does not exist reserves nothing (and tells nobody of an error).
    expect(await deadlines("no-such-round")).toBeUndefined();
    await new Promise((r) => setImmediate(r));
    expect(p1.rounds.receiptsInHand("no-such-round")).toBe(0);
    expect(p1.errors).toEqual([]);
  });

  it("should reserve the next block when few are left without the submit waiting for it", async () => {
    const roundId = await round();
    await p1.rounds.reserveReceipts(roundId);
    const given: number[] = [];
    for (let i = 0; i < RECEIPT_BLOCK - RECEIPT_LOW; i++)
      given.push(numberOf(await p1.submit(await completeReport(roundId))));
    expect(p1.rounds.receiptsInHand(roundId)).toBe(RECEIPT_LOW);
    const ref = await completeReport(roundId);
    proxy.setFaults([{ kinds: ["write"], container: "rounds", fault: { type: "latency", ms: 1500 } }]);
    const done = roundWritesDone();
    const started = Date.now();
    given.push(numberOf(await p1.submit(ref)));
    expect(Date.now() - started).toBeLessThan(1450); // below the 1,500 ms the round write takes
    expect(done()).toBe(0); // the next block is under way, not awaited
    await settle(p1.rounds, roundId);
    expect(done()).toBe(1);
    expect(p1.rounds.receiptsInHand(roundId)).toBe(RECEIPT_LOW - 1 + RECEIPT_BLOCK);
    proxy.clearFaults();
    for (let i = 0; i < RECEIPT_LOW + 2; i++)
      given.push(numberOf(await p1.submit(await completeReport(roundId))));
    // Still increasing, and contiguous here (one process alone reserves adjacent blocks).
    expect(given).toEqual(Array.from({ length: given.length }, (_, i) => i + 1));
  });
});

describe("receipt blocks across processes", () => {
  it("should never give one number twice when two processes (two clients) submit at the same time", async () => {
    const roundId = await round();
    const p2 = await processWith();
    const refs = await Promise.all(Array.from({ length: 40 }, () => completeReport(roundId)));
    const receipts = await Promise.all(refs.map((ref, i) => (i % 2 === 0 ? p1 : p2).submit(ref)));
    const numbers = receipts.map(numberOf);
    expect(numbers.every(Number.isInteger)).toBe(true);
    expect(new Set(numbers).size).toBe(40);
    await settle(p1.rounds, roundId);
    await settle(p2.rounds, roundId);
    const counter = (await p1.rounds.get(roundId))?.receiptCounter ?? 0;
    expect(counter).toBe(40 + p1.rounds.receiptsInHand(roundId) + p2.rounds.receiptsInHand(roundId));

    // A restarted process (a new client, nothing in hand) numbers above every number reserved before:
    // the numbers the others still hold are never given by it (they are a gap if those processes stop).
    const p3 = await processWith();
    const next = numberOf(await p3.submit(await completeReport(roundId)));
    expect(next).toBe(counter + 1);
    expect(numberOf(await p1.submit(await completeReport(roundId)))).toBeLessThan(next);
  });
});

describe("a reservation that fails", () => {
  it("should never fail a submit: numbers in hand serve, then the id-based reference, then numbers again", async () => {
    const roundId = await round();
    const p = await processWith();
    await p.rounds.reserveReceipts(roundId);
    for (let i = 0; i < RECEIPT_BLOCK - RECEIPT_LOW; i++) await p.submit(await completeReport(roundId));
    proxy.resetCounts();
    proxy.setFaults([{ kinds: ["write"], container: "rounds", fault: { type: "unavailable" } }]);
    const during: string[] = [];
    const fallbacks: string[] = [];
    for (let i = 0; i < RECEIPT_LOW + 2; i++) {
      const ref = await completeReport(roundId);
      fallbacks.push(idReference({ roundId, id: ref.reportId } as ReportDoc));
      during.push(await p.submit(ref));
      await settle(p.rounds, roundId); // any refill tried (and failed) before the next submit
    }
    // The numbers in hand were given; the submits after them got the id-based reference.
    expect(during.slice(0, RECEIPT_LOW).map(numberOf)).toEqual([8, 9, 10]);
    expect(during.slice(RECEIPT_LOW)).toEqual(fallbacks.slice(RECEIPT_LOW));
    // One refill ahead failed, then none was tried ahead for a while; each submit with none in hand tried.
    expect(proxy.counts().faults.unavailable).toBe(1 + 2);
    expect(p.errors).toHaveLength(1 + 2);
    proxy.clearFaults();
    expect(await p.submit(await completeReport(roundId))).toBe("DEKOM-2025-0011");
  });
});
