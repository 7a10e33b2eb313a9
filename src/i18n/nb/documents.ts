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
  attachmentRemove: "Fjern",
  /** After a file's name (shown as a TextRun in «»): what happened to it. */
  attachmentResult: {
    stored: " er lagt ved.",
    removed: " er fjernet.",
    wrong_type:
      " ble ikke lagt ved: jeg tar bare imot PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx) og bilder (.png, .jpg).",
    too_big: (mb: number) => ` ble ikke lagt ved: filen er større enn ${mb} MB.`,
    too_many: (max: number) =>
      ` ble ikke lagt ved: en rapportering kan ha høyst ${max} vedlegg. Fjern et vedlegg først.`,
    failed: " ble ikke lagt ved: jeg fikk ikke hentet filen fra Teams. Prøv å sende den på nytt.",
  },
  attachmentDownload: "Last ned",
  attachmentChooseButton: (tiltak: string) => `Velg «${tiltak}»`,
  attachmentsHeading: (n: number) => `Vedlegg (${n})`,
  attachmentsLinks: "Last ned vedlegg",
  attachmentsLinksHeading: "Vedlegg til rapporteringen",
  attachmentsLinksExpiry: (time: string) =>
    `Lenkene virker til kl. ${time} (norsk tid). Bare for Statsforvalteren.`,
  attachmentChooseHeading: "Hvilket tiltak gjelder filene?",
  attachmentChooseBody: (n: number) =>
    n === 1
      ? "Du har sendt én fil. Velg tiltaket den skal legges ved."
      : `Du har sendt ${n} filer. Velg tiltaket de skal legges ved.`,
} as const;
