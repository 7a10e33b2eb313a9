/** Start-up: parse config, wire the app, serve, and shut down gracefully on SIGTERM/SIGINT. */
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startTelemetry } from "../src/telemetry.ts";

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const log = createLogger(config.logLevel);
  // Telemetry first, the rest of the app imported after it: ESM instrumentation only sees modules
  // loaded once its hooks are registered. Without a connection string this loads nothing.
  const telemetry = await startTelemetry(config.appInsightsConnectionString, log);
  const { start } = await import("./start.ts");
  const { app, server, stop: stopAll } = await start(config, log);
  log.info(
    {
      url: `${server.url}/api/messages`,
      data: app.dataLocation,
      auth: config.bot.appId ? "bot framework" : "anonymous (local)",
    },
    "bot listening",
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight turns");
    await stopAll();
    await telemetry?.shutdown();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err: unknown) => {
  // A taken port is one clear line (PortInUseError from bot/server.ts), not a stack trace.
  console.error(err instanceof Error && err.name === "PortInUseError" ? err.message : err);
  process.exit(1);
});
