/**
 * The real bot in-process on a real HTTP port, with a local Cosmos-protocol server and a loopback
 * Bot Connector: tests POST Bot Framework activities to /api/messages as Teams would.
 */
import { randomUUID } from "node:crypto";
import { type Running, start } from "../../bot/start.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import {
  type LoopbackConnector,
  type LoopbackOptions,
  startLoopbackConnector,
} from "./loopback-connector.ts";
import { freePort } from "./ports.ts";

export const TENANT = "00000000-0000-0000-0000-0000000000001";

export interface TestUser {
  id: string;
  aadObjectId: string;
  name: string;
  tenantId?: string;
}

export interface Harness {
  running: Running;
  connector: LoopbackConnector;
  cosmos: LocalCosmos;
  url: string;
  /** POST an activity; returns the HTTP status and parsed body (the invoke response for invokes). */
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  message(user: TestUser, text: string): Promise<{ status: number; body: unknown }>;
  /** An Action.Execute from a card (invoke adaptiveCard/action). */
  execute(
    user: TestUser,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }>;
  /** Texts of everything the bot sent through the connector since `from` (call sequence). */
  sentTexts(from?: number): string[];
  close(): Promise<void>;
}

export function activityBase(connectorUrl: string, user: TestUser) {
  const tenantId = user.tenantId ?? TENANT;
  return {
    channelId: "msteams",
    serviceUrl: connectorUrl,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: "28:bot", name: "Test Bot" },
    conversation: { id: `personal-${user.id}`, conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

export async function startHarness(
  opts: {
    env?: Record<string, string>;
    connector?: LoopbackOptions;
    cosmos?: LocalCosmos;
    /** Microsoft Graph token for the reach job (tests point GRAPH_BASE_URL at test/support/graph-server.ts). */
    graphToken?: () => Promise<string>;
  } = {},
): Promise<Harness> {
  const cosmos = opts.cosmos ?? (await startLocalCosmos({ port: 0, database: "harness" }));
  const connector = await startLoopbackConnector(opts.connector ?? {});
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PORT: String(await freePort()),
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: "harness",
    SEED_DEMO: "true",
    // New personal chats (reach job) are created at the loopback connector, as at Teams' service URL.
    TEAMS_SERVICE_URL: connector.url,
    ...opts.env,
  });
  const running = await start(
    config,
    createLogger(config.logLevel),
    "127.0.0.1",
    opts.graphToken !== undefined ? { graphToken: opts.graphToken } : {},
  );
  const url = `${running.server.url}/api/messages`;
  const post = async (activity: object, headers: Record<string, string> = {}) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  };
  return {
    running,
    connector,
    cosmos,
    url,
    post,
    message: (user, text) => post({ ...activityBase(connector.url, user), type: "message", text }),
    execute: (user, verb, data) =>
      post({
        ...activityBase(connector.url, user),
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb, data } },
      }),
    sentTexts(from = 0) {
      return connector
        .calls()
        .filter((c) => c.seq > from && (c.operation === "send" || c.operation === "reply"))
        .map((c) => JSON.stringify(c.body ?? ""));
    },
    async close() {
      await running.stop();
      await connector.close();
      if (opts.cosmos === undefined) await cosmos.stop();
    },
  };
}
