/**
 * The receipt numbers one process has reserved on a round and not given yet (RoundRepo.nextReceiptNumber,
 * a hi/lo allocator): the block size, when the next block is due, and taking the lowest number.
 */
import type { RoundDoc } from "../rounds/types.ts";

/** Receipt numbers a process reserves on a round at a time (plus one per submit waiting). */
export const RECEIPT_BLOCK = 10;
/** The next block is reserved (in the background) when fewer than this many are left in hand. */
export const RECEIPT_LOW = 3;
/** After a failed reservation, how long no new one is started ahead of need (a waiting submit still tries). */
export const RECEIPT_RETRY_MS = 10_000;

export interface ReceiptWaiter {
  resolve(v: { number: number; round: RoundDoc }): void;
  reject(err: unknown): void;
}

/** This process's reserved receipt numbers of one round (see nextReceiptNumber). */
export interface ReceiptHand {
  /** Reserved and not given yet: ranges [from, to], lowest first. */
  ranges: { from: number; to: number }[];
  /** The round as of the last reservation (its reporting year makes the reference). */
  round?: RoundDoc;
  /** Submits waiting for a number, in the order they asked. */
  waiting: ReceiptWaiter[];
  /** The reservation under way (one at a time per round and process). */
  reserving?: Promise<void> | undefined;
  /** When the last reservation failed (ms since the epoch), for the pause before trying ahead again. */
  failedAt?: number;
}

export function inHand(hand: ReceiptHand): number {
  return hand.ranges.reduce((n, r) => n + r.to - r.from + 1, 0);
}

/** The lowest number in hand, taken out of it; undefined when none is left. */
export function takeNumber(hand: ReceiptHand): number | undefined {
  const range = hand.ranges[0];
  if (range === undefined) return undefined;
  const n = range.from;
  if (n >= range.to) hand.ranges.shift();
  else range.from = n + 1;
  return n;
}
