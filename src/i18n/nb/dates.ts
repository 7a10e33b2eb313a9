/** Dates and deadlines as people read them (Europe/Oslo), bokmål. */
export const dates = {
  /** The Intl locale for weekday and month names. */
  locale: "nb-NO",
  weekdays: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
  months: [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
  ],
  past: (when: string) => `Fristen var ${when}. Du kan fortsatt sende inn rapporten.`,
  today: (when: string) => `Frist i dag, ${when}`,
  ahead: (when: string, left: number) => `Frist ${when} – ${left === 1 ? "1 dag" : `${left} dager`} igjen`,
  /** "i dag", "i morgen", "om 3 dager" (reminders). */
  daysLeft: (days: number) => (days <= 0 ? "i dag" : days === 1 ? "i morgen" : `om ${days} dager`),
  /** "15. januar 2026 kl. 14:05". */
  time: (day: string, month: string, year: string, hour: string, minute: string) =>
    `${day}. ${month} ${year} kl. ${hour}:${minute}`,
} as const;
