/**
 * Approval before sending: the contact's list (ask by e-mail, withdraw), and the approver's
 * "Godkjenn" / "Kommenter" on the read-only review. Who the approver is, is decided in src/ from the
 * Teams identity; card data only says which report was clicked.
 */
import { approvalText as at } from "../../cards/approval-strings.ts";
import { approvalsCard } from "../../cards/approvals.ts";
import { reviewCard } from "../../cards/report-review.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import { DEFAULT_LANG } from "../../src/i18n/lang.ts";
import { texts } from "../../src/i18n/texts.ts";
import type { ActOutcome, ManageOutcome } from "../../src/reports/approval-service.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import type { Reply } from "../reply.ts";

// Approval replies are bokmål for now (their card texts are in cards/approval-strings.ts, not yet in the catalogue).
const t = texts(DEFAULT_LANG).bot;

import { deadlineOf } from "./review-actions.ts";

function manageReply(
  o: ManageOutcome,
  ok: (o: Extract<ManageOutcome, { kind: "ok" }>) => Reply,
  typed?: string,
): Reply {
  switch (o.kind) {
    case "not_found":
      return { text: t.notFound };
    case "forbidden":
      return { text: at.onlyContact };
    case "invalid":
      return {
        card: approvalsCard(o.report, {
          error: o.message,
          ...(typed !== undefined ? { typedEmail: typed } : {}),
        }),
      };
    case "ok":
      return ok(o);
  }
}

export async function showApprovals(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Approvals>,
): Promise<Reply> {
  return manageReply(await app.approvals.list(actor, data), (o) => ({ card: approvalsCard(o.report) }));
}

export async function requestApproval(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.RequestApproval>,
): Promise<Reply> {
  const o = await app.approvals.request(actor, data, data.approverEmail ?? "");
  let told = false;
  if (o.kind === "ok" && o.changed) {
    app.log.info({ reportId: o.report.id }, "approval requested");
    if (o.target !== undefined) told = await sendReviewTo(app, o.report, o.target);
  }
  return manageReply(
    o,
    (ok) => ({
      card: approvalsCard(ok.report, {
        notice: {
          text: ok.changed
            ? told
              ? at.requestedTold(ok.email)
              : at.requested(ok.email)
            : at.already(ok.email),
          style: "good",
        },
      }),
    }),
    typeof data.approverEmail === "string" ? data.approverEmail : undefined,
  );
}

/** The approver gets the read-only review with "Godkjenn" / "Kommenter" in their own chat. */
async function sendReviewTo(
  app: EdgeApp,
  report: ReportDoc,
  target: NonNullable<Extract<ManageOutcome, { kind: "ok" }>["target"]>,
): Promise<boolean> {
  if (app.messenger === undefined) return false;
  try {
    const form = app.reports.formOf(report);
    const card = reviewCard({
      form,
      report,
      role: "approver",
      notice: { text: at.askedYou, style: "accent" },
      now: app.clock(),
      ...(await deadlineOf(app, report.roundId)),
    });
    const result = await app.messenger.send(target, card);
    if (result.kind !== "ok")
      app.log.warn({ result: result.kind, reportId: report.id }, "approver not reached");
    return result.kind === "ok";
  } catch (err) {
    app.log.warn({ err, reportId: report.id }, "sending the review to the approver failed");
    return false;
  }
}

export async function removeApprover(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.RemoveApprover>,
): Promise<Reply> {
  const o = await app.approvals.remove(actor, data, data.email);
  return manageReply(o, (ok) => ({
    card: approvalsCard(ok.report, {
      notice: { text: ok.changed ? at.removed(ok.email) : at.notThere(ok.email), style: "good" },
    }),
  }));
}

const NOTICES = {
  unchanged: { text: at.unchangedNotice, style: "good" },
  changed: { text: at.changedNotice, style: "warning" },
  submitted: { text: at.submittedNotice, style: "warning" },
} as const;

async function actReply(app: EdgeApp, o: ActOutcome, doneText: string, typed?: string): Promise<Reply> {
  if (o.kind === "not_found") return { text: t.notFound };
  if (o.kind === "forbidden") return { text: at.notApprover };
  const context = { now: app.clock(), ...(await deadlineOf(app, o.report.roundId)) };
  if (o.kind === "invalid") {
    const approver = { commentError: o.message, ...(typed !== undefined ? { typedComment: typed } : {}) };
    return {
      card: reviewCard({ form: o.form, report: o.report, role: "approver", approver, ...context }),
    };
  }
  const notice = o.kind === "done" ? { text: doneText, style: "good" as const } : NOTICES[o.kind];
  return { card: reviewCard({ form: o.form, report: o.report, role: "approver", notice, ...context }) };
}

export async function approveReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Approve>,
): Promise<Reply> {
  const o = await app.approvals.approve(actor, data, data.answersRev, data.approvalComment);
  if (o.kind === "done") app.log.info({ reportId: o.report.id }, "report approved");
  return actReply(app, o, at.approvedNotice, data.approvalComment);
}

export async function commentReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.CommentReport>,
): Promise<Reply> {
  const o = await app.approvals.comment(actor, data, data.approvalComment);
  if (o.kind === "done") app.log.info({ reportId: o.report.id }, "approver commented");
  return actReply(app, o, at.commentedNotice, data.approvalComment);
}
