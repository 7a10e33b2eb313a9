/** Start-up: parse config, wire the app, serve, and shut down gracefully on SIGTERM/SIGINT. */
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { start } from "./start.ts";

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const log = createLogger(config.logLevel);
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
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
