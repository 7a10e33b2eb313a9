/**
 * Triggers for reminder runs: a single-flight job (one run at a time in this process, whoever asks)
 * and an in-process cron schedule (croner, Europe/Oslo). Several instances may trigger at once: the
 * ledger makes that safe, the single flight only saves work inside one process.
 */
import { Cron } from "croner";
import type { Logger } from "../log.ts";
import type { ReminderEdge, ReminderService, RunOptions, RunSummary } from "./reminder-service.ts";
import { OSLO } from "./schedule.ts";

/** Every hour from 09:00 to 16:00 Oslo time: the 09:00 run sends, later ones catch up and retry. */
const DEFAULT_REMINDER_CRON = "0 9-16 * * *";

export class ReminderJob {
  private current: Promise<RunSummary> | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly service: ReminderService,
    private readonly edge: ReminderEdge,
    private readonly options: Omit<RunOptions, "signal"> = {},
  ) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Starts a run, or joins the one in progress. `started` tells which. */
  trigger(): { started: boolean; done: Promise<RunSummary> } {
    if (this.current) return { started: false, done: this.current };
    const controller = new AbortController();
    this.controller = controller;
    const done = this.service.run(this.edge, { ...this.options, signal: controller.signal }).finally(() => {
      this.current = undefined;
      this.controller = undefined;
    });
    this.current = done;
    return { started: true, done };
  }

  /** Stops taking new reminders (those being sent finish and are recorded) and waits for the run. */
  async stop(): Promise<void> {
    this.controller?.abort(new Error("reminder job stopping"));
    await this.current?.catch(() => undefined);
  }
}

export interface ScheduleOptions {
  /** Cron pattern, read in `timeZone`. Default: hourly 09-16. */
  pattern?: string;
  timeZone?: string;
  /** Also run this many ms after start (catch-up after a restart or deploy); undefined = no. */
  runOnStartAfterMs?: number;
}

export interface ReminderSchedule {
  nextRun(): Date | null;
  /** Stops the timer and waits for a run in progress to wind down. */
  stop(): Promise<void>;
}

/** Runs the job on a cron schedule while the process lives. */
export function startReminderSchedule(
  job: ReminderJob,
  log: Logger,
  opts: ScheduleOptions = {},
): ReminderSchedule {
  const fire = (why: string) => {
    const { started, done } = job.trigger();
    if (!started) {
      log.info({ why }, "reminder run already in progress; not starting another");
      return;
    }
    done.catch((err: unknown) => log.error({ err, why }, "reminder run failed"));
  };
  const cron = new Cron(
    opts.pattern ?? DEFAULT_REMINDER_CRON,
    { timezone: opts.timeZone ?? OSLO, unref: true },
    () => fire("schedule"),
  );
  let startTimer: NodeJS.Timeout | undefined;
  if (opts.runOnStartAfterMs !== undefined) {
    startTimer = setTimeout(() => fire("start"), opts.runOnStartAfterMs);
    startTimer.unref();
  }
  return {
    nextRun: () => cron.nextRun(),
    async stop() {
      cron.stop();
      clearTimeout(startTimer);
      await job.stop();
    },
  };
}
