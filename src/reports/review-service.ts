/**
 * What the review card needs beyond ReportService: the round's deadline, and "Stemmer" on a
 * plausibility warning (see confirm-warning.ts). bot/ reaches it as `app.review`.
 */
import type { Clock } from "../clock.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { type ConfirmOutcome, confirmWarning } from "./confirm-warning.ts";
import type { PlausibilityRule } from "./plausibility.ts";
import type { ReportRef } from "./report-service.ts";
import type { Actor } from "./types.ts";

export interface ReviewServiceDeps {
  reports: ReportRepo;
  rounds: Pick<RoundRepo, "get">;
  forms: Map<string, Form>;
  staffIds: readonly string[];
  clock: Clock;
  /** The round's deadline, cached (rounds/deadlines.ts); without it every call is a point read. */
  deadlineOf?: (roundId: string) => Promise<string | undefined>;
}

export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  /** The round's deadline (ISO), or undefined when the round is not found (cached when deps say so). */
  async deadlineOf(roundId: string): Promise<string | undefined> {
    if (this.deps.deadlineOf !== undefined) return this.deps.deadlineOf(roundId);
    return (await this.deps.rounds.get(roundId))?.deadline;
  }

  confirmWarning(actor: Actor, ref: ReportRef, rule: PlausibilityRule): Promise<ConfirmOutcome> {
    return confirmWarning(this.deps, actor, ref, rule);
  }
}
