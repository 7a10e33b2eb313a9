/** Every sentence the bot layer says (bokmål). */
export const bot = {
  notAContact:
    "Hei! Jeg er rapporteringsboten for desentralisert ordning. Jeg finner ingen rapportering der du er kontaktperson eller medredaktør. " +
    "Kontaktpersonen for tiltaket kan invitere deg, eller ta kontakt med Statsforvalteren om du mener du skal ha tilgang.",
  help:
    "Slik bruker du meg:\n\n" +
    "- **hei** eller **start**: se tiltakene du kan rapportere på\n" +
    "- **fortsett**: gå videre der du slapp\n" +
    "- **status**: se hvor langt du har kommet\n" +
    "- **hva mangler?**: se hvilke obligatoriske spørsmål som ikke er besvart\n" +
    "- **når er fristen?**: se fristen og hvor mange dager som er igjen\n" +
    "- **hvem er kontaktperson?**: se hvem som sender inn rapporteringen\n" +
    "- **bokmål** eller **nynorsk**: velg hvilken målform jeg skriver til deg på\n" +
    "- **hjelp**: denne teksten\n\n" +
    "Svarene lagres hver gang du trykker på en knapp på kortet, så du kan ta pause når som helst. " +
    "Bare kontaktpersonen kan sende inn rapporteringen.",
  notFound: "Jeg finner ikke den rapporteringen. Skriv «hei» for å se tiltakene dine.",
  forbidden: "Du har ikke tilgang til denne rapporteringen. Skriv «hei» for å se tiltakene dine.",
  unknownAction: "Jeg forstod ikke den handlingen. Skriv «hei» for å begynne på nytt.",
  storageFailed:
    "Beklager, svarene kunne ikke lagres akkurat nå. Det du skrev står fortsatt i kortet – prøv å trykke på knappen igjen om litt.",
  internalError: "Beklager, noe gikk galt hos meg. Prøv igjen om litt, eller skriv «hjelp».",
  invalid: "Noen svar må rettes før de kan lagres. Se meldingene ved feltene. De andre svarene er lagret.",
  stale:
    "Noen svar ble endret av andre (eller i et annet vindu) etter at kortet ditt ble laget. De er ikke overskrevet – " +
    "kortet viser nå det som er lagret. Dine andre svar er lagret. Dette skrev du i de endrede svarene:",
  readOnly:
    "Rapporteringen er sendt inn og kan ikke endres. Ta kontakt med Statsforvalteren om noe må rettes.",
  tampered:
    "Kortet sendte data jeg ikke kjenner igjen, så ingenting ble lagret. Her er skjemaet slik det er lagret nå – fyll inn og prøv igjen.",
  staleLine: (question: string, typed: string) => `• ${question}: du skrev «${typed}»`,
  onlyContactSubmits: "Bare kontaktpersonen for tiltaket kan sende inn rapporteringen.",
  notReadyToSubmit: "Rapporteringen er ikke klar til innsending ennå – se hva som mangler.",
  submitStale:
    "Rapporteringen er endret siden du åpnet dette kortet. Se gjennom den nyeste versjonen før du sender inn.",
  paused: "Svarene er lagret. Skriv «fortsett» når du vil gå videre – du kommer rett tilbake hit.",
  saved: "Lagret.",
  onlyContactManagesCoEditors: "Bare kontaktpersonen for tiltaket kan invitere eller fjerne medredaktører.",
  coEditorInvited: (email: string) =>
    `${email} er invitert. Når personen åpner boten i Teams, kan hen fylle ut rapporteringen sammen med deg.`,
  coEditorInvitedTold: (email: string) =>
    `${email} er invitert og har fått beskjed i Teams. Hen kan nå fylle ut rapporteringen sammen med deg.`,
  coEditorAlready: (email: string) => `${email} er allerede medredaktør.`,
  coEditorRemoved: (email: string) => `${email} er fjernet og har ikke lenger tilgang.`,
  coEditorsReminded: "Medredaktørene får også påminnelsene før fristen.",
  onlyContactReminded: "Bare du får påminnelsene før fristen.",
  coEditorNotThere: (email: string) => `${email} var ikke medredaktør.`,
  staffOnly: "Dette er bare for Statsforvalterens saksbehandlere.",
  notSubmitted: "Rapporteringen er ikke sendt inn, så den trenger ikke gjenåpnes.",
  reopenStale: "Rapporteringen er endret siden du åpnet dette kortet. Her er den nyeste versjonen.",
  reopenedTold: "Rapporteringen er gjenåpnet, og kontaktpersonen har fått beskjed i chatten.",
  reopenedNotTold:
    "Rapporteringen er gjenåpnet, men kontaktpersonen kunne ikke nås i Teams (boten er ikke installert hos hen). Gi beskjed på annen måte.",
  channelHelp:
    "Kommandoer i kanalen (skriv @-omtale av boten først):\n\n" +
    "- **bruk denne kanalen**: koble kanalen til rapporteringsrunden (sammendrag og status kommer hit)\n" +
    "- **status**: hvor mange som har levert, og hvem som mangler\n" +
    "- **oversikt**: statistikk per spørsmål\n" +
    "- **eksport**: lenker for å laste ned alle svar som Excel eller CSV (sendes til deg i personlig chat)\n" +
    "- **hjelp**: denne teksten",
  channelNotBound:
    "Denne kanalen er ikke koblet til en rapporteringsrunde. En saksbehandler kan skrive «@boten bruk denne kanalen».",
  channelBound: (round: string, members: number) =>
    `Kanalen er nå koblet til rapporteringen ${round}. Sammendrag av hver innsendt rapportering og status kommer hit.` +
    (members > 0 ? ` De ${members} medlemmene i teamet er registrert som saksbehandlere.` : ""),
  answeredInThread: "Svaret står i tråden.",
  overviewTruncated: (more: number) =>
    `Oversikten fortsetter i ${more} kort til – de står i eksporten (lenkene under), så kanalen ikke fylles opp.`,
  exportLinkInvalid: "Lenken er ugyldig eller utløpt. Be om en ny lenke i Teams.",
  exportFailed: "Beklager, eksporten kunne ikke lages. Prøv igjen om litt.",
  turnFailed: "Beklager, noe gikk galt hos meg. Prøv igjen om litt.",
  channelRefused: "Denne boten er bare tilgjengelig i Microsoft Teams.",
  tenantRefused: "Denne boten er ikke tilgjengelig for organisasjonen din.",
} as const;
