/** Texts of approval before sending: the contact's list, the review, the receipt, 2.4's help, bokmål. */
export const approvals = {
  heading: "Godkjenning",
  intro:
    "Be representanter for eierne og UH i partnerskapet om å godkjenne rapporteringen. De får den til gjennomlesning i Teams og kan godkjenne eller kommentere. Du kan sende inn uten å vente på dem.",
  none: "Ingen er bedt om å godkjenne ennå.",
  emailLabel: "E-postadressen til den som skal godkjenne",
  request: "Be om godkjenning",
  remove: (email: string) => `Fjern ${email}`,
  back: "Tilbake til gjennomgangen",
  requested: (email: string) =>
    `${email} er bedt om å godkjenne. Vedkommende ser rapporteringen ved å skrive «hei» til boten.`,
  requestedTold: (email: string) => `${email} er bedt om å godkjenne og har fått rapporteringen i Teams.`,
  already: (email: string) => `${email} er allerede bedt om å godkjenne.`,
  removed: (email: string) => `${email} er ikke lenger bedt om å godkjenne.`,
  notThere: (email: string) => `${email} var ikke bedt om å godkjenne.`,
  onlyContact: "Bare kontaktpersonen kan be om godkjenning.",
  manageButton: (n: number) => `Godkjenning (${n})`,
  // Status lines (our own text around names in TextRuns).
  approved: " godkjente ",
  stale: " godkjente en tidligere versjon ",
  staleNote: " (svarene er endret siden)",
  pending: " har ikke godkjent ennå",
  commented: " kommenterte ",
  commentedStale: " kommenterte en tidligere versjon ",
  notApprovedLine: "Ikke godkjent denne versjonen: ",
  sendAnyway: " Du kan sende inn likevel.",
  // The approver's view.
  askedYou:
    "Kontaktpersonen ber deg godkjenne rapporteringen. Les gjennom, og trykk «Godkjenn» eller skriv en kommentar nederst.",
  approverHint:
    "Godkjenn rapporteringen slik den er nå, eller skriv en kommentar til kontaktpersonen. Du kan ikke endre svarene.",
  commentLabel: "Kommentar til kontaktpersonen (valgfritt)",
  approve: "Godkjenn",
  comment: "Kommenter",
  youApproved: "Du har godkjent denne versjonen.",
  approvedNotice: "Takk! Godkjenningen er registrert.",
  commentedNotice: "Takk! Kommentaren er registrert.",
  unchangedNotice: "Det var allerede registrert.",
  changedNotice:
    "Rapporteringen er endret etter at du åpnet den. Se gjennom den nye versjonen og trykk «Godkjenn» igjen.",
  submittedNotice: "Rapporteringen er allerede sendt inn; godkjenning kan ikke lenger registreres.",
  notApprover: "Du er ikke bedt om å godkjenne denne rapporteringen.",
  // The receipt and 2.4.
  receiptTitle: "Godkjenning",
  help24: "Registrert godkjenning i boten: ",
  help24None: "Ingen er bedt om å godkjenne i boten ennå (se «Godkjenning» på gjennomgangen).",
  welcomeSuffix: " · du er bedt om å godkjenne",
  welcomeOpen: (tiltak: string) => `Se gjennom «${tiltak}»`,
  // Validation of what was typed (src/reports/approvals.ts).
  messages: {
    invalidEmail: "Skriv en gyldig e-postadresse, for eksempel kari.nordmann@kommune.no.",
    isContact: "Det er du som er kontaktperson – du trenger ikke godkjenne din egen rapportering.",
    tooMany: (max: number) => `En rapportering kan ha høyst ${max} som godkjenner.`,
    emptyComment: "Skriv en kommentar før du trykker «Kommenter».",
    longComment: (max: number) => `Kommentaren kan ha høyst ${max} tegn.`,
    submitted: "Rapporteringen er sendt inn, så ingen flere kan bes om å godkjenne den.",
  },
};
