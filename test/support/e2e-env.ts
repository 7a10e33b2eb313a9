/**
 * The whole product on real parts for end-to-end tests: a local Cosmos-protocol server, Azurite
 * (attachments' Blob Storage, on a free port), the bot as a child process on a real HTTP port, the
 * Agents Playground, and Debian Chromium.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import type { Browser } from "playwright-core";
import { type Playground, startPlayground } from "../../scripts/playground.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import {
  azuriteConnectionString,
  type LocalAzurite,
  startLocalAzurite,
} from "../../src/storage/local-azurite.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { type BotProcess, startBot } from "./bot-process.ts";
import { launchBrowser, PlaygroundPage } from "./browser.ts";
import { playgroundYaml } from "./playground-users.ts";
import { freePort } from "./ports.ts";

export const E2E_DATABASE = "e2e";

export interface E2eEnv {
  cosmos: LocalCosmos;
  /** Azurite's blob service; tests read blobs straight through @azure/storage-blob with its connection string. */
  azurite: LocalAzurite;
  bot: BotProcess;
  playground: Playground;
  browser: Browser;
  botPort: number;
  botEnv: Record<string, string>;
  /** Read a report straight through the @azure/cosmos SDK (not through our repositories). */
  readReport(roundId: string, id: string): Promise<ReportDoc>;
  /** Write a report straight through the @azure/cosmos SDK (test set-up). */
  upsertReport(doc: ReportDoc): Promise<void>;
  newPage(): Promise<PlaygroundPage>;
  restartBot(how: "kill" | "stop"): Promise<void>;
  /** Another Playground talking to the same bot as another person (built-in user index). */
  openAs(userIndex: number): Promise<PlaygroundPage>;
  close(): Promise<void>;
}

export async function startE2e(
  opts: { env?: Record<string, string>; playgroundYaml?: string } = {},
): Promise<E2eEnv> {
  const cosmos = await startLocalCosmos({ port: 0, database: E2E_DATABASE });
  // Azurite starts beside the bot (the bot opens Blob Storage on first use only, not at start-up).
  const azuritePort = await freePort();
  const azuriteStarting = startLocalAzurite({
    location: mkdtempSync(join(tmpdir(), "e2e-azurite-")),
    port: azuritePort,
  });
  const botPort = await freePort();
  const botEnv = {
    BLOB_CONNECTION_STRING: azuriteConnectionString(azuritePort),
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: E2E_DATABASE,
    SEED_DEMO: "true",
    ...opts.env,
  };
  const [azuriteStart, botStart] = await Promise.allSettled([
    azuriteStarting,
    startBot({ port: botPort, env: botEnv }),
  ]);
  if (azuriteStart.status === "rejected" || botStart.status === "rejected") {
    // Leave nothing running behind a failed start.
    if (azuriteStart.status === "fulfilled") await azuriteStart.value.stop();
    if (botStart.status === "fulfilled") await botStart.value.stop();
    await cosmos.stop();
    throw azuriteStart.status === "rejected"
      ? azuriteStart.reason
      : (botStart as PromiseRejectedResult).reason;
  }
  const azurite = azuriteStart.value;
  let bot = botStart.value;
  const playground = await startPlayground({
    botEndpoint: `${bot.url}/api/messages`,
    port: await freePort(),
    workDir: mkdtempSync(join(tmpdir(), "e2e-playground-")),
    ...(opts.playgroundYaml !== undefined ? { configYaml: opts.playgroundYaml } : {}),
  });
  const browser = await launchBrowser();
  const extra: Playground[] = [];
  const client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return {
    cosmos,
    azurite,
    get bot() {
      return bot;
    },
    playground,
    browser,
    botPort,
    botEnv,
    async readReport(roundId, id) {
      const { resource } = await client
        .database(E2E_DATABASE)
        .container("reports")
        .item(id, roundId)
        .read<ReportDoc>();
      if (resource === undefined) throw new Error(`report ${roundId}/${id} not found`);
      return resource;
    },
    async upsertReport(doc) {
      const { _rid, _self, _etag, _attachments, _ts, ...clean } = doc as ReportDoc & Record<string, unknown>;
      await client.database(E2E_DATABASE).container("reports").items.upsert(clean);
    },
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
      const pg = new PlaygroundPage(page);
      await pg.open(playground.url);
      await pg.quiet();
      return pg;
    },
    async openAs(userIndex) {
      const other = await startPlayground({
        botEndpoint: `${bot.url}/api/messages`,
        port: await freePort(),
        workDir: mkdtempSync(join(tmpdir(), "e2e-playground-")),
        configYaml: playgroundYaml(userIndex),
      });
      extra.push(other);
      const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
      const pg = new PlaygroundPage(page);
      await pg.open(other.url);
      await pg.quiet();
      return pg;
    },
    async restartBot(how) {
      if (how === "kill") await bot.kill();
      else await bot.stop();
      bot = await startBot({ port: botPort, env: botEnv });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await playground.stop();
      for (const p of extra) await p.stop();
      await bot.stop();
      client.dispose();
      await cosmos.stop();
      await azurite.stop();
    },
  };
}
