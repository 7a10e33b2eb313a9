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
  attachments: (count: number, max: number): string =>
    count === 0
      ? `Vedlegg: send filene til meg her i chatten (dra dei inn eller bruk binders-knappen). PDF, Word, Excel, PowerPoint, PNG eller JPG, høgst 20 MB per fil og ${max} filer.`
      : `Vedlegg (${count} av høgst ${max}). Send fleire filer her i chatten, eller fjern ei fil med «Fjern».`,
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
