/**
 * Approval before sending, as card data for the review, the receipt and the 2021 form's 2.4: who
 * approved (and when, Oslo time), who approved an earlier version, who has not approved, and their
 * comments. Names, e-mails and comments are person text: TextRuns only (person-text.ts).
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Role } from "../src/people/access.ts";
import { type ApprovalLine, answersRevision, approvalLines, COMMENT_MAX } from "../src/reports/approvals.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { ownRun, personRun, type TextRun } from "./person-text.ts";
import { formatOsloTime } from "./time.ts";

type Approvable = Pick<ReportDoc, "approvers" | "answers" | "cleared">;
type ApprovalTexts = ReturnType<typeof texts>["approvals"];

const who = (l: ApprovalLine): TextRun[] =>
  l.name !== undefined && l.name !== ""
    ? [personRun(l.name, { weight: "Bolder" }), ownRun(" ("), personRun(l.email), ownRun(")")]
    : [personRun(l.email, { weight: "Bolder" })];

const shortWho = (l: ApprovalLine): TextRun =>
  personRun(l.name !== undefined && l.name !== "" ? l.name : l.email);

const when = (iso: string | undefined, lang: Lang) =>
  iso === undefined ? "" : formatOsloTime(new Date(iso), lang);

/** One line per requested approver: approved / an earlier version / not yet. */
function statusRuns(l: ApprovalLine, full: boolean, lang: Lang): TextRun[] {
  const t = texts(lang).approvals;
  const name = full ? who(l) : [shortWho(l)];
  if (l.state === "approved") return [...name, ownRun(t.approved + when(l.approvedAt, lang))];
  if (l.state === "stale") return [...name, ownRun(t.stale + when(l.approvedAt, lang) + t.staleNote)];
  return [...name, ownRun(t.pending)];
}

/** The approver's latest comment, when there is one. */
function commentRuns(l: ApprovalLine, lang: Lang): TextRun[] | undefined {
  if (l.comment === undefined) return undefined;
  const t = texts(lang).approvals;
  const verb = l.comment.stale ? t.commentedStale : t.commented;
  return [
    shortWho(l),
    ownRun(`${verb}${when(l.comment.at, lang)}: `, { isSubtle: true }),
    personRun(l.comment.text),
  ];
}

/** Status and comment lines, for a list of RichTextBlocks (`$data`). */
export function approvalLineRuns(
  report: Approvable,
  full = true,
  lang: Lang = DEFAULT_LANG,
): { runs: TextRun[] }[] {
  return approvalLines(report).flatMap((l) => {
    const comment = commentRuns(l, lang);
    return [{ runs: statusRuns(l, full, lang) }, ...(comment !== undefined ? [{ runs: comment }] : [])];
  });
}

/** One line for the channel summary: "A godkjente …; B har ikke godkjent ennå" (no comments). */
export function approvalSummaryRuns(report: Approvable, lang: Lang = DEFAULT_LANG): TextRun[] {
  return approvalLines(report).flatMap((l, i) => [
    ...(i > 0 ? [ownRun("; ")] : []),
    ...statusRuns(l, false, lang),
  ]);
}

/** "Ikke godkjent denne versjonen: A, B." (empty when everyone asked has approved, or nobody was asked). */
function notApprovedRuns(report: Approvable, sendAnyway: boolean, t: ApprovalTexts): TextRun[] {
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
  lang: Lang = DEFAULT_LANG,
) {
  const t = texts(lang).approvals;
  const draft = report.status === "draft";
  const lines = where.first ? approvalLineRuns(report, true, lang) : [];
  const manage = draft && role === "contact" && where.first;
  const act = draft && role === "approver" && where.last;
  return {
    approvalsShown: lines.length > 0 || manage,
    approvalsTitle: t.heading,
    approvalLines: lines,
    approvalsEmpty: lines.length === 0 ? t.none : "",
    canManageApprovals: manage,
    manageApprovalsTitle: t.manageButton(report.approvers?.length ?? 0),
    approvalPending: where.last && draft ? notApprovedRuns(report, role === "contact", t) : [],
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
export function receiptApprovalData(report: ReportDoc, lang: Lang = DEFAULT_LANG) {
  const t = texts(lang).approvals;
  return {
    approvalsAsked: (report.approvers ?? []).length > 0,
    approvalsTitle: t.receiptTitle,
    approvalLines: approvalLineRuns(report, false, lang),
    approvalPending: notApprovedRuns(report, false, t),
  };
}

/** The help beside the 2021 form's 2.4 on the section card: the recorded approvals (never an answer). */
export function confirmationHelpRuns(report: Partial<Approvable>, lang: Lang = DEFAULT_LANG): TextRun[] {
  const t = texts(lang).approvals;
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
    runs.push(...statusRuns(l, false, lang).map((r) => ({ ...r, size: "Small" as const })));
  });
  runs.push(ownRun(".", { size: "Small" }));
  return runs;
}
