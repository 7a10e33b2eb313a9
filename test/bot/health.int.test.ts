/**
 * GET /healthz (liveness: the process answers, whatever Cosmos does) and GET /readyz (readiness, the
 * App Service health check: Cosmos answers and the server is not shutting down), through the real
 * server on a real port; and a port that is taken fails start-up with one clear PortInUseError.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter, PortInUseError, startServer } from "../../bot/server.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";

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

  it("should stay alive but not ready once Cosmos is gone", async () => {
    await cosmos.stop();
    // Liveness must not depend on Cosmos: a restart would not bring Cosmos back.
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await get(`${base}/readyz`)).toEqual({ status: 503, body: { status: "cosmos unavailable" } });
  });
});

describe("readiness while shutting down", () => {
  it("should answer 503 on /readyz from the moment close() begins, while still serving turns", async () => {
    const h = await startHarness();
    const base = h.running.server.url;
    try {
      expect((await get(`${base}/readyz`)).status).toBe(200);
      const closed = h.running.server.close({ drainDelayMs: 1_000 });
      expect(await get(`${base}/readyz`)).toEqual({ status: 503, body: { status: "shutting down" } });
      expect((await get(`${base}/healthz`)).status).toBe(200);
      const user = { id: "user-id-5", aadObjectId: "aad-5", name: "Test" };
      expect((await h.message(user, "hjelp")).status).toBe(200);
      await closed;
      await expect(fetch(`${base}/readyz`)).rejects.toThrow();
    } finally {
      await h.close();
    }
  });
});

describe("a port that is taken", () => {
  it("should reject start-up with PortInUseError naming the port, not crash on an unhandled error", async () => {
    const h = await startHarness();
    try {
      const port = Number(new URL(h.running.server.url).port);
      const adapter = createAdapter(h.running.app.config, h.running.app.log);
      const err = await startServer(h.running.app, adapter, {
        port,
        host: "127.0.0.1",
        exportSecret: "x",
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PortInUseError);
      expect((err as Error).message).toBe(
        `Port ${port} is already in use (another bot or \`npm run dev\` still running?). Stop it or set PORT to a free port.`,
      );
      expect((err as Error).message).not.toContain("\n");
    } finally {
      await h.close();
    }
  });
});
