/**
 * The HTTP edge: POST /api/messages through CloudAdapter (JWT-validated whenever an app id is
 * configured), GET /healthz (200 only when Cosmos answers), graceful shutdown.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from "botbuilder";
import restify from "restify";
import type { App } from "../src/app.ts";
import type { Config } from "../src/config.ts";
import type { Logger } from "../src/log.ts";
import { registerExportRoute } from "./export-route.ts";
import { TeamsBot } from "./teams-bot.ts";

export interface BotServer {
  url: string;
  /** The restify server, for routes added by other parts of bot/ (jobs, exports). */
  restify: restify.Server;
  adapter: CloudAdapter;
  /** Stop accepting requests, let in-flight turns finish, then resolve. */
  close(): Promise<void>;
}

export function createAdapter(config: Config, log: Logger): CloudAdapter {
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
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (ctx, err) => {
    log.error({ err, activityType: ctx.activity.type }, "unhandled turn error");
    await ctx.sendActivity("Beklager, noe gikk galt hos meg. Prøv igjen om litt.").catch(() => undefined);
  };
  return adapter;
}

export async function startServer(
  app: App,
  adapter: CloudAdapter,
  opts: { port: number; host?: string; exportSecret: Buffer | string },
): Promise<BotServer> {
  const bot = new TeamsBot(app, { exportSecret: opts.exportSecret });
  const server = restify.createServer({ name: "dekom-rapport-bot", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  server.post("/api/messages", async (req, res) => {
    if (closing) {
      res.send(503);
      return;
    }
    inFlight++;
    try {
      await adapter.process(req, res, (ctx) => bot.run(ctx));
    } finally {
      inFlight--;
      if (closing && inFlight === 0) drained?.();
    }
  });

  server.get("/healthz", async (_req, res) => {
    const ok = await app.store.ping();
    res.send(ok ? 200 : 503, { status: ok ? "ok" : "cosmos unavailable" });
  });

  registerExportRoute(server, { app, secret: opts.exportSecret });

  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? "0.0.0.0", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    restify: server,
    adapter,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.server.closeIdleConnections?.();
      await stopped;
    },
  };
}
