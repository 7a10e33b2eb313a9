/**
 * The progress digest in each round's staff channel, on the schedule of src/summaries/digest-schedule.ts.
 * One digest card per channel, updated in place; a new one is posted only when the old one cannot be
 * updated (deleted, or the channel was bound anew). Which digests are due and the bookkeeping after a
 * post are src/summaries/channel-service.ts (conditional writes of the round); each slot is claimed
 * first with a conditional create in the ledger, so concurrent runs post it once.
 */
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import { roundStatusCard } from "../cards/round-status.ts";
import type { EdgeApp } from "../src/app.ts";
import type { ProactiveMessenger } from "./proactive.ts";

export async function runDigests(app: EdgeApp, messenger: ProactiveMessenger): Promise<number> {
  let posted = 0;
  const run = randomUUID();
  for (const due of await app.channel.dueDigests()) {
    const { round, reports, unreachable, channel } = due;
    // Exactly one run posts a slot, however many run at once (conditional create in the ledger).
    if (!(await app.channel.claimDigest(due, run))) continue;
    // A channel post: the round's written standard (import «runde_målform»), bokmål by default.
    const card = roundStatusCard({
      round,
      reports,
      now: app.clock(),
      unreachable,
      lang: round.malform ?? "nb",
    });
    let result = channel.digestActivityId
      ? await messenger.update(channel, channel.digestActivityId, card)
      : undefined;
    if (result?.kind !== "ok") result = await messenger.send(channel, card);
    if (result.kind !== "ok") {
      app.log.warn({ roundId: round.id, result: result.kind }, "digest not posted");
      await app.channel.releaseDigest(due);
      continue;
    }
    await app.channel.recordDigest(
      round.id,
      channel,
      due.slot,
      result.activityId ?? channel.digestActivityId,
    );
    posted++;
  }
  return posted;
}

/** Check every 15 minutes whether a digest slot has come (the slot itself is 09:00 Oslo). */
export function startDigestSchedule(app: EdgeApp, messenger: ProactiveMessenger): { stop(): void } {
  const job = new Cron("*/15 * * * *", { timezone: "Europe/Oslo", protect: true }, async () => {
    try {
      await runDigests(app, messenger);
    } catch (err) {
      app.log.error({ err }, "digest run failed");
    }
  });
  return { stop: () => job.stop() };
}
