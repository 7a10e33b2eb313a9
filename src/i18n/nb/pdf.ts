/** Texts of the generated documents (the report PDF), bokmål. */
export const pdf = {
  partnership: "Partnerskap",
  tiltak: "Tiltak",
  caseNumber: "Saksnummer",
  status: "Status",
  statusDraft: "Utkast (ikke sendt inn)",
  statusSubmitted: "Sendt inn",
  submitted: "Sendt inn",
  submittedValue: (time: string, name: string) => `${time} av ${name}`,
  receipt: "Kvitteringsreferanse",
  none: "–",
  section: (n: number, title: string) => `Del ${n} – ${title}`,
  notAnswered: "Ikke besvart",
  comment: "Kommentar",
  generated: (time: string) => `Laget ${time} (norsk tid) fra Dekom-rapport.`,
  page: (n: number, of: number) => `Side ${n} av ${of}`,
} as const;
