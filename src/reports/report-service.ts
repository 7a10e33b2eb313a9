/**
 * The path of one answer: access check -> validate -> rules -> one read + one conditional write.
 * Knows nothing of Teams; bot/ maps outcomes to cards and messages.
 */
import type { Clock } from "../clock.ts";
import { langForReports } from "../i18n/lang.ts";
import { canEdit, canRead, canSubmit, roleOf } from "../people/access.ts";
import { parseSection } from "../questionnaire/answers.ts";
import { validatingIn } from "../questionnaire/messages.ts";
import { type Position, pageAt, sectionPages, step, wholeSection } from "../questionnaire/pages.ts";
import { payloadProblem } from "../questionnaire/payload.ts";
import type { Form } from "../questionnaire/types.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import { idReference } from "./receipt.ts";
import { applyAnswers, periodErrors, resumePosition, staleQuestions, submitBlockers } from "./report.ts";
import type {
  CardContext,
  Nav,
  OpenOutcome,
  ReportRef,
  SaveOutcome,
  SubmitOutcome,
} from "./report-outcomes.ts";
import { decline, declinedPrefills, isTouched, missingUntouched, stillAsShown } from "./touched.ts";
import type { Actor, ReportDoc } from "./types.ts";

export type { ReportRef, SaveOutcome, SubmitOutcome } from "./report-outcomes.ts";

export interface SaveInput {
  sectionId: string;
  /** The page of the section the card showed (0 when absent). Which questions it holds comes from the form. */
  page?: number;
  revision: number;
  nav: Nav;
  raw: Record<string, unknown>;
  /** Fingerprints of what the card showed, by question id (see questionnaire/fingerprint.ts). */
  base?: Record<string, string>;
}

/** What a read-modify-write decided: a document to write, or an outcome without a write. */
interface Decision<O> {
  write?: ReportDoc | undefined;
  outcome?: O;
  errors: Record<string, string>;
  /** Questions someone else changed after the card was made: left as stored, not overwritten. */
  stale?: string[];
}

/** Two editors saving at the same moment retry on 412; allow enough attempts for a busy report. */
const MAX_WRITE_ATTEMPTS = 40;

export interface ReportServiceDeps {
  reports: ReportRepo;
  forms: Map<string, Form>;
  staffIds: readonly string[];
  clock: Clock;
  /** Whether the actor is staff of the round (beyond the configured staff ids). */
  isRoundStaff?: (actor: Actor, roundId: string) => Promise<boolean>;
  /** The next receipt reference of a round ("DEKOM-2025-0007"); without it idReference() is used. */
  nextReceipt?: (roundId: string) => Promise<string | undefined>;
  /** The round's deadline (ISO), cached by the caller: cards show it; it is not read on every save. */
  deadlineOf?: (roundId: string) => Promise<string | undefined>;
}

export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** Reports the actor may work on (as contact or co-editor), newest round first. */
  async listMine(actor: Actor): Promise<ReportDoc[]> {
    return (await this.listWork(actor)).mine;
  }

  /**
   * One query: the reports the actor works on (contact or co-editor) and those they are asked to
   * approve, each newest round first.
   */
  async listWork(actor: Actor): Promise<{ mine: ReportDoc[]; toApprove: ReportDoc[] }> {
    const found = await this.deps.reports.listForPerson({ id: actor.id, email: actor.email });
    // The query is broad (id or e-mail); the access rules decide (e-mail counts only without an Entra id).
    const sorted = found.sort(
      (a, b) => b.roundId.localeCompare(a.roundId) || a.tiltak.name.localeCompare(b.tiltak.name),
    );
    const roles = new Map(sorted.map((r) => [r, roleOf(actor, r, [])]));
    return {
      mine: sorted.filter((r) => roles.get(r) === "contact" || roles.get(r) === "coeditor"),
      toApprove: sorted.filter((r) => roles.get(r) === "approver"),
    };
  }

  formOf(report: ReportDoc): Form {
    const form = this.deps.forms.get(report.formId);
    if (form === undefined) throw new Error(`Unknown form ${report.formId} on report ${report.id}`);
    return form;
  }

  private async load(actor: Actor, ref: ReportRef) {
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    if (found === undefined) return { kind: "not_found" } as const;
    let role = roleOf(actor, found.doc, this.deps.staffIds);
    // Staff of the round (imported or from the bound staff team) may read; one extra read, off the answer path.
    if (role === undefined && (await this.deps.isRoundStaff?.(actor, ref.roundId))) role = "staff";
    if (!canRead(role) || role === undefined) return { kind: "forbidden" } as const;
    return { kind: "ok", report: found.doc, role, form: this.formOf(found.doc) } as const;
  }

  /** The deadline and the time for a report's cards (never fails a turn: no deadline when unknown). */
  async context(roundId: string): Promise<CardContext> {
    const now = this.deps.clock();
    try {
      const deadline = await this.deps.deadlineOf?.(roundId);
      return deadline === undefined ? { now } : { deadline, now };
    } catch {
      return { now };
    }
  }

  /** Open a report at a page of a section (default: the page where the person should resume). */
  async open(actor: Actor, ref: ReportRef, sectionIndex?: number, page?: number): Promise<OpenOutcome> {
    const r = await this.load(actor, ref);
    if (r.kind !== "ok") return r;
    // Only for a report that exists: round ids from card data never reach the deadline cache.
    const ctx = await this.context(r.report.roundId);
    const max = r.form.sections.length - 1;
    let at: Position;
    if (sectionIndex === undefined) at = resumePosition(r.form, r.report);
    else {
      const index = Math.min(Math.max(sectionIndex, 0), max);
      at = { sectionIndex: index, page: pageAt(r.form, index, page ?? 0)?.index ?? 0 };
    }
    return { ...r, ...ctx, ...at };
  }

  /**
   * Save one section's inputs. Valid answers are saved even when others are invalid; the
   * invalid ones come back as errors. "next" requires the section's required answers.
   * One point read and one conditional write (more only when another save wins the race).
   */
  async saveSection(actor: Actor, ref: ReportRef, input: SaveInput): Promise<SaveOutcome> {
    let decision: Decision<SaveOutcome> | undefined;
    const result = await this.update(ref, (doc) => {
      // Validation messages in the person's written standard.
      decision = validatingIn(langForReports(actor, doc), () => this.decideSave(actor, input, doc));
      return decision.write;
    });
    if (result === undefined || decision === undefined) return { kind: "not_found" };
    const ctx = await this.context(result.doc.roundId);
    if (decision.outcome !== undefined) {
      const o = decision.outcome;
      return o.kind === "not_found" || o.kind === "forbidden" ? o : { ...o, ...ctx };
    }
    const report = result.doc;
    const form = this.formOf(report);
    const role = roleOf(actor, report, this.deps.staffIds) ?? "coeditor";
    const sectionIndex = form.sections.findIndex((s) => s.id === input.sectionId);
    const here: Position = { sectionIndex, page: pageAt(form, sectionIndex, input.page ?? 0)?.index ?? 0 };
    // A card without a page number (posted before sections had pages) held the whole section.
    const from: Position =
      input.page === undefined && input.nav === "next"
        ? { sectionIndex, page: sectionPages(form, sectionIndex).length - 1 }
        : here;
    if (decision.stale !== undefined && decision.stale.length > 0)
      return {
        kind: "stale",
        report,
        form,
        role,
        ...here,
        ...ctx,
        questions: decision.stale,
        errors: decision.errors,
      };
    if (Object.keys(decision.errors).length > 0)
      return { kind: "invalid", report, form, role, ...here, ...ctx, errors: decision.errors };
    const next: Position =
      input.nav === "next" || input.nav === "back"
        ? step(form, from, input.nav)
        : input.nav === "review"
          ? { sectionIndex: form.sections.length, page: 0 }
          : here;
    return { kind: "saved", report, form, role, ...next, ...ctx, nav: input.nav, wrote: result.written };
  }

  /** Pure decision on the freshest copy of the report: what to write, or why not. */
  private decideSave(actor: Actor, input: SaveInput, doc: ReportDoc): Decision<SaveOutcome> {
    const form = this.formOf(doc);
    const role = roleOf(actor, doc, this.deps.staffIds);
    const sectionIndex = form.sections.findIndex((s) => s.id === input.sectionId);
    const page =
      input.page === undefined ? wholeSection(form, sectionIndex) : pageAt(form, sectionIndex, input.page);
    if (role === undefined) return { outcome: { kind: "forbidden" }, errors: {} };
    if (page === undefined) return { outcome: { kind: "not_found" }, errors: {} };
    if (doc.status === "submitted" || !canEdit(role))
      return { outcome: { kind: "read_only", report: doc, form, role }, errors: {} };
    // The page's questions come from the form (section + page number), never from the card's data.
    const problem = payloadProblem(page.part, input.raw);
    if (problem !== undefined) {
      const at = { sectionIndex, page: page.index, now: this.deps.clock() };
      return { outcome: { kind: "tampered", report: doc, form, role, ...at, problem }, errors: {} };
    }
    // Questions this person did not touch are neither checked nor written: what is stored stands
    // (a co-editor may have saved it after this card was made). Only a missing required answer counts.
    const touched = page.questions.filter((q) => isTouched(q, input.base?.[q.id], input.raw, doc));
    const requireAnswer = input.nav === "next";
    const parsed = parseSection({ ...page.part, questions: touched }, input.raw, { requireAnswer });
    const answers = parsed.answers;
    const untouchedMissing = requireAnswer ? missingUntouched(page, touched, doc) : {};
    const period = periodErrors(form, doc, answers);
    for (const qid of Object.keys(period)) delete answers[qid];
    const errors = { ...untouchedMissing, ...parsed.errors, ...period };
    // Answers someone else changed after this card was made are never overwritten; the rest are saved.
    // (Saved since, but still the value this card showed, e.g. a co-editor saved the same pre-fill: not a conflict.)
    const stale = staleQuestions(doc, answers, input.revision).filter(
      (qid) =>
        !stillAsShown(
          page.questions.find((q) => q.id === qid),
          input.base?.[qid],
          doc,
        ),
    );
    for (const qid of stale) delete answers[qid];
    const now = this.deps.clock();
    const write = applyAnswers(doc, answers, actor, now);
    // A pre-fill the person emptied is declined: it is not offered again.
    const declined = declinedPrefills(touched, input.base, answers, doc);
    return {
      write: declined.length > 0 ? decline(write ?? doc, declined, now, write !== undefined) : write,
      errors,
      stale,
    };
  }

  /** Read-modify-write with If-Match; undefined when the report does not exist. */
  private async update(
    ref: ReportRef,
    mutate: (doc: ReportDoc) => ReportDoc | undefined | Promise<ReportDoc | undefined>,
  ) {
    try {
      return await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, mutate, MAX_WRITE_ATTEMPTS);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /**
   * Send the report. Only the contact person, only when complete, exactly once. The receipt number is
   * taken only once the report may be sent (decided on the version the write is conditional on; a lost
   * race decides again on a fresh read and keeps the number already taken).
   */
  async submit(actor: Actor, ref: ReportRef, cardRevision: number): Promise<SubmitOutcome> {
    let decision: Decision<SubmitOutcome> | undefined;
    let receipt: string | undefined;
    const next = this.deps.nextReceipt;
    const result = await this.update(ref, async (doc) => {
      decision = this.decideSubmit(actor, cardRevision, doc, receipt);
      if (decision.write === undefined || next === undefined || receipt !== undefined) return decision.write;
      receipt = await next(ref.roundId);
      decision = this.decideSubmit(actor, cardRevision, doc, receipt);
      return decision.write;
    });
    if (result === undefined || decision === undefined) return { kind: "not_found" };
    if (decision.outcome !== undefined) return decision.outcome;
    return {
      kind: "submitted",
      report: result.doc,
      form: this.formOf(result.doc),
      role: "contact",
      already: false,
    };
  }

  private decideSubmit(actor: Actor, rev: number, doc: ReportDoc, receipt?: string): Decision<SubmitOutcome> {
    const form = this.formOf(doc);
    const role = roleOf(actor, doc, this.deps.staffIds);
    const stop = (outcome: SubmitOutcome) => ({ outcome, errors: {} });
    if (role === undefined) return stop({ kind: "forbidden" });
    if (doc.status === "submitted")
      return stop({ kind: "submitted", report: doc, form, role, already: true });
    if (!canSubmit(role)) return stop({ kind: "not_contact", report: doc, form, role });
    if (doc.revision !== rev) return stop({ kind: "stale", report: doc, form, role });
    const blockers = submitBlockers(form, doc);
    if (blockers.missing.length > 0 || blockers.unconfirmed || blockers.periodInvalid)
      return stop({ kind: "incomplete", report: doc, form, role, ...blockers });
    const now = this.deps.clock().toISOString();
    return {
      errors: {},
      write: {
        ...doc,
        status: "submitted",
        revision: doc.revision + 1,
        submittedAt: now,
        submittedBy: { id: actor.id, name: actor.name },
        receipt: receipt ?? idReference(doc),
        updatedAt: now,
      },
    };
  }
}
