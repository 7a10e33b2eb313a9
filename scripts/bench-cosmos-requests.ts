/**
 * `npx tsx scripts/bench-cosmos-requests.ts [--ops 2000] [--rounds 3]`: the CPU that @azure/cosmos
 * spends in OUR process per request, for the two requests of an answer step (a point read and an
 * If-Match replace of a whole, filled 2024/2025 report), with the client as `createCosmosClient` makes
 * it and with alternatives the SDK offers. The local Cosmos server runs in its own process, so
 * process.cpuUsage() of this process is the client side alone (SDK + Node's HTTP client).
 *
 * Variants are run interleaved, `--rounds` times each, with `--concurrency` requests in flight.
 */
import { parseArgs } from "node:util";
import { type Container, CosmosClient } from "@azure/cosmos";
import { getForm, loadForms } from "../src/questionnaire/form.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { CONTAINERS, createCosmosClient, ensureContainers } from "../src/storage/cosmos.ts";
import { completeContents, makeReport, stored, validRaw } from "../test/src/reports/fixtures.ts";
import { startCosmosProcess } from "./bench-support/processes.ts";

const { values: args } = parseArgs({
  options: {
    ops: { type: "string", default: "2000" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "20" },
  },
});
const OPS = Number(args.ops);
const ROUNDS = Number(args.rounds);
const CONCURRENCY = Number(args.concurrency);
const DATABASE = "bench-requests";

type Variant = { name: string; make: (endpoint: string, key: string) => CosmosClient };

const VARIANTS: Variant[] = [
  { name: "as before (key, endpoint discovery off)", make: (endpoint, key) => legacyClient(endpoint, key) },
  { name: "createCosmosClient (now)", make: (endpoint, key) => createCosmosClient({ endpoint, key }) },
];

/** The client exactly as src/storage/cosmos.ts made it before issue 18. */
function legacyClient(endpoint: string, key: string): CosmosClient {
  return new CosmosClient({ endpoint, key, connectionPolicy: { enableEndpointDiscovery: false } });
}

/** `n` operations by CONCURRENCY workers; worker w always works on document w (no 412 between them). */
async function pool(n: number, work: (i: number, worker: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = next++; i < n; i = next++) await work(i, w);
    }),
  );
}

/** CPU µs of this process per operation, for reads and for replaces. */
async function measure(container: Container, docs: ReportDoc[]): Promise<{ read: number; replace: number }> {
  const etags = new Map<string, string>();
  const read = async (_: number, w: number) => {
    const d = docs[w] as ReportDoc;
    const r = await container.item(d.id, d.roundId).read<ReportDoc>();
    if (r.etag) etags.set(d.id, r.etag);
  };
  const replace = async (i: number, w: number) => {
    const d = docs[w] as ReportDoc;
    const r = await container
      .item(d.id, d.roundId)
      .replace<ReportDoc>(
        { ...d, revision: i },
        { accessCondition: { type: "IfMatch", condition: etags.get(d.id) ?? "" } },
      );
    if (r.etag) etags.set(d.id, r.etag);
  };
  await pool(docs.length, read); // warm-up and ETags
  await pool(OPS / 4, replace);
  const c0 = process.cpuUsage();
  await pool(OPS, read);
  const c1 = process.cpuUsage(c0);
  const c2 = process.cpuUsage();
  await pool(OPS, replace);
  const c3 = process.cpuUsage(c2);
  return { read: (c1.user + c1.system) / OPS, replace: (c3.user + c3.system) / OPS };
}

async function main(): Promise<void> {
  const form = getForm(loadForms(), "dekom-2024-2025");
  const cosmos = await startCosmosProcess({ database: DATABASE });
  try {
    const setup = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
    const { containers } = await ensureContainers(setup, DATABASE, CONTAINERS);
    const docs = Array.from({ length: CONCURRENCY }, (_, i) => ({
      ...makeReport(form, { revision: 1, answers: stored(completeContents(form, (q) => validRaw(q))) }),
      id: `req-bench-${i}`,
    }));
    for (const d of docs) await containers.reports.items.upsert(d);
    setup.dispose();
    const bytes = Buffer.byteLength(JSON.stringify(docs[0]));
    console.log(`@azure/cosmos client CPU per request (this process only), ${OPS} ops x ${ROUNDS} rounds,`);
    console.log(`${CONCURRENCY} in flight, a filled 2024/2025 report of ${bytes} bytes:\n`);
    const results = new Map<string, { read: number[]; replace: number[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of VARIANTS) {
        const client = v.make(cosmos.endpoint, cosmos.key);
        const container = client.database(DATABASE).container(CONTAINERS.reports.name);
        const r = await measure(container, docs);
        client.dispose();
        const acc = results.get(v.name) ?? { read: [], replace: [] };
        acc.read.push(r.read);
        acc.replace.push(r.replace);
        results.set(v.name, acc);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    const fmt = (xs: number[]) =>
      `${(median(xs) / 1000).toFixed(3)} ms (${xs.map((x) => (x / 1000).toFixed(3)).join(" ")})`;
    for (const [name, r] of results) {
      console.log(`${name}\n  point read  ${fmt(r.read)}\n  replace     ${fmt(r.replace)}`);
    }
  } finally {
    await cosmos.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
