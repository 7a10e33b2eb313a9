/**
 * The HTTP edge: POST /api/messages through CloudAdapter (JWT-validated whenever an app id is
 * configured), GET /healthz (liveness: the process answers HTTP; never asks Cosmos, so a Cosmos outage
 * does not get the instance restarted), GET /readyz (readiness, App Service's health check: Cosmos
 * answers and not shutting down), graceful shutdown. A port already in use rejects start-up with
 * PortInUseError (one line in the log, no stack trace).
 */
import {
  type Activity,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import restify from "restify";
import type { EdgeApp } from "../src/app.ts";
import type { Config } from "../src/config.ts";
import { DEFAULT_LANG } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Logger } from "../src/log.ts";
import { ClientReusingAuthentication } from "./cached-clients.ts";
import { registerDocumentRoute } from "./document-route.ts";
import { registerExportRoute } from "./export-route.ts";
import { invokeBodyJson } from "./invoke-response.ts";
import { withLibraryConsole } from "./library-console.ts";

/** A turn that failed before its language was known: bokmål. */
const t = texts(DEFAULT_LANG).bot;

import { TeamsBot } from "./teams-bot.ts";

export interface BotServer {
  url: string;
  /** The restify server, for routes added by other parts of bot/ (jobs, exports). */
  restify: restify.Server;
  adapter: CloudAdapter;
  /**
   * Stop accepting requests, let in-flight turns finish, then resolve. GET /readyz answers 503 from
   * the first moment; with `drainDelayMs` the server keeps serving that long before it stops
   * accepting connections, so a load balancer polling /readyz stops routing here first.
   * Calling it again returns the same promise.
   */
  close(opts?: { drainDelayMs?: number }): Promise<void>;
}

/** The HTTP port is taken (often another bot or `npm run dev` still running). */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (another bot or \`npm run dev\` still running?). Stop it or set PORT to a free port.`,
    );
    this.name = "PortInUseError";
  }
}

/** CloudAdapter with its turn entry point open to our own HTTP handler. */
export class BotAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Errors from token validation (botbuilder rethrows the JWT library's own and fetch failures). */
const AUTH_ERRORS = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError", "FetchError"]);

function isAuthError(err: unknown): boolean {
  const e = err as { statusCode?: unknown; name?: unknown } | null;
  return e !== null && typeof e === "object" && (e.statusCode === 401 || AUTH_ERRORS.has(String(e.name)));
}

/** The envelope every activity must have before botbuilder sees it; anything else is a 400. */
function isActivityEnvelope(body: unknown): body is Activity {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const a = body as Record<string, unknown>;
  const idOf = (v: unknown) =>
    typeof v === "object" && v !== null && typeof (v as { id?: unknown }).id === "string";
  return (
    typeof a.type === "string" && typeof a.serviceUrl === "string" && idOf(a.from) && idOf(a.conversation)
  );
}

export function createAdapter(config: Config, log: Logger): BotAdapter {
  const { appId, appPassword, appType, tenantId } = config.bot;
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    appId === undefined
      ? { MicrosoftAppId: "", MicrosoftAppPassword: "" }
      : {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: appPassword ?? "",
          MicrosoftAppType: appType,
          MicrosoftAppTenantId: tenantId ?? "",
        };
  const adapter = new BotAdapter(new ClientReusingAuthentication(options));
  adapter.onTurnError = async (ctx, err) => {
    log.error({ err, activityType: ctx.activity.type }, "unhandled turn error");
    await ctx.sendActivity(t.turnFailed).catch(() => undefined);
  };
  return adapter;
}

export async function startServer(
  app: EdgeApp,
  adapter: BotAdapter,
  opts: { port: number; host?: string; exportSecret: Buffer | string },
): Promise<BotServer> {
  const bot = new TeamsBot(app, { exportSecret: opts.exportSecret });
  const server = restify.createServer({ name: "dekom-rapport-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  let inFlight = 0;
  let closing = false;
  /** False from the moment close() is called (also while it still serves during drainDelayMs). */
  let ready = true;
  let closed: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  server.post("/api/messages", async (req, res) => {
    if (closing) {
      res.send(503);
      return;
    }
    inFlight++;
    try {
      // What CloudAdapter.process does, answering 400 (not 500) to a body that is not an activity and
      // 401 (not 500) to every token that does not validate; never an internal error text.
      const activity: unknown = req.body;
      if (!isActivityEnvelope(activity)) {
        res.send(400, { error: "not a Bot Framework activity" });
        return;
      }
      for (const field of ["timestamp", "localTimestamp", "expiration"] as const) {
        const v = activity[field] as unknown;
        if (typeof v === "string") (activity as unknown as Record<string, unknown>)[field] = new Date(v);
      }
      try {
        // botbuilder's own console output (stack traces of refused tokens) goes to pino instead.
        const invoke = await withLibraryConsole(app.log, () =>
          adapter.handle(req.header("authorization") ?? "", activity, (ctx) => bot.run(ctx)),
        );
        const json = invoke?.body === undefined ? undefined : invokeBodyJson(invoke.body);
        // A card answer reuses the JSON its size check made; the bytes and headers are what
        // res.send's JSON formatter would give (restify's formatters/json.js).
        if (json !== undefined)
          res.sendRaw(invoke?.status ?? 200, json, {
            "Content-Type": "application/json",
            "Content-Length": String(Buffer.byteLength(json)),
          });
        else if (invoke?.body !== undefined) res.send(invoke.status ?? 200, invoke.body);
        else res.send(invoke?.status ?? 200);
      } catch (err) {
        if (isAuthError(err)) {
          res.send(401);
          return;
        }
        app.log.error({ err }, "processing an activity failed");
        res.send(500);
      }
    } finally {
      inFlight--;
      if (closing && inFlight === 0) drained?.();
    }
  });

  // Alive: the process runs and serves HTTP (also while draining). Dependencies are /readyz's business.
  server.get("/healthz", async (_req, res) => {
    res.send(200, { status: "ok" });
  });

  // Ready for traffic: start-up is done (the server listens only once createApp has opened Cosmos
  // and wired everything), it is not shutting down, and Cosmos DB answers.
  server.get("/readyz", async (_req, res) => {
    if (!ready) {
      res.send(503, { status: "shutting down" });
      return;
    }
    const ok = await app.ping();
    res.send(ok ? 200 : 503, { status: ok ? "ready" : "cosmos unavailable" });
  });

  registerExportRoute(server, { app, secret: opts.exportSecret });
  registerDocumentRoute(server, app);

  await new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new PortInUseError(opts.port) : err);
    // restify proxies the http server's "error" to its own listeners (not the inner server's).
    server.once("error", failed);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      server.off("error", failed);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    restify: server,
    adapter,
    close(closeOpts = {}) {
      closed ??= (async () => {
        ready = false;
        const delay = closeOpts.drainDelayMs ?? 0;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        server.server.closeIdleConnections?.();
        await stopped;
      })();
      return closed;
    },
  };
}
