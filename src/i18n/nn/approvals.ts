/** Texts of approval before sending: the contact's list, the review, the receipt, 2.4's help, nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { approvals as nb } from "../nb/approvals.ts";

export const approvals: Catalogue<typeof nb> = {
  heading: "Godkjenning",
  intro:
    "Be representantar for eigarane og UH i partnarskapet om å godkjenne rapporteringa. Dei får ho til gjennomlesing i Teams og kan godkjenne eller kommentere. Du kan sende inn utan å vente på dei.",
  none: "Ingen er bedne om å godkjenne enno.",
  emailLabel: "E-postadressa til den som skal godkjenne",
  request: "Be om godkjenning",
  remove: (email: string) => `Fjern ${email}`,
  back: "Tilbake til gjennomgangen",
  requested: (email: string) =>
    `${email} er beden om å godkjenne. Vedkommande ser rapporteringa ved å skrive «hei» til boten.`,
  requestedTold: (email: string) => `${email} er beden om å godkjenne og har fått rapporteringa i Teams.`,
  already: (email: string) => `${email} er allereie beden om å godkjenne.`,
  removed: (email: string) => `${email} er ikkje lenger beden om å godkjenne.`,
  notThere: (email: string) => `${email} var ikkje beden om å godkjenne.`,
  onlyContact: "Berre kontaktpersonen kan be om godkjenning.",
  manageButton: (n: number) => `Godkjenning (${n})`,
  approved: " godkjende ",
  stale: " godkjende ein tidlegare versjon ",
  staleNote: " (svara er endra sidan)",
  pending: " har ikkje godkjent enno",
  commented: " kommenterte ",
  commentedStale: " kommenterte ein tidlegare versjon ",
  notApprovedLine: "Ikkje godkjent denne versjonen: ",
  sendAnyway: " Du kan sende inn likevel.",
  askedYou:
    "Kontaktpersonen ber deg godkjenne rapporteringa. Les gjennom, og trykk «Godkjenn» eller skriv ein kommentar nedst.",
  approverHint:
    "Godkjenn rapporteringa slik ho er no, eller skriv ein kommentar til kontaktpersonen. Du kan ikkje endre svara.",
  commentLabel: "Kommentar til kontaktpersonen (valfritt)",
  approve: "Godkjenn",
  comment: "Kommenter",
  youApproved: "Du har godkjent denne versjonen.",
  approvedNotice: "Takk! Godkjenninga er registrert.",
  commentedNotice: "Takk! Kommentaren er registrert.",
  unchangedNotice: "Det var registrert frå før.",
  changedNotice:
    "Rapporteringa er endra etter at du opna ho. Sjå gjennom den nye versjonen og trykk «Godkjenn» på nytt.",
  submittedNotice: "Rapporteringa er allereie send inn; godkjenning kan ikkje lenger registrerast.",
  notApprover: "Du er ikkje beden om å godkjenne denne rapporteringa.",
  receiptTitle: "Godkjenning",
  help24: "Registrert godkjenning i boten: ",
  help24None: "Ingen er bedne om å godkjenne i boten enno (sjå «Godkjenning» på gjennomgangen).",
  welcomeSuffix: " · du er beden om å godkjenne",
  welcomeOpen: (tiltak: string) => `Sjå gjennom «${tiltak}»`,
  messages: {
    invalidEmail: "Skriv ei gyldig e-postadresse, til dømes kari.nordmann@kommune.no.",
    isContact: "Det er du som er kontaktperson – du treng ikkje godkjenne di eiga rapportering.",
    tooMany: (max: number) => `Ei rapportering kan ha høgst ${max} som godkjenner.`,
    emptyComment: "Skriv ein kommentar før du trykkjer «Kommenter».",
    longComment: (max: number) => `Kommentaren kan ha høgst ${max} teikn.`,
    submitted: "Rapporteringa er send inn, så ingen fleire kan bli bedne om å godkjenne ho.",
  },
};
