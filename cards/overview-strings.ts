/** What county staff read in the round overview (Norwegian bokmål). Callers escape any user text first. */
export const overviewText = {
  headline: (county: string, year: number, submitted: number, total: number) =>
    `Oversikt – ${county} ${year}: ${submitted} av ${total} levert`,
  pageHeader: (county: string, year: number, card: number, cards: number) =>
    `Oversikt – ${county} ${year} (kort ${card} av ${cards})`,
  formLine: (formTitle: string, deadline: string) => `${formTitle} · frist ${deadline}`,
  submitted: "Levert",
  notSubmitted: "Ikke levert",
  categoryProgress: (submitted: number, total: number) => `${submitted} av ${total} levert`,
  basis: (submitted: number) =>
    `Tallene gjelder bare de ${submitted} leverte rapportene. Lange svar er forkortet; ` +
    "Excel-eksporten har alle svar i full lengde.",
  noneSubmitted:
    "Ingen rapporter er levert ennå. Oversikten per spørsmål kommer når den første rapporten er levert.",
  indexHeading: (first: number, last: number) =>
    first === last ? `Spørsmålene følger i kort ${first}:` : `Spørsmålene følger i kort ${first}–${last}:`,
  indexValue: (firstLabel: string, lastLabel: string, firstCard: number, lastCard: number) =>
    `${firstLabel === lastLabel ? firstLabel : `${firstLabel}–${lastLabel}`} · ` +
    `${firstCard === lastCard ? `kort ${firstCard}` : `kort ${firstCard}–${lastCard}`}`,
  answers: (n: number) => `(${n} Svar)`,
  continued: "(forts.)",
  noAnswers: "Ingen svar.",
  stat: {
    n: "Svar",
    sum: "Sum",
    mean: "Snitt",
    median: "Median",
    stdev: "Standardavvik",
  },
  kroner: (formatted: string) => `${formatted} kr`,
  countAndPercent: (count: string, percent: string) => `${count} (${percent})`,
  multichoiceNote: (n: number) =>
    `Flere valg mulig: prosent av de ${n} som svarte, så summen kan bli over 100 %.`,
  zeroOptionsLeftOut: "Alternativer uten svar er utelatt.",
  group: (category: string, n: number) => `${category} (${n} Svar)`,
  otherTexts: (n: number) => `Annet – fritekst (${n} Svar)`,
  comments: (n: number) => `Kommentarer (${n} Svar)`,
  notAnswered: (n: number) => `Ikke angitt (${n} Svar)`,
} as const;
