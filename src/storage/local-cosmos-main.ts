/**
 * CLI: runs the local Cosmos server in its own process (tests, benchmarks, local development).
 *
 *   tsx src/storage/local-cosmos-main.ts
 *
 * Env: PORT (default 8081; 0 = any free port), HOST (default 127.0.0.1), COSMOS_DATABASE (default
 * "dekom-rapport"), COSMOS_SNAPSHOT (optional JSON file: restored on start, written every
 * COSMOS_SNAPSHOT_INTERVAL_MS (default 5000) when changed and on SIGTERM/SIGINT).
 * Prints one line `{"endpoint":"http://...","key":"..."}` to stdout when ready; logs go to stderr.
 */
import { pino } from "pino";
import { startLocalCosmos } from "./local-cosmos.ts";

const log = pino({ name: "local-cosmos" }, pino.destination({ dest: 2, sync: true }));

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const port = intFromEnv("PORT", 8081, 0, 65_535);
  const intervalMs = intFromEnv("COSMOS_SNAPSHOT_INTERVAL_MS", 5_000, 100, 3_600_000);
  const snapshotFile = process.env.COSMOS_SNAPSHOT || undefined;
  const cosmos = await startLocalCosmos({
    port,
    host: process.env.HOST || "127.0.0.1",
    database: process.env.COSMOS_DATABASE || "dekom-rapport",
    snapshotFile,
  });

  let busy = false;
  const timer = snapshotFile
    ? setInterval(() => {
        if (busy) return;
        busy = true;
        cosmos
          .snapshot({ ifChanged: true })
          .then((written) => {
            if (written > 0) log.debug({ written, snapshotFile }, "snapshot written");
          })
          .catch((err: unknown) => log.error({ err, snapshotFile }, "snapshot failed"))
          .finally(() => {
            busy = false;
          });
      }, intervalMs)
    : undefined;

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal while stopping: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    clearInterval(timer);
    cosmos.stop().then(
      () => {
        log.info({ signal, snapshotFile }, "stopped");
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err, signal, snapshotFile }, "stop failed (last snapshot may be missing)");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  process.stdout.write(`${JSON.stringify({ endpoint: cosmos.endpoint, key: cosmos.key })}\n`);
  log.info({ endpoint: cosmos.endpoint, snapshotFile }, "local Cosmos server ready");
}

main().catch((err: unknown) => {
  log.fatal({ err }, "local Cosmos server failed to start");
  process.exit(1);
});
