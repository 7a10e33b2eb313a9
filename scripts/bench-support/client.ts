/**
 * A light load-generator client: POST JSON activities over keep-alive node:http (cheaper than fetch,
 * so the generator steals less CPU from the bot on the same cores), latency = POST until the whole
 * response body has arrived. Plus percentiles.
 */
import { Agent, request } from "node:http";

export interface PostResult {
  status: number;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  ms: number;
  /** Set when no HTTP response arrived (connection refused/reset, timeout). */
  error?: string;
}

export class ActivityClient {
  private readonly agent: Agent;

  constructor(
    private readonly url: string,
    opts: { maxSockets?: number; timeoutMs?: number } = {},
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 256 });
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  private readonly timeoutMs: number;

  /**
   * POST a body (an object is sent as JSON; a string as it is). A request that fails on a reused
   * keep-alive socket the server had just closed as idle (ECONNRESET / socket hang up before any
   * response) is sent once more, as Node's documentation advises (`request.reusedSocket`): that
   * request never reached the bot. The latency counts from the first try.
   */
  post(body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
    const payload = typeof body === "string" ? body : JSON.stringify(body);
    return this.send(payload, headers, performance.now(), true);
  }

  private send(
    payload: string,
    headers: Record<string, string>,
    started: number,
    mayRetry: boolean,
  ): Promise<PostResult> {
    const target = new URL(this.url);
    return new Promise((resolve) => {
      const req = request(
        {
          agent: this.agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(payload)),
            ...headers,
          },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = text === "" ? undefined : text;
            if (text !== "") {
              try {
                parsed = JSON.parse(text);
              } catch {
                // not JSON
              }
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started });
          });
          res.on("error", (err) =>
            resolve({ status: 0, body: undefined, ms: performance.now() - started, error: String(err) }),
          );
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timeout after ${this.timeoutMs} ms`)));
      req.on("error", (err: NodeJS.ErrnoException) => {
        const idleClosed = err.code === "ECONNRESET" || err.message === "socket hang up";
        if (mayRetry && req.reusedSocket && idleClosed) {
          resolve(this.send(payload, headers, started, false));
          return;
        }
        resolve({ status: 0, body: undefined, ms: performance.now() - started, error: String(err) });
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The p-th percentile (0..100) of the values, nearest-rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}
