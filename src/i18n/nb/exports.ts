/** The export's column headers (Excel and CSV) and the samarbeidsforum document (Norwegian bokmål). */
export const exports = {
  columns: {
    partnership: "Partnerskap",
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
    coEditors: "Medredaktører",
    reopened: "Gjenåpnet (norsk tid)",
    reopenedReason: "Gjenåpnet – begrunnelse",
    comment: (questionId: string) => `${questionId} Kommentar`,
    attachments: "Vedlegg",
  },
  status: { draft: "Utkast", submitted: "Levert" },
  doc: {
    title: (county: string, year: number) => `Oppsummering av rapporteringene – ${county} ${year}`,
    intro: "Enkel oversikt med de mest sentrale temaene i rapporteringen per tiltak.",
    basis: (n: number, at: string) =>
      `${n} ${n === 1 ? "levert rapportering" : "leverte rapporteringer"} per ${at} (norsk tid).`,
    none: "Ingen rapporteringer er levert ennå.",
    heading: (partnership: string, tiltak: string) => `${partnership} - ${tiltak}`,
    caseNumber: (n: string) => `Saksnummer: ${n}`,
  },
} as const;
