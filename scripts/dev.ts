/**
 * `npm run dev`: the whole product locally on embedded defaults — the bot, the embedded
 * Cosmos-protocol server (data kept in .data/ across restarts) and the Agents Playground.
 */
import { start } from "../bot/start.ts";
import { loadConfigOrExit } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startPlayground } from "./playground.ts";

const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

async function main() {
  const config = loadConfigOrExit(process.env);
  const log = createLogger(config.logLevel);
  const { app, server, stop: stopBot } = await start(config, log, "127.0.0.1");
  log.info({ data: app.dataLocation }, "data location");
  const playground = await startPlayground({
    botEndpoint: `${server.url}/api/messages`,
    port: PLAYGROUND_PORT,
    workDir: ".data/playground",
  });
  console.log(
    `\n  Bot:        ${server.url}/api/messages\n  Data:       ${app.dataLocation}\n\n  Open ${playground.url} in your browser and say "hei" in Personal Chat.\n  Ctrl+C stops everything (the data is saved).\n`,
  );

  const stop = async () => {
    await playground.stop();
    await stopBot();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
