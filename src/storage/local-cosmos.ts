/**
 * A local Cosmos DB (NoSQL) server for tests and local runs: @vercel/cosmosdb-server (in memory)
 * plus an optional JSON snapshot file so local data survives a restart.
 *
 * Restore and snapshot go through the real @azure/cosmos SDK, never the server's internals. A snapshot
 * holds every database and container on the server (with partition key paths), so containers created
 * outside CONTAINERS survive too. The server package is a devDependency and is loaded only here, with a
 * dynamic import, so production code never loads it.
 */
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import type { CosmosClient } from "@azure/cosmos";
import { z } from "zod";
import { createCosmosClient, ensureContainers, stripSystemFields } from "./cosmos.ts";

/** The local server does not check keys; any base64 string works. */
const LOCAL_COSMOS_KEY = "bG9jYWwtY29zbW9zLWtleQ==";

const RESTORE_CONCURRENCY = 16;

const snapshotSchema = z.object({
  format: z.literal("local-cosmos-snapshot/1"),
  savedAt: z.string(),
  databases: z.array(
    z.object({
      id: z.string().min(1),
      containers: z.array(
        z.object({
          id: z.string().min(1),
          partitionKeyPaths: z.array(z.string()).min(1),
          documents: z.array(z.record(z.string(), z.unknown())),
        }),
      ),
    }),
  ),
});
type SnapshotData = z.infer<typeof snapshotSchema>["databases"];

export interface LocalCosmosOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** JSON file to restore from on start and to write on snapshot() and stop(). */
  snapshotFile?: string;
  /** Database created on start, with every container of CONTAINERS. */
  database: string;
}

export interface LocalCosmos {
  /** http://host:port, for CosmosClient / openCosmos. */
  endpoint: string;
  /** A key the SDK accepts (the server ignores it). */
  key: string;
  /**
   * Writes every document to the snapshot file (atomically). Returns the number of documents written;
   * 0 without a snapshot file, or when `ifChanged` is set and nothing changed since the last write.
   */
  snapshot(opts?: { ifChanged?: boolean }): Promise<number>;
  /** Takes a last snapshot (when configured) and closes the server and all its connections. */
  stop(): Promise<void>;
}

/** Starts a local Cosmos-protocol server, restoring `snapshotFile` if it exists. */
export async function startLocalCosmos(opts: LocalCosmosOptions): Promise<LocalCosmos> {
  const { createHttpServer } = await import("@vercel/cosmosdb-server");
  const server = createHttpServer({ keepAlive: true });
  await listen(server, opts.port ?? 0, opts.host ?? "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  const client = createCosmosClient({ endpoint, key: LOCAL_COSMOS_KEY });
  const closeServer = async () => {
    client.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const file = opts.snapshotFile;
  let lastWritten: string | undefined;
  try {
    await ensureContainers(client, opts.database);
    if (file) await restore(client, file);
  } catch (err) {
    await closeServer();
    throw err;
  }

  // Snapshots run one after another, never interleaved.
  let queue: Promise<unknown> = Promise.resolve();
  const snapshot = (snapOpts?: { ifChanged?: boolean }): Promise<number> => {
    if (!file) return Promise.resolve(0);
    const run = queue.then(async () => {
      const { data, count } = await readEverything(client);
      const body = JSON.stringify(data);
      if (snapOpts?.ifChanged && body === lastWritten) return 0;
      await writeSnapshot(file, data);
      lastWritten = body;
      return count;
    });
    queue = run.then(
      () => undefined,
      () => undefined, // the caller of this run receives the error; the queue goes on
    );
    return run;
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        if (file) await snapshot();
      } finally {
        await closeServer();
      }
    })();
    return stopping;
  };

  return { endpoint, key: LOCAL_COSMOS_KEY, snapshot, stop };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

async function readEverything(client: CosmosClient): Promise<{ data: SnapshotData; count: number }> {
  let count = 0;
  const { resources: dbs } = await client.databases.readAll().fetchAll();
  const data: SnapshotData = [];
  for (const db of dbs) {
    const database = client.database(db.id);
    const { resources: defs } = await database.containers.readAll().fetchAll();
    const containers: SnapshotData[number]["containers"] = [];
    for (const def of defs) {
      const { resources } = await database.container(def.id).items.readAll().fetchAll();
      const documents = resources.map(stripSystemFields);
      count += documents.length;
      containers.push({ id: def.id, partitionKeyPaths: def.partitionKey?.paths ?? ["/id"], documents });
    }
    data.push({ id: db.id, containers });
  }
  return { data, count };
}

async function writeSnapshot(file: string, data: SnapshotData): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const content = JSON.stringify(
    { format: "local-cosmos-snapshot/1", savedAt: new Date().toISOString(), databases: data },
    null,
    1,
  );
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function restore(client: CosmosClient, file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON; fix or remove it`, { cause: err });
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file} is not a local Cosmos snapshot: ${z.prettifyError(parsed.error)}`);
  }
  let count = 0;
  for (const db of parsed.data.databases) {
    const { database } = await client.databases.createIfNotExists({ id: db.id });
    for (const def of db.containers) {
      const { container } = await database.containers.createIfNotExists({
        id: def.id,
        partitionKey: { paths: def.partitionKeyPaths },
      });
      const docs = def.documents;
      for (let i = 0; i < docs.length; i += RESTORE_CONCURRENCY) {
        await Promise.all(docs.slice(i, i + RESTORE_CONCURRENCY).map((doc) => container.items.upsert(doc)));
      }
      count += docs.length;
    }
  }
  return count;
}
