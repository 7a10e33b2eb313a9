/** Norwegian texts of the answers to plain questions in chat (cards/chat-replies.ts). */
export const chatText = {
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
} as const;
