/**
 * Progress of a round: "12 av 16 levert" counts reports (one per tiltak) of the round, not people; a report
 * is late when it was submitted after the round's deadline, or is still not submitted once it has passed.
 * Pure functions, no I/O.
 */
import { RESPONDENT_CATEGORIES, type ReportDoc, type RespondentCategory } from "../reports/types.ts";

export interface ProgressCount {
  total: number;
  submitted: number;
}

export interface Progress extends ProgressCount {
  /** Every respondent category, zeros included. */
  byCategory: Record<RespondentCategory, ProgressCount>;
}

export function progress(reports: readonly ReportDoc[]): Progress {
  const byCategory = Object.fromEntries(
    RESPONDENT_CATEGORIES.map((c) => [c, { total: 0, submitted: 0 }]),
  ) as Record<RespondentCategory, ProgressCount>;
  let submitted = 0;
  for (const report of reports) {
    const isSubmitted = report.status === "submitted";
    if (isSubmitted) submitted += 1;
    const bucket = byCategory[report.partnership.category];
    if (bucket) {
      bucket.total += 1;
      if (isSubmitted) bucket.submitted += 1;
    }
  }
  return { total: reports.length, submitted, byCategory };
}

export interface Lateness {
  /** Submitted after the deadline. */
  submittedLate: number;
  /** Not submitted and the deadline has passed (0 before the deadline). */
  overdue: number;
}

/** Late reports counted against the round's deadline (an ISO instant), as of `now`. */
export function lateness(reports: readonly ReportDoc[], deadline: string, now: Date): Lateness {
  const due = new Date(deadline).getTime();
  const passed = now.getTime() > due;
  let submittedLate = 0;
  let overdue = 0;
  for (const r of reports) {
    if (r.status === "submitted") {
      const at = r.submittedAt ? new Date(r.submittedAt).getTime() : Number.NaN;
      if (at > due) submittedLate += 1;
    } else if (passed) overdue += 1;
  }
  return { submittedLate, overdue };
}
