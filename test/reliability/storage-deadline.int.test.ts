/**
 * A deadline on every storage call (src/storage/cosmos.ts deadlinePlugin, STORAGE_DEADLINE_MS): with
 * Cosmos answering far too slowly (the fault proxy's latency), the person is told at the deadline that
 * saving failed and to try again, with every typed value kept, instead of waiting for Cosmos and then
 * being told "saved". The real bot in-process, the real SDK, a local Cosmos server behind the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchContact } from "../../scripts/bench-support/report-walk.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { StorageTimeoutError } from "../../src/storage/errors.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { RoundRepo } from "../../src/storage/round-repo.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";
import { type CosmosFaultProxy, startCosmosFaultProxy } from "../support/cosmos-fault-proxy.ts";
import {
  form2024,
  keepsTyped,
  missingAnswers,
  press,
  rawFor,
  SAVE_FAILED,
  saveData,
  sectionOf,
  seedContacts,
  sleep,
} from "./support.ts";

const ROUND = "rel-deadline-2025";
const DEADLINE_MS = 1_000;
const LATENCY_MS = 3_000;
const S1 = form2024.sections[0];
const S2 = form2024.sections[1];
if (S1 === undefined || S2 === undefined) throw new Error("test bug: the 2024/2025 form has sections");

describe("a deadline on every storage call", () => {
  let cosmos: LocalCosmos;
  let proxy: CosmosFaultProxy;
  let h: Harness;
  let direct: CosmosStore;
  let reports: ReportRepo;
  let contacts: BenchContact[];

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: "harness" });
    proxy = await startCosmosFaultProxy({ target: cosmos.endpoint });
    h = await startHarness({
      cosmos,
      env: { COSMOS_ENDPOINT: proxy.url, COSMOS_KEY: cosmos.key, STORAGE_DEADLINE_MS: String(DEADLINE_MS) },
    });
    direct = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: "harness" });
    reports = new ReportRepo(direct.containers.reports);
    contacts = await seedContacts(
      { reports, rounds: new RoundRepo(direct.containers.rounds) },
      ROUND,
      3,
      "ddl",
    );
  });
  afterAll(async () => {
    proxy?.clearFaults();
    direct?.dispose();
    await h?.close();
    await proxy?.close();
    await cosmos?.stop();
  });

  const post = (a: object) => h.post(a);

  it("should tell the person at the deadline that saving failed, keep the typed values, and save on retry", async () => {
    const c = contacts[0] as BenchContact;
    const opened = await press(post, h.connector.url, c, "report.open", {
      roundId: c.roundId,
      reportId: c.reportId,
    });
    const raw = rawFor(S1, 1);

    proxy.setFaults([{ kinds: ["write"], container: "reports", fault: { type: "latency", ms: LATENCY_MS } }]);
    const started = performance.now();
    const failed = await press(
      post,
      h.connector.url,
      c,
      "section.save",
      saveData(opened.card, "next") ?? {},
      raw,
    );
    const took = performance.now() - started;
    proxy.clearFaults();

    expect(
      failed.texts.some((t) => t.includes(SAVE_FAILED)),
      failed.texts.join(" | "),
    ).toBe(true);
    expect(took).toBeGreaterThanOrEqual(DEADLINE_MS * 0.9);
    expect(took).toBeLessThan(LATENCY_MS - 500);
    expect(sectionOf(failed.card)).toBe(S1.id);
    expect(keepsTyped(failed.card, raw)).toBe(true);

    // The slow write may still land after the deadline; once it has, pressing again saves and goes on.
    await sleep(LATENCY_MS);
    const again = await press(
      post,
      h.connector.url,
      c,
      "section.save",
      saveData(failed.card, "next") ?? {},
      raw,
    );
    expect(sectionOf(again.card), again.texts.join(" | ")).toBe(S2.id);
    const doc = await reports.get(c.roundId, c.reportId);
    expect(doc && missingAnswers(doc.doc, S1, raw)).toEqual([]);
  });

  it("should answer within the deadline when even reads are slow, without a server error", async () => {
    const c = contacts[1] as BenchContact;
    proxy.setFaults([{ container: "reports", fault: { type: "latency", ms: LATENCY_MS } }]);
    const started = performance.now();
    const r = await press(post, h.connector.url, c, "report.open", {
      roundId: c.roundId,
      reportId: c.reportId,
    });
    const took = performance.now() - started;
    proxy.clearFaults();
    expect(r.status).toBe(200);
    expect(took).toBeLessThan(LATENCY_MS - 500);
    expect(sectionOf(r.card)).toBeUndefined();
    expect(r.texts.join(" ")).not.toBe("");
  });

  it("should fail a repository call with StorageTimeoutError (code storage_timeout, status 408)", async () => {
    const slow = await openCosmos({
      endpoint: proxy.url,
      key: cosmos.key,
      database: "harness",
      deadlineMs: 300,
    });
    try {
      proxy.setFaults([{ kinds: ["read"], fault: { type: "latency", ms: 1_500 } }]);
      const repo = new ReportRepo(slow.containers.reports);
      const c = contacts[2] as BenchContact;
      const error = await repo.get(c.roundId, c.reportId).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(StorageTimeoutError);
      expect(error).toMatchObject({ code: "storage_timeout", status: 408 });
    } finally {
      proxy.clearFaults();
      slow.dispose();
    }
  });
});
