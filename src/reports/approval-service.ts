/**
 * Approval before sending: the contact asks and withdraws (by e-mail); an approver approves or
 * comments. Every step is one point read and one conditional replace (If-Match; re-read only on a lost
 * race). Who someone is comes from the Teams identity, never from card data. bot/ reaches it as
 * `app.approvals`. Validation messages are made in the language of the person about the report (their
 * own choice, the partnership's målform, the turn's), the one the reply is written in.
 */
import type { z } from "zod";
import type { Clock } from "../clock.ts";
import { langForReports } from "../i18n/lang.ts";
import { validatingIn } from "../i18n/validating.ts";
import { approverOf, isContact } from "../people/access.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import {
  type ActDecision,
  addApprover,
  approvalCommentSchema,
  approverActs,
  approverEmailSchema,
  dropApprover,
} from "./approvals.ts";
import type { ReportRef } from "./report-outcomes.ts";
import type { Actor, ReportDoc } from "./types.ts";

export type ManageOutcome =
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "invalid"; report: ReportDoc; message: string }
  | {
      kind: "ok";
      report: ReportDoc;
      changed: boolean;
      email: string;
      /** Where the person just asked can be reached in Teams (request only; when the bot has met them). */
      target?: ConversationTarget;
    };

export type ActOutcome =
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "invalid"; report: ReportDoc; form: Form; message: string }
  | {
      kind: Exclude<ActDecision["kind"], "not_approver" | "write"> | "done";
      report: ReportDoc;
      form: Form;
    };

/** The first message of a failed parse, in the language of the validation running now. */
const firstMessage = (parsed: z.ZodSafeParseResult<unknown>): string =>
  parsed.success ? "" : (parsed.error.issues[0]?.message ?? "");

export interface ApprovalServiceDeps {
  reports: ReportRepo;
  people: Pick<PeopleRepo, "findByEmail">;
  forms: Map<string, Form>;
  clock: Clock;
}

export class ApprovalService {
  constructor(private readonly deps: ApprovalServiceDeps) {}

  /** The contact's list of approvers (read only). */
  async list(actor: Actor, ref: ReportRef): Promise<ManageOutcome> {
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    if (found === undefined) return { kind: "not_found" };
    if (!isContact(actor, found.doc)) return { kind: "forbidden" };
    return { kind: "ok", report: found.doc, changed: false, email: "" };
  }

  /** The contact asks someone (by e-mail) to approve. Their name is taken from Teams when the bot knows them. */
  async request(actor: Actor, ref: ReportRef, rawEmail: unknown): Promise<ManageOutcome> {
    const parsed = approverEmailSchema.safeParse(rawEmail);
    const email = parsed.success ? parsed.data : "";
    // Outside the read-modify-write: a name is a nicety, and the person lookup is not the report's.
    const person = parsed.success ? await this.deps.people.findByEmail(email) : undefined;
    const name = person?.name;
    const target = person?.unreachable === undefined ? person?.target : undefined;
    const o = await this.manage(actor, ref, email, (doc) =>
      validatingIn(langForReports(actor, doc), (): ReportDoc | ManageOutcome => {
        // Parsed again for its message, now that the report (and so the language) is known.
        if (!parsed.success)
          return {
            kind: "invalid",
            report: doc,
            message: firstMessage(approverEmailSchema.safeParse(rawEmail)),
          };
        const d = addApprover(doc, email, actor, this.deps.clock(), name);
        if (d.kind === "invalid") return { kind: "invalid", report: doc, message: d.message };
        if (d.kind === "already") return { kind: "ok", report: doc, changed: false, email };
        return d.doc;
      }),
    );
    return o.kind === "ok" && o.changed && target !== undefined ? { ...o, target } : o;
  }

  /** The contact withdraws a request. */
  remove(actor: Actor, ref: ReportRef, rawEmail: unknown): Promise<ManageOutcome> {
    const email = typeof rawEmail === "string" ? rawEmail.trim().toLowerCase() : "";
    return this.manage(actor, ref, email, (doc) => {
      const next = dropApprover(doc, email, this.deps.clock());
      return next ?? { kind: "ok", report: doc, changed: false, email };
    });
  }

  /**
   * "Godkjenn": `seenRev` is the answers' revision the approver's card showed. A comment typed in the
   * same card is saved with the approval (in the same write).
   */
  async approve(actor: Actor, ref: ReportRef, seenRev: number, rawComment?: unknown): Promise<ActOutcome> {
    const typed = typeof rawComment === "string" && rawComment.trim() !== "";
    if (!typed) return this.act(actor, ref, { kind: "approve", seenRev });
    const parsed = approvalCommentSchema.safeParse(rawComment);
    if (!parsed.success) return this.refuse(actor, ref, rawComment);
    return this.act(actor, ref, { kind: "approve", seenRev, text: parsed.data });
  }

  /** "Kommenter": the text is validated here (trimmed, not empty, at most COMMENT_MAX characters). */
  async comment(actor: Actor, ref: ReportRef, raw: unknown): Promise<ActOutcome> {
    const parsed = approvalCommentSchema.safeParse(raw ?? "");
    if (!parsed.success) return this.refuse(actor, ref, raw ?? "");
    return this.act(actor, ref, { kind: "comment", text: parsed.data });
  }

  /**
   * A comment that is not valid: the current review for an approver, with the message in the language
   * about that report (the comment parsed again in it). One read.
   */
  private async refuse(actor: Actor, ref: ReportRef, rawComment: unknown): Promise<ActOutcome> {
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    if (found === undefined) return { kind: "not_found" };
    if (approverOf(actor, found.doc) === undefined) return { kind: "forbidden" };
    const message = validatingIn(langForReports(actor, found.doc), () =>
      firstMessage(approvalCommentSchema.safeParse(rawComment)),
    );
    return { kind: "invalid", report: found.doc, form: this.formOf(found.doc), message };
  }

  private async act(
    actor: Actor,
    ref: ReportRef,
    act: Parameters<typeof approverActs>[3],
  ): Promise<ActOutcome> {
    let decision: ActDecision | undefined;
    try {
      const result = await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, (doc) => {
        decision = approverActs(doc, actor, this.deps.clock(), act);
        return decision.kind === "write" ? decision.doc : undefined;
      });
      if (decision === undefined || decision.kind === "not_approver") return { kind: "forbidden" };
      const kind = decision.kind === "write" ? "done" : decision.kind;
      return { kind, report: result.doc, form: this.formOf(result.doc) };
    } catch (err) {
      if (err instanceof NotFoundError) return { kind: "not_found" };
      throw err;
    }
  }

  private formOf(report: ReportDoc): Form {
    const form = this.deps.forms.get(report.formId);
    if (form === undefined) throw new Error(`Unknown form ${report.formId} on report ${report.id}`);
    return form;
  }

  private async manage(
    actor: Actor,
    ref: ReportRef,
    email: string,
    decide: (doc: ReportDoc) => ReportDoc | ManageOutcome,
  ): Promise<ManageOutcome> {
    let outcome: ManageOutcome | undefined;
    try {
      const result = await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, (doc) => {
        if (!isContact(actor, doc)) {
          outcome = { kind: "forbidden" };
          return undefined;
        }
        const d = decide(doc);
        outcome = "kind" in d ? d : undefined;
        return "kind" in d ? undefined : d;
      });
      return outcome ?? { kind: "ok", report: result.doc, changed: true, email };
    } catch (err) {
      if (err instanceof NotFoundError) return { kind: "not_found" };
      throw err;
    }
  }
}
