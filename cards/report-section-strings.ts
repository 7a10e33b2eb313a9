/** Norwegian texts of the section card (cards/report-section.ts). */
export const sectionStrings = {
  heading: (section: number, sections: number, title: string, page: number, pages: number): string =>
    pages > 1
      ? `Del ${section} av ${sections} · side ${page} av ${pages} – ${title}`
      : `Del ${section} av ${sections} – ${title}`,
  next: "Lagre og fortsett",
  nextLast: "Lagre og se gjennom",
  /** The questions to fix, by their short names. */
  fix: (names: string[]): string => `Sjekk: ${names.join(", ")}`,
  otherLabel: "Annet – beskriv",
  commentLabel: "Kommentar",
  yearLabel: "Årstall",
  limit: (max: number): string => `Høyst ${max} tegn.`,
  placeholders: {
    integer: "Heltall, f.eks. 12",
    amount: "Hele kroner, f.eks. 160 000",
    email: "navn@eksempel.no",
    phone: "8 sifre, f.eks. 912 34 567",
  },
  /** Under a value the county already knew (import), until it is saved. */
  prefilledKnown: "Forhåndsutfylt med det statsforvalteren har registrert – sjekk og rett om nødvendig.",
  /** Under last year's answer, until it is saved. */
  prefilledPrevious: "Fra fjorårets rapportering – sjekk.",
  changedBy: (name: string, when: string): string => `Sist endret av ${name}, ${when}`,
  /** How to attach files, under the form's "Last opp eventuelle vedlegg" question. */
  attachments: (count: number, max: number): string =>
    count === 0
      ? `Vedlegg: send filene til meg her i chatten (dra dem inn eller bruk binders-knappen). PDF, Word, Excel, PowerPoint, PNG eller JPG, høyst 20 MB per fil og ${max} filer.`
      : `Vedlegg (${count} av høyst ${max}). Send flere filer her i chatten, eller fjern en fil med «Fjern».`,
} as const;

/** Questions whose text asks for an upload (the form's "Last opp eventuelle vedlegg …"). */
export const ASKS_FOR_ATTACHMENTS = /last opp eventuelle vedlegg/i;
