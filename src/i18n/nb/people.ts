/** Texts about people: co-editors, and what the contact is told when staff reopen a report (bokmål). */
export const people = {
  coEditorInvited: (by: string, tiltak: string, partnership: string) =>
    `${by} har invitert deg som medredaktør på rapporteringen «${tiltak}» (${partnership}). ` +
    "Du kan fylle ut og endre alle deler; bare kontaktpersonen kan sende inn. Skriv «hei» for å åpne den.",
  invalidEmail: "Skriv en gyldig e-postadresse, for eksempel kari.nordmann@kommune.no.",
  isContact: "Det er du som er kontaktperson – du har allerede tilgang.",
  tooMany: "En rapportering kan ha høyst 20 medredaktører.",
  reopenedToContact: (tiltak: string, partnership: string, reason: string) =>
    `Statsforvalteren har åpnet rapporteringen «${tiltak}» (${partnership}) igjen, ` +
    `så den kan rettes og sendes inn på nytt. Begrunnelse: ${reason}\n\nSkriv «fortsett» for å åpne den.`,
  reasonRequired: "Skriv en begrunnelse (minst 5 tegn) – kontaktpersonen får den i chatten.",
  reasonTooLong: "Begrunnelsen kan ha høyst 1000 tegn.",
} as const;
