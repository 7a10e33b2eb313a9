/**
 * The test bed of the group commit and group read tests (src/storage/group-commit.ts): the local Cosmos
 * server, the fault proxy in front of it (test/support/cosmos-fault-proxy.ts) with every request it saw
 * in `seen`, a ReportRepo through the proxy, and a store that talks to the server directly (seeding and
 * checking without the proxy). Registers its own vitest hooks; faults are cleared after each test.
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import {
  type CosmosFaultProxy,
  type CosmosRequestInfo,
  startCosmosFaultProxy,
} from "../../support/cosmos-fault-proxy.ts";
import { makeReport, uid } from "./fixtures.ts";

export interface BulkTestEnv {
  database: string;
  server: LocalCosmos;
  proxy: CosmosFaultProxy;
  store: CosmosStore;
  direct: CosmosStore;
  repo: ReportRepo;
  seen: CosmosRequestInfo[];
}

export function useBulkTestEnv(database: string): BulkTestEnv {
  const env = { database, seen: [] as CosmosRequestInfo[] } as BulkTestEnv;
  beforeAll(async () => {
    env.server = await startLocalCosmos({ port: 0, database });
    env.proxy = await startCosmosFaultProxy({ target: env.server.endpoint });
    env.proxy.onRequest((info) => env.seen.push(info));
    env.store = await openCosmos({ endpoint: env.proxy.url, key: env.server.key, database });
    env.direct = await openCosmos({ endpoint: env.server.endpoint, key: env.server.key, database });
    env.repo = new ReportRepo(env.store.containers.reports);
  });
  afterEach(() => env.proxy.clearFaults());
  afterAll(async () => {
    env.store?.dispose();
    env.direct?.dispose();
    await env.proxy?.close();
    await env.server?.stop();
  });
  return env;
}

/** `n` fresh reports r0..r<n-1> in a new round, created directly (not through the proxy). */
export async function seedReports(
  env: BulkTestEnv,
  n: number,
  fields: (i: number) => Partial<ReportDoc> = () => ({}),
) {
  const roundId = uid("round");
  const seedRepo = new ReportRepo(env.direct.containers.reports);
  const created = await Promise.all(
    Array.from({ length: n }, (_, i) => seedRepo.create(makeReport({ ...fields(i), id: `r${i}`, roundId }))),
  );
  return { roundId, created };
}

/** Runs `fn` with a ReportRepo through the proxy whose storage deadline is `deadlineMs`. */
export async function withDeadline(
  env: BulkTestEnv,
  deadlineMs: number,
  fn: (repo: ReportRepo) => Promise<void>,
) {
  const slow = await openCosmos({
    endpoint: env.proxy.url,
    key: env.server.key,
    database: env.database,
    deadlineMs,
  });
  try {
    await fn(new ReportRepo(slow.containers.reports));
  } finally {
    slow.dispose();
  }
}

export const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
