/**
 * `npm run dev`: the whole product locally on embedded defaults — the bot, the embedded
 * Cosmos-protocol server (data kept in .data/ across restarts), Azurite for attachments (blobs kept in
 * .data/azurite, on a free port) and the Agents Playground.
 * A port that is already taken (often another `npm run dev`) stops it with one line, before anything starts.
 */
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { start } from "../bot/start.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { type LocalAzurite, startLocalAzurite } from "../src/storage/local-azurite.ts";
import { startPlayground } from "./playground.ts";

/** The error code when `port` cannot be listened on at 127.0.0.1 (e.g. EADDRINUSE), else undefined. */
export function portProblem(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(undefined)));
  });
}

async function main() {
  // Attachments: Azurite (npm azurite, the real Blob protocol) unless Blob Storage is configured.
  let azurite: LocalAzurite | undefined;
  if (!process.env.BLOB_ENDPOINT && !process.env.BLOB_CONNECTION_STRING) {
    const location = join(process.env.LOCAL_DATA_DIR || ".data", "azurite");
    mkdirSync(location, { recursive: true });
    azurite = await startLocalAzurite({ location });
  }
  const config = loadConfigOrExit({
    ...process.env,
    ...(azurite !== undefined ? { BLOB_CONNECTION_STRING: azurite.connectionString } : {}),
  });
  for (const [name, port] of [
    ["PORT", config.port],
    ["PLAYGROUND_PORT", config.playgroundPort],
  ] as const) {
    const problem = await portProblem(port);
    if (problem === undefined) continue;
    console.error(
      problem === "EADDRINUSE"
        ? `Port ${port} is already in use (another \`npm run dev\`?). Stop that process or set ${name} to a free port.`
        : `Cannot listen on port ${port} (${problem}). Set ${name} to another port.`,
    );
    await azurite?.stop();
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const { app, server, stop: stopBot } = await start(config, log, "127.0.0.1");
  log.info({ data: app.dataLocation }, "data location");
  const playground = await startPlayground({
    botEndpoint: `${server.url}/api/messages`,
    port: config.playgroundPort,
    workDir: ".data/playground",
  });
  console.log(
    `\n  Bot:        ${server.url}/api/messages\n  Data:       ${app.dataLocation}\n  Blobs:      ${azurite !== undefined ? `Azurite ${azurite.endpoint}, data in ${join(process.env.LOCAL_DATA_DIR || ".data", "azurite")}` : (config.blobs.endpoint ?? "configured connection string")}\n\n  Open ${playground.url} in your browser and say "hei" in Personal Chat.\n  Ctrl+C stops everything (the data is saved).\n`,
  );

  const stop = async () => {
    await playground.stop();
    await stopBot();
    await azurite?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((err: unknown) => {
    // A taken port is one clear line (PortInUseError from bot/server.ts), not a stack trace.
    console.error(err instanceof Error && err.name === "PortInUseError" ? err.message : err);
    process.exit(1);
  });
