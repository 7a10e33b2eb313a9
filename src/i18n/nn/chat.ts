/** Texts of the answers to plain questions in chat (cards/chat-replies.ts), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { chat as nb } from "../nb/chat.ts";

export const chat: Catalogue<typeof nb> = {
  notUnderstood: (typed: string) => `Eg forstod ikkje «${typed}». `,
  notUnderstoodTail: "Skriv «hjelp» for å sjå kva eg kan svare på, eller trykk på ein knapp.",
  continue: "Hald fram med rapporteringa",
  myTiltak: "Tiltaka mine",
  submitted: (tiltak: string) => `«${tiltak}» er sendt inn.`,
  notSent: (tiltak: string) => `«${tiltak}» er ikkje sendt inn enno.`,
  noDeadline: "Eg finn ikkje fristen for denne rapporteringsrunden. Spør Statsforvaltaren.",
  contactOf: (tiltak: string, name: string, email: string) =>
    `Kontaktperson for «${tiltak}» er ${name} (${email}). Berre kontaktpersonen kan sende inn rapporteringa.`,
  nothingMissing: (tiltak: string) =>
    `«${tiltak}»: alle obligatoriske spørsmål er svara på. Du kan sende inn frå oversikta.`,
  missingHead: (tiltak: string, n: number) =>
    `«${tiltak}»: ${n === 1 ? "1 obligatorisk spørsmål manglar" : `${n} obligatoriske spørsmål manglar`} svar:`,
  missingLine: (section: string, question: string) => `- ${section}: ${question}`,
  missingMore: (n: number) => `- … og ${n} til`,
  unconfirmed: "- Stadfestinga av at rapporteringa er gjord i samråd med partnarskapet må vere «Ja».",
  alreadySent: (tiltak: string) => `«${tiltak}» er sendt inn – ingenting manglar.`,
  missingSection: (n: number, title: string) => `Del ${n} ${title}`,
  statusSubmitted: "sendt inn",
  statusProgress: (done: number, of: number) => `${done} av ${of} delar svara på`,
  statusLine: (n: number, title: string, state: string) => `- Del ${n} ${title}: ${state}`,
  statusMissing: (n: number) => `${n} obligatoriske svar manglar`,
  statusDone: "ferdig",
  statusNothingRequired: "ingen obligatoriske spørsmål, ikkje svara på",
  langChosen: "Greitt! Frå no av skriv eg nynorsk til deg. Skriv «bokmål» for å byte.",
};
