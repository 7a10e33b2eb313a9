/** Texts of the document cards (PDF link, round import, attachments), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { documents as nb } from "../nb/documents.ts";

export const documents: Catalogue<typeof nb> = {
  pdfHeading: "PDF av rapporteringa",
  pdfBody:
    "PDF-en har alle spørsmål og svar slik dei er lagra no, med saksnummer, status og kvitteringsreferanse.",
  pdfExpiry: (time: string) => `Lenkja verkar til kl. ${time} (norsk tid). Ikkje del ho vidare.`,
  pdfDownload: "Last ned PDF",
  pdfButton: "Last ned som PDF",
  backToReview: "Tilbake til gjennomgangen",
  importHeading: "Import av runde",
  importChecked: "Tørrkøyring: ingenting er lagra enno.",
  importButton: "Importer",
  importMore: (n: number) => `… og ${n} til.`,
  importCounts: (c: { created: number; updated: number; unchanged: number; missing: number }) =>
    `Nye: ${c.created} · Endra: ${c.updated} · Uendra: ${c.unchanged} · Manglar i fila: ${c.missing} (blir ikkje sletta)`,
  importAsk: "Stemmer dette? Trykk «Importer» for å lagre. Send ei retta fil for å sjekke på nytt.",
  importFix: "Rett feila i fila og send ho på nytt.",
};
