/** Texts of the section card (cards/report-section.ts), bokmål. */
export const section = {
  heading: (section: number, sections: number, title: string, page: number, pages: number): string =>
    pages > 1
      ? `Del ${section} av ${sections} · side ${page} av ${pages} – ${title}`
      : `Del ${section} av ${sections} – ${title}`,
  /** Heading of a section card drawn while the report cannot be read (storage down). */
  unsaved: "Rapportering – lagres ikke akkurat nå",
  next: "Lagre og fortsett",
  nextLast: "Lagre og se gjennom",
  /** The questions to fix, by their short names. */
  fix: (names: string[]): string => `Sjekk: ${names.join(", ")}`,
  yes: "Ja",
  no: "Nei",
  /** The title of the extra "Annet" choice (its value is the option's id). */
  other: "Annet",
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
  /** The template's own texts (cards/report-section.card.json). */
  card: {
    requiredNote: "Felt merket med * må fylles ut før du sender inn.",
    choose: "Velg …",
    chooseMany: "Velg én eller flere …",
    spring: "Vår",
    autumn: "Høst",
    yearPlaceholder: "ÅÅÅÅ",
    back: "Tilbake",
    pause: "Lagre og ta pause",
    reviewAll: "Lagre og se gjennom alt",
  },
} as const;
