/** Texts of the section card (cards/report-section.ts), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { section as nb } from "../nb/section.ts";

export const section: Catalogue<typeof nb> = {
  heading: (section: number, sections: number, title: string, page: number, pages: number): string =>
    pages > 1
      ? `Del ${section} av ${sections} · side ${page} av ${pages} – ${title}`
      : `Del ${section} av ${sections} – ${title}`,
  unsaved: "Rapportering – blir ikkje lagra akkurat no",
  next: "Lagre og gå vidare",
  nextLast: "Lagre og sjå gjennom",
  fix: (names: string[]): string => `Sjekk: ${names.join(", ")}`,
  yes: "Ja",
  no: "Nei",
  other: "Anna",
  otherLabel: "Anna – skildre",
  commentLabel: "Kommentar",
  yearLabel: "Årstal",
  limit: (max: number): string => `Høgst ${max} teikn.`,
  placeholders: {
    integer: "Heiltal, t.d. 12",
    amount: "Heile kroner, t.d. 160 000",
    email: "namn@døme.no",
    phone: "8 siffer, t.d. 912 34 567",
  },
  prefilledKnown: "Førehandsutfylt med det Statsforvaltaren har registrert – sjekk og rett om nødvendig.",
  prefilledPrevious: "Frå rapporteringa i fjor – sjekk.",
  changedBy: (name: string, when: string): string => `Sist endra av ${name}, ${when}`,
  attachments: (caseNumber: string | undefined): string =>
    caseNumber === undefined || caseNumber === ""
      ? "Vedlegg kan ikkje lastast opp her. Send dei på e-post til Statsforvaltaren og oppgi saksnummeret frå tilsegnsbrevet."
      : `Vedlegg kan ikkje lastast opp her. Send dei på e-post til Statsforvaltaren og oppgi saksnummer ${caseNumber}.`,
  card: {
    requiredNote: "Felt merkte med * må fyllast ut før du sender inn.",
    choose: "Vel …",
    chooseMany: "Vel eitt eller fleire …",
    spring: "Vår",
    autumn: "Haust",
    yearPlaceholder: "ÅÅÅÅ",
    back: "Tilbake",
    pause: "Lagre og ta pause",
    reviewAll: "Lagre og sjå gjennom alt",
  },
};
