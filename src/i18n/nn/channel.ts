/** Texts of the staff channel that are not in bot.ts (binding, export links, reading), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { channel as nb } from "../nb/channel.ts";

export const channel: Catalogue<typeof nb> = {
  noRound: "Fann ingen rapporteringsrunde du er saksbehandlar for, så kanalen er ikkje kopla.",
  bindOnlyInChannel:
    "Kanalen kan berre koplast frå ein kanal i eit team: skriv «@bot bruk denne kanalen» der.",
  bound: (round: string, members: number) =>
    `Kanalen er no kopla til rapporteringa ${round}. Samandrag av kvar innsendt rapportering og status kjem hit.` +
    (members > 0
      ? ` Dei ${members} ${members === 1 ? "medlemen" : "medlemmene"} i teamet frå eigen organisasjon er saksbehandlarar så lenge dei er med i teamet (ikkje gjester).`
      : " Medlemmene i teamet er saksbehandlarar så lenge dei er med i teamet (ikkje gjester)."),
  exportSent:
    "Eg har sendt deg lenkjene til eksporten i ein personleg chat med meg (dei blir ikkje lagde i kanalen).",
  exportNeedsChat:
    "Lenkjene til eksporten blir berre sende i ein personleg chat, ikkje i kanalen. Opne ein personleg chat med meg først (skriv «hei» til meg der), og skriv så «eksport» her igjen.",
  overviewTruncated: (more: number) =>
    `Oversikta held fram i ${more} kort til – dei står i eksporten (skriv «@bot eksport»), så kanalen ikkje blir fylt opp.`,
  readPart: (part: number, parts: number) => `Del ${part} av ${parts}`,
  sectionNotFound: "Eg finn ikkje den delen av skjemaet. Skriv «@bot oversikt» for å få oversikta på nytt.",
};
