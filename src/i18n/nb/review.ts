/** Texts of the review and receipt cards, bokmål. */
export const review = {
  heading: "Se gjennom og send inn",
  headingSubmitted: "Innsendt rapportering",
  sectionTitle: (n: number, title: string) => `Del ${n} – ${title}`,
  sectionTitleContinued: (n: number, title: string) => `Del ${n} – ${title} (fortsatt)`,
  editSection: (n: number) => `Endre del ${n}`,
  missing: "Mangler svar",
  notAnswered: "Ikke besvart",
  /** The form's attachments question, with no text typed but files sent. */
  onlyFiles: (n: number) => `Ingen tekst, men ${n} vedlegg`,
  commentLabel: "Kommentar: ",
  lastChangedBy: (name: string, when: string) => `Sist endret av ${name}, ${when}`,
  page: (n: number, of: number) => `Side ${n} av ${of}`,
  nextPage: "Neste side",
  prevPage: "Forrige side",
  warningsTitle: "Sjekk disse svarene",
  warningsIntro:
    "Svarene kan sendes inn som de er. Trykk «Stemmer» hvis svaret er riktig, eller «Endre» for å rette det.",
  confirm: "Stemmer",
  change: "Endre",
  confirmedBy: (name: string) => `Bekreftet av ${name}`,
  submittedFooter: (when: string, receipt: string) => `Sendt inn ${when}. Referanse: ${receipt}.`,
  beforeSubmit: (parts: string[]) => `Før rapporteringen kan sendes inn: ${parts.join(" ")}`,
  missingCount: (n: number) => `${n} obligatoriske spørsmål mangler svar (merket «Mangler svar»).`,
  periodInvalid: "Sluttidspunktet kan ikke være før oppstartstidspunktet.",
  unconfirmed: "Bekreftelsen om at rapporteringen er gjort i samråd med partnerskapet må være «Ja».",
  onlyContact: "Alt er besvart. Bare kontaktpersonen kan sende inn rapporteringen.",
  ready:
    "Alt er besvart. Når du trykker «Send inn», går rapporteringen til Statsforvalteren og kan ikke lenger endres.",
  readyMorePages: "Bla til siste side for å sende inn.",
  reopenedLabel: (when: string) => `Gjenåpnet av Statsforvalteren ${when}: `,
  /** The template's own texts (cards/report-review.card.json). */
  card: {
    reopenLabel: "Begrunnelse for å gjenåpne (kontaktpersonen får den i chatten)",
    submit: "Send inn",
    continue: "Fortsett rapporteringen",
    pdf: "Last ned som PDF",
    reopen: "Gjenåpne",
  },
} as const;

export const receipt = {
  sentLabel: "Sendt: ",
  byLabel: "Sendt av: ",
  referenceLabel: "Referanse: ",
  thanks: "Takk! Statsforvalteren har fått rapporteringen. Oppgi referansen hvis du tar kontakt om den.",
  attachments: (caseNumber: string | undefined) =>
    caseNumber
      ? `Vedlegg sender du på e-post til statsforvalteren. Merk e-posten med saksnummer ${caseNumber}.`
      : "Vedlegg sender du på e-post til statsforvalteren. Merk e-posten med saksnummeret fra tilsagnsbrevet.",
  card: {
    heading: "Rapporteringen er sendt inn",
    see: "Se innsendt rapportering",
  },
} as const;

/** The summary staff read in the channel (cards/report-summary.ts). */
export const summaryCard = {
  late: (deadline: string) => `Levert etter fristen (${deadline}).`,
  submitted: (when: string) => `Levert ${when} av `,
  caseNumber: " · saksnr. ",
  card: { readAll: "Les hele rapporteringen" },
  /** "Les hele rapporteringen": the whole report (cards/report-summary-full.ts). */
  full: {
    part: (part: number, parts: number) => `Hele rapporteringen – del ${part} av ${parts}`,
    whole: "Hele rapporteringen",
    submitted: (at: string, by: string) => `Levert ${at} av ${by}`,
    draft: "Ikke sendt inn (utkast)",
    late: "levert etter fristen",
    caseNumber: (n: string) => `saksnr. ${n}`,
    unanswered: "Ikke besvart",
    comment: "Kommentar: ",
  },
  /** The labels of the summary's paragraphs (src/summaries/summary-map.ts). */
  paragraphs: {
    goal: "Mål for tiltaket",
    achievement: "Måloppnåelse",
    partner: "Partner",
    ownerGrant: "Tilskudd skoleeier",
    ownFunding: "Egenfinansiering",
    coordinator: "Koordinator",
    period: "Periode",
    needs: "Forankret i skolenes behov",
    sami: "Samisk perspektiv",
    uhCooperation: "Samarbeid UH",
    phase: "Fase for hovedtyngden av midlene",
    uhExperience: "UHs bruk av erfaringer",
    coherence: "Sammenheng",
    addition: "Tillegg",
  },
} as const;
