/**
 * Cosmos DB failing while people answer: the real bot in-process, a local Cosmos server, and the fault
 * proxy (test/support/cosmos-fault-proxy.ts) between them. A save that cannot be stored must say so in
 * Norwegian and keep what the person typed; no answer the bot acknowledged (by showing the next section)
 * may be lost; and everything works again once Cosmos does.
 *
 * What @azure/cosmos itself does (seen here, SDK 4.10 over http): 429 is retried with the server's
 * x-ms-retry-after-ms up to 9 times; a dropped connection is retried for reads (10 times, 1 s apart)
 * but not for writes; 503 is not retried (endpoint discovery is off over plain http).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionData, textBlocks } from "../../scripts/bench-support/activities.ts";
import type { BenchContact } from "../../scripts/bench-support/report-walk.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { RoundRepo } from "../../src/storage/round-repo.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";
import {
  type CosmosFaultProxy,
  type Fault,
  mixedWriteFaults,
  startCosmosFaultProxy,
} from "../support/cosmos-fault-proxy.ts";
import {
  type CardReply,
  form2024,
  isReceipt,
  keepsTyped,
  missingAnswers,
  PAGES_2024,
  pageKey,
  pageOf,
  press,
  rawFor,
  SAVE_FAILED,
  saveData,
  sectionOf,
  seedContacts,
  sleep,
} from "./support.ts";

const ROUND = "rel-faults-2025";
const S1 = form2024.sections[0];
const S2 = form2024.sections[1];
if (S1 === undefined || S2 === undefined) throw new Error("test bug: the 2024/2025 form has sections");

describe("Cosmos faults while answering", () => {
  let cosmos: LocalCosmos;
  let proxy: CosmosFaultProxy;
  let h: Harness;
  let direct: CosmosStore;
  let reports: ReportRepo;
  let contacts: BenchContact[];
  let next = 0;
  /** A contact nobody has used yet in this file. */
  const fresh = () => contacts[next++] as BenchContact;
  const stored = async (c: BenchContact): Promise<ReportDoc> => {
    const found = await reports.get(c.roundId, c.reportId);
    if (found === undefined) throw new Error(`${c.reportId} is missing`);
    return found.doc;
  };
  const post = (a: object) => h.post(a);
  const open = async (c: BenchContact): Promise<Record<string, unknown>> => {
    const r = await press(post, h.connector.url, c, "report.open", {
      roundId: c.roundId,
      reportId: c.reportId,
    });
    if (r.card === undefined || sectionOf(r.card) === undefined)
      throw new Error(`could not open: ${r.texts}`);
    return r.card;
  };
  const save = (c: BenchContact, card: unknown, raw: Record<string, string>, nav = "next") =>
    press(post, h.connector.url, c, "section.save", saveData(card, nav) ?? {}, raw);
  const failedVisibly = (r: CardReply) => r.status === 200 && r.texts.some((t) => t.includes(SAVE_FAILED));

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: "harness" });
    proxy = await startCosmosFaultProxy({ target: cosmos.endpoint });
    h = await startHarness({ cosmos, env: { COSMOS_ENDPOINT: proxy.url, COSMOS_KEY: cosmos.key } });
    direct = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: "harness" });
    reports = new ReportRepo(direct.containers.reports);
    contacts = await seedContacts(
      { reports, rounds: new RoundRepo(direct.containers.rounds) },
      ROUND,
      40,
      "flt",
    );
  });
  afterAll(async () => {
    direct?.dispose();
    await h?.close();
    await proxy?.close();
    await cosmos?.stop();
  });

  const writeFaults: [string, Fault][] = [
    ["503 ServiceUnavailable", { type: "unavailable" }],
    ["a dropped connection", { type: "drop" }],
    ["a connection dropped after Cosmos stored the write", { type: "drop-after" }],
  ];
  it.each(writeFaults)(
    "should say saving failed, keep the typed values, and save once Cosmos is back (writes: %s)",
    async (_name, fault) => {
      const c = fresh();
      const card = await open(c);
      const before = await stored(c);
      const raw = rawFor(S1, c.index);

      proxy.setFaults([{ kinds: ["write"], container: "reports", fault }]);
      const failed = await save(c, card, raw);
      proxy.clearFaults();
      expect(failedVisibly(failed), failed.texts.join(" | ")).toBe(true);
      expect(sectionOf(failed.card)).toBe(S1.id);
      expect(keepsTyped(failed.card, raw)).toBe(true);
      if (fault.type !== "drop-after") expect((await stored(c)).revision).toBe(before.revision);

      // Cosmos is back: pressing the same button again (the card still holds the values) saves.
      const again = await save(c, failed.card, raw);
      expect(sectionOf(again.card), again.texts.join(" | ")).toBe(S2.id);
      expect(missingAnswers(await stored(c), S1, raw)).toEqual([]);
    },
  );

  it("should ride out a few 429s (the SDK waits x-ms-retry-after-ms and retries) and go on", async () => {
    const c = fresh();
    const card = await open(c);
    const raw = rawFor(S1, c.index);
    proxy.resetCounts();
    proxy.setFaults([
      { kinds: ["write"], container: "reports", fault: { type: "throttle", retryAfterMs: 50 }, count: 3 },
    ]);
    const r = await save(c, card, raw);
    proxy.clearFaults();
    expect(sectionOf(r.card), r.texts.join(" | ")).toBe(S2.id);
    expect(proxy.counts().faults.throttle).toBe(3);
    expect(proxy.counts().write).toBe(4);
    expect(missingAnswers(await stored(c), S1, raw)).toEqual([]);
  });

  it("should give up after the SDK's retries when 429 does not stop, and say so with the values kept", async () => {
    const c = fresh();
    const card = await open(c);
    const raw = rawFor(S1, c.index);
    proxy.resetCounts();
    proxy.setFaults([
      { kinds: ["write"], container: "reports", fault: { type: "throttle", retryAfterMs: 20 } },
    ]);
    const r = await save(c, card, raw);
    proxy.clearFaults();
    expect(failedVisibly(r), r.texts.join(" | ")).toBe(true);
    expect(keepsTyped(r.card, raw)).toBe(true);
    expect(proxy.counts().write).toBe(10); // the first try and the SDK's 9 retries
  });

  it("should wait out two dropped read connections (the SDK retries reads, 1 s apart) and show the card", async () => {
    const c = fresh();
    proxy.setFaults([{ kinds: ["read"], container: "reports", fault: { type: "drop" }, count: 2 }]);
    const started = performance.now();
    const card = await open(c);
    proxy.clearFaults();
    expect(sectionOf(card)).toBe(S1.id);
    expect(performance.now() - started).toBeGreaterThan(1_500);
  });

  it("should still say saving failed when Cosmos cannot even be read", async () => {
    const c = fresh();
    const card = await open(c);
    const before = await stored(c);
    proxy.setFaults([{ container: "reports", fault: { type: "unavailable" } }]);
    const r = await save(c, card, rawFor(S1, c.index));
    proxy.clearFaults();
    expect(failedVisibly(r), r.texts.join(" | ")).toBe(true);
    expect((await stored(c)).revision).toBe(before.revision);
  });

  // KNOWN PRODUCT BUG (see the reliability report): when the read fails too, bot/handlers/report-actions.ts
  // storageFailed() cannot rebuild the section card (it reads the report first) and answers with a
  // plain notice card: the card with what the person typed is replaced and the values are gone.
  it("should keep the typed values when Cosmos cannot be read either", async () => {
    const c = fresh();
    const card = await open(c);
    const raw = rawFor(S1, c.index);
    proxy.setFaults([{ container: "reports", fault: { type: "unavailable" } }]);
    const r = await save(c, card, raw);
    proxy.clearFaults();
    expect(keepsTyped(r.card, raw)).toBe(true);
  });

  /** Open and answer every section of a fresh contact's report; returns the contact and the review card. */
  const answerAll = async () => {
    const c = fresh();
    let card: unknown = await open(c);
    for (const [k, page] of PAGES_2024.entries()) card = (await save(c, card, rawFor(page.part, k))).card;
    const submit = actionData(card, "report.submit");
    if (submit === undefined) throw new Error("no review card after the last section");
    return { c, submit };
  };

  it("should store a submit even when the round cannot be read for the staff channel summary", async () => {
    const { c, submit } = await answerAll();
    proxy.setFaults([{ kinds: ["read"], container: "rounds", fault: { type: "unavailable" } }]);
    await press(post, h.connector.url, c, "report.submit", submit);
    proxy.clearFaults();
    expect((await stored(c)).status).toBe("submitted");
  });

  // KNOWN PRODUCT BUG (see the reliability report): bot/handlers/report-actions.ts submitReport() awaits
  // app.repos.rounds.get() outside the .catch() that guards postSummary(): when that read fails, the
  // person is told "Beklager, noe gikk galt" although the report was submitted.
  it("should show the receipt when the submit was stored but the round read for the summary failed", async () => {
    const { c, submit } = await answerAll();
    proxy.setFaults([{ kinds: ["read"], container: "rounds", fault: { type: "unavailable" } }]);
    const r = await press(post, h.connector.url, c, "report.submit", submit);
    proxy.clearFaults();
    // The reference is a TextRun since issue 12 (was a FactSet value).
    expect(JSON.stringify(r.card ?? "")).toContain('"text":"DEKOM-');
  });

  it("should lose no acknowledged answer while a third of the writes fail under concurrent use, and finish", {
    timeout: 120_000,
  }, async () => {
    const team = Array.from({ length: 16 }, fresh);
    proxy.resetCounts();
    proxy.setFaults(mixedWriteFaults("reports", [{ type: "unavailable" }, { type: "drop" }], 0.05));
    const acknowledged = new Map<BenchContact, Map<string, Record<string, string>>>();
    const problems: string[] = [];
    let failures = 0;
    await Promise.all(
      team.map(async (c) => {
        const acks = new Map<string, Record<string, string>>();
        acknowledged.set(c, acks);
        let card: unknown = await open(c);
        for (const [k, page] of PAGES_2024.entries()) {
          const section = { id: pageKey(page) };
          const raw = rawFor(page.part, c.index + k);
          for (let attempt = 1; ; attempt++) {
            const r = await save(c, card, raw);
            const following = PAGES_2024[k + 1];
            const expected = following === undefined ? undefined : pageKey(following);
            const ok =
              expected === undefined
                ? saveData(r.card) === undefined && r.status === 200
                : pageOf(r.card) === expected;
            if (ok && !r.texts.some((t) => t.includes(SAVE_FAILED))) {
              acks.set(section.id, raw);
              card = r.card;
              break;
            }
            failures++;
            if (!failedVisibly(r))
              problems.push(`${c.reportId}/${section.id}: not told: ${r.texts.join(" | ")}`);
            else if (!keepsTyped(r.card, raw))
              problems.push(`${c.reportId}/${section.id}: typed values lost`);
            if (attempt >= 30) throw new Error(`${c.reportId}/${section.id}: still failing after 30 tries`);
            if (r.card !== undefined && saveData(r.card) !== undefined) card = r.card;
            await sleep(10);
          }
        }
        // Send it. A failed submit answers with a notice; the person opens the review again and retries.
        const ref = { roundId: c.roundId, reportId: c.reportId };
        for (let attempt = 1; ; attempt++) {
          const submit = actionData(card, "report.submit");
          const r =
            submit === undefined ? undefined : await press(post, h.connector.url, c, "report.submit", submit);
          if (isReceipt(r?.card)) break;
          // A submit whose answer was lost on the way (drop-after) did go through: the review says so.
          if (submit === undefined && textBlocks(card).includes("Innsendt rapportering")) break;
          if (attempt >= 30) throw new Error(`${c.reportId}: could not submit after 30 tries`);
          await sleep(10);
          card = (await press(post, h.connector.url, c, "report.review", ref)).card;
        }
      }),
    );
    proxy.clearFaults();
    expect(problems).toEqual([]);
    // The faults really happened. (Was > 5 before group commit: saves of different reports issued
    // together now share one write request, so a fault fails a clump of saves or none, and a run
    // with only a few faulted requests could fail 5 saves or fewer. A bulk lost as a whole is now
    // resolved by reading it back: the saves that fail are mostly faulted single writes and re-sends.)
    expect(failures).toBeGreaterThan(0);
    expect(proxy.counts().faults.drop + proxy.counts().faults.unavailable).toBeGreaterThanOrEqual(2);
    const lost: string[] = [];
    for (const [c, acks] of acknowledged) {
      const doc = await stored(c);
      if (doc.status !== "submitted") lost.push(`${c.reportId}: not submitted`);
      for (const page of PAGES_2024) {
        const raw = acks.get(pageKey(page));
        if (raw === undefined) lost.push(`${c.reportId}/${pageKey(page)}: never acknowledged`);
        else lost.push(...missingAnswers(doc, page.part, raw));
      }
    }
    expect(lost).toEqual([]);
  });
});
