/** Texts of the welcome card, bokmål. */
export const welcome = {
  hello: (first: string) => `Hei, ${first}!`,
  helloNoName: "Hei!",
  introOne:
    "Her er rapporteringen du har tilgang til for desentralisert ordning. Trykk på tiltaket for å fortsette.",
  introMany: (n: number) =>
    `Du har tilgang til ${n} rapporteringer for desentralisert ordning. Hvert kompetansetiltak rapporteres for seg – velg hvilket du vil jobbe med.`,
  submitted: (when: string) => `Sendt inn ${when}`.trim(),
  progress: (done: number, of: number) => `${done} av ${of} deler besvart`,
  coEditorSuffix: " · du er medredaktør",
  see: (tiltak: string) => `Se «${tiltak}»`,
  open: (tiltak: string) => `Åpne «${tiltak}»`,
  coEditors: (n: number) => `Medredaktører (${n})`,
  footer:
    "Skriv «fortsett» for å gå rett videre, «status» for fremdrift, «hva mangler?», «når er fristen?» eller «hjelp».",
  langOther: "Skriv på nynorsk",
} as const;
