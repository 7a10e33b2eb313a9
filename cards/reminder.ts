/**
 * The reminder card (sent proactively) and the card that replaces it after "Minn meg på i morgen" or
 * "Ikke flere påminnelser". All user-facing reminder text lives here.
 */
import type { ReminderActionOutcome } from "../src/reminders/reminder-actions.ts";
import { formatClock, formatDeadlineDate } from "../src/reminders/schedule.ts";
import type { ReminderMessage } from "../src/reminders/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
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

function headingOf(m: ReminderMessage): string {
  if (m.daysLeft <= 0) return "Fristen for rapporteringen er i dag";
  if (m.daysLeft === 1) return "Fristen for rapporteringen er i morgen";
  return "Påminnelse om rapportering";
}

/** "fredag 15. januar kl. 23.59 (om 7 dager)" and "4 av 6 deler besvart". */
export function reminderTexts(m: ReminderMessage): { deadline: string; progress: string } {
  return {
    deadline: `${m.deadlineDate} ${m.deadlineClock} (${m.daysLeftText})`,
    progress: `${m.sectionsDone} av ${m.sectionsTotal} deler besvart`,
  };
}

export function reminderCard(m: ReminderMessage): CardJson {
  const texts = reminderTexts(m);
  const started = m.sectionsDone > 0;
  return render(template, {
    ...base,
    heading: headingOf(m),
    subheading: subheadingOf(m),
    intro: `Rapporteringen for dette kompetansetiltaket er ikke sendt inn ennå. Fristen er ${m.deadlineDate} ${m.deadlineClock} – ${m.daysLeftText}.`,
    showFacts: true,
    deadlineFact: texts.deadline,
    progress: texts.progress,
    // The form's own section title (form texts carry no Markdown syntax: test/cards/form-markdown.test.ts).
    resumeFact: `Del ${m.resumeSection + 1} av ${m.sectionsTotal} – ${m.resumeSectionTitle}`,
    footnote:
      m.recipientRole === "coeditor"
        ? "Du får denne påminnelsen fordi du er medredaktør og kontaktpersonen har valgt å varsle medredaktører. Bare kontaktpersonen kan sende inn."
        : m.stageKind === "deadline"
          ? "Dette er den siste påminnelsen før fristen."
          : "",
    hasOpen: true,
    openTitle: started ? "Fortsett der du slapp" : "Start rapporteringen",
    roundId: m.roundId,
    reportId: m.reportId,
    section: m.resumeSection,
    canSnooze: m.canSnooze,
    canOptOut: m.canOptOut,
  });
}

/** "mandag 12. januar kl. 09.00" */
const when = (d: Date) => `${formatDeadlineDate(d)} ${formatClock(d)}`;

function ackCard(notice: string, style: string, report?: ReportDoc): CardJson {
  return render(template, {
    ...base,
    heading: "Påminnelse om rapportering",
    subheading: report
      ? subheadingOf({ partnershipName: report.partnership.name, tiltakName: report.tiltak.name })
      : [],
    notice,
    noticeStyle: style,
    // Without a section: the report opens where the person should resume at the time of the click.
    hasResume: report !== undefined,
    openTitle: report?.status === "submitted" ? "Se rapporteringen" : "Åpne rapporteringen",
    roundId: report?.roundId ?? "",
    reportId: report?.id ?? "",
  });
}

/** The card that replaces a reminder after "Minn meg på i morgen" or "Ikke flere påminnelser". */
export function reminderActionCard(outcome: ReminderActionOutcome): CardJson {
  switch (outcome.kind) {
    case "not_found":
      return ackCard("Fant ikke denne rapporteringen. Den kan være slettet eller flyttet.", "warning");
    case "forbidden":
      return ackCard("Du har ikke tilgang til denne rapporteringen.", "warning");
    case "closed":
      return outcome.reason === "submitted"
        ? ackCard(
            "Rapporteringen er allerede sendt inn – du får ingen flere påminnelser om den.",
            "good",
            outcome.report,
          )
        : ackCard(
            "Fristen har gått ut, så du får ingen flere påminnelser. Ta kontakt med Statsforvalteren hvis rapporteringen ikke er sendt inn.",
            "warning",
            outcome.report,
          );
    case "snoozed":
      return ackCard(`Greit! Du får en ny påminnelse ${when(outcome.until)}.`, "good", outcome.report);
    case "too_late_to_snooze":
      return ackCard(
        `Fristen er ${when(outcome.deadline)}, så det kommer ingen ny påminnelse før den. Send inn rapporteringen før fristen.`,
        "warning",
        outcome.report,
      );
    case "opted_out":
      return ackCard(
        outcome.deadlineReminder
          ? `Du får ikke flere påminnelser om dette tiltaket, bortsett fra én siste påminnelse på fristdagen (${when(outcome.deadlineReminder)}).`
          : "Du får ikke flere påminnelser om dette tiltaket.",
        "good",
        outcome.report,
      );
  }
}
