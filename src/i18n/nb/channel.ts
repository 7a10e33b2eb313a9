/** Texts of the staff channel that are not in bot.ts (binding, export links, reading), bokmål. */
export const channel = {
  noRound: "Fant ingen rapporteringsrunde du er saksbehandler for, så kanalen er ikke koblet.",
  bindOnlyInChannel: "Kanalen kan bare kobles fra en kanal i et team: skriv «@bot bruk denne kanalen» der.",
  bound: (round: string, members: number) =>
    `Kanalen er nå koblet til rapporteringen ${round}. Sammendrag av hver innsendt rapportering og status kommer hit.` +
    (members > 0
      ? ` Teamets ${members} ${members === 1 ? "medlem" : "medlemmer"} fra egen organisasjon er saksbehandlere så lenge de er med i teamet (ikke gjester).`
      : " Medlemmene i teamet er saksbehandlere så lenge de er med i teamet (ikke gjester)."),
  exportSent:
    "Jeg har sendt deg lenkene til eksporten i en personlig chat med meg (de legges ikke i kanalen).",
  exportNeedsChat:
    "Lenkene til eksporten sendes bare i en personlig chat, ikke i kanalen. Åpne en personlig chat med meg først (skriv «hei» til meg der), og skriv så «eksport» her igjen.",
  overviewTruncated: (more: number) =>
    `Oversikten fortsetter i ${more} kort til – de står i eksporten (skriv «@bot eksport»), så kanalen ikke fylles opp.`,
  readPart: (part: number, parts: number) => `Del ${part} av ${parts}`,
  sectionNotFound:
    "Jeg finner ikke den delen av skjemaet. Skriv «@bot oversikt» for å få oversikten på nytt.",
} as const;
