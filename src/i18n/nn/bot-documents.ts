/** The sentences of the document features in bot/ (PDF links, the round import, attachments), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { botDocuments as nb } from "../nb/bot-documents.ts";

export const botDocuments: Catalogue<typeof nb> = {
  linkInvalid: "Lenkja er ugyldig eller utgått. Be om ei ny lenkje i Teams.",
  documentFailed: "Orsak, dokumentet kunne ikkje lagast. Prøv igjen om litt.",
  importStaffOnly:
    "Berre dei tilsette hos Statsforvaltaren kan importere ein runde. Ta kontakt med Statsforvaltaren om du meiner du skal ha tilgang.",
  importPersonalOnly: "Send fila til meg i personleg chat.",
  importWrongType: (name: string) =>
    `Eg kan importere ein runde frå ei Excel-fil (.xlsx) eller CSV-fil (.csv), ikkje «${name}».`,
  importTooBig: (mb: number) => `Fila er for stor (meir enn ${mb} MB).`,
  importDownloadFailed: "Eg fekk ikkje henta fila frå Teams. Prøv å sende ho på nytt.",
  importGone:
    "Denne tørrkøyringa er utgått eller allereie importert. Send fila på nytt for å sjekke ho igjen.",
  importOneFile: "Send éi fil om gongen.",
  attachmentsPersonalOnly: "Send vedlegg til meg i personleg chat.",
  attachmentsUnavailable:
    "Orsak, eg kan ikkje ta imot vedlegg akkurat no (lagringa er ikkje sett opp). Ingenting anna er endra.",
  attachmentsNoReport:
    "Eg finn inga rapportering som ikkje er sendt inn, der du er kontaktperson eller medredaktør. Fila er ikkje lagra.",
  attachmentsReadOnly:
    "Rapporteringa er sendt inn, så vedlegg kan ikkje leggjast til eller fjernast. Ta kontakt med Statsforvaltaren.",
  attachmentsGone: "Filene venta for lenge på val av tiltak. Send dei på nytt.",
  attachmentAlreadyGone: "Det vedlegget er allereie fjerna.",
  attachmentsStaffOnly: "Berre dei tilsette hos Statsforvaltaren kan laste ned vedlegga her.",
};
