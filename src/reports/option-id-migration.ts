/**
 * The one-time migration of stored reports to option ids (see option-id-conversion.ts for what changes):
 * every report of every round, read and written through the repositories (a conditional write per
 * changed report, retried on a lost race, so a person saving at the same time loses nothing). With
 * `dryRun` it only reads and tells what it would change. Idempotent: a second run finds nothing to do.
 */
import type { Form } from "../questionnaire/types.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { convertReport, type ReportConversion } from "./option-id-conversion.ts";

export interface OptionIdMigrationDeps {
  rounds: Pick<RoundRepo, "list">;
  reports: Pick<ReportRepo, "listByRound" | "updateWithRetry">;
  forms: ReadonlyMap<string, Form>;
}

export interface ReportOutcome {
  roundId: string;
  reportId: string;
  conversion: ReportConversion;
  /** Written (false in a dry run, or when the report had changed to need nothing by the time of writing). */
  written: boolean;
}

export interface OptionIdMigrationResult {
  dryRun: boolean;
  rounds: number;
  /** Reports looked at. */
  reports: number;
  /** Reports with something to convert (in a dry run: that would be written). */
  changed: ReportOutcome[];
  /** Reports with values that match no option but nothing to convert (nothing written). */
  unresolvedOnly: ReportOutcome[];
  /** Reports whose form the bot does not know (left alone). */
  unknownForm: { roundId: string; reportId: string; formId: string }[];
}

export async function migrateOptionIds(
  deps: OptionIdMigrationDeps,
  opts: { dryRun: boolean },
): Promise<OptionIdMigrationResult> {
  const result: OptionIdMigrationResult = {
    dryRun: opts.dryRun,
    rounds: 0,
    reports: 0,
    changed: [],
    unresolvedOnly: [],
    unknownForm: [],
  };
  for (const round of await deps.rounds.list()) {
    result.rounds++;
    const reports = (await deps.reports.listByRound(round.id)).sort((a, b) => a.id.localeCompare(b.id));
    for (const report of reports) {
      result.reports++;
      const ref = { roundId: report.roundId, reportId: report.id };
      const form = deps.forms.get(report.formId);
      if (form === undefined) {
        result.unknownForm.push({ ...ref, formId: report.formId });
        continue;
      }
      const planned = convertReport(form, report);
      if (planned === undefined) continue;
      if (!planned.changed) {
        result.unresolvedOnly.push({ ...ref, conversion: planned, written: false });
        continue;
      }
      if (opts.dryRun) {
        result.changed.push({ ...ref, conversion: planned, written: false });
        continue;
      }
      // Convert the fresh copy the conditional write is based on, not the listed one.
      let applied = planned;
      const update = await deps.reports.updateWithRetry(report.roundId, report.id, (doc) => {
        const now = convertReport(form, doc);
        if (now === undefined || !now.changed) return undefined;
        applied = now;
        return now.doc;
      });
      result.changed.push({ ...ref, conversion: applied, written: update.written });
    }
  }
  return result;
}
