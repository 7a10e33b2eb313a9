/**
 * Telemetry to Application Insights through OpenTelemetry (@azure/monitor-opentelemetry), only when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is configured. Without it nothing is imported, started or sent.
 *
 * What is collected: incoming requests (/api/messages, /healthz, ...), outgoing HTTP calls (Cosmos DB,
 * Bot Connector, Entra ID) with their duration and status, exceptions recorded on those spans, and
 * standard metrics. Never request or response bodies, and not our pino logs. Ids in URL paths (Cosmos
 * document ids such as Entra object ids, Teams conversation/activity/member ids, GUIDs) are replaced by
 * ":id" and query strings dropped before anything is exported (`redactUrl`). Live Metrics is off.
 *
 * ESM: instrumentation hooks only see modules imported after they are registered, so call
 * startTelemetry before importing the rest of the app (bot/index.ts imports bot/start.ts afterwards).
 */
import type { Logger } from "./log.ts";

export interface Telemetry {
  /** Flushes what is buffered and stops; never rejects (a failed flush is logged). */
  shutdown(): Promise<void>;
}

/** The part of the distro we use (a parameter so tests can see whether it is loaded at all). */
export interface Distro {
  useAzureMonitor(options: object): void;
  shutdownAzureMonitor(): Promise<void>;
}

/** Loads the distro: registers the ESM instrumentation hooks first, then the distro itself. */
async function loadDistro(): Promise<Distro> {
  await import("@azure/monitor-opentelemetry/loader");
  return import("@azure/monitor-opentelemetry");
}

/** Path segments after these hold ids: Cosmos /docs/<id>, Bot Connector /conversations/<id>/activities/<id>. */
const ID_AFTER = new Set(["docs", "conversations", "activities", "members", "attachments", "users"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL or path with ids replaced by ":id" and without query string or fragment. */
export function redactUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)/i.exec(url);
  const origin = match?.[1] ?? "";
  const segments = (match?.[2] ?? "").split("/");
  const path = segments
    .map((seg, i) => {
      if (seg === "") return seg;
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        // not %-encoded text: look at it as it is
      }
      return ID_AFTER.has(segments[i - 1] ?? "") || GUID.test(decoded) ? ":id" : seg;
    })
    .join("/");
  return origin + path;
}

/** Span attributes that may carry a URL or path (old and stable HTTP semantic conventions). */
const URL_ATTRIBUTES = ["http.url", "url.full", "http.target", "url.path", "url.query"];

interface MutableSpan {
  attributes: Record<string, unknown>;
  setAttribute(key: string, value: string): unknown;
}

/** A span processor that rewrites URL attributes while the span can still change (before export). */
export const redactingSpanProcessor = {
  onStart(): void {},
  onEnding(span: MutableSpan): void {
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value === "string") span.setAttribute(key, key === "url.query" ? "" : redactUrl(value));
    }
  },
  onEnd(): void {},
  forceFlush: (): Promise<void> => Promise.resolve(),
  shutdown: (): Promise<void> => Promise.resolve(),
};

/**
 * Starts telemetry when a connection string is configured; otherwise does nothing and returns
 * undefined. A failure to start is logged and the bot runs on without telemetry.
 */
export async function startTelemetry(
  connectionString: string | undefined,
  log: Logger,
  load: () => Promise<Distro> = loadDistro,
): Promise<Telemetry | undefined> {
  if (connectionString === undefined || connectionString.trim() === "") return undefined;
  try {
    const distro = await load();
    distro.useAzureMonitor({
      azureMonitorExporterOptions: { connectionString },
      enableLiveMetrics: false,
      spanProcessors: [redactingSpanProcessor],
      instrumentationOptions: {
        http: { enabled: true },
        azureSdk: { enabled: true },
        mongoDb: { enabled: false },
        mySql: { enabled: false },
        postgreSql: { enabled: false },
        redis: { enabled: false },
        redis4: { enabled: false },
        bunyan: { enabled: false },
        winston: { enabled: false },
      },
    });
    log.info("telemetry to Application Insights started");
    return {
      shutdown: () =>
        distro.shutdownAzureMonitor().catch((err: unknown) => log.warn({ err }, "telemetry could not flush")),
    };
  } catch (err) {
    log.error({ err }, "telemetry could not start; running without it");
    return undefined;
  }
}
