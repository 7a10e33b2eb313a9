/** The export's column headers (Excel and CSV) and the samarbeidsforum document (nynorsk). */
import type { Catalogue } from "../catalogue.ts";
import type { exports as nb } from "../nb/exports.ts";

export const exports: Catalogue<typeof nb> = {
  columns: {
    partnership: "Partnarskap",
    category: "Kategori",
    sector: "Sektor",
    tiltak: "Tiltak",
    contact: "Kontaktperson",
    status: "Status",
    submitted: "Levert (norsk tid)",
    caseNumber: "Saksnummer",
    contactEmail: "Kontaktperson e-post",
    contactPhone: "Kontaktperson telefon",
    receipt: "Kvitteringsreferanse",
    coEditors: "Medredaktørar",
    reopened: "Opna på nytt (norsk tid)",
    reopenedReason: "Opna på nytt – grunngiving",
    comment: (questionId: string) => `${questionId} Kommentar`,
    attachments: "Vedlegg",
  },
  status: { draft: "Utkast", submitted: "Levert" },
  statistics: {
    submittedReports: "Leverte rapportar",
    allReports: "Rapportar i alt",
    questionHeading: (question: string, n: number) => `${question} (${n} svar)`,
    answers: "Svar",
    notAnswered: "Ikkje oppgitt",
    sum: "Sum",
    mean: "Snitt",
    median: "Median",
    stdev: "Standardavvik",
    option: "Alternativ",
    count: "Tal",
    percent: "Prosent",
    categoryCount: (category: string, n: number) => `${category} (${n}) tal`,
    categoryPercent: (category: string) => `${category} prosent`,
    ticks: "Kryss i alt",
  },
  doc: {
    title: (county: string, year: number) => `Oppsummering av rapporteringa – ${county} ${year}`,
    intro: "Enkel oversikt over dei mest sentrale tema i rapporteringa per tiltak.",
    basis: (n: number, at: string) =>
      `${n} ${n === 1 ? "levert rapportering" : "leverte rapporteringar"} per ${at} (norsk tid).`,
    none: "Ingen rapporteringar er leverte enno.",
    heading: (partnership: string, tiltak: string) => `${partnership} - ${tiltak}`,
    caseNumber: (n: string) => `Saksnummer: ${n}`,
  },
};
