/** The contact's list of approvers (approval before sending): each one's state, ask by e-mail, withdraw. */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { approvalLineRuns } from "./approval-blocks.ts";
import template from "./approvals.card.json" with { type: "json" };
import { reportTitleRuns } from "./person-text.ts";
import { type CardJson, render } from "./render.ts";

export function approvalsCard(
  report: ReportDoc,
  opts: {
    notice?: { text: string; style: "good" | "attention" | "warning" };
    error?: string;
    typedEmail?: string;
  } = {},
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const t = texts(lang).approvals;
  const ref = { roundId: report.roundId, reportId: report.id };
  const approvers = report.approvers ?? [];
  const lines = approvers.map((a) => ({
    runs: approvalLineRuns({ ...report, approvers: [a] }, true, lang).flatMap((l, i) =>
      i === 0 ? l.runs : [{ type: "TextRun" as const, text: " · " }, ...l.runs],
    ),
    email: a.email,
    removeTitle: t.remove(a.email),
    ...ref,
  }));
  return render(template, {
    heading: t.heading,
    subheading: reportTitleRuns(report, { isSubtle: true }),
    notice: opts.notice?.text ?? "",
    noticeStyle: opts.notice?.style ?? "default",
    intro: t.intro,
    none: t.none,
    approvers: lines,
    emailLabel: t.emailLabel,
    typedEmail: opts.typedEmail ?? "",
    error: opts.error ?? "",
    requestTitle: t.request,
    backTitle: t.back,
    ...ref,
  });
}
