/** Texts of the reminder card and the card that replaces it (cards/reminder.ts), bokmål. */
export const reminder = {
  headingToday: "Fristen for rapporteringen er i dag",
  headingTomorrow: "Fristen for rapporteringen er i morgen",
  heading: "Påminnelse om rapportering",
  deadline: (date: string, clock: string, left: string) => `${date} ${clock} (${left})`,
  progress: (done: number, total: number) => `${done} av ${total} deler besvart`,
  intro: (date: string, clock: string, left: string) =>
    `Rapporteringen for dette kompetansetiltaket er ikke sendt inn ennå. Fristen er ${date} ${clock} – ${left}.`,
  resume: (section: number, total: number, title: string) => `Del ${section} av ${total} – ${title}`,
  coEditorNote:
    "Du får denne påminnelsen fordi du er medredaktør og kontaktpersonen har valgt å varsle medredaktører. Bare kontaktpersonen kan sende inn.",
  lastNote: "Dette er den siste påminnelsen før fristen.",
  resumeStarted: "Fortsett der du slapp",
  resumeNew: "Start rapporteringen",
  see: "Se rapporteringen",
  open: "Åpne rapporteringen",
  notFound: "Fant ikke denne rapporteringen. Den kan være slettet eller flyttet.",
  forbidden: "Du har ikke tilgang til denne rapporteringen.",
  closedSubmitted: "Rapporteringen er allerede sendt inn – du får ingen flere påminnelser om den.",
  closedDeadline:
    "Fristen har gått ut, så du får ingen flere påminnelser. Ta kontakt med Statsforvalteren hvis rapporteringen ikke er sendt inn.",
  snoozed: (when: string) => `Greit! Du får en ny påminnelse ${when}.`,
  tooLate: (when: string) =>
    `Fristen er ${when}, så det kommer ingen ny påminnelse før den. Send inn rapporteringen før fristen.`,
  optedOutButLast: (when: string) =>
    `Du får ikke flere påminnelser om dette tiltaket, bortsett fra én siste påminnelse på fristdagen (${when}).`,
  optedOut: "Du får ikke flere påminnelser om dette tiltaket.",
  card: {
    deadlineFact: "Frist",
    progressFact: "Fremdrift",
    nextFact: "Neste del",
    snooze: "Minn meg på i morgen",
    optOut: "Ikke flere påminnelser",
  },
} as const;
