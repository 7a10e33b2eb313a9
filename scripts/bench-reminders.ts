/**
 * `npm run bench:reminders`: 2,000 due reminders through the real sender (ReminderService +
 * bot/proactive.ts over botbuilder's CloudAdapter) against a loopback connector that enforces Teams'
 * rate limits (50/s per tenant, 7/s per conversation; 429 + Retry-After above them), with the real
 * ledger on a local Cosmos server.
 *
 *   A. one run: elapsed against the rate-limit bound (2,000 / 50 per s = 40 s), duplicates, misses
 *   B. the sender is killed (SIGKILL) half-way, then run again: duplicates, misses, and what the
 *      ledger says about the messages that were in flight at the kill
 *
 * The Cosmos server and the connector live in this process (they are "Azure" and "Teams": they
 * survive the crash); each sender is a child process of this script (`--child`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { type RecordedCall, startLoopbackConnector } from "../test/support/loopback-connector.ts";

const ROOT = join(import.meta.dirname, "..");
const REPORTS = 2_000;
const TENANT = "bench-tenant";
const DATABASE = "bench";
const FORM_ID = "dekom-2024-2025";
/** Thursday 8 January 2026 09:05 Oslo: the "7 days before" stage of a 15 January deadline is due. */
const BENCH_NOW = Date.parse("2026-01-08T08:05:00.000Z");
const DEADLINE = "2026-01-15T22:59:00.000Z";
const LEASE_MS = 1_500;
const BOUND_S = REPORTS / 50;

/** Contacts: 1,450 with one report, 250 with two, one with 50 (exercises 7/s per conversation). */
function contactOf(i: number): number {
  if (i < 1_450) return i;
  if (i < 1_950) return 1_450 + Math.floor((i - 1_450) / 2);
  return 1_700;
}

async function main(): Promise<void> {
  const { startLocalCosmos } = await import("../src/storage/local-cosmos.ts");
  const { openCosmos } = await import("../src/storage/cosmos.ts");
  const cosmos = await startLocalCosmos({ database: DATABASE });
  const store = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: DATABASE });
  const connector = await startLoopbackConnector({ rateLimits: true });
  // One clock for all processes: "now" is BENCH_NOW when this script started, and runs on.
  const clockOffset = BENCH_NOW - Date.now();
  const env = {
    ...process.env,
    BENCH_COSMOS: cosmos.endpoint,
    BENCH_KEY: cosmos.key,
    BENCH_CLOCK_OFFSET: String(clockOffset),
  };
  try {
    console.log(
      `Seeding 2 rounds x ${REPORTS} reports (Cosmos ${cosmos.endpoint}, connector ${connector.url}) ...`,
    );
    const t0 = performance.now();
    await seed(store, connector.url, ["bench-a", "bench-b"]);
    console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    // A: one run to the end.
    console.log("A. One run of 2,000 due reminders ...");
    const a = await runChild(env, "bench-a", "a1");
    const aCalls = connector.calls().filter((c) => roundOf(c) === "bench-a");
    const aResult = count(aCalls);
    const aSpan = span(aCalls);
    const first = aCalls.find((c) => c.status === 200)?.at ?? 0;
    const throttledAt = aCalls.filter((c) => c.status === 429).map((c) => ((c.at - first) / 1000).toFixed(1));
    console.log(`   run ${(a.summary.elapsedMs / 1000).toFixed(1)} s, deliveries span ${aSpan.toFixed(1)} s`);

    // B: kill -9 half-way, then run again.
    console.log("B. The same, killed with SIGKILL after ~1,000 deliveries, then run again ...");
    let delivered = 0;
    let killedAt = 0;
    const b1 = startChild(env, "bench-b", "b1");
    const off = connector.onCall((call) => {
      if (roundOf(call) !== "bench-b" || call.status !== 200) return;
      delivered++;
      if (delivered === REPORTS / 2) {
        killedAt = delivered;
        b1.process.kill("SIGKILL");
      }
    });
    await b1.exited;
    off();
    const atKill = count(connector.calls().filter((c) => roundOf(c) === "bench-b")).deliveredOnce;
    await new Promise((r) => setTimeout(r, 200)); // let any request already on the wire land
    const inFlight = await ledgerStatuses(store, "bench-b");
    await new Promise((r) => setTimeout(r, LEASE_MS + 200)); // the killed run's claims expire
    const b2 = await runChild(env, "bench-b", "b2");
    const bCalls = connector.calls().filter((c) => roundOf(c) === "bench-b");
    const bResult = count(bCalls);
    const after = await ledgerStatuses(store, "bench-b");
    const uncertain = after.records.filter((r) => r.status === "uncertain");
    const uncertainDelivered = uncertain.filter((r) => (bResult.perReport.get(r.reportId) ?? 0) > 0).length;
    const notDelivered = [...Array(REPORTS).keys()].filter((i) => !bResult.perReport.has(`rep-${i}`));
    const flagged = new Set(after.records.filter((r) => r.status !== "sent").map((r) => r.reportId));
    const silent = notDelivered.filter((i) => !flagged.has(`rep-${i}`)).length;

    const stats = connector.stats();
    const ratio = a.summary.elapsedMs / 1000 / BOUND_S;
    console.log("\nSummary");
    table([
      ["scenario", "due", "delivered", "duplicates", "misses", "429s", "elapsed", "bound", "ratio"],
      [
        "A one run",
        String(a.summary.due),
        String(aResult.distinct),
        String(aResult.duplicates),
        String(REPORTS - aResult.distinct),
        String(aResult.throttled),
        `${(a.summary.elapsedMs / 1000).toFixed(1)} s`,
        `${BOUND_S} s`,
        `${ratio.toFixed(3)}x`,
      ],
      [
        "B kill -9 + rerun",
        String(REPORTS),
        String(bResult.distinct),
        String(bResult.duplicates),
        String(REPORTS - bResult.distinct),
        String(bResult.throttled),
        `${(b2.summary.elapsedMs / 1000).toFixed(1)} s (rerun)`,
        "",
        "",
      ],
    ]);
    console.log(
      `\nA: ${a.summary.sent} sent, ${a.summary.throttled} throttled, ${a.summary.failed} failed, ${a.summary.uncertain} without an answer; deliveries span ${aSpan.toFixed(1)} s; ` +
        `max accepted in any 1 s window: ${stats.maxPerTenantWindow} per tenant, ${stats.maxPerConversationWindow} per conversation; ` +
        `429s at ${throttledAt.join(", ") || "-"} s after the first delivery.`,
    );
    console.log(
      `B: killed after ${killedAt || "?"} deliveries (${atKill} delivered when it died); ledger then: ` +
        `${fmt(inFlight.byStatus)}. Rerun: ${b2.summary.sent} sent, ${b2.summary.markedUncertain} stale claims marked uncertain, ` +
        `${b2.summary.taken} taken elsewhere, ${b2.summary.failed} failed.`,
    );
    console.log(
      `   ledger after the rerun: ${fmt(after.byStatus)}; uncertain: ${uncertain.length} (${uncertainDelivered} of them had been delivered); ` +
        `not delivered: ${notDelivered.length}, of which silent (not flagged in the ledger): ${silent}.`,
    );
    const ok =
      ratio <= 1.1 &&
      aResult.duplicates === 0 &&
      aResult.distinct === REPORTS &&
      bResult.duplicates === 0 &&
      silent === 0;
    console.log(
      `\nTargets: within 1.1x of the bound, 0 duplicates, 0 misses -> ${ok && bResult.distinct === REPORTS ? "met" : ok ? "met except the flagged in-flight message(s) above" : "NOT met"}`,
    );
  } finally {
    store.dispose();
    await connector.close();
    await cosmos.stop();
  }
}

type Store = Awaited<ReturnType<typeof import("../src/storage/cosmos.ts").openCosmos>>;

async function seed(store: Store, serviceUrl: string, roundIds: string[]): Promise<void> {
  const { forEachLimit } = await import("../src/reminders/delivery.ts");
  const now = new Date(BENCH_NOW).toISOString();
  const people = new Set<number>();
  const docs: { container: "reports" | "people" | "rounds"; doc: Record<string, unknown> }[] = [];
  for (const roundId of roundIds) {
    docs.push({
      container: "rounds",
      doc: {
        id: roundId,
        county: "Bench",
        formId: FORM_ID,
        reportingYear: 2025,
        deadline: DEADLINE,
        staffIds: [],
        createdAt: now,
      },
    });
    for (let i = 0; i < REPORTS; i++) {
      const c = contactOf(i);
      people.add(c);
      docs.push({
        container: "reports",
        doc: {
          id: `rep-${i}`,
          roundId,
          formId: FORM_ID,
          partnership: { id: `p-${c}`, name: `Partnerskap ${c}`, category: "Kommune", sector: "Offentlig" },
          tiltak: { id: `t-${i}`, name: `Tiltak ${i}` },
          contact: { name: `Kontakt ${c}`, email: `kontakt${c}@example.com`, aadObjectId: `aad-${c}` },
          coEditors: [],
          status: "draft",
          revision: 0,
          answers: {},
          createdAt: now,
          updatedAt: now,
        },
      });
    }
  }
  for (const c of people) {
    docs.push({
      container: "people",
      doc: {
        id: `aad-${c}`,
        name: `Kontakt ${c}`,
        tenantId: TENANT,
        target: {
          serviceUrl,
          channelId: "msteams",
          conversationId: `a:conv-${c}`,
          tenantId: TENANT,
          userId: `29:${c}`,
        },
        updatedAt: now,
      },
    });
  }
  await forEachLimit(docs, 32, async ({ container, doc }) => {
    await store.containers[container].items.upsert(doc);
  });
}

interface ChildRun {
  process: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

function startChild(env: NodeJS.ProcessEnv, roundId: string, instance: string): ChildRun {
  // node itself with tsx as a loader (not the tsx wrapper), so SIGKILL hits the sender, not a parent of it.
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts", "bench-reminders.ts"), "--child"],
    {
      cwd: ROOT,
      env: { ...env, BENCH_ROUND: roundId, BENCH_INSTANCE: instance },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { process: proc, exited, output: () => out };
}

async function runChild(env: NodeJS.ProcessEnv, roundId: string, instance: string) {
  const run = startChild(env, roundId, instance);
  const code = await run.exited;
  const line = run
    .output()
    .split("\n")
    .find((l) => l.startsWith("SUMMARY "));
  if (code !== 0 || !line) throw new Error(`sender ${instance} failed (${code}):\n${run.output()}`);
  type Summary = import("../src/reminders/delivery.ts").RunSummary;
  return { summary: JSON.parse(line.slice("SUMMARY ".length)) as Summary };
}

/** The sender: one reminder run for one round, as the bot would do it. */
async function child(): Promise<void> {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import("botbuilder");
  const { ProactiveMessenger } = await import("../bot/proactive.ts");
  const { reminderCard } = await import("../cards/reminder.ts");
  const { createLogger } = await import("../src/log.ts");
  const { loadForms } = await import("../src/questionnaire/form.ts");
  const { ReminderService } = await import("../src/reminders/reminder-service.ts");
  const { openCosmos } = await import("../src/storage/cosmos.ts");
  const { LedgerRepo } = await import("../src/storage/ledger-repo.ts");
  const { PeopleRepo } = await import("../src/storage/people-repo.ts");
  const { ReportRepo } = await import("../src/storage/report-repo.ts");
  const { RoundRepo } = await import("../src/storage/round-repo.ts");
  const store = await openCosmos({
    endpoint: process.env.BENCH_COSMOS ?? "",
    key: process.env.BENCH_KEY ?? "",
    database: DATABASE,
  });
  const offset = Number(process.env.BENCH_CLOCK_OFFSET ?? 0);
  const service = new ReminderService({
    rounds: new RoundRepo(store.containers.rounds),
    reports: new ReportRepo(store.containers.reports),
    people: new PeopleRepo(store.containers.people),
    ledger: new LedgerRepo(store.containers.ledger),
    forms: loadForms(),
    clock: () => new Date(Date.now() + offset),
    log: createLogger("warn"),
    claimLeaseMs: LEASE_MS,
    instanceId: process.env.BENCH_INSTANCE ?? "bench",
  });
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "" }),
  );
  const summary = await service.run(
    { messenger: new ProactiveMessenger(adapter, ""), buildCard: reminderCard },
    {
      roundIds: [process.env.BENCH_ROUND ?? ""],
      ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
    },
  );
  process.stdout.write(`SUMMARY ${JSON.stringify(summary)}\n`);
  store.dispose();
}

/** The round and report a delivered reminder card points at. */
function refOf(call: RecordedCall): { roundId?: string; reportId?: string } {
  const body = call.body as
    | { attachments?: { content?: { actions?: { data?: { roundId?: string; reportId?: string } }[] } }[] }
    | undefined;
  const data = body?.attachments?.[0]?.content?.actions?.[0]?.data;
  return {
    ...(data?.roundId ? { roundId: data.roundId } : {}),
    ...(data?.reportId ? { reportId: data.reportId } : {}),
  };
}
const roundOf = (call: RecordedCall) => refOf(call).roundId;

function count(calls: RecordedCall[]) {
  const perReport = new Map<string, number>();
  let throttled = 0;
  for (const call of calls) {
    if (call.status === 429) throttled++;
    if (call.status !== 200) continue;
    const id = refOf(call).reportId ?? "?";
    perReport.set(id, (perReport.get(id) ?? 0) + 1);
  }
  const duplicates = [...perReport.values()].filter((n) => n > 1).length;
  const deliveredOnce = [...perReport.values()].reduce((a, b) => a + b, 0);
  return { perReport, distinct: perReport.size, duplicates, throttled, deliveredOnce };
}

function span(calls: RecordedCall[]): number {
  const ok = calls.filter((c) => c.status === 200);
  return ok.length < 2 ? 0 : ((ok.at(-1)?.at ?? 0) - (ok[0]?.at ?? 0)) / 1000;
}

async function ledgerStatuses(store: Store, roundId: string) {
  const { LedgerRepo } = await import("../src/storage/ledger-repo.ts");
  const { reminders } = await new LedgerRepo(store.containers.ledger).listByRound(roundId);
  const records = reminders.map((r) => r.doc);
  const byStatus: Record<string, number> = {};
  for (const r of records) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return { records, byStatus };
}

const fmt = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ") || "empty";

function table(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(rows[0] ?? []));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

if (process.argv.includes("--child")) await child();
else await main();
