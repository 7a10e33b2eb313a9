/** Texts of the welcome card, nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { welcome as nb } from "../nb/welcome.ts";

export const welcome: Catalogue<typeof nb> = {
  hello: (first: string) => `Hei, ${first}!`,
  helloNoName: "Hei!",
  introOne:
    "Her er rapporteringa du har tilgang til for desentralisert ordning. Trykk på tiltaket for å halde fram.",
  introMany: (n: number) =>
    `Du har tilgang til ${n} rapporteringar for desentralisert ordning. Kvart kompetansetiltak blir rapportert for seg – vel kva for eitt du vil arbeide med.`,
  submitted: (when: string) => `Sendt inn ${when}`.trim(),
  progress: (done: number, of: number) => `${done} av ${of} delar svara på`,
  coEditorSuffix: " · du er medredaktør",
  see: (tiltak: string) => `Sjå «${tiltak}»`,
  open: (tiltak: string) => `Opne «${tiltak}»`,
  coEditors: (n: number) => `Medredaktørar (${n})`,
  footer:
    "Skriv «fortsett» for å gå rett vidare, «status» for framdrift, «kva manglar?», «når er fristen?» eller «hjelp».",
  langOther: "Skriv på bokmål",
};
