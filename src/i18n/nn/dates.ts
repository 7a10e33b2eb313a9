/** Dates and deadlines as people read them (Europe/Oslo), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { dates as nb } from "../nb/dates.ts";

export const dates: Catalogue<typeof nb> = {
  locale: "nn-NO",
  weekdays: ["sundag", "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag"],
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
  past: (when: string) => `Fristen var ${when}. Du kan framleis sende inn rapporten.`,
  today: (when: string) => `Frist i dag, ${when}`,
  ahead: (when: string, left: number) => `Frist ${when} – ${left === 1 ? "1 dag" : `${left} dagar`} att`,
  daysLeft: (days: number) => (days <= 0 ? "i dag" : days === 1 ? "i morgon" : `om ${days} dagar`),
  time: (day: string, month: string, year: string, hour: string, minute: string) =>
    `${day}. ${month} ${year} kl. ${hour}:${minute}`,
};
