import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { type Distro, redactingSpanProcessor, redactUrl, startTelemetry } from "../../src/telemetry.ts";

const log = createLogger("silent");
/** Where @opentelemetry/api registers its global providers once anything starts it. */
const OTEL_GLOBAL = Symbol.for("opentelemetry.js.api.1");

function fakeDistro() {
  const calls: { use: Record<string, unknown>[]; shutdowns: number } = { use: [], shutdowns: 0 };
  const distro: Distro = {
    useAzureMonitor: (options) => {
      calls.use.push(options as Record<string, unknown>);
    },
    shutdownAzureMonitor: async () => {
      calls.shutdowns++;
    },
  };
  return { distro, calls };
}

describe("startTelemetry", () => {
  it("should start nothing and load nothing without a connection string", async () => {
    for (const connectionString of [undefined, "", "   "]) {
      let loaded = 0;
      const telemetry = await startTelemetry(connectionString, log, async () => {
        loaded++;
        return fakeDistro().distro;
      });
      expect(telemetry).toBeUndefined();
      expect(loaded).toBe(0);
    }
    expect(OTEL_GLOBAL in globalThis).toBe(false);
  });

  it("should start the distro with the connection string, Live Metrics off and URLs redacted", async () => {
    const { distro, calls } = fakeDistro();
    const telemetry = await startTelemetry("InstrumentationKey=abc", log, async () => distro);
    expect(calls.use).toHaveLength(1);
    expect(calls.use[0]).toMatchObject({
      azureMonitorExporterOptions: { connectionString: "InstrumentationKey=abc" },
      enableLiveMetrics: false,
      spanProcessors: [redactingSpanProcessor],
      instrumentationOptions: { http: { enabled: true }, mongoDb: { enabled: false } },
    });
    await telemetry?.shutdown();
    expect(calls.shutdowns).toBe(1);
  });

  it("should run on without telemetry when the distro fails to load or to flush", async () => {
    expect(
      await startTelemetry("InstrumentationKey=abc", log, async () => {
        throw new Error("no such package");
      }),
    ).toBeUndefined();
    const failing: Distro = {
      useAzureMonitor: () => undefined,
      shutdownAzureMonitor: () => Promise.reject(new Error("ingestion unreachable")),
    };
    const telemetry = await startTelemetry("InstrumentationKey=abc", log, async () => failing);
    await expect(telemetry?.shutdown()).resolves.toBeUndefined();
  });
});

describe("redactUrl", () => {
  it("should replace ids in paths and drop query strings", () => {
    expect(
      redactUrl(
        "https://acc.documents.azure.com:443/dbs/dekom/colls/people/docs/11111111-2222-3333-4444-555555555555",
      ),
    ).toBe("https://acc.documents.azure.com:443/dbs/dekom/colls/people/docs/:id");
    expect(
      redactUrl("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1kari/activities/1712?x=1"),
    ).toBe("https://smba.trafficmanager.net/emea/v3/conversations/:id/activities/:id");
    expect(redactUrl("/v3/conversations/19:abc@thread.tacv2/members/29:1xyz")).toBe(
      "/v3/conversations/:id/members/:id",
    );
    expect(redactUrl("/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token")).toBe(
      "/:id/oauth2/v2.0/token",
    );
    expect(redactUrl("/api/messages")).toBe("/api/messages");
    expect(redactUrl("/dbs/dekom/colls/reports/docs")).toBe("/dbs/dekom/colls/reports/docs");
    expect(redactUrl("/api/jobs/reminders?wait=1")).toBe("/api/jobs/reminders");
  });

  it("should rewrite the URL attributes of a span before it ends", () => {
    const attributes: Record<string, unknown> = {
      "http.url": "http://127.0.0.1:1/dbs/d/colls/people/docs/aad-kari?secret=1",
      "http.target": "/dbs/d/colls/people/docs/aad-kari?secret=1",
      "url.query": "secret=1",
      "http.method": "GET",
    };
    redactingSpanProcessor.onEnding({
      attributes,
      setAttribute: (key, value) => {
        attributes[key] = value;
      },
    });
    expect(attributes).toEqual({
      "http.url": "http://127.0.0.1:1/dbs/d/colls/people/docs/:id",
      "http.target": "/dbs/d/colls/people/docs/:id",
      "url.query": "",
      "http.method": "GET",
    });
  });
});
