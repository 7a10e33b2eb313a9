/** What county staff read in the round overview (nynorsk). Callers escape any user text first. */
import type { Catalogue } from "../catalogue.ts";
import type { overview as nb } from "../nb/overview.ts";

/** "1 rapportering" / "2 rapporteringar" (plural agreement). */
const reportings = (n: number) => `${n} ${n === 1 ? "rapportering" : "rapporteringar"}`;

export const overview: Catalogue<typeof nb> = {
  headline: (county: string, year: number, submitted: number, total: number) =>
    `Oversikt – ${county} ${year}: ${submitted} av ${total} levert`,
  sectionHeader: (county: string, year: number, section: string) =>
    `Oversikt – ${county} ${year}: ${section}`,
  formLine: (formTitle: string, deadline: string) => `${formTitle} · frist ${deadline}`,
  submittedLate: (n: number) => `${reportings(n)} er levert etter fristen.`,
  overdue: (n: number) => `${reportings(n)} er forseinka.`,
  submitted: "Levert",
  notSubmitted: "Ikkje levert",
  progressHeading: "Levert per kategori",
  categoryProgress: (submitted: number, total: number) => `${submitted} av ${total} levert`,
  sumsHeading: "Beløp i leverte rapportar",
  sumValue: (kroner: string, n: number) => `${kroner} kr (${n} svar)`,
  share: (percent: number) => `${percent} % av beløpa`,
  basis: (submitted: number) =>
    `Tala gjeld berre ${submitted === 1 ? "den eine leverte rapporten" : `dei ${submitted} leverte rapportane`}. ` +
    "Namn, telefon, e-post og fritekst står i eksporten og i oppsummeringa per rapport.",
  noneSubmitted: "Ingen rapportar er leverte enno. Tala per del kjem når den første rapporten er levert.",
  sectionsHeading: "Tal per del av skjemaet:",
  noStatistics: "Denne delen har berre tekstsvar. Dei står i eksporten og i oppsummeringa per rapport.",
  answers: (n: number) => `(${n} svar)`,
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
    `Dei andre ${options} valde ${options === 1 ? "alternativet" : "alternativa"}: ${count} val til saman.`,
  rest: (options: number) => `Dei andre ${options} ${options === 1 ? "alternativet" : "alternativa"}`,
  multichoiceNote: (n: number) =>
    `Fleire val moglege: prosent av dei ${n} som svarte, så summen kan bli over 100 %. ` +
    "Per kategori: del av kryssa i kategorien.",
  categoryNote: "Per kategori: del av kryssa i kategorien.",
  group: (category: string, n: number) => `${category} (${n} svar)`,
  notAnswered: (n: number) => `Ikkje oppgitt: ${n}`,
  categories: {
    Kommune: "Kommune",
    Fylkeskommune: "Fylkeskommune",
    "Universitet / Høgskole": "Universitet / høgskule",
    Skole: "Skule",
    Organisasjon: "Organisasjon",
    Annet: "Anna",
  },
  headlineSums: {
    ownFunding: "Eigenfinansiering",
    ownerGrant: "Tilskot skuleeigar",
    uhGrant: "Tilskot UH",
  },
  textsInExport: (otherTexts: number, comments: number) =>
    `${[
      otherTexts > 0 ? `${otherTexts} fritekst under «Andre svar»` : "",
      comments > 0 ? `${comments} ${comments === 1 ? "kommentar" : "kommentarar"}` : "",
    ]
      .filter(Boolean)
      .join(" og ")} – sjå eksporten.`,
  statusMore: (n: number) => `… og ${n} til. Heile lista står i eksporten.`,
};
