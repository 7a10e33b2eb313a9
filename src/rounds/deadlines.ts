/**
 * The round deadlines cards show, read once per round and kept for a while, so saving an answer stays
 * one point read + one write (a deadline changed by a new import shows within `ttlMs`).
 */
import type { Clock } from "../clock.ts";
import type { RoundDoc } from "../reports/types.ts";

export interface DeadlineSource {
  get(id: string): Promise<RoundDoc | undefined>;
}

/** A cached deadline lookup (ISO instant, or undefined for an unknown round). */
export function cachedDeadlines(
  rounds: DeadlineSource,
  clock: Clock,
  ttlMs = 5 * 60_000,
): (roundId: string) => Promise<string | undefined> {
  const cache = new Map<string, { deadline: string | undefined; until: number }>();
  return async (roundId) => {
    const now = clock().getTime();
    const hit = cache.get(roundId);
    if (hit !== undefined && hit.until > now) return hit.deadline;
    const deadline = (await rounds.get(roundId))?.deadline;
    cache.set(roundId, { deadline, until: now + ttlMs });
    return deadline;
  };
}
