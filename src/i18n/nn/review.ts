/** Texts of the review and receipt cards, nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { receipt as nbReceipt, review as nbReview, summaryCard as nbSummary } from "../nb/review.ts";

export const review: Catalogue<typeof nbReview> = {
  heading: "Sjå gjennom og send inn",
  headingSubmitted: "Innsendt rapportering",
  sectionTitle: (n: number, title: string) => `Del ${n} – ${title}`,
  sectionTitleContinued: (n: number, title: string) => `Del ${n} – ${title} (framhald)`,
  editSection: (n: number) => `Endre del ${n}`,
  missing: "Manglar svar",
  notAnswered: "Ikkje svara på",
  /** The form's attachments question, with no text typed but files sent. */
  onlyFiles: (n: number) => `Ingen tekst, men ${n} vedlegg`,
  commentLabel: "Kommentar: ",
  lastChangedBy: (name: string, when: string) => `Sist endra av ${name}, ${when}`,
  page: (n: number, of: number) => `Side ${n} av ${of}`,
  nextPage: "Neste side",
  prevPage: "Førre side",
  warningsTitle: "Sjekk desse svara",
  warningsIntro:
    "Svara kan sendast inn som dei er. Trykk «Stemmer» om svaret er rett, eller «Endre» for å rette det.",
  confirm: "Stemmer",
  change: "Endre",
  confirmedBy: (name: string) => `Stadfesta av ${name}`,
  submittedFooter: (when: string, receipt: string) => `Sendt inn ${when}. Referanse: ${receipt}.`,
  beforeSubmit: (parts: string[]) => `Før rapporteringa kan sendast inn: ${parts.join(" ")}`,
  missingCount: (n: number) => `${n} obligatoriske spørsmål manglar svar (merkte «Manglar svar»).`,
  periodInvalid: "Sluttidspunktet kan ikkje vere før oppstartstidspunktet.",
  unconfirmed: "Stadfestinga av at rapporteringa er gjord i samråd med partnarskapet må vere «Ja».",
  onlyContact: "Alt er svara på. Berre kontaktpersonen kan sende inn rapporteringa.",
  ready:
    "Alt er svara på. Når du trykkjer «Send inn», går rapporteringa til Statsforvaltaren og kan ikkje lenger endrast.",
  readyMorePages: "Bla til siste side for å sende inn.",
  reopenedLabel: (when: string) => `Opna att av Statsforvaltaren ${when}: `,
  card: {
    reopenLabel: "Grunngiving for å opne att (kontaktpersonen får ho i chatten)",
    submit: "Send inn",
    continue: "Hald fram med rapporteringa",
    pdf: "Last ned som PDF",
    reopen: "Opne att",
  },
};

export const receipt: Catalogue<typeof nbReceipt> = {
  sentLabel: "Sendt: ",
  byLabel: "Sendt av: ",
  referenceLabel: "Referanse: ",
  thanks: "Takk! Statsforvaltaren har fått rapporteringa. Oppgi referansen om du tek kontakt om ho.",
  attachments: (caseNumber: string | undefined) =>
    caseNumber
      ? `Vedlegg sender du på e-post til Statsforvaltaren. Merk e-posten med saksnummer ${caseNumber}.`
      : "Vedlegg sender du på e-post til Statsforvaltaren. Merk e-posten med saksnummeret frå tilsegnsbrevet.",
  card: {
    heading: "Rapporteringa er sendt inn",
    see: "Sjå innsendt rapportering",
  },
};

export const summaryCard: Catalogue<typeof nbSummary> = {
  late: (deadline: string) => `Levert etter fristen (${deadline}).`,
  submitted: (when: string) => `Levert ${when} av `,
  caseNumber: " · saksnr. ",
  card: { readAll: "Les heile rapporteringa" },
  full: {
    part: (part: number, parts: number) => `Heile rapporteringa – del ${part} av ${parts}`,
    whole: "Heile rapporteringa",
    submitted: (at: string, by: string) => `Levert ${at} av ${by}`,
    draft: "Ikkje sendt inn (utkast)",
    late: "levert etter fristen",
    caseNumber: (n: string) => `saksnr. ${n}`,
    unanswered: "Ikkje svara på",
    comment: "Kommentar: ",
  },
  paragraphs: {
    goal: "Mål for tiltaket",
    achievement: "Måloppnåing",
    partner: "Partnar",
    ownerGrant: "Tilskot skuleeigar",
    ownFunding: "Eigenfinansiering",
    coordinator: "Koordinator",
    period: "Periode",
    needs: "Forankra i behova til skulane",
    sami: "Samisk perspektiv",
    uhCooperation: "Samarbeid UH",
    phase: "Fase for hovudtyngda av midlane",
    uhExperience: "Korleis UH brukar erfaringane",
    coherence: "Samanheng",
    addition: "Tillegg",
  },
};
