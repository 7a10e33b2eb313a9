/** Texts of the staff cards: the round's report list, the channel's round choice and status (nynorsk). */
import type { Catalogue } from "../catalogue.ts";
import type { staff as nb } from "../nb/staff.ts";

const reportings = (n: number) => `${n} ${n === 1 ? "rapportering" : "rapporteringar"}`;

export const staff: Catalogue<typeof nb> = {
  exportLinks: {
    heading: (county: string, year: number) => `Eksport – ${county} ${year}`,
    body:
      "Alle rapportane i runden, med alle svar i full lengd, og statistikk per spørsmål (Excel). " +
      "Dokumentet til samarbeidsforum har ei oppsummering per levert tiltak (Word).",
    expiry: (time: string) =>
      `Lenkjene verkar til kl. ${time} (norsk tid) og er berre for dei tilsette hos Statsforvaltaren. Ikkje del dei vidare.`,
    xlsx: "Last ned Excel (.xlsx)",
    csv: "Last ned CSV",
    docx: "Dokument til samarbeidsforum (.docx)",
    pdfZip: "Last ned innsende som PDF (zip)",
  },
  reports: {
    heading: (year: number) => ` – rapportering ${year}`,
    progress: (submitted: number, total: number, deadline: string) =>
      `${submitted} av ${total} levert · frist ${deadline}`,
    submitted: (when: string) => `Levert ${when}`,
    draft: (reopened: boolean, done: number, of: number) =>
      `${reopened ? "Opna att · " : ""}utkast, ${done} av ${of} delar svara på`,
    contact: (state: string) => `${state} · kontakt: `,
    see: (tiltak: string) => `Sjå «${tiltak}»`,
  },
  roundChoice: {
    heading: "Kva rapporteringsrunde skal kanalen brukast til?",
    body: "Du er saksbehandlar for fleire rundar. Vel den som samandrag, status og oversikt i denne kanalen skal gjelde.",
    round: (county: string, year: number) => `${county} ${year}`,
    details: (formTitle: string, deadline: string, bound: boolean) =>
      `Skjema: ${formTitle} · frist ${deadline}${bound ? " · kopla til ein kanal frå før" : ""}`,
    button: (county: string, year: number) => `Bruk ${county} ${year}`,
  },
  status: {
    neverOpened: "har aldri opna boten",
    blocked: (detail: string) => `har blokkert eller fjerna boten${detail}`,
    notInDirectory: "finst ikkje i Teams hos Statsforvaltaren (ikkje invitert som gjest?)",
    installRefused: (detail: string) => `appen kunne ikkje installerast for personen${detail}`,
    conversationFailed: (detail: string) => `chatten kunne ikkje opnast${detail}`,
    lookupFailed: (detail: string) => `oppslag i katalogen feila${detail}`,
    categoryProgress: (submitted: number, total: number) => `${submitted} av ${total} levert`,
    unreachableFlag: (reason: string) =>
      ` – ⚠ når ikkje kontaktpersonen i Teams${reason ? `: ${reason}` : ""}`,
    heading: (county: string, year: number) => `Status – ${county} ${year}`,
    progress: (submitted: number, total: number) => `**${submitted} av ${total} levert**`,
    passed: (deadline: string, late: number) =>
      `Fristen gjekk ut ${deadline}. ${reportings(late)} er forseinka.`,
    deadline: (deadline: string) => `Frist ${deadline}.`,
    late: "Forseinka:",
    missing: "Manglar:",
    unreachable: (n: number) =>
      `${n} ${n === 1 ? "kontaktperson" : "kontaktpersonar"} kan ikkje nåast av boten i Teams (har ikkje opna han, eller har blokkert han). Påminningar når dei ikkje – ta kontakt på annan måte.`,
    updated: (when: string) => `Oppdatert ${when}`,
  },
};
