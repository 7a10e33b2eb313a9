/**
 * Storage: the Cosmos DB (NoSQL) client, the database and its containers.
 *
 * `CONTAINERS` is the single list of containers and their partition keys; infra/ (Bicep) must declare
 * the same, and a test compares them. With Entra ID (a TokenCredential) the data plane may not create
 * databases or containers: Bicep provisions them, and `openCosmos` then only reads them.
 */
import {
  type Container,
  CosmosClient,
  type CosmosClientOptions,
  CosmosDbDiagnosticLevel,
  type Database,
  type PluginConfig,
} from "@azure/cosmos";
import type { TokenCredential } from "@azure/identity";
import { StorageTimeoutError } from "./errors.ts";

/** How long one storage call (an SDK operation, its retries included) may take before it is given up. */
const STORAGE_DEADLINE_MS = 8_000;
/**
 * The default against a plain-http endpoint: the embedded local server (development, tests), which
 * shares the CPU with the bot and every test beside it; under a full parallel test run on two cores a
 * burst of 100 simultaneous saves took longer than 8 s there. Azure (and the emulator) are https.
 */
const LOCAL_STORAGE_DEADLINE_MS = 30_000;

/** The deadline of each client made by createCosmosClient (storageDeadlineMs). */
const deadlines = new WeakMap<CosmosClient, number>();

/**
 * The storage deadline of the client behind `container` (STORAGE_DEADLINE_MS for a client not made
 * here): group commit bounds the whole of a failed bulk and its resolution by it.
 */
export function storageDeadlineMs(container: Container): number {
  return deadlines.get(container.database.client) ?? STORAGE_DEADLINE_MS;
}

/** One container: its name and the path of its partition key. */
export interface ContainerDef {
  name: string;
  partitionKeyPath: string;
}

/** Every container of the product, with its partition key. Keep infra/ in step with this. */
export const CONTAINERS = {
  /** ReportDoc, one per tiltak and round. */
  reports: { name: "reports", partitionKeyPath: "/roundId" },
  /** RoundDoc, one per county and reporting year. */
  rounds: { name: "rounds", partitionKeyPath: "/id" },
  /** PersonDoc, one per person seen in Teams. */
  people: { name: "people", partitionKeyPath: "/id" },
  /** Ledger entries (what was sent/done when), grouped by round. */
  ledger: { name: "ledger", partitionKeyPath: "/roundId" },
} as const satisfies Record<string, ContainerDef>;

export type ContainerKey = keyof typeof CONTAINERS;

/**
 * A copy of a stored document without the system properties Cosmos adds to every document (`_rid`,
 * `_self`, `_etag`, `_attachments`, `_ts`; never part of our document types). Built without `delete` (which turns
 * an object into a slow dictionary for every later access, copy and JSON encoding).
 */
export function stripSystemFields<T extends object>(doc: T): T {
  const { _rid, _self, _etag, _attachments, _ts, ...rest } = doc as Record<string, unknown>;
  return rest as T;
}

/**
 * A deep copy of a JSON document (what Cosmos stores: objects, arrays, strings, numbers, booleans,
 * null), about six times cheaper than structuredClone for a report.
 */
export function copyDocument<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyDocument) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyDocument((value as Record<string, unknown>)[key]);
  return out as T;
}

/** A document as read or written, with the ETag to make the next write conditional on. */
export interface Versioned<T> {
  doc: T;
  etag: string;
}

export interface OpenCosmosOptions {
  /** Account endpoint, e.g. https://<account>.documents.azure.com:443/ or http://127.0.0.1:8081. */
  endpoint: string;
  /** Account key. When absent, `credential` is used (Entra ID). */
  key?: string;
  /** Database name. */
  database: string;
  /** Entra ID credential (DefaultAzureCredential in production); used when no key is given. */
  credential?: TokenCredential;
  /** Deadline of every storage call in ms (default STORAGE_DEADLINE_MS; LOCAL_STORAGE_DEADLINE_MS over http). */
  deadlineMs?: number;
}

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerKey, Container>;
  /** True when the database answers within `timeoutMs` (default 2 s). Never throws. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** Closes the client's connections and timers. */
  dispose(): void;
}

/**
 * An SDK plugin run around every operation (a point read, a write, one page of a query, with all the
 * SDK's own retries inside): after `ms` it aborts the HTTP request and fails the call with
 * StorageTimeoutError. It also races a timer, because the SDK's retry waits do not look at the abort
 * signal. (Plugins are marked @hidden in @azure/cosmos 4.x but exported and used by the SDK itself for
 * every operation: the one place that covers every call.)
 */
function deadlinePlugin(ms: number): PluginConfig {
  return {
    on: "operation",
    plugin: async (context, _diagnostics, next) => {
      const controller = new AbortController();
      const callerSignal = context.options?.abortSignal;
      context.options = {
        ...context.options,
        abortSignal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal,
      };
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new StorageTimeoutError(ms));
        }, ms);
      });
      try {
        return await Promise.race([next(context), expired]);
      } catch (err) {
        if (controller.signal.aborted && !callerSignal?.aborted && !(err instanceof StorageTimeoutError))
          throw new StorageTimeoutError(ms, { cause: err });
        throw err;
      } finally {
        clearTimeout(timer);
        expired.catch(() => {}); // settled by the race or never: no unhandled rejection either way
      }
    },
  };
}

/**
 * Builds a CosmosClient for key or Entra ID auth, with a deadline on every call (deadlinePlugin). Plain http (a local server) turns off endpoint
 * discovery and its background refresh (one region, nothing to discover). Diagnostics are set to the
 * SDK's lowest level, `info` (at `debug` it records and logs every request's details, CPU on every
 * request); AZURE_COSMOSDB_DIAGNOSTICS_LEVEL still overrides it, for debugging.
 *
 * Not used, and why (measured with scripts/bench-cosmos-requests.ts): the SDK already reuses one
 * keep-alive agent per protocol; giving it our own `agent` breaks plain http (the SDK then leaves
 * `allowInsecureConnection` unset and refuses the request); `contentResponseOnWriteEnabled: false`
 * is refused by SDK 4.10 for single-item writes.
 */
export function createCosmosClient(
  opts: Pick<OpenCosmosOptions, "endpoint" | "key" | "credential" | "deadlineMs">,
) {
  const local = opts.endpoint.startsWith("http://");
  const connectionPolicy = local
    ? { enableEndpointDiscovery: false, enableBackgroundEndpointRefreshing: false }
    : undefined;
  // `plugins` is left out of the SDK's public option types (@hidden) but read by its client.
  const deadline = opts.deadlineMs ?? (local ? LOCAL_STORAGE_DEADLINE_MS : STORAGE_DEADLINE_MS);
  const plugins: PluginConfig[] = [deadlinePlugin(deadline)];
  const common = {
    endpoint: opts.endpoint,
    connectionPolicy,
    diagnosticLevel: CosmosDbDiagnosticLevel.info,
    plugins,
  };
  let options: CosmosClientOptions;
  if (opts.key) options = { ...common, key: opts.key };
  else if (opts.credential) options = { ...common, aadCredentials: opts.credential };
  else throw new Error("openCosmos needs either a key or a credential");
  const client = new CosmosClient(options);
  deadlines.set(client, deadline);
  return client;
}

/** Creates the database and every container in `defs` if they are missing (reads them otherwise). */
export async function ensureContainers(
  client: CosmosClient,
  databaseId: string,
  defs: Record<ContainerKey, ContainerDef> = CONTAINERS,
): Promise<{ database: Database; containers: Record<ContainerKey, Container> }> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const entries = await Promise.all(
    (Object.keys(defs) as ContainerKey[]).map(async (key) => {
      const def = defs[key];
      const { container } = await database.containers.createIfNotExists({
        id: def.name,
        partitionKey: { paths: [def.partitionKeyPath] },
      });
      return [key, container] as const;
    }),
  );
  return { database, containers: Object.fromEntries(entries) as Record<ContainerKey, Container> };
}

/** Opens the store: client, database and containers (created when missing). */
export async function openCosmos(opts: OpenCosmosOptions): Promise<CosmosStore> {
  const client = createCosmosClient(opts);
  try {
    const { database, containers } = await ensureContainers(client, opts.database);
    return {
      client,
      database,
      containers,
      async ping(timeoutMs = 2_000) {
        // A health probe: any failure (network, auth, timeout) simply means "not healthy". The SDK
        // may wait in its retry policy without looking at the abort signal, hence the race.
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        const read = database.read({ abortSignal: AbortSignal.timeout(timeoutMs) }).then(
          () => true,
          () => false,
        );
        try {
          return await Promise.race([read, timedOut]);
        } finally {
          clearTimeout(timer);
        }
      },
      dispose: () => client.dispose(),
    };
  } catch (err) {
    client.dispose();
    throw err;
  }
}
