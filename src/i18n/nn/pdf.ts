/** Texts of the generated documents (the report PDF), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { pdf as nb } from "../nb/pdf.ts";

export const pdf: Catalogue<typeof nb> = {
  partnership: "Partnarskap",
  tiltak: "Tiltak",
  caseNumber: "Saksnummer",
  status: "Status",
  statusDraft: "Utkast (ikkje sendt inn)",
  statusSubmitted: "Sendt inn",
  submitted: "Sendt inn",
  submittedValue: (time: string, name: string) => `${time} av ${name}`,
  receipt: "Kvitteringsreferanse",
  none: "–",
  section: (n: number, title: string) => `Del ${n} – ${title}`,
  notAnswered: "Ikkje svara på",
  comment: "Kommentar",
  generated: (time: string) => `Laga ${time} (norsk tid) frå Dekom-rapport.`,
  page: (n: number, of: number) => `Side ${n} av ${of}`,
  attachmentLine: (name: string, size: string, by: string) => `${name} (${size}), lagd ved av ${by}`,
  approvals: "Godkjenning i partnarskapet",
  approvalWho: (name: string | undefined, email: string) => (name ? `${name} (${email})` : email),
  approved: (time: string) => `godkjend ${time}`,
  approvedEarlier: (time: string) => `godkjende ein tidlegare versjon ${time} (svara er endra sidan)`,
  notApproved: "har ikkje godkjent",
  approvalComment: (time: string, earlier: boolean) =>
    `Kommentar ${time}${earlier ? " (til ein tidlegare versjon)" : ""}`,
};
