/**
 * Telemetry in a real child process: without a connection string no OpenTelemetry module is even
 * resolved; with one (pointing at a local HTTPS ingestion stub) outgoing calls arrive as dependencies
 * whose URLs carry no ids and no query strings.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const dir = mkdtempSync(join(tmpdir(), "telemetry-test-"));

/** A self-signed certificate for 127.0.0.1 (test only), trusted by the child through NODE_EXTRA_CA_CERTS. */
const CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUQwV8WmgOECjmMSNTVxDgoKnH0UgwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyMzAzMzgwNVoYDzIxMjYxMDMw
MDMzODA1WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATdI5b7gHVg91O/BIN5I7NXmnnnugWZRKJP2x3qMLYfvEl+arYbZmqQ
7N0dtKrdT7VkBVE9XW2rxE3G3rW9T82ho2QwYjAdBgNVHQ4EFgQUkHChfNKRK2fm
ZboNAgZ+MaLdTUAwHwYDVR0jBBgwFoAUkHChfNKRK2fmZboNAgZ+MaLdTUAwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IQCmhihm0Ao1ozfxgE4WzQ7ZQLkIwSg+TMOtecifbYJICAIgNtkJ+XO0q4fZ+EOo
+vM39L1Yndn76BhxwWmkeeP5a/g=
-----END CERTIFICATE-----
`;
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg64QiqMKYHkuneINL
BtcXuVnZls3i+21VWpOWUxrWfNKhRANCAATdI5b7gHVg91O/BIN5I7NXmnnnugWZ
RKJP2x3qMLYfvEl+arYbZmqQ7N0dtKrdT7VkBVE9XW2rxE3G3rW9T82h
-----END PRIVATE KEY-----
`;

/** Runs a TypeScript module in a child process (tsx) with extra environment; resolves with its stdout. */
async function run(name: string, source: string, env: Record<string, string>, args: string[] = []) {
  const file = join(dir, name);
  writeFileSync(file, source);
  const { stdout } = await promisify(execFile)(TSX, [file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return stdout;
}

const src = (path: string) => JSON.stringify(join(ROOT, "src", path));

describe("telemetry in a child process", () => {
  const closers: (() => void)[] = [];
  afterAll(() => {
    for (const close of closers) close();
  });

  it("should not resolve a single OpenTelemetry or Azure Monitor module without a connection string", async () => {
    const out = await run(
      "off.mts",
      `import { registerHooks } from "node:module";
const seen: string[] = [];
registerHooks({
  resolve(specifier, context, next) {
    if (/opentelemetry|monitor/.test(specifier)) seen.push(specifier);
    return next(specifier, context);
  },
});
const { startTelemetry } = await import(${src("telemetry.ts")});
const { createLogger } = await import(${src("log.ts")});
const telemetry = await startTelemetry(undefined, createLogger("silent"));
console.log(JSON.stringify({ started: telemetry !== undefined, seen, global: Symbol.for("opentelemetry.js.api.1") in globalThis }));
`,
      {},
    );
    expect(JSON.parse(out.trim().split("\n").pop() ?? "")).toEqual({
      started: false,
      seen: [],
      global: false,
    });
  });

  it("should export outgoing calls with ids and query strings removed", { timeout: 90_000 }, async () => {
    const target = createHttpServer((_req, res) => res.end("ok"));
    const bodies: string[] = [];
    const ingestion = createHttpsServer({ key: KEY, cert: CERT }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        bodies.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ itemsReceived: 0, itemsAccepted: 0, errors: [] }));
      });
    });
    for (const server of [target, ingestion]) {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      closers.push(() => server.close());
    }
    const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;
    writeFileSync(join(dir, "ca.pem"), CERT);

    await run(
      "on.mts",
      `const { startTelemetry } = await import(${src("telemetry.ts")});
const { createLogger } = await import(${src("log.ts")});
const [targetPort, ingestionPort] = process.argv.slice(2);
const telemetry = await startTelemetry(
  "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:" + ingestionPort + "/",
  createLogger("silent"),
);
const http = await import("node:http");
const get = (path: string) =>
  new Promise<void>((resolve, reject) =>
    http.get("http://127.0.0.1:" + targetPort + path, (res) => { res.resume(); res.on("end", resolve); }).on("error", reject),
  );
await get("/dbs/db/colls/people/docs/11111111-2222-3333-4444-555555555555?secret=kari");
await get("/v3/conversations/a%3Akari-conversation/activities/act-77");
await telemetry?.shutdown();
`,
      {
        NODE_EXTRA_CA_CERTS: join(dir, "ca.pem"),
        OTEL_TRACES_SAMPLER: "always_on",
        OTEL_NODE_RESOURCE_DETECTORS: "env,host,os",
        APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
      },
      [String(port(target)), String(port(ingestion))],
    );

    const items = bodies.flatMap(
      (b) => JSON.parse(b) as { data: { baseType: string; baseData: { data?: string } } }[],
    );
    const urls = items
      .filter((i) => i.data.baseType === "RemoteDependencyData")
      .map((i) => i.data.baseData.data);
    expect(urls).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${port(target)}/dbs/db/colls/people/docs/:id`,
        `http://127.0.0.1:${port(target)}/v3/conversations/:id/activities/:id`,
      ]),
    );
    const all = bodies.join("\n");
    expect(all).not.toMatch(/11111111-2222|kari|act-77|secret/);
  });
});
