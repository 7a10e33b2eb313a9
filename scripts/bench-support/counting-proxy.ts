/** A tiny counting HTTP proxy between the Cosmos SDK and the local Cosmos server, for the overview bench. */
import { Agent, createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

// ---------------------------------------------------------------------------------------------------------
// Counting proxy between the SDK and the Cosmos server

export interface CountingProxy {
  endpoint: string;
  counts: Map<string, number>;
  /** Documents in each query page answered since the last reset (x-ms-item-count), in order. */
  pageItems: number[];
  /**
   * Answer the SDK's query-plan request here with a small plan, as Azure's gateway does, instead of
   * passing it to the local server (which runs it as the query itself and returns every document).
   */
  answerQueryPlans: boolean;
  reset(): void;
  close(): Promise<void>;
}

const QUERY_PLAN_HEADER = "x-ms-cosmos-is-query-plan-request";

/** What Azure returns for the plan of a plain "SELECT * ... WHERE" (the SDK does not use it for such a query). */
const SMALL_QUERY_PLAN = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None",
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: "",
    hasSelectValue: false,
    dCountInfo: null,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
});

/** What kind of Cosmos request this is, from its method, path and headers. */
function kindOf(method: string, path: string, headers: Record<string, unknown>): string {
  const p = path.split("?")[0] ?? "";
  const where = p.replace(/^\/dbs\/[^/]+/, "");
  if (String(headers[QUERY_PLAN_HEADER] ?? "").toLowerCase() === "true") return `query plan ${where}`;
  if (headers["x-ms-documentdb-isquery"] === "true" || headers["content-type"] === "application/query+json") {
    return `query page ${where}`;
  }
  if (String(headers["x-ms-cosmos-is-batch-request"] ?? "").toLowerCase() === "true") return `bulk ${where}`;
  if (/\/docs\/[^/]+$/.test(p)) return `${method} one document ${p.split("/")[4] ?? ""}`;
  if (/\/pkranges$/.test(p)) return `${method} partition key ranges`;
  if (p === "/" || p === "") return `${method} account`;
  return `${method} ${p}`;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const proxy: CountingProxy = {
    endpoint: "",
    counts: new Map(),
    pageItems: [],
    answerQueryPlans: false,
    reset() {
      proxy.counts.clear();
      proxy.pageItems.length = 0;
    },
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const kind = kindOf(req.method ?? "GET", req.url ?? "/", req.headers);
    proxy.counts.set(kind, (proxy.counts.get(kind) ?? 0) + 1);
    if (proxy.answerQueryPlans && kind.startsWith("query plan")) {
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "x-ms-request-charge": "0" });
      res.end(SMALL_QUERY_PLAN);
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        if (kind.startsWith("query page")) {
          proxy.pageItems.push(Number(answer.headers["x-ms-item-count"] ?? Number.NaN));
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    agent.destroy();
  };
  return proxy;
}
