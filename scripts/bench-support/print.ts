/** The bench's tables and target verdicts. */
import { cpus } from "node:os";
import type { CosmosAttribution } from "./attribution.ts";
import type { Window } from "./profile-summary.ts";
import { byStep, fmt, ratio, type StepStats, stepStats, table } from "./report.ts";
import { HEI, type StepRecord } from "./report-walk.ts";

/** The targets of issue 8, relative to the echo bot. */
const TARGET = { p99: 1.3, cpu: 1.5, reads: 1, writes: 1 };

export interface PhaseResult {
  records: StepRecord[];
  /** When the phase ran, for cutting CPU profiles to it. */
  window: Window;
  wallMs: number;
  botCpuMs: number;
  cosmosCpuMs: number;
  turns: number;
}

export function printReport(
  n: number,
  r: {
    steps: { greeting: string; answers: string[] };
    botA: PhaseResult;
    botB: PhaseResult;
    echoA: PhaseResult | undefined;
    echoB: PhaseResult | undefined;
    attribution: CosmosAttribution;
    stateErrors: string[];
    rss: [number, number];
  },
) {
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
  const b = r.attribution.batching;
  console.log(
    `Report writes (phases A+B): ${b.requests} requests carrying ${b.documents} replaces, mean batch ${fmt(b.meanBatch)}; ` +
      `${b.bulks} of them bulk requests (group commit), mean size ${fmt(b.meanBulk)}. ` +
      "A step's share of a bulk request counts as 1/size of a write.",
  );
  if (r.attribution.exactRows.length > 0) {
    console.log(
      "\nCosmos requests per step of one contact walking alone afterwards (exact, nothing else running):",
    );
    console.log(
      table(
        ["step", "reads", "writes", "queries", "meta", "by container"],
        r.attribution.exactRows.map((x) => [x.step, x.read, x.write, x.query, x.meta, x.where]),
      ),
    );
  }
  if (r.attribution.unattributed > 0)
    console.log(
      `(${r.attribution.unattributed} requests could not be attributed to a contact's step: ${JSON.stringify(r.attribution.unattributedKinds)})`,
    );

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
  const exactAnswers = r.attribution.exactRows.filter((x) => x.step !== HEI && !x.step.startsWith("("));
  const maxReads = Math.max(...answerRows.map((x) => x.maxRead), ...exactAnswers.map((x) => x.read));
  const maxWrites = Math.max(...answerRows.map((x) => x.maxWrite), ...exactAnswers.map((x) => x.write));
  const maxQueries = Math.max(...answerRows.map((x) => x.maxQuery), ...exactAnswers.map((x) => x.query));
  const p99x = ratio(all.p99, echoAll?.p99 ?? Number.NaN);
  const cpux = ratio(cpuB, echoCpuB);
  const verdict = (ok: boolean, measured = 0) => (Number.isNaN(measured) ? "n/a" : ok ? "MET" : "MISSED");
  console.log("\nTargets (answer steps vs the echo bot's invoke turns):");
  console.log(
    table(
      ["target", "measured", "limit", ""],
      [
        ["p99 latency vs echo", `${fmt(p99x)}x`, `<= ${TARGET.p99}x`, verdict(p99x <= TARGET.p99, p99x)],
        [
          "CPU per answer step vs echo",
          `${fmt(cpux)}x`,
          `<= ${TARGET.cpu}x`,
          verdict(cpux <= TARGET.cpu, cpux),
        ],
        [
          "Cosmos per answer step (worst turn)",
          `${fmt(maxReads)} read, ${fmt(maxWrites)} write, ${fmt(maxQueries)} query`,
          "<= 1 read + 1 write",
          verdict(maxReads <= TARGET.reads && maxWrites <= TARGET.writes && maxQueries === 0),
        ],
        ["errors", String(errors), "0", verdict(errors === 0)],
      ],
    ),
  );
  return {
    contacts: n,
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
