/**
 * Wire the product for a running process: the adapter, the proactive messenger lent to the
 * domain, the app, and the HTTP server. Used by bot/index.ts and the local dev launcher.
 */
import { noticeCard } from "../cards/notice.ts";
import { type App, createApp } from "../src/app.ts";
import type { Config } from "../src/config.ts";
import type { Logger } from "../src/log.ts";
import type { GraphToken } from "../src/people/graph-client.ts";
import type { ReachSummary } from "../src/people/reach-service.ts";
import { ReminderJob, startReminderSchedule } from "../src/reminders/scheduler.ts";
import { TeamsConversationOpener } from "./conversation-opener.ts";
import { runDigests, startDigestSchedule } from "./digest-job.ts";
import { ProactiveMessenger, registerJobRoutes, reminderEdge } from "./proactive.ts";
import { type BotServer, createAdapter, startServer } from "./server.ts";
import { TeamsRoster } from "./team-roster.ts";

export interface Running {
  exportSecret: Buffer | string;
  app: App;
  server: BotServer;
  messenger: ProactiveMessenger;
  reminders: ReminderJob;
  /** One run of reaching contacts the bot has never met (joins a run in progress); undefined when not configured. */
  reach?: () => Promise<ReachSummary>;
  stop(): Promise<void>;
}

/** How often the opt-in reach job runs in-process (REACH_CONTACTS=on, SCHEDULES=on). */
const REACH_EVERY_MS = 6 * 60 * 60 * 1000;

export async function start(
  config: Config,
  log: Logger,
  host?: string,
  opts: { graphToken?: GraphToken } = {},
): Promise<Running> {
  const adapter = createAdapter(config, log);
  const messenger = new ProactiveMessenger(adapter, config.bot.appId ?? "");
  // Signs export and document links: derived from configuration, so every instance accepts every other's links.
  const exportSecret = config.exportSecret;
  const app = await createApp(config, log, {
    messenger,
    opener: new TeamsConversationOpener(adapter, config.bot.appId ?? "", config.reach.serviceUrl),
    ...(opts.graphToken !== undefined ? { graphToken: opts.graphToken } : {}),
    teamRoster: new TeamsRoster(adapter, config.bot.appId ?? "", log),
    linkSecret: exportSecret,
    notify: async (target, text) => {
      // These texts name tiltak, partnerships and people (and hold a staff member's typed reason): literal runs.
      const result = await messenger.send(target, noticeCard(text, { plain: true }));
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
  let reachRun: Promise<ReachSummary> | undefined;
  const reachService = app.reach;
  const reach =
    reachService === undefined
      ? undefined
      : () => {
          reachRun ??= reachService.run().finally(() => {
            reachRun = undefined;
          });
          return reachRun;
        };
  registerJobRoutes(server.restify, {
    jobsSecret: config.jobsSecret,
    log,
    reminders,
    digests: () => runDigests(app, messenger),
    ...(reach !== undefined ? { reach } : {}),
  });
  const reachTimers: NodeJS.Timeout[] = [];
  if (reach !== undefined && config.reach.enabled && config.schedules) {
    const tick = () => void reach().catch((err: unknown) => log.error({ err }, "reach run failed"));
    reachTimers.push(setTimeout(tick, 20_000).unref(), setInterval(tick, REACH_EVERY_MS).unref());
  }
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
    ...(reach !== undefined ? { reach } : {}),
    async stop() {
      for (const t of reachTimers) clearTimeout(t);
      await reachRun?.catch(() => undefined);
      await schedule?.stop();
      digests?.stop();
      await server.close();
      await app.close();
    },
  };
}
