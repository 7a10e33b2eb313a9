/**
 * The reminder card (sent proactively) and the card that replaces it after "Minn meg på i morgen" or
 * "Ikke flere påminnelser". Texts in src/i18n/<lang>/reminder.ts, in the recipient's written standard.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { ReminderActionOutcome } from "../src/reminders/reminder-actions.ts";
import { formatClock, formatDeadlineDate } from "../src/reminders/schedule.ts";
import type { ReminderMessage } from "../src/reminders/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { dayAndMonth } from "./deadline.ts";
import { reportTitleRuns, type TextRun } from "./person-text.ts";
import template from "./reminder.card.json" with { type: "json" };
import { type CardJson, render } from "./render.ts";

const base = {
  subheading: [] as TextRun[],
  notice: "",
  noticeStyle: "default",
  intro: "",
  showFacts: false,
  deadlineFact: "",
  progress: "",
  resumeFact: "",
  footnote: "",
  hasOpen: false,
  hasResume: false,
  openTitle: "",
  roundId: "",
  reportId: "",
  section: 0,
  canSnooze: false,
  canOptOut: false,
};

const subheadingOf = (r: { partnershipName: string; tiltakName: string }): TextRun[] =>
  reportTitleRuns(
    { partnership: { name: r.partnershipName }, tiltak: { name: r.tiltakName } },
    { isSubtle: true },
  );

function headingOf(m: ReminderMessage, t: ReturnType<typeof texts>["reminder"]): string {
  if (m.daysLeft <= 0) return t.headingToday;
  if (m.daysLeft === 1) return t.headingTomorrow;
  return t.heading;
}

/** "fredag 15. januar kl. 23.59 (om 7 dager)" and "4 av 6 deler besvart". */
export function reminderTexts(
  m: ReminderMessage,
  lang: Lang = m.lang ?? DEFAULT_LANG,
): { deadline: string; progress: string } {
  const t = texts(lang).reminder;
  const { date, left } = whenOf(m, lang);
  return {
    deadline: t.deadline(date, m.deadlineClock, left),
    progress: t.progress(m.sectionsDone, m.sectionsTotal),
  };
}

/** The deadline's day and the days left, in the recipient's written standard. */
function whenOf(m: ReminderMessage, lang: Lang): { date: string; left: string } {
  if (lang === DEFAULT_LANG) return { date: m.deadlineDate, left: m.daysLeftText };
  return { date: dayAndMonth(new Date(m.deadline), lang), left: texts(lang).dates.daysLeft(m.daysLeft) };
}

/** The reminder card, in the recipient's written standard (`m.lang`, else bokmål). */
export function reminderCard(m: ReminderMessage, lang: Lang = m.lang ?? DEFAULT_LANG): CardJson {
  const t = texts(lang).reminder;
  const { date, left } = whenOf(m, lang);
  const shown = reminderTexts(m, lang);
  const started = m.sectionsDone > 0;
  return render(template, {
    ...base,
    t: t.card,
    heading: headingOf(m, t),
    subheading: subheadingOf(m),
    intro: t.intro(date, m.deadlineClock, left),
    showFacts: true,
    deadlineFact: shown.deadline,
    progress: shown.progress,
    // The form's own section title (form texts carry no Markdown syntax: test/cards/form-markdown.test.ts).
    resumeFact: t.resume(m.resumeSection + 1, m.sectionsTotal, m.resumeSectionTitle),
    footnote: m.recipientRole === "coeditor" ? t.coEditorNote : m.stageKind === "deadline" ? t.lastNote : "",
    hasOpen: true,
    openTitle: started ? t.resumeStarted : t.resumeNew,
    roundId: m.roundId,
    reportId: m.reportId,
    section: m.resumeSection,
    canSnooze: m.canSnooze,
    canOptOut: m.canOptOut,
  });
}

/** "mandag 12. januar kl. 09.00" */
const whenIn = (lang: Lang) => (d: Date) =>
  `${lang === DEFAULT_LANG ? formatDeadlineDate(d) : dayAndMonth(d, lang)} ${formatClock(d)}`;

function ackCard(lang: Lang, notice: string, style: string, report?: ReportDoc): CardJson {
  const t = texts(lang).reminder;
  return render(template, {
    ...base,
    t: t.card,
    heading: t.heading,
    subheading: report
      ? subheadingOf({ partnershipName: report.partnership.name, tiltakName: report.tiltak.name })
      : [],
    notice,
    noticeStyle: style,
    // Without a section: the report opens where the person should resume at the time of the click.
    hasResume: report !== undefined,
    openTitle: report?.status === "submitted" ? t.see : t.open,
    roundId: report?.roundId ?? "",
    reportId: report?.id ?? "",
  });
}

/** The card that replaces a reminder after "Minn meg på i morgen" or "Ikke flere påminnelser". */
export function reminderActionCard(outcome: ReminderActionOutcome, lang: Lang = DEFAULT_LANG): CardJson {
  const t = texts(lang).reminder;
  const when = whenIn(lang);
  switch (outcome.kind) {
    case "not_found":
      return ackCard(lang, t.notFound, "warning");
    case "forbidden":
      return ackCard(lang, t.forbidden, "warning");
    case "closed":
      return outcome.reason === "submitted"
        ? ackCard(lang, t.closedSubmitted, "good", outcome.report)
        : ackCard(lang, t.closedDeadline, "warning", outcome.report);
    case "snoozed":
      return ackCard(lang, t.snoozed(when(outcome.until)), "good", outcome.report);
    case "too_late_to_snooze":
      return ackCard(lang, t.tooLate(when(outcome.deadline)), "warning", outcome.report);
    case "opted_out":
      return ackCard(
        lang,
        outcome.deadlineReminder ? t.optedOutButLast(when(outcome.deadlineReminder)) : t.optedOut,
        "good",
        outcome.report,
      );
  }
}
