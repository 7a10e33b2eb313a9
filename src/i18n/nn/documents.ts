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
  attachmentRemove: "Fjern",
  attachmentResult: {
    stored: " er lagd ved.",
    removed: " er fjerna.",
    wrong_type:
      " vart ikkje lagd ved: eg tek berre imot PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx) og bilete (.png, .jpg).",
    too_big: (mb: number) => ` vart ikkje lagd ved: fila er større enn ${mb} MB.`,
    too_many: (max: number) =>
      ` vart ikkje lagd ved: ei rapportering kan ha høgst ${max} vedlegg. Fjern eit vedlegg først.`,
    failed: " vart ikkje lagd ved: eg fekk ikkje henta fila frå Teams. Prøv å sende ho på nytt.",
  },
  attachmentDownload: "Last ned",
  attachmentChooseButton: (tiltak: string) => `Vel «${tiltak}»`,
  attachmentsHeading: (n: number) => `Vedlegg (${n})`,
  attachmentsLinks: "Last ned vedlegg",
  attachmentsLinksHeading: "Vedlegg til rapporteringa",
  attachmentsLinksExpiry: (time: string) =>
    `Lenkjene verkar til kl. ${time} (norsk tid). Berre for Statsforvaltaren.`,
  attachmentChooseHeading: "Kva tiltak gjeld filene?",
  attachmentChooseBody: (n: number) =>
    n === 1
      ? "Du har sendt éi fil. Vel tiltaket ho skal leggjast ved."
      : `Du har sendt ${n} filer. Vel tiltaket dei skal leggjast ved.`,
};
