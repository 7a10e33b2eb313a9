/**
 * Approval before sending (the 2021 form's 2.4): pure rules, no I/O. The contact asks partner
 * representatives by e-mail; each may approve the report as they saw it, or comment. An approval is
 * tied to the answers' revision (`answersRevision`): when an answer changes afterwards the approval
 * stays on record but counts as "an earlier version". Sending never waits for approvals.
 */
import { z } from "zod";
import type { Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { validationLang } from "../i18n/validating.ts";
import { approverOf, isContact } from "../people/access.ts";
import type { Actor, Approver, ReportDoc } from "./types.ts";

export const MAX_APPROVERS = 10;
export const COMMENT_MAX = 500;

/** The rules' messages in one language (texts in src/i18n/<lang>/approvals.ts). */
function messagesIn(lang: Lang) {
  const m = texts(lang).approvals.messages;
  return { ...m, tooMany: m.tooMany(MAX_APPROVERS), longComment: m.longComment(COMMENT_MAX) };
}
type Messages = ReturnType<typeof messagesIn>;
const BY_LANG: Record<Lang, Messages> = { nb: messagesIn("nb"), nn: messagesIn("nn") };

/**
 * The rules' messages in the language of the validation running now: the schemas are built once and
 * look their message up when a value fails; the service runs each check in the language of the person
 * about the report (`validatingIn`, src/i18n/validating.ts); outside it, bokmål.
 */
export const approvalMessages: Messages = new Proxy({} as Messages, {
  get: (_, key) => BY_LANG[validationLang()][key as keyof Messages],
});

const invalidEmail = () => approvalMessages.invalidEmail;
export const approverEmailSchema = z
  .string({ error: invalidEmail })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: invalidEmail }).max(254, { error: invalidEmail }));

const emptyComment = () => approvalMessages.emptyComment;
export const approvalCommentSchema = z
  .string({ error: emptyComment })
  .trim()
  .min(1, { error: emptyComment })
  .max(COMMENT_MAX, { error: () => approvalMessages.longComment });

/**
 * The revision at which the answers last changed (an answer written or cleared). Writes that do not
 * change answers (co-editors, approvals, submit) leave it as it is.
 */
export function answersRevision(report: Pick<ReportDoc, "answers" | "cleared">): number {
  let rev = 0;
  for (const a of Object.values(report.answers)) rev = Math.max(rev, a.rev);
  for (const r of Object.values(report.cleared ?? {})) rev = Math.max(rev, r);
  return rev;
}

export type ApprovalState = "approved" | "stale" | "pending";

export interface ApprovalLine {
  email: string;
  name?: string;
  state: ApprovalState;
  approvedAt?: string;
  comment?: { text: string; at: string; stale: boolean };
}

/** Each requested approver's state, in the order they were asked. */
export function approvalLines(report: Pick<ReportDoc, "approvers" | "answers" | "cleared">): ApprovalLine[] {
  const now = answersRevision(report);
  return (report.approvers ?? []).map((a) => {
    const state: ApprovalState =
      a.approved === undefined ? "pending" : a.approved.rev >= now ? "approved" : "stale";
    return {
      email: a.email,
      ...(a.name !== undefined ? { name: a.name } : {}),
      state,
      ...(a.approved !== undefined ? { approvedAt: a.approved.at } : {}),
      ...(a.comment !== undefined
        ? { comment: { text: a.comment.text, at: a.comment.at, stale: a.comment.rev < now } }
        : {}),
    };
  });
}

export type RequestDecision =
  | { kind: "invalid"; message: string }
  | { kind: "already" }
  | { kind: "add"; doc: ReportDoc };

/** The contact asks one more person (e-mail already parsed) to approve. */
export function addApprover(
  doc: ReportDoc,
  email: string,
  actor: Actor,
  now: Date,
  name?: string,
): RequestDecision {
  const approvers = doc.approvers ?? [];
  if (doc.status === "submitted") return { kind: "invalid", message: approvalMessages.submitted };
  if (doc.contact.email.toLowerCase() === email)
    return { kind: "invalid", message: approvalMessages.isContact };
  if (approvers.some((a) => a.email === email)) return { kind: "already" };
  if (approvers.length >= MAX_APPROVERS) return { kind: "invalid", message: approvalMessages.tooMany };
  const entry: Approver = {
    email,
    ...(name !== undefined && name !== "" ? { name } : {}),
    requestedAt: now.toISOString(),
    requestedBy: actor.id,
  };
  // Not a change of the answers: the revision (checked by "Send inn") stays.
  return { kind: "add", doc: { ...doc, approvers: [...approvers, entry], updatedAt: now.toISOString() } };
}

/** The contact withdraws a request (the recorded approval goes with it); undefined when not there. */
export function dropApprover(doc: ReportDoc, email: string, now: Date): ReportDoc | undefined {
  const approvers = doc.approvers ?? [];
  if (!approvers.some((a) => a.email === email)) return undefined;
  return { ...doc, approvers: approvers.filter((a) => a.email !== email), updatedAt: now.toISOString() };
}

export type ActDecision =
  | { kind: "not_approver" }
  | { kind: "submitted" }
  /** The answers changed after the approver's card was made: they must look again. */
  | { kind: "changed" }
  | { kind: "unchanged" }
  | { kind: "write"; doc: ReportDoc };

/**
 * An approver approves (`comment` undefined) or comments. Who they are comes from the actor alone;
 * `seenRev` (from the card) can only refuse an approval, never make one count for a newer version.
 */
export function approverActs(
  doc: ReportDoc,
  actor: Actor,
  now: Date,
  act: { kind: "approve"; seenRev: number; text?: string } | { kind: "comment"; text: string },
): ActDecision {
  const me = approverOf(actor, doc);
  if (me === undefined || isContact(actor, doc)) return { kind: "not_approver" };
  if (doc.status === "submitted") return { kind: "submitted" };
  const rev = answersRevision(doc);
  const by = { id: actor.id, name: actor.name };
  const at = now.toISOString();
  let updated: Approver = me;
  if (act.kind === "approve") {
    if (act.seenRev !== rev) return { kind: "changed" };
    if (me.approved === undefined || me.approved.rev !== rev)
      updated = { ...updated, approved: { at, by, rev } };
  }
  const text = act.text;
  if (text !== undefined && (me.comment?.text !== text || me.comment.rev !== rev))
    updated = { ...updated, comment: { text, at, by, rev } };
  if (updated === me) return { kind: "unchanged" };
  // Bind the Teams identity and name on first action, so a later e-mail change still finds them.
  updated = { ...updated, aadObjectId: me.aadObjectId ?? actor.id, name: actor.name || (me.name ?? "") };
  const approvers = (doc.approvers ?? []).map((a) => (a === me ? updated : a));
  return { kind: "write", doc: { ...doc, approvers, updatedAt: at } };
}
