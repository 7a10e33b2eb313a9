/**
 * `npm run bench:overview`: how long county staff wait for the overview of a large round.
 *
 * A local Cosmos-protocol server in this process, 1,000 submitted reports of the 2024/2025 form with
 * realistic answers written through the @azure/cosmos SDK (executeBulkOperations), then, RUNS times:
 * one round point read + one listByRound query (paged, no per-report reads) + questionStats +
 * overviewCards (the headline card and every section card). Every request the SDK makes goes through a tiny counting HTTP proxy, so the table shows
 * exactly how many Cosmos requests one overview costs. Target: under 1 s per overview.
 */
import { OVERVIEW_MAX_BYTES, overviewCards, utf16Bytes } from "../cards/overview.ts";
import { getForm, loadForms } from "../src/questionnaire/form.ts";
import type { Form } from "../src/questionnaire/types.ts";
import { FORM_2024 } from "../src/rounds/round.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { openCosmos } from "../src/storage/cosmos.ts";
import { startLocalCosmos } from "../src/storage/local-cosmos.ts";
import { ReportRepo } from "../src/storage/report-repo.ts";
import { RoundRepo } from "../src/storage/round-repo.ts";
import { questionStats } from "../src/summaries/statistics.ts";
import { type CountingProxy, startCountingProxy } from "./bench-support/counting-proxy.ts";
import { reportOf } from "./bench-support/overview-data.ts";

const REPORTS = 1_000;
const RUNS = 5;
const TARGET_MS = 1_000;
const DATABASE = "bench-overview";
const ROUND_ID = "nordland-2025";

// ---------------------------------------------------------------------------------------------------------
// Measuring

interface Run {
  readMs: number;
  statsMs: number;
  cardsMs: number;
  totalMs: number;
  requests: number;
  queryPages: number;
  pageItems: string;
  queryPlans: number;
  pointReads: number;
  cards: number;
  largestCard: number;
  totalBytes: number;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sumOf = (counts: [string, number][], prefix: string) =>
  counts.filter(([k]) => k.startsWith(prefix)).reduce((a, [, n]) => a + n, 0);

function table(rows: string[][]): void {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join("  "),
    );
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

interface Subject {
  form: Form;
  rounds: RoundRepo;
  reports: ReportRepo;
  proxy: CountingProxy;
}

/** One overview as the bot builds it: round point read, one listByRound query, questionStats, overviewCards. */
async function measure({ form, rounds, reports: repo, proxy }: Subject): Promise<Run> {
  proxy.reset();
  const t0 = performance.now();
  const round = await rounds.get(ROUND_ID);
  if (!round) throw new Error("round missing");
  const reports = await repo.listByRound(ROUND_ID);
  const t1 = performance.now();
  const stats = questionStats(form, reports);
  const t2 = performance.now();
  // The headline card the bot posts and every section card a button can bring.
  const cards = overviewCards({ round, form, reports, stats, now: new Date() });
  const t3 = performance.now();
  if (reports.length !== REPORTS) throw new Error(`listByRound gave ${reports.length} reports`);
  // Measured as Teams counts a message: UTF-16.
  const sizes = cards.map(utf16Bytes);
  const counts = [...proxy.counts.entries()];
  return {
    readMs: t1 - t0,
    statsMs: t2 - t1,
    cardsMs: t3 - t2,
    totalMs: t3 - t0,
    requests: counts.reduce((a, [, n]) => a + n, 0),
    queryPages: sumOf(counts, "query page"),
    pageItems: proxy.pageItems.join(" + "),
    queryPlans: sumOf(counts, "query plan"),
    pointReads: counts.filter(([k]) => k.includes("one document")).reduce((a, [, n]) => a + n, 0),
    cards: cards.length,
    largestCard: Math.max(...sizes),
    totalBytes: sizes.reduce((a, b) => a + b, 0),
  };
}

function report(title: string, runs: Run[]): { worst: number; median: number } {
  console.log(`${title}\n`);
  table([
    [
      "run",
      "read (Cosmos)",
      "questionStats",
      "overviewCards",
      "total",
      "requests",
      "query pages (docs)",
      "query plans",
      "point reads",
      "cards",
      "largest card (UTF-16)",
    ],
    ...runs.map((x, i) => [
      String(i + 1),
      ms(x.readMs),
      ms(x.statsMs),
      ms(x.cardsMs),
      ms(x.totalMs),
      String(x.requests),
      `${x.queryPages} (${x.pageItems})`,
      String(x.queryPlans),
      String(x.pointReads),
      String(x.cards),
      `${x.largestCard} B`,
    ]),
  ]);
  const totals = runs.map((x) => x.totalMs);
  const result = { worst: Math.max(...totals), median: median(totals) };
  console.log(
    `\ntotal per overview: min ${ms(Math.min(...totals))} · median ${ms(result.median)} · max ${ms(result.worst)}\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const form = getForm(loadForms(), FORM_2024);
  const cosmos = await startLocalCosmos({ database: DATABASE });
  const proxy = await startCountingProxy(cosmos.endpoint);
  const store = await openCosmos({ endpoint: proxy.endpoint, key: cosmos.key, database: DATABASE });
  try {
    const round: RoundDoc = {
      id: ROUND_ID,
      county: "Nordland",
      formId: form.id,
      reportingYear: 2025,
      deadline: "2026-01-15T22:59:00.000Z",
      staffIds: [],
      createdAt: "2025-09-01T08:00:00.000Z",
    };
    const subject: Subject = {
      form,
      rounds: new RoundRepo(store.containers.rounds),
      reports: new ReportRepo(store.containers.reports),
      proxy,
    };
    await subject.rounds.upsert(round);

    const docs = Array.from({ length: REPORTS }, (_, i) => reportOf(form, i, ROUND_ID));
    const docBytes = docs.reduce((acc, d) => acc + Buffer.byteLength(JSON.stringify(d)), 0);
    console.log(
      `Seeding ${REPORTS} submitted reports of ${form.id} (${(docBytes / 1e6).toFixed(1)} MB JSON, ` +
        `${(docBytes / REPORTS / 1024).toFixed(1)} KB each) through the SDK (executeBulkOperations) ...`,
    );
    proxy.reset();
    const seedStart = performance.now();
    const results = await store.containers.reports.items.executeBulkOperations(
      docs.map((d) => ({
        operationType: "Upsert" as const,
        partitionKey: d.roundId,
        resourceBody: d as unknown as Record<string, never>,
      })),
    );
    const failed = results.filter((r) => r.error || (r.response && r.response.statusCode >= 400));
    if (failed.length > 0) {
      const first = failed[0];
      throw new Error(
        `${failed.length} bulk writes failed, e.g. ${JSON.stringify(first?.error ?? first?.response).slice(0, 500)}`,
      );
    }
    const seedMs = performance.now() - seedStart;
    const seedRequests = [...proxy.counts.values()].reduce((a, b) => a + b, 0);
    console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s with ${seedRequests} Cosmos requests\n`);

    const runsA: Run[] = [];
    for (let r = 0; r < RUNS; r++) runsA.push(await measure(subject));
    const a = report(
      `A. Overview of one round, ${REPORTS} submitted reports, ${RUNS} runs, every request passed to the local server\n` +
        "   (the SDK sends its query-plan request beside the query; the local server runs it as the query and\n" +
        "   returns all documents a second time, which Azure Cosmos DB does not do):",
      runsA,
    );

    proxy.answerQueryPlans = true;
    const runsB: Run[] = [];
    for (let r = 0; r < RUNS; r++) runsB.push(await measure(subject));
    const b = report(
      "B. The same, with the query-plan request answered by the proxy with a small plan, as Azure's gateway does:",
      runsB,
    );

    const last = runsB.at(-1) as Run;
    console.log(
      `Cosmos requests per overview: 1 round point read + ${last.queryPages} query page(s) of listByRound ` +
        `(+ the SDK's query-plan request); no per-report reads.`,
    );
    console.log(
      `Cards: ${last.cards} (headline + one per section; all ${(last.totalBytes / 1e3).toFixed(1)} KB in UTF-16), ` +
        `largest card ${last.largestCard} bytes in UTF-16 (limit ${OVERVIEW_MAX_BYTES}: ` +
        `${last.largestCard < OVERVIEW_MAX_BYTES ? "under" : "OVER"}).`,
    );
    const verdict = (x: { worst: number; median: number }) =>
      `${x.worst < TARGET_MS ? "met" : "NOT met"} (worst ${ms(x.worst)}, median ${ms(x.median)})`;
    console.log(`\nTarget: every overview under ${TARGET_MS} ms -> A: ${verdict(a)}; B: ${verdict(b)}.`);
  } finally {
    store.dispose();
    await proxy.close();
    await cosmos.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
