/**
 * Wire the product for a running process: the adapter, the proactive messenger lent to the
 * domain, the app, and the HTTP server. Used by bot/index.ts and the local dev launcher.
 */
import { noticeCard } from "../cards/notice.ts";
import { type App, createApp } from "../src/app.ts";
import type { Config } from "../src/config.ts";
import type { Logger } from "../src/log.ts";
import { ReminderJob, startReminderSchedule } from "../src/reminders/scheduler.ts";
import { runDigests, startDigestSchedule } from "./digest-job.ts";
import { ProactiveMessenger, registerJobRoutes, reminderEdge } from "./proactive.ts";
import { type BotServer, createAdapter, startServer } from "./server.ts";

export interface Running {
  exportSecret: Buffer | string;
  app: App;
  server: BotServer;
  messenger: ProactiveMessenger;
  reminders: ReminderJob;
  stop(): Promise<void>;
}

export async function start(config: Config, log: Logger, host?: string): Promise<Running> {
  const adapter = createAdapter(config, log);
  const messenger = new ProactiveMessenger(adapter, config.bot.appId ?? "");
  // Signs export and document links: derived from configuration, so every instance accepts every other's links.
  const exportSecret = config.exportSecret;
  const app = await createApp(config, log, {
    messenger,
    linkSecret: exportSecret,
    notify: async (target, text) => {
      const result = await messenger.send(target, noticeCard(text));
      if (result.kind !== "ok") log.warn({ result: result.kind }, "could not tell a person in chat");
      return result.kind === "ok";
    },
  });
  const server = await startServer(app, adapter, {
    port: config.port,
    exportSecret,
    ...(host !== undefined ? { host } : {}),
  });
  const reminders = new ReminderJob(app.reminders, reminderEdge(adapter, config.bot.appId ?? ""));
  registerJobRoutes(server.restify, {
    jobsSecret: config.jobsSecret,
    log,
    reminders,
    digests: () => runDigests(app, messenger),
  });
  const schedule = config.schedules
    ? startReminderSchedule(reminders, log, { runOnStartAfterMs: 30_000 })
    : undefined;
  const digests = config.schedules ? startDigestSchedule(app, messenger) : undefined;
  return {
    exportSecret,
    app,
    server,
    messenger,
    reminders,
    async stop() {
      await schedule?.stop();
      digests?.stop();
      await server.close();
      await app.close();
    },
  };
}
