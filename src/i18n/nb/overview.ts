/** What county staff read in the round overview (Norwegian bokmål). Lines with a county name go in TextRuns. */

/** "1 rapportering" / "2 rapporteringer" (plural agreement). */
const reportings = (n: number) => `${n} ${n === 1 ? "rapportering" : "rapporteringer"}`;

export const overview = {
  headline: (county: string, year: number, submitted: number, total: number) =>
    `Oversikt – ${county} ${year}: ${submitted} av ${total} levert`,
  sectionHeader: (county: string, year: number, section: string) =>
    `Oversikt – ${county} ${year}: ${section}`,
  formLine: (formTitle: string, deadline: string) => `${formTitle} · frist ${deadline}`,
  submittedLate: (n: number) => `${reportings(n)} er levert etter fristen.`,
  overdue: (n: number) => `${reportings(n)} er forsinket.`,
  submitted: "Levert",
  notSubmitted: "Ikke levert",
  progressHeading: "Levert per kategori",
  categoryProgress: (submitted: number, total: number) => `${submitted} av ${total} levert`,
  sumsHeading: "Beløp i leverte rapporter",
  sumValue: (kroner: string, n: number) => `${kroner} kr (${n} Svar)`,
  share: (percent: number) => `${percent} % av beløpene`,
  basis: (submitted: number) =>
    `Tallene gjelder bare ${submitted === 1 ? "den ene leverte rapporten" : `de ${submitted} leverte rapportene`}. ` +
    "Navn, telefon, e-post og fritekst står i eksporten og i oppsummeringen per rapport.",
  noneSubmitted: "Ingen rapporter er levert ennå. Tallene per del kommer når den første rapporten er levert.",
  sectionsHeading: "Tall per del av skjemaet:",
  noStatistics: "Denne delen har bare tekstsvar. De står i eksporten og i oppsummeringen per rapport.",
  answers: (n: number) => `(${n} Svar)`,
  noAnswers: "Ingen svar.",
  stat: {
    n: "Svar",
    sum: "Sum",
    mean: "Snitt",
    median: "Median",
    stdev: "Standardavvik",
  },
  kroner: (formatted: string) => `${formatted} kr`,
  categorySums: (sum: string, mean: string) => `Sum ${sum} · Snitt ${mean}`,
  countAndPercent: (count: string, percent: string) => `${count} (${percent})`,
  optionInline: (option: string, count: string, percent: string) => `${option} ${count} (${percent})`,
  restLine: (options: number, count: number) =>
    `Øvrige ${options} valgte ${options === 1 ? "alternativ" : "alternativer"}: ${count} valg til sammen.`,
  rest: (options: number) => `Øvrige ${options} ${options === 1 ? "alternativ" : "alternativer"}`,
  multichoiceNote: (n: number) =>
    `Flere valg mulig: prosent av de ${n} som svarte, så summen kan bli over 100 %. ` +
    "Per kategori: andel av kryssene i kategorien.",
  categoryNote: "Per kategori: andel av kryssene i kategorien.",
  group: (category: string, n: number) => `${category} (${n} Svar)`,
  notAnswered: (n: number) => `Ikke angitt: ${n}`,
  /** The respondent categories as stored (bokmål) and as shown. */
  categories: {
    Kommune: "Kommune",
    Fylkeskommune: "Fylkeskommune",
    "Universitet / Høgskole": "Universitet / Høgskole",
    Skole: "Skole",
    Organisasjon: "Organisasjon",
    Annet: "Annet",
  },
  /** The headline sums' labels (src/summaries/headline.ts keys). */
  headlineSums: {
    ownFunding: "Egenfinansiering",
    ownerGrant: "Tilskudd skoleeier",
    uhGrant: "Tilskudd UH",
  },
  /** The channel status when its list of missing reports is too long for one card. */
  statusMore: (n: number) => `… og ${n} til. Hele listen står i eksporten.`,
  textsInExport: (otherTexts: number, comments: number) =>
    `${[
      otherTexts > 0 ? `${otherTexts} fritekst under «Andre svar»` : "",
      comments > 0 ? `${comments} ${comments === 1 ? "kommentar" : "kommentarer"}` : "",
    ]
      .filter(Boolean)
      .join(" og ")} – se eksporten.`,
} as const;
