/**
 * The fault proxy's own upstream connections: a request that lands on a pooled keep-alive socket the
 * upstream server has just closed as idle must not become a 502. The upstream here is a plain Node
 * HTTP server standing in for the local Cosmos server (@vercel/cosmosdb-server sets `Connection:
 * keep-alive` itself, so Node sends no `Keep-Alive: timeout=` hint and the proxy's agent cannot know
 * the server's 5 s idle timeout). The race is made deterministic: every connection open at a chosen
 * moment is "stale", and a request arriving on a stale connection is answered by destroying it, as a
 * server that closed the idle socket just as the request arrived would.
 */
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type CosmosFaultProxy, startCosmosFaultProxy } from "../support/cosmos-fault-proxy.ts";

let upstream: Server;
let proxy: CosmosFaultProxy;
const open = new Set<Socket>();
const stale = new Set<Socket>();
let connections = 0;
/** The client side keeps its connections to the proxy alive, as @azure/cosmos does. */
const clientAgent = new Agent({ keepAlive: true });

beforeAll(async () => {
  upstream = createServer({ keepAlive: true }, (req, res) => {
    if (stale.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on("end", () => {
      const body = JSON.stringify({ ok: true });
      res.writeHead(200, {
        connection: "keep-alive",
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
      });
      res.end(body);
    });
  });
  upstream.on("connection", (s: Socket) => {
    connections++;
    open.add(s);
    s.on("close", () => open.delete(s));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const { port } = upstream.address() as AddressInfo;
  proxy = await startCosmosFaultProxy({ target: `http://127.0.0.1:${port}` });
});

afterAll(async () => {
  clientAgent.destroy();
  await proxy?.close();
  upstream?.closeAllConnections();
  await new Promise<void>((resolve) => upstream?.close(() => resolve()));
});

/** One POST through the proxy; resolves with the status. */
function post(body: string): Promise<number> {
  const url = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: "POST", path: "/dbs/d/colls/c/docs", agent: clientAgent },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.setHeader("content-type", "application/json");
    req.setHeader("content-length", String(Buffer.byteLength(body)));
    req.end(body);
  });
}

test("a request on idle upstream sockets the server has closed is retried on a new connection, not a 502", async () => {
  // several concurrent requests leave several idle keep-alive sockets in the proxy's pool
  const warm = await Promise.all(Array.from({ length: 4 }, (_, i) => post(JSON.stringify({ id: `w-${i}` }))));
  expect(warm).toEqual([200, 200, 200, 200]);
  expect(open.size).toBeGreaterThanOrEqual(2);
  for (const s of open) stale.add(s);
  const before = connections;

  const big = JSON.stringify({ id: "big", filler: "x".repeat(1_000_000) });
  expect(await post(big)).toBe(200);
  expect(await post(JSON.stringify({ id: "after" }))).toBe(200);
  expect(connections).toBeGreaterThan(before);
});
