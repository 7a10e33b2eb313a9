/**
 * `npm run bench:overview`: how long county staff wait for the overview of a large round.
 *
 * A local Cosmos-protocol server in this process, 1,000 submitted reports of the 2024/2025 form with
 * realistic answers written through the @azure/cosmos SDK (executeBulkOperations), then, RUNS times:
 * one round point read + one listByRound query (paged, no per-report reads) + questionStats +
 * overviewCards. Every request the SDK makes goes through a tiny counting HTTP proxy, so the table shows
 * exactly how many Cosmos requests one overview costs. Target: under 1 s per overview.
 */
import { Agent, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { overviewCards } from "../cards/overview.ts";
import { getForm, loadForms } from "../src/questionnaire/form.ts";
import type { AnswerContent, Form, Question } from "../src/questionnaire/types.ts";
import { type Answer, RESPONDENT_CATEGORIES, type ReportDoc } from "../src/reports/types.ts";
import { FORM_2024 } from "../src/rounds/round.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { openCosmos } from "../src/storage/cosmos.ts";
import { startLocalCosmos } from "../src/storage/local-cosmos.ts";
import { ReportRepo } from "../src/storage/report-repo.ts";
import { RoundRepo } from "../src/storage/round-repo.ts";
import { questionStats } from "../src/summaries/statistics.ts";

const REPORTS = 1_000;
const RUNS = 5;
const TARGET_MS = 1_000;
const DATABASE = "bench-overview";
const ROUND_ID = "nordland-2025";

// ---------------------------------------------------------------------------------------------------------
// Realistic answers (deterministic)

/** Small seeded PRNG (mulberry32), so every run writes the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  "Skolene har arbeidet med lesing i alle fag gjennom hele skoleåret.",
  "Universitetet har bidratt med faglig veiledning på fellessamlinger og i lærerteamene.",
  "Tiltaket har styrket det profesjonelle læringsfellesskapet, særlig på mellomtrinnet.",
  "Rektorene har fulgt opp arbeidet i egne ledermøter og i nettverket for skoleledere.",
  "Vi ser at lærerne i større grad deler erfaringer og planlegger undervisningen sammen.",
  "Kartleggingen viste behov for mer kompetanse i vurdering for læring og tilpasset opplæring.",
  "Noen aktiviteter ble forsinket fordi vikarressursene ikke strakk til i perioden.",
  "Samarbeidet med høgskolen har gitt nye perspektiver på klasseledelse og læringsmiljø.",
  "Elevene får et mer variert tilbud, og flere elever deltar aktivt i undervisningen.",
  "Arbeidet videreføres neste år med vekt på inkludering og tidlig innsats.",
];
const PEOPLE = ["Kari Nordmann", "Ola Hansen", "Ingrid Johansen", "Per Olsen", "Siri Larsen", "Nils Berg"];
const PLACES = [
  "Bodø kommune",
  "Rana kommune",
  "Vefsn kommune",
  "Nord universitet",
  "Nordland fylkeskommune",
];
const PARTNERSHIPS = [
  "Salten regionråd",
  "Helgeland",
  "Lofotrådet",
  "Ofoten",
  "Vesterålen",
  "Indre Helgeland",
];
const THEMES = ["Lesing i alle fag", "Vurdering for læring", "Inkludering", "Klasseledelse", "Realfag"];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function prose(rand: () => number, minChars: number, maxChars: number): string {
  const target = minChars + Math.floor(rand() * (maxChars - minChars));
  let text = "";
  while (text.length < target) text += `${text ? " " : ""}${pick(rand, SENTENCES)}`;
  return text;
}

function subset(rand: () => number, options: readonly string[], min: number, max: number): string[] {
  const count = Math.min(options.length, min + Math.floor(rand() * (max - min + 1)));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pick(rand, options));
  return options.filter((o) => chosen.has(o));
}

function answerFor(q: Question, rand: () => number): AnswerContent | undefined {
  if (!q.required && rand() < 0.4) return undefined;
  let content: AnswerContent;
  switch (q.type) {
    case "text":
      content = {
        value: q.id === "q01" ? pick(rand, PEOPLE) : `${pick(rand, PLACES)}, ${pick(rand, PLACES)}`,
      };
      break;
    case "longtext":
      content = { value: prose(rand, 200, 2_000) };
      break;
    case "email":
      content = { value: `${pick(rand, PEOPLE).toLowerCase().replace(" ", ".")}@example.no` };
      break;
    case "phone":
      content = { value: `9${Math.floor(rand() * 1e7)}`.padEnd(8, "0") };
      break;
    case "integer":
      content = { value: rand() < 0.2 ? 0 : Math.floor(rand() * 20) };
      break;
    case "amount_nok":
      content = { value: rand() < 0.1 ? 0 : Math.round(10 ** (4 + rand() * 2.5) / 1000) * 1000 };
      break;
    case "yesno":
      content = { value: rand() < 0.9 };
      break;
    case "choice":
      content = { value: pick(rand, q.options ?? []) };
      break;
    case "multichoice": {
      const value = subset(rand, q.options ?? [], 1, 3);
      if (q.allowOther && rand() < 0.1) {
        value.push("Annet");
        content = { value, other: prose(rand, 40, 200) };
      } else content = { value };
      break;
    }
    case "season_year":
      content = { value: { season: rand() < 0.5 ? "Vår" : "Høst", year: 2023 + Math.floor(rand() * 3) } };
      break;
  }
  if (q.comment && rand() < 0.5) content.comment = prose(rand, 60, 400);
  return content;
}

function reportOf(form: Form, i: number): ReportDoc {
  const rand = prng(i + 1);
  const at = new Date(Date.UTC(2026, 0, 2 + (i % 12), 8 + (i % 9), i % 60)).toISOString();
  const answers: Record<string, Answer> = {};
  for (const q of form.sections.flatMap((s) => s.questions)) {
    const content = answerFor(q, rand);
    if (content) answers[q.id] = { ...content, by: { id: `aad-${i}`, name: pick(rand, PEOPLE) }, at, rev: 5 };
  }
  const partnership = `${pick(rand, PARTNERSHIPS)} ${Math.floor(i / 4) + 1}`;
  return {
    id: `t-${i}`,
    roundId: ROUND_ID,
    formId: form.id,
    partnership: {
      id: `p-${Math.floor(i / 4)}`,
      name: partnership,
      category: RESPONDENT_CATEGORIES[i % RESPONDENT_CATEGORIES.length] ?? "Kommune",
      sector: i % 5 === 0 ? "Privat" : "Offentlig",
    },
    tiltak: { id: `t-${i}`, name: `${pick(rand, THEMES)} (${i})`, caseNumber: `2025/${1000 + i}` },
    contact: { name: pick(rand, PEOPLE), email: `kontakt${i}@example.no`, aadObjectId: `aad-${i}` },
    coEditors: [],
    status: "submitted",
    revision: 5,
    answers,
    submittedAt: at,
    submittedBy: { id: `aad-${i}`, name: "Kontakt" },
    receipt: `DEKOM-${i}`,
    createdAt: "2025-12-01T09:00:00.000Z",
    updatedAt: at,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Counting proxy between the SDK and the Cosmos server

interface CountingProxy {
  endpoint: string;
  counts: Map<string, number>;
  /** Documents in each query page answered since the last reset (x-ms-item-count), in order. */
  pageItems: number[];
  /**
   * Answer the SDK's query-plan request here with a small plan, as Azure's gateway does, instead of
   * passing it to the local server (which runs it as the query itself and returns every document).
   */
  answerQueryPlans: boolean;
  reset(): void;
  close(): Promise<void>;
}

const QUERY_PLAN_HEADER = "x-ms-cosmos-is-query-plan-request";

/** What Azure returns for the plan of a plain "SELECT * ... WHERE" (the SDK does not use it for such a query). */
const SMALL_QUERY_PLAN = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None",
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: "",
    hasSelectValue: false,
    dCountInfo: null,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
});

/** What kind of Cosmos request this is, from its method, path and headers. */
function kindOf(method: string, path: string, headers: Record<string, unknown>): string {
  const p = path.split("?")[0] ?? "";
  const where = p.replace(/^\/dbs\/[^/]+/, "");
  if (String(headers[QUERY_PLAN_HEADER] ?? "").toLowerCase() === "true") return `query plan ${where}`;
  if (headers["x-ms-documentdb-isquery"] === "true" || headers["content-type"] === "application/query+json") {
    return `query page ${where}`;
  }
  if (/\/docs\/[^/]+$/.test(p)) return `${method} one document ${p.split("/")[4] ?? ""}`;
  if (/\/pkranges$/.test(p)) return `${method} partition key ranges`;
  if (p === "/" || p === "") return `${method} account`;
  return `${method} ${p}`;
}

async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const proxy: CountingProxy = {
    endpoint: "",
    counts: new Map(),
    pageItems: [],
    answerQueryPlans: false,
    reset() {
      proxy.counts.clear();
      proxy.pageItems.length = 0;
    },
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const kind = kindOf(req.method ?? "GET", req.url ?? "/", req.headers);
    proxy.counts.set(kind, (proxy.counts.get(kind) ?? 0) + 1);
    if (proxy.answerQueryPlans && kind.startsWith("query plan")) {
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "x-ms-request-charge": "0" });
      res.end(SMALL_QUERY_PLAN);
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        if (kind.startsWith("query page")) {
          proxy.pageItems.push(Number(answer.headers["x-ms-item-count"] ?? Number.NaN));
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    agent.destroy();
  };
  return proxy;
}

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
  const cards = overviewCards({ round, form, reports, stats });
  const t3 = performance.now();
  if (reports.length !== REPORTS) throw new Error(`listByRound gave ${reports.length} reports`);
  const sizes = cards.map((c) => Buffer.byteLength(JSON.stringify(c), "utf8"));
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
      "largest card",
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

    const docs = Array.from({ length: REPORTS }, (_, i) => reportOf(form, i));
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
      `Cards: ${last.cards} (all ${(last.totalBytes / 1e6).toFixed(2)} MB), largest ${last.largestCard} bytes ` +
        "(limit 40 960).",
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
