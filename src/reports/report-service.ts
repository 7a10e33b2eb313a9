/**
 * The path of one answer: access check -> validate -> rules -> one read + one conditional write.
 * Knows nothing of Teams; bot/ maps outcomes to cards and messages.
 */
import type { Clock } from "../clock.ts";
import { canEdit, canRead, canSubmit, type Role, roleOf } from "../people/access.ts";
import { checkPeriodPairs, parseSection } from "../questionnaire/answers.ts";
import { fingerprint } from "../questionnaire/fingerprint.ts";
import { payloadProblem } from "../questionnaire/payload.ts";
import type { AnswerContent, Form } from "../questionnaire/types.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import { idReference } from "./receipt.ts";
import { applyAnswers, resumeSectionIndex, staleQuestions, submitBlockers } from "./report.ts";
import type { Actor, ReportDoc } from "./types.ts";

/** After saving: the next section, the previous one, stay (pause), or the review of the whole report. */
export type Nav = "next" | "back" | "pause" | "review";

export interface ReportRef {
  roundId: string;
  reportId: string;
}

export type Denied = { kind: "not_found" } | { kind: "forbidden" };

export type OpenOutcome =
  | Denied
  | { kind: "ok"; report: ReportDoc; form: Form; role: Role; sectionIndex: number };

export type SaveOutcome =
  | Denied
  | { kind: "read_only"; report: ReportDoc; form: Form; role: Role }
  | { kind: "tampered"; report: ReportDoc; form: Form; role: Role; sectionIndex: number; problem: string }
  | {
      kind: "invalid";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      errors: Record<string, string>;
    }
  | {
      kind: "stale";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      /** Left as stored: someone else changed them after the card was made. The rest was saved. */
      questions: string[];
      errors: Record<string, string>;
    }
  | {
      kind: "saved";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      nav: Nav;
      wrote: boolean;
    };

export type SubmitOutcome =
  | Denied
  | { kind: "not_contact"; report: ReportDoc; form: Form; role: Role }
  | { kind: "incomplete"; report: ReportDoc; form: Form; role: Role; missing: string[]; unconfirmed: boolean }
  | { kind: "stale"; report: ReportDoc; form: Form; role: Role }
  | { kind: "submitted"; report: ReportDoc; form: Form; role: Role; already: boolean };

export interface SaveInput {
  sectionId: string;
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
}

export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** Reports the actor may work on (as contact or co-editor), newest round first. */
  async listMine(actor: Actor): Promise<ReportDoc[]> {
    const found = await this.deps.reports.listForPerson({ id: actor.id, email: actor.email });
    // The query is broad (id or e-mail); the access rules decide (e-mail counts only without an Entra id).
    const mine = found.filter((r) => {
      const role = roleOf(actor, r, []);
      return role === "contact" || role === "coeditor";
    });
    return mine.sort(
      (a, b) => b.roundId.localeCompare(a.roundId) || a.tiltak.name.localeCompare(b.tiltak.name),
    );
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

  /** Open a report at a section (default: where the person should resume). */
  async open(actor: Actor, ref: ReportRef, sectionIndex?: number): Promise<OpenOutcome> {
    const r = await this.load(actor, ref);
    if (r.kind !== "ok") return r;
    const max = r.form.sections.length - 1;
    const index =
      sectionIndex === undefined
        ? resumeSectionIndex(r.form, r.report)
        : Math.min(Math.max(sectionIndex, 0), max);
    return { ...r, sectionIndex: index };
  }

  /**
   * Save one section's inputs. Valid answers are saved even when others are invalid; the
   * invalid ones come back as errors. "next" requires the section's required answers.
   * One point read and one conditional write (more only when another save wins the race).
   */
  async saveSection(actor: Actor, ref: ReportRef, input: SaveInput): Promise<SaveOutcome> {
    let decision: Decision<SaveOutcome> | undefined;
    const result = await this.update(ref, (doc) => {
      decision = this.decideSave(actor, input, doc);
      return decision.write;
    });
    if (result === undefined || decision === undefined) return { kind: "not_found" };
    if (decision.outcome !== undefined) return decision.outcome;
    const report = result.doc;
    const form = this.formOf(report);
    const role = roleOf(actor, report, this.deps.staffIds) ?? "coeditor";
    const sectionIndex = form.sections.findIndex((s) => s.id === input.sectionId);
    if (decision.stale !== undefined && decision.stale.length > 0)
      return {
        kind: "stale",
        report,
        form,
        role,
        sectionIndex,
        questions: decision.stale,
        errors: decision.errors,
      };
    if (Object.keys(decision.errors).length > 0)
      return { kind: "invalid", report, form, role, sectionIndex, errors: decision.errors };
    const next =
      input.nav === "next"
        ? Math.min(sectionIndex + 1, form.sections.length)
        : input.nav === "back"
          ? Math.max(sectionIndex - 1, 0)
          : input.nav === "review"
            ? form.sections.length
            : sectionIndex;
    return { kind: "saved", report, form, role, sectionIndex: next, nav: input.nav, wrote: result.written };
  }

  /** Pure decision on the freshest copy of the report: what to write, or why not. */
  private decideSave(actor: Actor, input: SaveInput, doc: ReportDoc): Decision<SaveOutcome> {
    const form = this.formOf(doc);
    const role = roleOf(actor, doc, this.deps.staffIds);
    const sectionIndex = form.sections.findIndex((s) => s.id === input.sectionId);
    const section = form.sections[sectionIndex];
    if (role === undefined) return { outcome: { kind: "forbidden" }, errors: {} };
    if (section === undefined) return { outcome: { kind: "not_found" }, errors: {} };
    if (doc.status === "submitted" || !canEdit(role))
      return { outcome: { kind: "read_only", report: doc, form, role }, errors: {} };
    const problem = payloadProblem(section, input.raw);
    if (problem !== undefined)
      return { outcome: { kind: "tampered", report: doc, form, role, sectionIndex, problem }, errors: {} };
    const parsed = parseSection(section, input.raw, { requireAnswer: input.nav === "next" });
    const answers = parsed.answers;
    if (input.base !== undefined) {
      // Questions this person did not touch are left as stored (someone else may have changed them).
      for (const q of section.questions) {
        if (input.base[q.id] !== undefined && input.base[q.id] === fingerprint(q, input.raw))
          delete answers[q.id];
      }
    }
    const period = this.periodErrors(form, doc, answers);
    for (const qid of Object.keys(period)) delete answers[qid];
    const errors = { ...parsed.errors, ...period };
    // Answers someone else changed after this card was made are never overwritten; the rest are saved.
    const stale = staleQuestions(doc, answers, input.revision);
    for (const qid of stale) delete answers[qid];
    return { write: applyAnswers(doc, answers, actor, this.deps.clock()), errors, stale };
  }

  /** Read-modify-write with If-Match; undefined when the report does not exist. */
  private async update(ref: ReportRef, mutate: (doc: ReportDoc) => ReportDoc | undefined) {
    try {
      return await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, mutate, MAX_WRITE_ATTEMPTS);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** Season/year pairs: a side on this card is checked against the stored other side. */
  private periodErrors(form: Form, report: ReportDoc, answers: Record<string, AnswerContent | null>) {
    const values: Record<string, AnswerContent | null | undefined> = {};
    for (const pair of form.periodPairs) {
      for (const qid of [pair.start, pair.end]) {
        values[qid] = qid in answers ? answers[qid] : (report.answers[qid] ?? null);
      }
    }
    const errs = checkPeriodPairs(form, values);
    // Refuse whichever side(s) this card changes: the stored pair must never end up inverted.
    const out: Record<string, string> = {};
    for (const pair of form.periodPairs) {
      const message = errs[pair.end];
      if (message === undefined) continue;
      for (const side of [pair.start, pair.end]) if (side in answers) out[side] = message;
    }
    return out;
  }

  /** Send the report. Only the contact person, only when complete, exactly once. */
  async submit(actor: Actor, ref: ReportRef, cardRevision: number): Promise<SubmitOutcome> {
    let decision: Decision<SubmitOutcome> | undefined;
    let receipt: string | undefined; // taken only once the report may be sent: decide first, then write
    const attempt = (write: boolean) =>
      this.update(ref, (doc) => {
        decision = this.decideSubmit(actor, cardRevision, doc, receipt);
        return write ? decision.write : undefined;
      });
    const next = this.deps.nextReceipt;
    let result = await attempt(next === undefined);
    if (result !== undefined && decision?.write !== undefined && next !== undefined) {
      receipt = await next(ref.roundId);
      result = await attempt(true);
    }
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
