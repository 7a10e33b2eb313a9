/**
 * The round deadlines cards show, read once per round and kept for a while, so saving an answer stays
 * one point read + one write (a deadline changed by a new import shows within `ttlMs`).
 */
import type { Clock } from "../clock.ts";
import type { RoundDoc } from "./types.ts";

export interface DeadlineSource {
  get(id: string): Promise<RoundDoc | undefined>;
}

const MAX_ROUNDS = 1000;

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
    // A county has a round a year; the bound only guards against surprises.
    if (cache.size >= MAX_ROUNDS) cache.clear();
    cache.set(roundId, { deadline, until: now + ttlMs });
    return deadline;
  };
}
