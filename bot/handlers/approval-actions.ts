/**
 * Approval before sending: the contact's list (ask by e-mail, withdraw), and the approver's
 * "Godkjenn" / "Kommenter" on the read-only review. Who the approver is, is decided in src/ from the
 * Teams identity; card data only says which report was clicked.
 */
import { approvalsCard } from "../../cards/approvals.ts";
import { reviewCard } from "../../cards/report-review.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import { type Lang, langForReports } from "../../src/i18n/lang.ts";
import { texts } from "../../src/i18n/texts.ts";
import type { ActOutcome, ManageOutcome } from "../../src/reports/approval-service.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import { langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";
import { deadlineOf } from "./review-actions.ts";

/** The person's language for a reply about this report (else the turn's). */
const langAbout = (actor: Actor, o: ManageOutcome | ActOutcome): Lang =>
  langOf(actor, "report" in o ? o.report : undefined);

function manageReply(
  actor: Actor,
  o: ManageOutcome,
  ok: (o: Extract<ManageOutcome, { kind: "ok" }>, lang: Lang) => Reply,
  typed?: string,
): Reply {
  const lang = langAbout(actor, o);
  switch (o.kind) {
    case "not_found":
      return { text: texts(lang).bot.notFound };
    case "forbidden":
      return { text: texts(lang).approvals.onlyContact };
    case "invalid":
      return {
        card: approvalsCard(
          o.report,
          {
            error: o.message,
            ...(typed !== undefined ? { typedEmail: typed } : {}),
          },
          lang,
        ),
      };
    case "ok":
      return ok(o, lang);
  }
}

export async function showApprovals(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Approvals>,
): Promise<Reply> {
  return manageReply(actor, await app.approvals.list(actor, data), (o, lang) => ({
    card: approvalsCard(o.report, {}, lang),
  }));
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
    actor,
    o,
    (ok, lang) => {
      const at = texts(lang).approvals;
      const text = ok.changed
        ? told
          ? at.requestedTold(ok.email)
          : at.requested(ok.email)
        : at.already(ok.email);
      return { card: approvalsCard(ok.report, { notice: { text, style: "good" } }, lang) };
    },
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
    // The approver's own choice is not known here: the partnership's målform, else bokmål.
    const lang = langForReports({}, report);
    const card = reviewCard({
      form,
      report,
      role: "approver",
      lang,
      notice: { text: texts(lang).approvals.askedYou, style: "accent" },
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
  return manageReply(actor, o, (ok, lang) => {
    const at = texts(lang).approvals;
    const text = ok.changed ? at.removed(ok.email) : at.notThere(ok.email);
    return { card: approvalsCard(ok.report, { notice: { text, style: "good" } }, lang) };
  });
}

const notices = (lang: Lang) => {
  const at = texts(lang).approvals;
  return {
    unchanged: { text: at.unchangedNotice, style: "good" },
    changed: { text: at.changedNotice, style: "warning" },
    submitted: { text: at.submittedNotice, style: "warning" },
  } as const;
};

async function actReply(
  app: EdgeApp,
  actor: Actor,
  o: ActOutcome,
  doneText: "approvedNotice" | "commentedNotice",
  typed?: string,
): Promise<Reply> {
  const lang = langAbout(actor, o);
  if (o.kind === "not_found") return { text: texts(lang).bot.notFound };
  if (o.kind === "forbidden") return { text: texts(lang).approvals.notApprover };
  const context = { now: app.clock(), lang, ...(await deadlineOf(app, o.report.roundId)) };
  if (o.kind === "invalid") {
    const approver = {
      commentError: o.message,
      ...(typed !== undefined ? { typedComment: typed } : {}),
    };
    return {
      card: reviewCard({ form: o.form, report: o.report, role: "approver", approver, ...context }),
    };
  }
  const notice =
    o.kind === "done"
      ? { text: texts(lang).approvals[doneText], style: "good" as const }
      : notices(lang)[o.kind];
  return { card: reviewCard({ form: o.form, report: o.report, role: "approver", notice, ...context }) };
}

export async function approveReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Approve>,
): Promise<Reply> {
  const o = await app.approvals.approve(actor, data, data.answersRev, data.approvalComment);
  if (o.kind === "done") app.log.info({ reportId: o.report.id }, "report approved");
  return actReply(app, actor, o, "approvedNotice", data.approvalComment);
}

export async function commentReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.CommentReport>,
): Promise<Reply> {
  const o = await app.approvals.comment(actor, data, data.approvalComment);
  if (o.kind === "done") app.log.info({ reportId: o.report.id }, "approver commented");
  return actReply(app, actor, o, "commentedNotice", data.approvalComment);
}
