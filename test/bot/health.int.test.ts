/**
 * GET /healthz (alive: the process and Cosmos answer) and GET /readyz (ready for traffic: Cosmos answers
 * and the server is not shutting down), through the real server on a real port.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter, startServer } from "../../bot/server.ts";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { activityBase, type Harness, startHarness } from "../support/bot-harness.ts";
import { startLoopbackConnector } from "../support/loopback-connector.ts";

const get = async (url: string) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as { status: string } };
};

describe("health and readiness", () => {
  let cosmos: LocalCosmos;
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: "harness" });
    h = await startHarness({ cosmos });
    base = h.running.server.url;
  });
  afterAll(async () => {
    await h?.close();
    await cosmos?.stop();
  });

  it("should answer 200 on both while Cosmos answers", async () => {
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await get(`${base}/readyz`)).toEqual({ status: 200, body: { status: "ready" } });
  });

  it("should answer 503 on both once Cosmos is gone", async () => {
    await cosmos.stop();
    expect(await get(`${base}/healthz`)).toEqual({ status: 503, body: { status: "cosmos unavailable" } });
    expect(await get(`${base}/readyz`)).toEqual({ status: 503, body: { status: "cosmos unavailable" } });
  });
});

describe("readiness while shutting down", () => {
  it("should answer 503 on /readyz from the moment close() begins, while still serving turns", async () => {
    const connector = await startLoopbackConnector();
    const cosmos = await startLocalCosmos({ port: 0, database: "ready" });
    const config = loadConfig({
      NODE_ENV: "test",
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_DATABASE: "ready",
      SEED_DEMO: "false",
    });
    const log = createLogger("silent");
    const app = await createApp(config, log);
    const server = await startServer(app, createAdapter(config, log), {
      port: 0,
      host: "127.0.0.1",
      drainDelayMs: 1_000,
    });
    let closed: Promise<void> | undefined;
    try {
      expect((await get(`${server.url}/readyz`)).status).toBe(200);
      closed = server.close();
      expect(await get(`${server.url}/readyz`)).toEqual({ status: 503, body: { status: "shutting down" } });
      expect((await get(`${server.url}/healthz`)).status).toBe(200);
      const user = { id: "user-id-5", aadObjectId: "aad-5", name: "Test" };
      const turn = await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...activityBase(connector.url, user), type: "message", text: "hjelp" }),
      });
      expect(turn.status).toBe(200);
      await closed;
      await expect(fetch(`${server.url}/readyz`)).rejects.toThrow();
    } finally {
      await (closed ?? server.close());
      await app.close();
      await cosmos.stop();
      await connector.close();
    }
  });
});
