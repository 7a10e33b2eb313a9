/** Texts of the document cards (PDF link, round import, attachments), bokmål. */
export const documents = {
  pdfHeading: "PDF av rapporteringen",
  pdfBody:
    "PDF-en har alle spørsmål og svar slik de er lagret nå, med saksnummer, status og kvitteringsreferanse.",
  pdfExpiry: (time: string) => `Lenken virker til kl. ${time} (norsk tid). Ikke del den videre.`,
  pdfDownload: "Last ned PDF",
  pdfButton: "Last ned som PDF",
  backToReview: "Tilbake til gjennomgangen",
  importHeading: "Import av runde",
  importChecked: "Tørrkjøring: ingenting er lagret ennå.",
  importButton: "Importer",
  importMore: (n: number) => `… og ${n} til.`,
  importCounts: (c: { created: number; updated: number; unchanged: number; missing: number }) =>
    `Nye: ${c.created} · Endret: ${c.updated} · Uendret: ${c.unchanged} · Mangler i filen: ${c.missing} (slettes ikke)`,
  importAsk: "Stemmer dette? Trykk «Importer» for å lagre. Send en rettet fil for å sjekke på nytt.",
  importFix: "Rett feilene i filen og send den på nytt.",
} as const;
