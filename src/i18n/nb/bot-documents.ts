/** The sentences of the document features in bot/ (PDF links, the round import, attachments), bokmål. */
export const botDocuments = {
  linkInvalid: "Lenken er ugyldig eller utløpt. Be om en ny lenke i Teams.",
  documentFailed: "Beklager, dokumentet kunne ikke lages. Prøv igjen om litt.",
  importStaffOnly:
    "Bare Statsforvalterens ansatte kan importere en runde. Ta kontakt med Statsforvalteren om du mener du skal ha tilgang.",
  importPersonalOnly: "Send filen til meg i personlig chat.",
  importWrongType: (name: string) =>
    `Jeg kan importere en runde fra en Excel-fil (.xlsx) eller CSV-fil (.csv), ikke «${name}».`,
  importTooBig: (mb: number) => `Filen er for stor (mer enn ${mb} MB).`,
  importDownloadFailed: "Jeg fikk ikke hentet filen fra Teams. Prøv å sende den på nytt.",
  importGone:
    "Denne tørrkjøringen er utløpt eller allerede importert. Send filen på nytt for å sjekke den igjen.",
  importOneFile: "Send én fil om gangen.",
} as const;
