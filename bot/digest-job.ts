/**
 * The progress digest in each round's staff channel, on the schedule of src/summaries/digest-schedule.ts.
 * One digest card per channel, updated in place; a new one is posted only when the old one cannot be
 * updated (deleted, or the channel was bound anew).
 */
import { Cron } from "croner";
import { roundStatusCard } from "../cards/round-status.ts";
import type { App } from "../src/app.ts";
import type { RoundDoc } from "../src/reports/types.ts";
import { digestDue } from "../src/summaries/digest-schedule.ts";
import { unreachableReports } from "./handlers/channel.ts";
import type { ProactiveMessenger } from "./proactive.ts";

export async function runDigests(app: App, messenger: ProactiveMessenger): Promise<number> {
  const now = app.clock();
  let posted = 0;
  for (const round of await app.repos.rounds.list()) {
    const channel = round.staffChannel;
    if (channel === undefined) continue;
    const slot = digestDue(now, round, channel.lastDigestSlot);
    if (slot === undefined) continue;
    const reports = await app.repos.reports.listByRound(round.id);
    if (now > new Date(round.deadline) && reports.every((r) => r.status === "submitted")) continue;
    const card = roundStatusCard({
      round,
      reports,
      now,
      unreachable: await unreachableReports(app, reports),
    });
    let result = channel.digestActivityId
      ? await messenger.update(channel, channel.digestActivityId, card)
      : undefined;
    if (result?.kind !== "ok") result = await messenger.send(channel, card);
    if (result.kind !== "ok") {
      app.log.warn({ roundId: round.id, result: result.kind }, "digest not posted");
      continue;
    }
    await recordDigest(app, round, slot, result.activityId ?? channel.digestActivityId);
    posted++;
  }
  return posted;
}

async function recordDigest(app: App, round: RoundDoc, slot: Date, activityId: string | undefined) {
  const fresh = (await app.repos.rounds.get(round.id)) ?? round;
  if (fresh.staffChannel === undefined) return;
  await app.repos.rounds.upsert({
    ...fresh,
    staffChannel: {
      ...fresh.staffChannel,
      lastDigestSlot: slot.toISOString(),
      ...(activityId !== undefined ? { digestActivityId: activityId } : {}),
    },
  });
}

/** Check every 15 minutes whether a digest slot has come (the slot itself is 09:00 Oslo). */
export function startDigestSchedule(app: App, messenger: ProactiveMessenger): { stop(): void } {
  const job = new Cron("*/15 * * * *", { timezone: "Europe/Oslo", protect: true }, async () => {
    try {
      await runDigests(app, messenger);
    } catch (err) {
      app.log.error({ err }, "digest run failed");
    }
  });
  return { stop: () => job.stop() };
}
