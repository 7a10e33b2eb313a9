/**
 * A fault-injecting HTTP proxy in front of a Cosmos DB (NoSQL) endpoint, for tests and benchmarks.
 * Point the product's COSMOS_ENDPOINT at `url`; every request is forwarded (keep-alive) to the real
 * (local) server unless a fault rule says otherwise. Rules can be switched at run time:
 *
 *   latency      wait `ms` before forwarding
 *   throttle     answer 429 with `x-ms-retry-after-ms` (and `x-ms-substatus`), Cosmos' error body
 *   unavailable  answer 503 ServiceUnavailable without forwarding
 *   drop         destroy the client's socket without forwarding (a dropped connection)
 *   drop-after   forward (Cosmos applies it), then destroy the socket instead of answering: the
 *                client cannot know whether a write happened
 *   bulk-op      in a bulk request, answer one operation with a status without applying it (and,
 *                with `drop`, destroy the socket instead of answering the others, which were applied)
 *
 * Every request is also classified and counted, so a benchmark can report "Cosmos requests per
 * step" with the proxy in pass-through mode:
 *
 *   read   GET  .../docs/<id>                          point read
 *   write  POST/PUT/PATCH/DELETE .../docs[/<id>]        create, upsert, replace, patch, delete, and a
 *          bulk request (x-ms-cosmos-is-batch-request): one request, its documents in `docIds`
 *   read   ... and a bulk request of Read operations only (one request, its documents in `docIds`)
 *   query  POST .../docs with x-ms-documentdb-isquery   (also query-plan requests)
 *   meta   everything else (account, databases, containers, partition key ranges)
 *
 * Note: @azure/cosmos retries 429 by itself (honouring x-ms-retry-after-ms, by default up to 9 times or
 * 30 s in total), retries dropped connections (ECONNRESET) for reads and queries only (up to 10 times,
 * 1 s apart), and, with endpoint discovery off (plain http), does not retry 503 at all.
 */
import {
  createServer,
  Agent as HttpAgent,
  type IncomingMessage,
  request,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type CosmosRequestKind = "read" | "write" | "query" | "meta";

export type Fault =
  | { type: "latency"; ms: number }
  | { type: "throttle"; retryAfterMs?: number; substatus?: number }
  | { type: "unavailable" }
  | { type: "drop" }
  | { type: "drop-after" }
  /**
   * Bulk requests only: answer operation `index` (default 0) with `status` without applying it (it is
   * left out of what is forwarded), as Cosmos does for an operation it throttles (429); the others are
   * forwarded and answered by the server.
   */
  | { type: "bulk-op"; status: number; index?: number; drop?: boolean };

export interface FaultRule {
  /** Request kinds the rule applies to (default: all). */
  kinds?: CosmosRequestKind[];
  /** Only requests to this container (e.g. "reports"). */
  container?: string;
  /** Only requests for this document id (point operations, or a bulk request that carries it). */
  docId?: string;
  fault: Fault;
  /** Chance that a matching request is hit, 0..1 (default 1). */
  probability?: number;
  /** Hit at most this many requests, then the rule is spent (default: no limit). */
  count?: number;
}

/**
 * The mixed faults of the "lose nothing acknowledged" tests on a container's writes: the first write
 * of each type in `first` always fails (so a check that faults happened cannot pass on luck), then
 * 5 ms latency on half of all requests and, on writes, 10% each of 503, dropped connection, dropped
 * after the write was stored, and throttling at `throttle`.
 */
export function mixedWriteFaults(container: string, first: Fault[], throttle: number): FaultRule[] {
  const writes = (fault: Fault, probability: number): FaultRule => ({
    kinds: ["write"],
    container,
    fault,
    probability,
  });
  return [
    ...first.map((fault): FaultRule => ({ kinds: ["write"], container, fault, count: 1 })),
    { container, fault: { type: "latency", ms: 5 }, probability: 0.5 },
    writes({ type: "unavailable" }, 0.1),
    writes({ type: "drop" }, 0.1),
    writes({ type: "drop-after" }, 0.1),
    writes({ type: "throttle", retryAfterMs: 10 }, throttle),
  ];
}

/** What the proxy saw of one request. */
export interface CosmosRequestInfo {
  kind: CosmosRequestKind;
  method: string;
  path: string;
  container?: string;
  /** The document id of a point operation. */
  docId?: string;
  /** A bulk/batch request: the document id of each of its operations, in order. */
  docIds?: string[];
  /** For queries: the SQL text and parameters. */
  query?: { query?: string; parameters?: { name: string; value: unknown }[] };
  /** The fault applied, if any (latency is not a failure but is reported here too). */
  fault?: Fault["type"];
  /** HTTP status returned to the client; 0 when the connection was dropped. */
  status: number;
}

export interface CosmosCounts {
  read: number;
  write: number;
  query: number;
  meta: number;
  total: number;
  /** Faults injected, by type. */
  faults: Record<Fault["type"], number>;
  /** Requests by "<container>:<kind>". */
  byContainer: Record<string, number>;
}

export interface CosmosFaultProxy {
  /** The endpoint to give the client (http://127.0.0.1:port). */
  url: string;
  /** Replace the fault rules (an empty list = pass-through). */
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  /** Counters since start or the last reset. */
  counts(): CosmosCounts;
  resetCounts(): void;
  /** Called for every request when its outcome is known (status set). Returns an unsubscribe function. */
  onRequest(listener: (info: CosmosRequestInfo) => void): () => void;
  close(): Promise<void>;
}

const DOCS = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?\/?$/;
const COLL = /^\/dbs\/[^/]+\/colls\/([^/]+)/;

/** Classifies a Cosmos REST request by method, path and headers. */
function classify(
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
): { kind: CosmosRequestKind; container?: string; docId?: string } {
  const m = DOCS.exec(path);
  const container = m?.[2] ?? COLL.exec(path)?.[1];
  const withContainer = container === undefined ? {} : { container: decodeURIComponent(container) };
  if (m === null) return { kind: "meta", ...withContainer };
  const docId = m[3] === undefined ? undefined : decodeURIComponent(m[3]);
  const withDoc = docId === undefined ? {} : { docId };
  const isQuery =
    String(headers["x-ms-documentdb-isquery"] ?? "").toLowerCase() === "true" ||
    String(headers["x-ms-cosmos-is-query-plan-request"] ?? "").toLowerCase() === "true";
  if (method === "POST" && isQuery) return { kind: "query", ...withContainer };
  if (method === "GET") return { kind: docId === undefined ? "query" : "read", ...withContainer, ...withDoc };
  return { kind: "write", ...withContainer, ...withDoc };
}

/** The document id of one operation of a bulk request (`id`, or the id in its resource body). */
function bulkOperationId(op: unknown): string {
  const o = (op ?? {}) as { id?: unknown; resourceBody?: { id?: unknown } };
  const id = o.id ?? o.resourceBody?.id;
  return typeof id === "string" ? id : "";
}

/** One operation of a bulk request that only reads. */
function isReadOperation(op: unknown): boolean {
  return (op as { operationType?: unknown } | null)?.operationType === "Read";
}

function emptyCounts(): CosmosCounts {
  return {
    read: 0,
    write: 0,
    query: 0,
    meta: 0,
    total: 0,
    faults: { latency: 0, throttle: 0, unavailable: 0, drop: 0, "drop-after": 0, "bulk-op": 0 },
    byContainer: {},
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startCosmosFaultProxy(opts: {
  /** The real Cosmos endpoint, http only (e.g. the local server). */
  target: string;
  port?: number;
  rules?: FaultRule[];
  /**
   * How long an idle client connection is kept open (Node's default is 5 s). @azure/cosmos does not
   * retry a write whose pooled keep-alive socket the server closed just then ("socket hang up"), so a
   * benchmark with pauses of a few seconds sets this longer to measure CPU, not that race.
   */
  keepAliveTimeoutMs?: number;
}): Promise<CosmosFaultProxy> {
  const target = new URL(opts.target);
  if (target.protocol !== "http:") throw new Error("cosmos-fault-proxy forwards to http endpoints only");
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  let rules: (FaultRule & { left: number })[] = [];
  let counts = emptyCounts();
  const listeners = new Set<(info: CosmosRequestInfo) => void>();
  const sockets = new Set<Socket>();

  const setFaults = (next: FaultRule[]) => {
    rules = next.map((r) => ({ ...r, left: r.count ?? Number.POSITIVE_INFINITY }));
  };
  setFaults(opts.rules ?? []);

  /** The first rule that matches and fires (probability), consuming one of its count. */
  const pick = (info: { kind: CosmosRequestKind; container?: string; docId?: string; docIds?: string[] }) => {
    for (const rule of rules) {
      if (rule.left <= 0) continue;
      if (rule.fault.type === "bulk-op" && info.docIds === undefined) continue;
      if (rule.kinds !== undefined && !rule.kinds.includes(info.kind)) continue;
      if (rule.container !== undefined && rule.container !== info.container) continue;
      if (rule.docId !== undefined && rule.docId !== info.docId && !info.docIds?.includes(rule.docId))
        continue;
      if (rule.probability !== undefined && Math.random() >= rule.probability) continue;
      rule.left--;
      return rule.fault;
    }
    return undefined;
  };

  /**
   * Forwards to the real server. A request that fails on a reused keep-alive socket the server had
   * just closed as idle (ECONNRESET / socket hang up) never reached it, and is sent once more (as
   * Node's documentation advises, `request.reusedSocket`); a busy machine otherwise turns that race
   * into 502s nobody asked for. The second attempt goes on a NEW connection (`agent: false`): the
   * server closes every socket that went idle in the same burst at about the same moment, so the next
   * pooled socket is often just as dead (seen as a 502 "socket hang up" of a 100-operation bulk in
   * bench:turns). The local server sends no `Keep-Alive: timeout=` hint (@vercel/cosmosdb-server sets
   * `Connection` itself), so the agent cannot retire idle sockets before the server's 5 s.
   */
  const forward = (
    req: IncomingMessage,
    body: Buffer,
    mayRetry = true,
  ): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }> =>
    new Promise((resolve, reject) => {
      // hop-by-hop headers are the client's connection's, not the upstream's (a client's `Connection:
      // close` would make the server refuse the next request on the pooled socket)
      const { connection: _c, "keep-alive": _k, "transfer-encoding": _t, ...own } = req.headers;
      const headers = { ...own, host: target.host, "content-length": String(body.length) };
      const upstream = request(
        {
          agent: mayRetry ? agent : false,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (res) => {
          readBody(res).then(
            (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
            reject,
          );
        },
      );
      upstream.on("error", (err: NodeJS.ErrnoException) => {
        const idleClosed =
          err.code === "ECONNRESET" || err.code === "EPIPE" || err.message === "socket hang up";
        if (mayRetry && upstream.reusedSocket && idleClosed) resolve(forward(req, body, false));
        else reject(err);
      });
      upstream.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const cls = classify(method, path, req.headers);
    const info: CosmosRequestInfo = { ...cls, method, path, status: 0 };
    if (cls.kind === "write" && cls.docId === undefined && body.length > 0) {
      // create/upsert: the id is in the body; a bulk request's body is the list of its operations
      try {
        const parsed = JSON.parse(body.toString("utf8")) as unknown;
        if (Array.isArray(parsed)) {
          info.docIds = parsed.map(bulkOperationId);
          if (parsed.length > 0 && parsed.every(isReadOperation)) info.kind = "read";
        } else {
          const id = (parsed as { id?: unknown }).id;
          if (typeof id === "string") info.docId = id;
        }
      } catch {
        // not JSON: leave it out
      }
    }
    if (cls.kind === "query" && body.length > 0) {
      try {
        info.query = JSON.parse(body.toString("utf8")) as CosmosRequestInfo["query"];
      } catch {
        // not JSON: leave it out
      }
    }
    counts[info.kind]++;
    counts.total++;
    const key = `${cls.container ?? "-"}:${info.kind}`;
    counts.byContainer[key] = (counts.byContainer[key] ?? 0) + 1;

    const done = () => {
      for (const l of listeners) l(info);
    };
    const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) => {
      info.status = status;
      const json = JSON.stringify({ code, message });
      res.writeHead(status, {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(json)),
        "x-ms-request-charge": "0",
        "x-ms-activity-id": "00000000-0000-0000-0000-000000000000",
        ...headers,
      });
      res.end(json);
      done();
    };
    const drop = () => {
      info.status = 0;
      req.socket.destroy();
      done();
    };

    let fault = pick(info);
    let bulkOp: { status: number; index: number; drop: boolean } | undefined;
    if (fault?.type === "latency") {
      counts.faults.latency++;
      info.fault = "latency";
      await sleep(fault.ms);
      fault = pick(info); // a latency rule may be combined with a failure rule after it
      if (fault?.type === "latency") fault = undefined;
    }
    if (fault !== undefined) {
      counts.faults[fault.type]++;
      info.fault = fault.type;
      switch (fault.type) {
        case "throttle":
          fail(429, "TooManyRequests", "Request rate is large. More Request Units may be needed.", {
            "x-ms-retry-after-ms": String(fault.retryAfterMs ?? 100),
            "x-ms-substatus": String(fault.substatus ?? 3200),
          });
          return;
        case "unavailable":
          fail(503, "ServiceUnavailable", "Service is currently unavailable (injected).", {
            "x-ms-substatus": "20003",
          });
          return;
        case "drop":
          drop();
          return;
        case "drop-after":
          await forward(req, body).catch(() => undefined);
          drop();
          return;
        case "bulk-op":
          bulkOp = { status: fault.status, index: fault.index ?? 0, drop: fault.drop === true };
          break;
      }
    }
    let sendBody = body;
    if (bulkOp !== undefined) {
      const ops = JSON.parse(body.toString("utf8")) as unknown[];
      bulkOp.index = Math.min(bulkOp.index, ops.length - 1);
      ops.splice(bulkOp.index, 1);
      sendBody = Buffer.from(JSON.stringify(ops));
    }
    try {
      const up = await forward(req, sendBody);
      if (bulkOp?.drop === true) {
        drop();
        return;
      }
      if (bulkOp !== undefined && up.status === 200) {
        const results = JSON.parse(up.body.toString("utf8")) as unknown[];
        results.splice(bulkOp.index, 0, { statusCode: bulkOp.status, requestCharge: 0 });
        up.body = Buffer.from(JSON.stringify(results));
      }
      info.status = up.status;
      const headers = { ...up.headers };
      delete headers.connection;
      delete headers["keep-alive"];
      delete headers["transfer-encoding"];
      headers["content-length"] = String(up.body.length);
      res.writeHead(up.status, headers);
      res.end(up.body);
      done();
    } catch (err) {
      fail(502, "BadGateway", `cosmos-fault-proxy: upstream failed: ${String(err)}`);
    }
  };

  const server = createServer({ keepAlive: true, keepAliveTimeout: opts.keepAliveTimeoutMs }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: "ProxyError", message: String(err) }));
      }
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setFaults,
    clearFaults: () => setFaults([]),
    counts: () => structuredClone(counts),
    resetCounts() {
      counts = emptyCounts();
    },
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
