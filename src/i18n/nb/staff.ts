/** Texts of the staff cards: the round's report list, the channel's round choice and status (bokmål). */
const reportings = (n: number) => `${n} ${n === 1 ? "rapportering" : "rapporteringer"}`;

export const staff = {
  exportLinks: {
    heading: (county: string, year: number) => `Eksport – ${county} ${year}`,
    body:
      "Alle rapporter i runden, med alle svar i full lengde, og statistikk per spørsmål (Excel). " +
      "Dokumentet til samarbeidsforum har en oppsummering per levert tiltak (Word).",
    expiry: (time: string) =>
      `Lenkene virker til kl. ${time} (norsk tid) og er bare for Statsforvalterens ansatte. Ikke del dem videre.`,
    xlsx: "Last ned Excel (.xlsx)",
    csv: "Last ned CSV",
    docx: "Dokument til samarbeidsforum (.docx)",
    pdfZip: "Last ned innsendte som PDF (zip)",
  },
  reports: {
    heading: (year: number) => ` – rapportering ${year}`,
    progress: (submitted: number, total: number, deadline: string) =>
      `${submitted} av ${total} levert · frist ${deadline}`,
    submitted: (when: string) => `Levert ${when}`,
    draft: (reopened: boolean, done: number, of: number) =>
      `${reopened ? "Gjenåpnet · " : ""}utkast, ${done} av ${of} deler besvart`,
    contact: (state: string) => `${state} · kontakt: `,
    see: (tiltak: string) => `Se «${tiltak}»`,
  },
  roundChoice: {
    heading: "Hvilken rapporteringsrunde skal kanalen brukes til?",
    body: "Du er saksbehandler for flere runder. Velg den som sammendrag, status og oversikt i denne kanalen skal gjelde.",
    round: (county: string, year: number) => `${county} ${year}`,
    details: (formTitle: string, deadline: string, bound: boolean) =>
      `Skjema: ${formTitle} · frist ${deadline}${bound ? " · koblet til en kanal fra før" : ""}`,
    button: (county: string, year: number) => `Bruk ${county} ${year}`,
  },
  status: {
    neverOpened: "har aldri åpnet boten",
    blocked: (detail: string) => `har blokkert eller fjernet boten${detail}`,
    notInDirectory: "finnes ikke i Teams hos Statsforvalteren (ikke invitert som gjest?)",
    installRefused: (detail: string) => `appen kunne ikke installeres for personen${detail}`,
    conversationFailed: (detail: string) => `chatten kunne ikke åpnes${detail}`,
    lookupFailed: (detail: string) => `oppslag i katalogen feilet${detail}`,
    categoryProgress: (submitted: number, total: number) => `${submitted} av ${total} levert`,
    unreachableFlag: (reason: string) =>
      ` – ⚠ når ikke kontaktpersonen i Teams${reason ? `: ${reason}` : ""}`,
    heading: (county: string, year: number) => `Status – ${county} ${year}`,
    progress: (submitted: number, total: number) => `**${submitted} av ${total} levert**`,
    passed: (deadline: string, late: number) =>
      `Fristen gikk ut ${deadline}. ${reportings(late)} er forsinket.`,
    deadline: (deadline: string) => `Frist ${deadline}.`,
    late: "Forsinket:",
    missing: "Mangler:",
    unreachable: (n: number) =>
      `${n} ${n === 1 ? "kontaktperson" : "kontaktpersoner"} kan ikke nås av boten i Teams (har ikke åpnet den, eller har blokkert den). Påminnelser når dem ikke – ta kontakt på annen måte.`,
    updated: (when: string) => `Oppdatert ${when}`,
  },
} as const;
