/** The contact person's list of co-editors, with invite and remove. */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
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
    /** The reader's written standard (bokmål when absent). */
    lang?: Lang;
  } = {},
): CardJson {
  const lang = opts.lang ?? DEFAULT_LANG;
  const t = texts(lang).coeditors;
  return render(template, {
    t: t.card,
    subheading: reportTitleRuns(report, { isSubtle: true }),
    // Notices name the co-editor's e-mail: a literal run (coeditors.card.json), normalised.
    notice: displayText(opts.notice?.text ?? ""),
    noticeStyle: opts.notice?.style ?? "default",
    editors: report.coEditors.map((e) => ({
      label: [
        personRun(e.name ?? e.email),
        ...(e.name ? [ownRun(" ("), personRun(e.email), ownRun(")")] : []),
        ownRun(t.invited(formatOsloTime(new Date(e.invitedAt), lang))),
      ],
      email: e.email,
      removeTitle: t.remove(e.email),
      roundId: report.roundId,
      reportId: report.id,
    })),
    typedEmail: opts.typedEmail ?? "",
    remindersText: opts.remindCoEditors ? t.remindersAll : t.remindersMe,
    remindersTitle: opts.remindCoEditors ? t.remindOnlyMe : t.remindAll,
    remindersNext: opts.remindCoEditors ? "false" : "true",
    error: opts.error ?? "",
    roundId: report.roundId,
    reportId: report.id,
  });
}
