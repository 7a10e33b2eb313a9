/** The contact person's list of co-editors, with invite and remove. */
import type { ReportDoc } from "../src/reports/types.ts";
import { displayText } from "../src/text/typed-text.ts";
import template from "./coeditors.card.json" with { type: "json" };
import { ownRun, personRun, reportTitleRuns } from "./person-text.ts";
import { type CardJson, render } from "./render.ts";
import { formatOsloTime } from "./time.ts";

export function coEditorsCard(
  report: ReportDoc,
  opts: {
    notice?: { text: string; style: "good" | "attention" | "warning" };
    error?: string;
    typedEmail?: string;
    /** Whether co-editors get the deadline reminders too (the contact's choice). */
    remindCoEditors?: boolean;
  } = {},
): CardJson {
  return render(template, {
    subheading: reportTitleRuns(report, { isSubtle: true }),
    // Notices name the co-editor's e-mail: a literal run (coeditors.card.json), normalised.
    notice: displayText(opts.notice?.text ?? ""),
    noticeStyle: opts.notice?.style ?? "default",
    editors: report.coEditors.map((e) => ({
      label: [
        personRun(e.name ?? e.email),
        ...(e.name ? [ownRun(" ("), personRun(e.email), ownRun(")")] : []),
        ownRun(` – invitert ${formatOsloTime(new Date(e.invitedAt))}`),
      ],
      email: e.email,
      removeTitle: `Fjern ${e.email}`,
      roundId: report.roundId,
      reportId: report.id,
    })),
    typedEmail: opts.typedEmail ?? "",
    remindersText: opts.remindCoEditors
      ? "Påminnelser før fristen går også til medredaktørene."
      : "Påminnelser før fristen går bare til deg.",
    remindersTitle: opts.remindCoEditors ? "Bare påminn meg" : "Påminn medredaktørene også",
    remindersNext: opts.remindCoEditors ? "false" : "true",
    error: opts.error ?? "",
    roundId: report.roundId,
    reportId: report.id,
  });
}
