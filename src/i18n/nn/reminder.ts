/** Texts of the reminder card and the card that replaces it (cards/reminder.ts), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { reminder as nb } from "../nb/reminder.ts";

export const reminder: Catalogue<typeof nb> = {
  headingToday: "Fristen for rapporteringa er i dag",
  headingTomorrow: "Fristen for rapporteringa er i morgon",
  heading: "Påminning om rapportering",
  deadline: (date: string, clock: string, left: string) => `${date} ${clock} (${left})`,
  progress: (done: number, total: number) => `${done} av ${total} delar svara på`,
  intro: (date: string, clock: string, left: string) =>
    `Rapporteringa for dette kompetansetiltaket er ikkje sendt inn enno. Fristen er ${date} ${clock} – ${left}.`,
  resume: (section: number, total: number, title: string) => `Del ${section} av ${total} – ${title}`,
  coEditorNote:
    "Du får denne påminninga fordi du er medredaktør og kontaktpersonen har valt å varsle medredaktørar. Berre kontaktpersonen kan sende inn.",
  lastNote: "Dette er den siste påminninga før fristen.",
  resumeStarted: "Hald fram der du slapp",
  resumeNew: "Start rapporteringa",
  see: "Sjå rapporteringa",
  open: "Opne rapporteringa",
  notFound: "Fann ikkje denne rapporteringa. Ho kan vere sletta eller flytta.",
  forbidden: "Du har ikkje tilgang til denne rapporteringa.",
  closedSubmitted: "Rapporteringa er allereie sendt inn – du får ingen fleire påminningar om ho.",
  closedDeadline:
    "Fristen har gått ut, så du får ingen fleire påminningar. Ta kontakt med Statsforvaltaren om rapporteringa ikkje er sendt inn.",
  snoozed: (when: string) => `Greitt! Du får ei ny påminning ${when}.`,
  tooLate: (when: string) =>
    `Fristen er ${when}, så det kjem inga ny påminning før han. Send inn rapporteringa før fristen.`,
  optedOutButLast: (when: string) =>
    `Du får ikkje fleire påminningar om dette tiltaket, bortsett frå éi siste påminning på fristdagen (${when}).`,
  optedOut: "Du får ikkje fleire påminningar om dette tiltaket.",
  card: {
    deadlineFact: "Frist",
    progressFact: "Framdrift",
    nextFact: "Neste del",
    snooze: "Minn meg på i morgon",
    optOut: "Ikkje fleire påminningar",
  },
};
