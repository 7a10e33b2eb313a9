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
  attachmentsPersonalOnly: "Send vedlegg til meg i personlig chat.",
  attachmentsUnavailable:
    "Beklager, jeg kan ikke ta imot vedlegg akkurat nå (lagringen er ikke satt opp). Ingenting annet er endret.",
  attachmentsNoReport:
    "Jeg finner ingen rapportering som ikke er sendt inn, der du er kontaktperson eller medredaktør. Filen er ikke lagret.",
  attachmentsReadOnly:
    "Rapporteringen er sendt inn, så vedlegg kan ikke legges til eller fjernes. Ta kontakt med Statsforvalteren.",
  attachmentsGone: "Filene ventet for lenge på valg av tiltak. Send dem på nytt.",
  attachmentAlreadyGone: "Det vedlegget er allerede fjernet.",
  attachmentsStaffOnly: "Bare Statsforvalterens ansatte kan laste ned vedleggene her.",
} as const;
