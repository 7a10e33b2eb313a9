/**
 * "Stemmer" on a plausibility warning: the server recomputes the report's warnings on the stored
 * document and records the confirmation with the signature it computed (never one from the card).
 * A confirmation is one conditional write; it does not change any answer.
 */
import type { Clock } from "../clock.ts";
import { canEdit, type Role, roleOf } from "../people/access.ts";
import type { Form } from "../questionnaire/types.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import { type PlausibilityRule, warningsFor } from "./plausibility.ts";
import type { ReportRef } from "./report-service.ts";
import type { Actor, ReportDoc } from "./types.ts";

export type ConfirmOutcome =
  | { kind: "not_found" }
  | { kind: "forbidden" }
  /** Submitted, or a staff member: nothing to confirm. */
  | { kind: "read_only"; report: ReportDoc; form: Form; role: Role }
  /** The warning no longer applies (answers changed) or was already confirmed: nothing written. */
  | { kind: "unchanged"; report: ReportDoc; form: Form; role: Role }
  | { kind: "confirmed"; report: ReportDoc; form: Form; role: Role };

export interface ConfirmDeps {
  reports: Pick<ReportRepo, "updateWithRetry">;
  forms: Map<string, Form>;
  staffIds: readonly string[];
  clock: Clock;
}

/** Pure decision on the freshest copy: the outcome, and the document to write when confirming. */
function decide(
  deps: ConfirmDeps,
  actor: Actor,
  doc: ReportDoc,
  rule: PlausibilityRule,
): { outcome: ConfirmOutcome; write?: ReportDoc } {
  const form = deps.forms.get(doc.formId);
  const role = roleOf(actor, doc, deps.staffIds);
  if (form === undefined) return { outcome: { kind: "not_found" } };
  if (role === undefined) return { outcome: { kind: "forbidden" } };
  if (doc.status === "submitted" || !canEdit(role))
    return { outcome: { kind: "read_only", report: doc, form, role } };
  const warning = warningsFor(form, doc, doc.tiltak.grant).find((w) => w.rule === rule);
  if (warning === undefined || warning.confirmed)
    return { outcome: { kind: "unchanged", report: doc, form, role } };
  const now = deps.clock().toISOString();
  const write: ReportDoc = {
    ...doc,
    plausibility: {
      ...doc.plausibility,
      [rule]: { signature: warning.signature, by: { id: actor.id, name: actor.name }, at: now },
    },
    revision: doc.revision + 1,
    updatedAt: now,
  };
  return { outcome: { kind: "confirmed", report: write, form, role }, write };
}

export async function confirmWarning(
  deps: ConfirmDeps,
  actor: Actor,
  ref: ReportRef,
  rule: PlausibilityRule,
): Promise<ConfirmOutcome> {
  let decision: ReturnType<typeof decide> | undefined;
  try {
    const result = await deps.reports.updateWithRetry(
      ref.roundId,
      ref.reportId,
      (doc) => {
        decision = decide(deps, actor, doc, rule);
        return decision.write;
      },
      20,
    );
    if (decision === undefined) return { kind: "not_found" };
    const outcome = decision.outcome;
    return outcome.kind === "confirmed" ? { ...outcome, report: result.doc } : outcome;
  } catch (err) {
    if (err instanceof NotFoundError) return { kind: "not_found" };
    throw err;
  }
}
