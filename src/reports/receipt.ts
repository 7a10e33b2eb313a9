/**
 * Receipt references a person can read out on the phone: "DEKOM-2025-0007", the round's reporting
 * year and a number counted per round. The numbers come from a counter on the round document, raised
 * with a conditional write (If-Match) by a block of numbers at a time per process, so they are unique
 * within the round and increase within a process (RoundRepo.nextReceiptNumber). The block is reserved
 * ahead of need, in the background when a report of the round is shown (`ahead`), so a submit normally
 * writes only its report. Numbers may be skipped: a block's unused numbers are lost when the process stops.
 */
import { NotFoundError } from "../storage/errors.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import type { ReportDoc } from "./types.ts";

/** "DEKOM-2025-0007" */
export function receiptReference(reportingYear: number, n: number): string {
  return `DEKOM-${reportingYear}-${String(n).padStart(4, "0")}`;
}

/**
 * The next reference of a round, for ReportService's `nextReceipt`. Undefined when the round does
 * not exist or cannot be written just now: then the service falls back to a reference made from the
 * ids (still unique), because a report must never fail to be sent for want of a receipt number.
 */
export function receiptAllocator(
  rounds: Pick<RoundRepo, "nextReceiptNumber">,
  onError: (err: unknown, roundId: string) => void = () => {},
) {
  return async (roundId: string): Promise<string | undefined> => {
    const report = (err: unknown) => {
      if (!(err instanceof NotFoundError)) onError(err, roundId);
    };
    try {
      const { number, round } = await rounds.nextReceiptNumber(roundId, { onRefillError: report });
      return receiptReference(round.reportingYear, number);
    } catch (err) {
      report(err);
      return undefined;
    }
  };
}

/**
 * The allocator (`next`, for ReportService's `nextReceipt`) and `ahead`: wraps the round lookup made
 * when a report's card is built (open, save, review: the deadline) so that, once the lookup has
 * answered for a round that exists, the process reserves that round's first block of numbers (or the
 * next, when few are left and no reservation is under way) in the background: the turn neither waits
 * for that write nor fails with it (`onError` hears of it), and the submit that follows finds a number.
 */
export function receiptNumbers(
  rounds: Pick<RoundRepo, "nextReceiptNumber" | "needsReceipts" | "reserveReceipts">,
  onError: (err: unknown, roundId: string) => void = () => {},
) {
  return {
    next: receiptAllocator(rounds, onError),
    ahead<T>(lookup: (roundId: string) => Promise<T>): (roundId: string) => Promise<T> {
      return async (roundId) => {
        const value = await lookup(roundId);
        if (value !== undefined && rounds.needsReceipts(roundId)) {
          setImmediate(() => {
            rounds.reserveReceipts(roundId).catch((err: unknown) => {
              if (!(err instanceof NotFoundError)) onError(err, roundId);
            });
          });
        }
        return value;
      };
    },
  };
}

/** A fallback reference from the ids, when no number can be had from the round. */
export function idReference(report: ReportDoc): string {
  const year = report.roundId.replace(/[^0-9]/g, "").slice(0, 4) || "0000";
  const tail = report.id
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(-6)
    .toUpperCase();
  return `DEKOM-${year}-${tail}`;
}
