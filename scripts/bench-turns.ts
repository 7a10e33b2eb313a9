/**
 * `npm run bench:turns [-- --contacts 200]`: N contact persons (default 200) each complete a whole
 * 2024/2025 report at the same time by POSTing activities to the real bot's /api/messages, and the
 * same load is driven against a bare botbuilder echo bot (test/support/echo-bot.ts) for comparison.
 *
 *   phase A  every contact says "hei" (message; the bot greets with a card through the connector)
 *   phase B  every contact opens the report, saves each of the 6 sections ("next", revision and base
 *            from the card the bot returned) and sends it (8 answer steps, invokes answered in place)
 *
 * Processes: the local Cosmos server (src/storage/local-cosmos-main.ts), the bot (bot/index.ts) and
 * the echo bot each run in their own node process, so the CPU time read from /proc/<pid>/stat is theirs
 * alone. This process holds the load generator, the loopback Bot Connector and a pass-through Cosmos
 * proxy (test/support/cosmos-fault-proxy.ts) that counts the bot's Cosmos requests per step.
 *
 * Options: --contacts N (200), --warmup N (20 contacts before measuring), --echo-card-bytes B (16384),
 *          --profile DIR (write V8 CPU profiles of both bots there and print the top of each),
 *          --bot-root DIR (run bot/index.ts from another copy of the tree, for experiments),
 *          --no-echo, --json FILE (write every figure as JSON).
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getForm, loadForms } from "../src/questionnaire/form.ts";
import { openCosmos } from "../src/storage/cosmos.ts";
import { ReportRepo } from "../src/storage/report-repo.ts";
import { RoundRepo } from "../src/storage/round-repo.ts";
import { type CosmosRequestKind, startCosmosFaultProxy } from "../test/support/cosmos-fault-proxy.ts";
import { startLoopbackConnector } from "../test/support/loopback-connector.ts";
import { freePort } from "../test/support/ports.ts";
import { messageActivity } from "./bench-support/activities.ts";
import { ActivityClient } from "./bench-support/client.ts";
import {
  type BotChild,
  clkTck,
  cpuMs,
  rssMb,
  startBotProcess,
  startCosmosProcess,
  startEchoProcess,
} from "./bench-support/processes.ts";
import { monotonicUs, summarizeProfile, type Window } from "./bench-support/profile-summary.ts";
import { byStep, fmt, ratio, type StepStats, stepStats, table } from "./bench-support/report.ts";
import {
  type BenchContact,
  benchContact,
  benchReport,
  benchRound,
  greet,
  HEI,
  type Progress,
  type StepRecord,
  stepNames,
  walkEcho,
  walkReport,
} from "./bench-support/report-walk.ts";

const FORM_ID = "dekom-2024-2025";
const ROUND_ID = "bench-2025";
const DATABASE = "bench";
const TARGET = { p99: 1.3, cpu: 1.5, reads: 1, writes: 1 };

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "echo-card-bytes": { type: "string", default: "16384" },
    profile: { type: "string" },
    "bot-root": { type: "string" },
    "no-echo": { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const N = Number(args.contacts);
const WARMUP = Number(args.warmup);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(WARMUP) || WARMUP < 0) {
  console.error("--contacts and --warmup must be whole numbers (contacts >= 1)");
  process.exit(2);
}

interface PhaseResult {
  records: StepRecord[];
  /** When the phase ran, for cutting CPU profiles to it. */
  window: Window;
  wallMs: number;
  botCpuMs: number;
  cosmosCpuMs: number;
  turns: number;
}

/** Runs `work` and measures wall time and the CPU time of the bot (and the Cosmos server). */
async function phase(
  bot: BotChild,
  cosmosPid: number | undefined,
  work: (record: (r: StepRecord) => void) => Promise<unknown>,
): Promise<PhaseResult> {
  const records: StepRecord[] = [];
  const cpu0 = cpuMs(bot.pid);
  const db0 = cosmosPid === undefined ? 0 : cpuMs(cosmosPid);
  const fromUs = monotonicUs();
  const t0 = performance.now();
  await work((r) => records.push(r));
  const wallMs = performance.now() - t0;
  return {
    records,
    window: { fromUs, toUs: monotonicUs() },
    wallMs,
    botCpuMs: cpuMs(bot.pid) - cpu0,
    cosmosCpuMs: cosmosPid === undefined ? 0 : cpuMs(cosmosPid) - db0,
    turns: records.length,
  };
}

async function main(): Promise<void> {
  const form = getForm(loadForms(), FORM_ID);
  const steps = stepNames(form);
  const profileDir = args.profile;
  const profArgs = (name: string) =>
    profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-name", `${name}.cpuprofile`] : [];
  const cpuModel = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `bench:turns: ${N} contacts x (1 message + ${steps.answers.length} answer steps), warm-up ${WARMUP} contacts`,
  );
  console.log(
    `machine: ${cpus().length} x ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, CLK_TCK ${clkTck()}\n`,
  );

  const cosmos = await startCosmosProcess({ database: DATABASE });
  const store = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: DATABASE });
  const proxy = await startCosmosFaultProxy({ target: cosmos.endpoint });
  const connector = await startLoopbackConnector();
  const children: BotChild[] = [];
  try {
    // Seed directly through the SDK (not through the counting proxy).
    const contacts = Array.from({ length: N }, (_, i) => benchContact(i, ROUND_ID));
    const warm = Array.from({ length: WARMUP }, (_, i) => benchContact(i, ROUND_ID, "warm"));
    const reports = new ReportRepo(store.containers.reports);
    await new RoundRepo(store.containers.rounds).upsert(benchRound(ROUND_ID, FORM_ID));
    const all = [...warm, ...contacts];
    for (let i = 0; i < all.length; i += 16) {
      await Promise.all(all.slice(i, i + 16).map((c) => reports.upsert(benchReport(c, FORM_ID))));
    }

    // --- the product ---------------------------------------------------------------------------
    const bot = await startBotProcess({
      port: await freePort(),
      env: {
        COSMOS_ENDPOINT: proxy.url,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: DATABASE,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
      },
      ...(args["bot-root"] ? { root: args["bot-root"] } : {}),
      nodeArgs: profArgs("bot"),
    });
    children.push(bot);
    const client = new ActivityClient(`${bot.url}/api/messages`, { maxSockets: N + WARMUP });
    const attribution = attributeCosmos(proxy, contacts);

    await Promise.all(
      warm.map(async (c) => {
        await greet(client, connector.url, c, () => undefined);
        await walkReport(client, connector.url, c, form, () => undefined);
      }),
    );
    attribution.reset();
    const rss0 = rssMb(bot.pid);
    const botA = await phase(bot, cosmos.pid, (record) =>
      Promise.all(contacts.map((c) => greet(client, connector.url, c, record, attribution.progress(c)))),
    );
    const botB = await phase(bot, cosmos.pid, (record) =>
      Promise.all(
        contacts.map((c) => walkReport(client, connector.url, c, form, record, attribution.progress(c))),
      ),
    );
    const rss1 = rssMb(bot.pid);
    client.close();
    await bot.stop();

    // Every report must be stored as submitted, with every answer of the walk.
    const stateErrors: string[] = [];
    for (const c of contacts) {
      const doc = (await reports.get(ROUND_ID, c.reportId))?.doc;
      if (doc?.status !== "submitted" || doc.revision !== form.sections.length + 1)
        stateErrors.push(`${c.reportId}: status ${doc?.status}, revision ${doc?.revision}`);
    }

    // --- the echo baseline -----------------------------------------------------------------------
    let echoA: PhaseResult | undefined;
    let echoB: PhaseResult | undefined;
    if (!args["no-echo"]) {
      const echo = await startEchoProcess({
        cardBytes: Number(args["echo-card-bytes"]),
        nodeArgs: profArgs("echo"),
      });
      children.push(echo);
      const echoClient = new ActivityClient(`${echo.url}/api/messages`, { maxSockets: N + WARMUP });
      const echoGreet = (c: BenchContact, record: (r: StepRecord) => void) =>
        echoClient.post(messageActivity(connector.url, c.user, "hei")).then((r) =>
          record({
            step: HEI,
            ms: r.ms,
            status: r.status,
            ok: r.status === 200,
            ...(r.status === 200 ? {} : { problem: `HTTP ${r.status} ${r.error ?? ""}` }),
          }),
        );
      await Promise.all(
        warm.map(async (c) => {
          await echoGreet(c, () => undefined);
          await walkEcho(echoClient, connector.url, c, form, () => undefined);
        }),
      );
      echoA = await phase(echo, undefined, (record) =>
        Promise.all(contacts.map((c) => echoGreet(c, record))),
      );
      echoB = await phase(echo, undefined, (record) =>
        Promise.all(contacts.map((c) => walkEcho(echoClient, connector.url, c, form, record))),
      );
      echoClient.close();
      await echo.stop();
    }

    // --- report -------------------------------------------------------------------------------
    const result = printReport({
      steps,
      botA,
      botB,
      echoA,
      echoB,
      attribution: attribution.summary(steps.answers),
      stateErrors,
      rss: [rss0, rss1],
    });
    if (profileDir) {
      const profiles = [{ name: "bot", window: botB.window }];
      if (echoB) profiles.push({ name: "echo", window: echoB.window });
      for (const { name, window } of profiles) {
        const file = join(profileDir, `${name}.cpuprofile`);
        console.log(`\nCPU profile of the ${name}, phase B only (${file}):`);
        console.log(summarizeProfile(file, 25, window));
      }
    }
    if (args.json) writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
    process.exitCode = result.errors > 0 ? 1 : 0;
  } finally {
    for (const c of children) await c.stop().catch(() => undefined);
    await connector.close();
    await proxy.close();
    store.dispose();
    await cosmos.stop();
  }
}

/** Attributes each Cosmos request to the contact (by report id, person id or query @id) and its current step. */
function attributeCosmos(proxy: Awaited<ReturnType<typeof startCosmosFaultProxy>>, contacts: BenchContact[]) {
  const progress = new Map<BenchContact, Progress>();
  const byId = new Map<string, BenchContact>();
  for (const c of contacts) {
    byId.set(c.reportId, c);
    byId.set(c.user.aadObjectId, c);
    progress.set(c, { step: undefined });
  }
  /** Requests per turn: "<contact>|<step>" -> kind -> count. */
  let turns = new Map<string, Record<CosmosRequestKind, number>>();
  let other = 0;
  proxy.onRequest((info) => {
    const idParam = info.query?.parameters?.find((p) => p.name === "@id")?.value;
    const c = byId.get(info.docId ?? (typeof idParam === "string" ? idParam : ""));
    const step = c === undefined ? undefined : progress.get(c)?.step;
    if (c === undefined || step === undefined) {
      other++;
      return;
    }
    const key = `${c.index}|${step}`;
    let t = turns.get(key);
    if (t === undefined) {
      t = { read: 0, write: 0, query: 0, meta: 0 };
      turns.set(key, t);
    }
    t[info.kind]++;
  });
  return {
    progress: (c: BenchContact) => progress.get(c) as Progress,
    reset() {
      turns = new Map();
      other = 0;
    },
    /** Per step: mean requests of each kind per turn, and the most reads/writes any one turn made. */
    summary(answerSteps: string[]) {
      const steps = [HEI, ...answerSteps];
      const rows = steps.map((step) => {
        const ts = [...turns.entries()]
          .filter(([k]) => k.slice(k.indexOf("|") + 1) === step)
          .map(([, v]) => v);
        const n = Math.max(1, ts.length);
        const sum = (kind: CosmosRequestKind) => ts.reduce((s, t) => s + t[kind], 0);
        return {
          step,
          turns: ts.length,
          read: sum("read") / n,
          write: sum("write") / n,
          query: sum("query") / n,
          meta: sum("meta") / n,
          maxRead: Math.max(0, ...ts.map((t) => t.read)),
          maxWrite: Math.max(0, ...ts.map((t) => t.write)),
          maxQuery: Math.max(0, ...ts.map((t) => t.query)),
        };
      });
      return { rows, unattributed: other };
    },
  };
}

function printReport(r: {
  steps: { greeting: string; answers: string[] };
  botA: PhaseResult;
  botB: PhaseResult;
  echoA: PhaseResult | undefined;
  echoB: PhaseResult | undefined;
  attribution: ReturnType<ReturnType<typeof attributeCosmos>["summary"]>;
  stateErrors: string[];
  rss: [number, number];
}) {
  const ALL = "all answer steps";
  const botStats = [
    ...byStep(r.botA.records, [r.steps.greeting]),
    ...byStep(r.botB.records, r.steps.answers),
    stepStats(ALL, r.botB.records),
  ];
  const echoStats =
    r.echoA && r.echoB
      ? [
          ...byStep(r.echoA.records, [r.steps.greeting]),
          ...byStep(r.echoB.records, r.steps.answers),
          stepStats(ALL, r.echoB.records),
        ]
      : undefined;
  const echoOf = (s: StepStats) => echoStats?.find((e) => e.step === s.step);
  const thr = (p: PhaseResult) => (p.turns * 1000) / p.wallMs;

  console.log("Latency per step (ms, POST until the HTTP response), product bot vs echo bot:");
  console.log(
    table(
      ["step", "n", "err", "p50", "p95", "p99", "echo p50", "echo p99", "p50 x", "p99 x"],
      botStats.map((s) => {
        const e = echoOf(s);
        return [
          s.step,
          s.n,
          s.errors,
          s.p50,
          s.p95,
          s.p99,
          e?.p50 ?? Number.NaN,
          e?.p99 ?? Number.NaN,
          ratio(s.p50, e?.p50 ?? Number.NaN),
          ratio(s.p99, e?.p99 ?? Number.NaN),
        ];
      }),
    ),
  );

  const cpuA = r.botA.botCpuMs / Math.max(1, r.botA.turns);
  const cpuB = r.botB.botCpuMs / Math.max(1, r.botB.turns);
  const echoCpuA = r.echoA ? r.echoA.botCpuMs / Math.max(1, r.echoA.turns) : Number.NaN;
  const echoCpuB = r.echoB ? r.echoB.botCpuMs / Math.max(1, r.echoB.turns) : Number.NaN;
  console.log("\nThroughput and CPU time of the bot process (utime + stime from /proc, per turn):");
  console.log(
    table(
      [
        "phase",
        "turns",
        "wall s",
        "turns/s",
        "bot CPU ms/turn",
        "echo turns/s",
        "echo CPU ms/turn",
        "CPU x",
        "Cosmos server CPU ms/turn",
      ],
      [
        [
          "A: hei (message)",
          r.botA.turns,
          r.botA.wallMs / 1000,
          thr(r.botA),
          cpuA,
          r.echoA ? thr(r.echoA) : Number.NaN,
          echoCpuA,
          ratio(cpuA, echoCpuA),
          r.botA.cosmosCpuMs / Math.max(1, r.botA.turns),
        ],
        [
          "B: answer steps (invokes)",
          r.botB.turns,
          r.botB.wallMs / 1000,
          thr(r.botB),
          cpuB,
          r.echoB ? thr(r.echoB) : Number.NaN,
          echoCpuB,
          ratio(cpuB, echoCpuB),
          r.botB.cosmosCpuMs / Math.max(1, r.botB.turns),
        ],
      ],
    ),
  );
  console.log(`bot RSS: ${fmt(r.rss[0])} MB before the measured phases, ${fmt(r.rss[1])} MB after`);

  console.log("\nCosmos requests per turn, seen by the proxy (mean; max of any one turn):");
  console.log(
    table(
      ["step", "turns", "reads", "writes", "queries", "meta", "max reads", "max writes", "max queries"],
      r.attribution.rows.map((x) => [
        x.step,
        x.turns,
        x.read,
        x.write,
        x.query,
        x.meta,
        x.maxRead,
        x.maxWrite,
        x.maxQuery,
      ]),
    ),
  );
  if (r.attribution.unattributed > 0)
    console.log(`(${r.attribution.unattributed} requests could not be attributed to a contact's step)`);

  const failed = [...r.botA.records, ...r.botB.records].filter((x) => !x.ok);
  const echoFailed = [...(r.echoA?.records ?? []), ...(r.echoB?.records ?? [])].filter((x) => !x.ok);
  const errors = failed.length + r.stateErrors.length;
  console.log(
    `\nErrors: product ${failed.length} failed requests, ${r.stateErrors.length} reports not stored as submitted; echo ${echoFailed.length}`,
  );
  for (const f of failed.slice(0, 5)) console.log(`  ${f.step}: ${f.problem}`);
  for (const s of r.stateErrors.slice(0, 5)) console.log(`  ${s}`);

  const all = botStats.find((s) => s.step === ALL) as StepStats;
  const echoAll = echoStats?.find((s) => s.step === ALL);
  const answerRows = r.attribution.rows.filter((x) => x.step !== HEI);
  const maxReads = Math.max(...answerRows.map((x) => x.maxRead));
  const maxWrites = Math.max(...answerRows.map((x) => x.maxWrite));
  const maxQueries = Math.max(...answerRows.map((x) => x.maxQuery));
  const p99x = ratio(all.p99, echoAll?.p99 ?? Number.NaN);
  const cpux = ratio(cpuB, echoCpuB);
  const verdict = (ok: boolean) => (ok ? "MET" : "MISSED");
  console.log("\nTargets (answer steps vs the echo bot's invoke turns):");
  console.log(
    table(
      ["target", "measured", "limit", ""],
      [
        ["p99 latency vs echo", `${fmt(p99x)}x`, `<= ${TARGET.p99}x`, verdict(p99x <= TARGET.p99)],
        ["CPU per answer step vs echo", `${fmt(cpux)}x`, `<= ${TARGET.cpu}x`, verdict(cpux <= TARGET.cpu)],
        [
          "Cosmos per answer step (max of any turn)",
          `${maxReads} read, ${maxWrites} write, ${maxQueries} query`,
          "<= 1 read + 1 write",
          verdict(maxReads <= TARGET.reads && maxWrites <= TARGET.writes && maxQueries === 0),
        ],
        ["errors", String(errors), "0", verdict(errors === 0)],
      ],
    ),
  );
  return {
    contacts: N,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    bot: botStats,
    echo: echoStats,
    cpuMsPerTurn: { botHei: cpuA, botAnswer: cpuB, echoMessage: echoCpuA, echoInvoke: echoCpuB },
    throughput: {
      botHei: thr(r.botA),
      botAnswer: thr(r.botB),
      echoMessage: r.echoA ? thr(r.echoA) : undefined,
      echoInvoke: r.echoB ? thr(r.echoB) : undefined,
    },
    cosmos: r.attribution,
    ratios: { p99: p99x, cpu: cpux },
    errors,
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
