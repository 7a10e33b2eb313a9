/**
 * Receipt references a person can read out on the phone: "DEKOM-2025-0007", the round's reporting
 * year and a number counted per round. The number comes from a counter on the round document,
 * raised with a conditional write (If-Match) at submit, so it is unique within the round.
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
    try {
      const { number, round } = await rounds.nextReceiptNumber(roundId);
      return receiptReference(round.reportingYear, number);
    } catch (err) {
      if (!(err instanceof NotFoundError)) onError(err, roundId);
      return undefined;
    }
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
