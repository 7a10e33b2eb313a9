/** Every sentence the bot layer says (nynorsk). */
import type { Catalogue } from "../catalogue.ts";
import type { bot as nb } from "../nb/bot.ts";

export const bot: Catalogue<typeof nb> = {
  notAContact:
    "Hei! Eg er rapporteringsboten for desentralisert ordning. Eg finn inga rapportering der du er kontaktperson eller medredaktør. " +
    "Kontaktpersonen for tiltaket kan invitere deg, eller ta kontakt med Statsforvaltaren om du meiner du skal ha tilgang.",
  help:
    "Slik brukar du meg:\n\n" +
    "- **hei** eller **start**: sjå tiltaka du kan rapportere på\n" +
    "- **fortsett**: gå vidare der du slapp\n" +
    "- **status**: sjå kor langt du har kome\n" +
    "- **kva manglar?**: sjå kva obligatoriske spørsmål som ikkje er svara på\n" +
    "- **når er fristen?**: sjå fristen og kor mange dagar som er att\n" +
    "- **kven er kontaktperson?**: sjå kven som sender inn rapporteringa\n" +
    "- **bokmål** eller **nynorsk**: vel kva målform eg skriv til deg på\n" +
    "- **hjelp**: denne teksten\n\n" +
    "Svara blir lagra kvar gong du trykkjer på ein knapp på kortet, så du kan ta pause når som helst. " +
    "Berre kontaktpersonen kan sende inn rapporteringa.",
  notFound: "Eg finn ikkje den rapporteringa. Skriv «hei» for å sjå tiltaka dine.",
  forbidden: "Du har ikkje tilgang til denne rapporteringa. Skriv «hei» for å sjå tiltaka dine.",
  unknownAction: "Eg forstod ikkje den handlinga. Skriv «hei» for å byrje på nytt.",
  storageFailed:
    "Orsak, svara kunne ikkje lagrast akkurat no. Det du skreiv, står framleis i kortet – prøv å trykkje på knappen igjen om litt.",
  internalError: "Orsak, noko gjekk gale hos meg. Prøv igjen om litt, eller skriv «hjelp».",
  invalid: "Nokre svar må rettast før dei kan lagrast. Sjå meldingane ved felta. Dei andre svara er lagra.",
  stale:
    "Nokre svar vart endra av andre (eller i eit anna vindauge) etter at kortet ditt vart laga. Dei er ikkje overskrivne – " +
    "kortet viser no det som er lagra. Dei andre svara dine er lagra. Dette skreiv du i dei endra svara:",
  readOnly:
    "Rapporteringa er sendt inn og kan ikkje endrast. Ta kontakt med Statsforvaltaren om noko må rettast.",
  tampered:
    "Kortet sende data eg ikkje kjenner att, så ingenting vart lagra. Her er skjemaet slik det er lagra no – fyll ut og prøv igjen.",
  staleLine: (question: string, typed: string) => `- ${question}: du skreiv «${typed}»`,
  onlyContactSubmits: "Berre kontaktpersonen for tiltaket kan sende inn rapporteringa.",
  notReadyToSubmit: "Rapporteringa er ikkje klar til innsending enno – sjå kva som manglar.",
  submitStale:
    "Rapporteringa er endra sidan du opna dette kortet. Sjå gjennom den nyaste versjonen før du sender inn.",
  paused: "Svara er lagra. Skriv «fortsett» når du vil gå vidare – du kjem rett tilbake hit.",
  saved: "Lagra.",
  onlyContactManagesCoEditors: "Berre kontaktpersonen for tiltaket kan invitere eller fjerne medredaktørar.",
  coEditorInvited: (email: string) =>
    `${email} er invitert. Når personen opnar boten i Teams, kan vedkomande fylle ut rapporteringa saman med deg.`,
  coEditorInvitedTold: (email: string) =>
    `${email} er invitert og har fått melding i Teams. Vedkomande kan no fylle ut rapporteringa saman med deg.`,
  coEditorAlready: (email: string) => `${email} er allereie medredaktør.`,
  coEditorRemoved: (email: string) => `${email} er fjerna og har ikkje lenger tilgang.`,
  coEditorsReminded: "Medredaktørane får òg påminningane før fristen.",
  onlyContactReminded: "Berre du får påminningane før fristen.",
  coEditorNotThere: (email: string) => `${email} var ikkje medredaktør.`,
  staffOnly: "Dette er berre for saksbehandlarane hos Statsforvaltaren.",
  notSubmitted: "Rapporteringa er ikkje sendt inn, så ho treng ikkje opnast att.",
  reopenStale: "Rapporteringa er endra sidan du opna dette kortet. Her er den nyaste versjonen.",
  reopenedTold: "Rapporteringa er opna att, og kontaktpersonen har fått melding i chatten.",
  reopenedNotTold:
    "Rapporteringa er opna att, men kontaktpersonen kunne ikkje nåast i Teams (boten er ikkje installert hos vedkomande). Gi beskjed på annan måte.",
  channelHelp:
    "Kommandoar i kanalen (skriv @-omtale av boten først):\n\n" +
    "- **bruk denne kanalen**: kople kanalen til rapporteringsrunden (samandrag og status kjem hit)\n" +
    "- **status**: kor mange som har levert, og kven som manglar\n" +
    "- **oversikt**: statistikk per spørsmål\n" +
    "- **eksport**: lenkjer for å laste ned alle svar som Excel eller CSV (blir sende til deg i personleg chat)\n" +
    "- **hjelp**: denne teksten",
  channelNotBound:
    "Denne kanalen er ikkje kopla til ein rapporteringsrunde. Ein saksbehandlar kan skrive «@boten bruk denne kanalen».",
  channelBound: (round: string, members: number) =>
    `Kanalen er no kopla til rapporteringa ${round}. Samandrag av kvar innsendt rapportering og status kjem hit.` +
    (members > 0 ? ` Dei ${members} medlemmene i teamet er registrerte som saksbehandlarar.` : ""),
  answeredInThread: "Svaret står i tråden.",
  overviewTruncated: (more: number) =>
    `Oversikta held fram i ${more} kort til – dei står i eksporten (lenkjene under), så kanalen ikkje blir fylt opp.`,
  exportLinkInvalid: "Lenkja er ugyldig eller utgått. Be om ei ny lenkje i Teams.",
  exportFailed: "Orsak, eksporten kunne ikkje lagast. Prøv igjen om litt.",
  turnFailed: "Orsak, noko gjekk gale hos meg. Prøv igjen om litt.",
  channelRefused: "Denne boten er berre tilgjengeleg i Microsoft Teams.",
  tenantRefused: "Denne boten er ikkje tilgjengeleg for organisasjonen din.",
};
