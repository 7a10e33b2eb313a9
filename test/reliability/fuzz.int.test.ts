/**
 * Fuzz: 10,000 random and malformed activities and card payloads against the real bot (in-process, on a
 * real port): wrong types, huge strings, missing fields, unknown verbs and invoke names, non-JSON bodies,
 * and markdown/HTML/unicode in names and answers that later show up in cards. The bot must not crash,
 * must not answer 5xx, must keep its memory, and must show every person-typed text escaped.
 *
 * The first runs found 5xx for: no string activity type, a serviceUrl that is not a string, invoke names
 * the bot does not handle, an adaptiveCard/action without value.action, and a card action without
 * from/conversation. bot/server.ts and bot/teams-bot.ts answer those with 400 now; the tests at the end
 * pin each case, and ANY 5xx fails the run. The seed is printed; FUZZ_SEED=<seed> replays a run,
 * FUZZ_TOTAL=<n> shortens it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Verb } from "../../cards/verbs.ts";
import { baseActivity, invokeCard, textBlocks } from "../../scripts/bench-support/activities.ts";
import { ActivityClient } from "../../scripts/bench-support/client.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";
import { ALEX, type FuzzRequest, fuzzGenerator, MEGAN, REPORTS } from "./fuzz-activities.ts";
import { checkTextRuns, describeRequest, EscapeCheck } from "./fuzz-checks.ts";

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 10_000);
const WARM_UP = Math.min(1_000, Math.floor(TOTAL / 10));
const CONCURRENCY = 16;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** A full GC before reading the heap (the test command cannot pass --expose-gc). */
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

interface Outcome {
  status: number;
  category: string;
  ms: number;
  /** A known product bug this request falls under, if any. */
}

describe("fuzz: 10,000 random and malformed activities", () => {
  let h: Harness;
  let client: ActivityClient;
  let next: () => Promise<FuzzRequest>;
  const escapes = new EscapeCheck();
  const checkEscaped = (texts: string[], where: string) => escapes.check(texts, where);
  const checkCard = (card: unknown, where: string) => {
    escapes.check(textBlocks(card), where);
    checkTextRuns(escapes, card, where);
  };
  /** Texts the bot sent through the connector (messages and card attachments), then forget them. */
  const drainConnector = () => {
    for (const call of h.connector.calls()) {
      const body = call.body as { text?: unknown; attachments?: { content?: unknown }[] } | undefined;
      if (typeof body?.text === "string") checkEscaped([body.text], "message text");
      for (const att of body?.attachments ?? []) checkCard(att.content, "sent card");
    }
    h.connector.reset();
  };

  beforeAll(async () => {
    h = await startHarness();
    next = fuzzGenerator({
      seed: SEED,
      serviceUrl: h.connector.url,
      currentRevision: async (roundId, reportId) =>
        (await h.running.app.repos.reports.get(roundId, reportId).catch(() => undefined))?.doc.revision,
    });
    client = new ActivityClient(h.url, { maxSockets: CONCURRENCY, timeoutMs: 30_000 });
  });
  afterAll(async () => {
    client?.close();
    await h?.close();
  });

  it(`should survive ${TOTAL.toLocaleString("en")} activities: no crash, no 5xx, stable memory, escaped cards (seed printed)`, {
    timeout: 480_000,
  }, async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} to replay)`);
    const outcomes: Outcome[] = [];
    const unexplained: string[] = [];
    const noAnswer: string[] = [];
    const slow: string[] = [];
    let sent = 0;
    let heapAfterWarmUp = 0;
    // Marked answers seen stored, looked for every 500 activities and at the end (a later random save
    // or a submit may overwrite or freeze a report's answers, so one look at the end can find none).
    const markedAnswers = new Set<string>();
    const noteMarkedAnswers = async () => {
      for (const ref of REPORTS) {
        const stored = await h.running.app.repos.reports.get(ref.roundId, ref.reportId);
        for (const a of Object.values(stored?.doc.answers ?? {}))
          for (const mark of JSON.stringify(a).match(/Zq\d{5}/g) ?? []) markedAnswers.add(mark);
      }
    };
    const worker = async () => {
      while (sent < TOTAL) {
        const n = sent++;
        const [body, contentType, category] = await next();
        const r = await client.post(body, { "content-type": contentType });
        if (r.error !== undefined) noAnswer.push(`${category}: ${r.error}`);
        outcomes.push({ status: r.status, category, ms: r.ms });
        if (r.ms > 1_000) slow.push(`${r.ms.toFixed(0)} ms ${category}: ${describeRequest(body)}`);
        if (r.status >= 500)
          unexplained.push(
            `${category} -> ${r.status}: ${describeRequest(body)} => ${JSON.stringify(r.body ?? "").slice(0, 200)}`,
          );
        const card = invokeCard(r.body);
        if (card !== undefined) checkCard(card, `invoke response (${category})`);
        if (n % 500 === 499) {
          drainConnector();
          await noteMarkedAnswers();
        }
        if (n === WARM_UP) heapAfterWarmUp = heapAfterGc();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    drainConnector();

    // Summary for the report.
    const byStatus = new Map<string, number>();
    for (const o of outcomes) {
      const key = `${o.status}`;
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    console.log("fuzz statuses:", Object.fromEntries([...byStatus].sort()));
    const byCategory = new Map<string, { n: number; ms: number }>();
    for (const o of outcomes) {
      const c = byCategory.get(o.category) ?? { n: 0, ms: 0 };
      c.n++;
      c.ms += o.ms;
      byCategory.set(o.category, c);
    }
    console.log(
      "fuzz requests by category (n, mean ms):",
      Object.fromEntries([...byCategory].sort().map(([k, v]) => [k, `${v.n}, ${(v.ms / v.n).toFixed(1)}`])),
    );

    if (slow.length > 0)
      console.log(`${slow.length} requests took over 1 s, e.g.:\n${slow.slice(0, 5).join("\n")}`);

    // Answers typed during the fuzz are shown in the review cards: check those too.
    for (const ref of REPORTS) {
      for (const who of [ALEX, MEGAN]) {
        const r = await h.execute({ ...who, name: "Kontroll" }, Verb.Review, ref);
        checkCard(invokeCard(r.body), `review ${ref.reportId}`);
      }
    }
    await noteMarkedAnswers();

    const heapAtEnd = heapAfterGc();
    console.log(
      `heap after warm-up ${(heapAfterWarmUp / 2 ** 20).toFixed(0)} MB, at end ${(heapAtEnd / 2 ** 20).toFixed(0)} MB; ` +
        `marked answers seen stored: ${markedAnswers.size}; person-typed texts checked in cards: ${escapes.checked}`,
    );
    expect(outcomes).toHaveLength(TOTAL);
    expect(noAnswer).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(escapes.unescaped.slice(0, 10)).toEqual([]);
    expect(escapes.checked, "person-typed texts found in cards and checked").toBeGreaterThan(100);
    expect(markedAnswers.size, "the fuzz stored answers with markdown in them").toBeGreaterThan(0);
    expect(heapAtEnd - heapAfterWarmUp, "heap growth after warm-up").toBeLessThan(96 * 2 ** 20);
    const health = await fetch(`${h.running.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  describe("the 5xx the first fuzz runs found, answered with 4xx now", () => {
    const send = (o: unknown) => client.post(JSON.stringify(o));
    const alex = () => ({ ...baseActivity(h.connector.url, { ...ALEX, name: "Alex" }) });

    // bot/server.ts -> CloudAdapter.process: validateAndFixActivity() throws outside its try/catch.
    it("should answer 400 (not 500) to a JSON body without a string activity type", async () => {
      expect((await send({})).status).toBe(400);
      expect((await send({ ...alex(), type: 5 })).status).toBe(400);
    });

    // botbuilder's ActivityHandler answers 501 NotImplemented to invokes nobody handles.
    it("should not answer 501 to an invoke name the bot does not handle", async () => {
      expect((await send({ ...alex(), type: "invoke", name: "task/fetch", value: {} })).status).toBeLessThan(
        500,
      );
    });

    // bot/server.ts -> CloudAdapter.process: a serviceUrl that is not a string breaks the connector
    // factory before the turn starts ("endpoint.toLowerCase is not a function").
    it("should answer 400 (not 500) to an activity whose serviceUrl is not a string", async () => {
      expect((await send({ ...alex(), type: "message", text: "hei", serviceUrl: 42 })).status).toBe(400);
    });

    // botbuilder's getAdaptiveCardInvokeValue() reads value.action.type without checking value.action:
    // the TypeError ends the turn without an invoke response -> 501.
    it("should answer 400 (not 501) to a card action invoke whose value has no action", async () => {
      const r = await send({ ...alex(), type: "invoke", name: "adaptiveCard/action", value: {} });
      expect(r.status).toBeLessThan(500);
    });

    // A turn that throws (here actorOf() on a missing `from`) leaves no invoke response -> 501.
    it("should not answer 501 to a card action without from/conversation", async () => {
      const a: Record<string, unknown> = {
        ...alex(),
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: Verb.ListReports, data: {} } },
      };
      delete a.from;
      expect((await send(a)).status).toBeLessThan(500);
    });
  });
});
