import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.ts";
import type { RunSummary } from "../../../src/reminders/delivery.ts";
import type { ReminderService } from "../../../src/reminders/reminder-service.ts";
import { wallClock } from "../../../src/reminders/schedule.ts";
import { ReminderJob, startReminderSchedule } from "../../../src/reminders/scheduler.ts";

const edge = { messenger: { send: async () => ({ kind: "ok" as const }) }, buildCard: () => ({}) };

/** A stand-in service whose run ends when the test says so. */
function stubService() {
  let finish: (s: RunSummary) => void = () => undefined;
  let runs = 0;
  let signal: AbortSignal | undefined;
  const service = {
    run: (_edge: unknown, opts: { signal?: AbortSignal }) => {
      runs++;
      signal = opts.signal;
      return new Promise<RunSummary>((resolve) => {
        finish = resolve;
      });
    },
  } as unknown as ReminderService;
  return { service, finish: (s: RunSummary) => finish(s), runs: () => runs, signal: () => signal };
}

describe("ReminderJob", () => {
  it("should run one pass at a time in a process and let later triggers join it", async () => {
    const stub = stubService();
    const job = new ReminderJob(stub.service, edge);
    const first = job.trigger();
    const second = job.trigger();
    expect(first.started).toBe(true);
    expect(second.started).toBe(false);
    expect(job.running).toBe(true);
    stub.finish({ runId: "r" } as RunSummary);
    expect(await second.done).toEqual({ runId: "r" });
    expect(job.running).toBe(false);
    expect(job.trigger().started).toBe(true);
    expect(stub.runs()).toBe(2);
  });

  it("should abort the run in progress on stop", async () => {
    const stub = stubService();
    const job = new ReminderJob(stub.service, edge);
    job.trigger();
    const stopped = job.stop();
    expect(stub.signal()?.aborted).toBe(true);
    stub.finish({ runId: "r" } as RunSummary);
    await stopped;
  });
});

describe("startReminderSchedule", () => {
  it("should fire on the hour between 09:00 and 16:00 Oslo time", async () => {
    const stub = stubService();
    const schedule = startReminderSchedule(new ReminderJob(stub.service, edge), createLogger("silent"));
    try {
      const next = schedule.nextRun();
      expect(next).toBeInstanceOf(Date);
      const w = wallClock(next as Date, "Europe/Oslo");
      expect(w.minute).toBe(0);
      expect(w.hour).toBeGreaterThanOrEqual(9);
      expect(w.hour).toBeLessThanOrEqual(16);
    } finally {
      await schedule.stop();
    }
  });
});
