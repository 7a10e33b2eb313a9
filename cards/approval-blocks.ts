/**
 * Approval before sending, as card data for the review, the receipt and the 2021 form's 2.4: who
 * approved (and when, Oslo time), who approved an earlier version, who has not approved, and their
 * comments. Names, e-mails and comments are person text: TextRuns only (person-text.ts).
 */
import type { Role } from "../src/people/access.ts";
import { type ApprovalLine, answersRevision, approvalLines, COMMENT_MAX } from "../src/reports/approvals.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { approvalText as t } from "./approval-strings.ts";
import { ownRun, personRun, type TextRun } from "./person-text.ts";
import { formatOsloTime } from "./time.ts";

type Approvable = Pick<ReportDoc, "approvers" | "answers" | "cleared">;

const who = (l: ApprovalLine): TextRun[] =>
  l.name !== undefined && l.name !== ""
    ? [personRun(l.name, { weight: "Bolder" }), ownRun(" ("), personRun(l.email), ownRun(")")]
    : [personRun(l.email, { weight: "Bolder" })];

const shortWho = (l: ApprovalLine): TextRun =>
  personRun(l.name !== undefined && l.name !== "" ? l.name : l.email);

const when = (iso: string | undefined) => (iso === undefined ? "" : formatOsloTime(new Date(iso)));

/** One line per requested approver: approved / an earlier version / not yet. */
function statusRuns(l: ApprovalLine, full: boolean): TextRun[] {
  const name = full ? who(l) : [shortWho(l)];
  if (l.state === "approved") return [...name, ownRun(t.approved + when(l.approvedAt))];
  if (l.state === "stale") return [...name, ownRun(t.stale + when(l.approvedAt) + t.staleNote)];
  return [...name, ownRun(t.pending)];
}

/** The approver's latest comment, when there is one. */
function commentRuns(l: ApprovalLine): TextRun[] | undefined {
  if (l.comment === undefined) return undefined;
  const verb = l.comment.stale ? t.commentedStale : t.commented;
  return [
    shortWho(l),
    ownRun(`${verb}${when(l.comment.at)}: `, { isSubtle: true }),
    personRun(l.comment.text),
  ];
}

/** Status and comment lines, for a list of RichTextBlocks (`$data`). */
export function approvalLineRuns(report: Approvable, full = true): { runs: TextRun[] }[] {
  return approvalLines(report).flatMap((l) => {
    const comment = commentRuns(l);
    return [{ runs: statusRuns(l, full) }, ...(comment !== undefined ? [{ runs: comment }] : [])];
  });
}

/** "Ikke godkjent denne versjonen: A, B." (empty when everyone asked has approved, or nobody was asked). */
function notApprovedRuns(report: Approvable, sendAnyway: boolean): TextRun[] {
  const missing = approvalLines(report).filter((l) => l.state !== "approved");
  if (missing.length === 0) return [];
  const names = missing.flatMap((l, i) => (i === 0 ? [shortWho(l)] : [ownRun(", "), shortWho(l)]));
  return [
    ownRun(t.notApprovedLine, { weight: "Bolder" }),
    ...names,
    ownRun(`.${sendAnyway ? t.sendAnyway : ""}`),
  ];
}

export interface ApproverInput {
  /** The approver's typed comment and its error, kept when something was wrong. */
  typedComment?: string;
  commentError?: string;
}

/**
 * The review card's approval fields (always all of them: the template leaves unknown names in place).
 * The status block sits on the first page; who has not approved and the approver's buttons on the last.
 */
export function approvalReviewData(
  report: ReportDoc,
  role: Role,
  where: { first: boolean; last: boolean },
  approver: ApproverInput = {},
) {
  const draft = report.status === "draft";
  const lines = where.first ? approvalLineRuns(report) : [];
  const manage = draft && role === "contact" && where.first;
  const act = draft && role === "approver" && where.last;
  return {
    approvalsShown: lines.length > 0 || manage,
    approvalsTitle: t.heading,
    approvalLines: lines,
    approvalsEmpty: lines.length === 0 ? t.none : "",
    canManageApprovals: manage,
    manageApprovalsTitle: t.manageButton(report.approvers?.length ?? 0),
    approvalPending: where.last && draft ? notApprovedRuns(report, role === "contact") : [],
    canApprove: act,
    approverIntro: act ? t.approverHint : "",
    approvalCommentLabel: t.commentLabel,
    approvalComment: (approver.typedComment ?? "").slice(0, COMMENT_MAX * 2),
    approvalCommentError: approver.commentError ?? "",
    approveTitle: t.approve,
    commentTitle: t.comment,
    answersRev: answersRevision(report),
  };
}

/** The receipt's approval lines: everyone asked, with when they approved; nothing when nobody was asked. */
export function receiptApprovalData(report: ReportDoc) {
  return {
    approvalsAsked: (report.approvers ?? []).length > 0,
    approvalsTitle: t.receiptTitle,
    approvalLines: approvalLineRuns(report, false),
    approvalPending: notApprovedRuns(report, false),
  };
}

/** The help beside the 2021 form's 2.4 on the section card: the recorded approvals (never an answer). */
export function confirmationHelpRuns(report: Partial<Approvable>): TextRun[] {
  if (report.answers === undefined || (report.approvers ?? []).length === 0)
    return [ownRun(t.help24None, { size: "Small" })];
  const lines = approvalLines({
    approvers: report.approvers,
    answers: report.answers,
    cleared: report.cleared,
  });
  const runs: TextRun[] = [ownRun(t.help24, { size: "Small", weight: "Bolder" })];
  lines.forEach((l, i) => {
    if (i > 0) runs.push(ownRun("; ", { size: "Small" }));
    runs.push(...statusRuns(l, false).map((r) => ({ ...r, size: "Small" as const })));
  });
  runs.push(ownRun(".", { size: "Small" }));
  return runs;
}
