/** Texts of the answers to plain questions in chat (cards/chat-replies.ts), bokmål. */
export const chat = {
  notUnderstood: (typed: string) => `Jeg forstod ikke «${typed}». `,
  notUnderstoodTail: "Skriv «hjelp» for å se hva jeg kan svare på, eller trykk på en knapp.",
  continue: "Fortsett rapporteringen",
  myTiltak: "Mine tiltak",
  submitted: (tiltak: string) => `«${tiltak}» er sendt inn.`,
  notSent: (tiltak: string) => `«${tiltak}» er ikke sendt inn ennå.`,
  noDeadline: "Jeg finner ikke fristen for denne rapporteringsrunden. Spør statsforvalteren.",
  contactOf: (tiltak: string, name: string, email: string) =>
    `Kontaktperson for «${tiltak}» er ${name} (${email}). Bare kontaktpersonen kan sende inn rapporteringen.`,
  nothingMissing: (tiltak: string) =>
    `«${tiltak}»: alle obligatoriske spørsmål er besvart. Du kan sende inn fra oversikten.`,
  missingHead: (tiltak: string, n: number) =>
    `«${tiltak}»: ${n === 1 ? "1 obligatorisk spørsmål mangler" : `${n} obligatoriske spørsmål mangler`} svar:`,
  missingLine: (section: string, question: string) => `- ${section}: ${question}`,
  missingMore: (n: number) => `- … og ${n} til`,
  unconfirmed: "- Bekreftelsen om at rapporteringen er gjort i samråd med partnerskapet må være «Ja».",
  alreadySent: (tiltak: string) => `«${tiltak}» er sendt inn – ingenting mangler.`,
  missingSection: (n: number, title: string) => `Del ${n} ${title}`,
  /** The «status» reply (bot/handlers/commands.ts). */
  statusSubmitted: "sendt inn",
  statusProgress: (done: number, of: number) => `${done} av ${of} deler besvart`,
  statusLine: (n: number, title: string, state: string) => `- Del ${n} ${title}: ${state}`,
  statusMissing: (n: number) => `${n} obligatoriske svar mangler`,
  statusDone: "ferdig",
  statusNothingRequired: "ingen obligatoriske spørsmål, ikke besvart",
  /** After «bokmål» / «nynorsk» in chat or on the welcome card. */
  langChosen: "Greit! Fra nå av skriver jeg bokmål til deg. Skriv «nynorsk» for å bytte.",
} as const;
