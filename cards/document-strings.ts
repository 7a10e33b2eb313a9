/** Norwegian texts of the document cards (PDF link, round import, attachments). */
export const docText = {
  pdfHeading: "PDF av rapporteringen",
  pdfBody:
    "PDF-en har alle spørsmål og svar slik de er lagret nå, med saksnummer, status og kvitteringsreferanse.",
  pdfExpiry: (time: string) => `Lenken virker til kl. ${time} (norsk tid). Ikke del den videre.`,
  pdfDownload: "Last ned PDF",
  pdfButton: "Last ned som PDF",
  backToReview: "Tilbake til gjennomgangen",
} as const;
