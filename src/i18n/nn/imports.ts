/**
 * Texts of the round import (`npm run import -- --lang nn` and the Teams dry-run card), nynorsk. Column
 * names and accepted values are the file's own (the same in every language).
 */
import type { Catalogue } from "../catalogue.ts";
import type { imports as nb } from "../nb/imports.ts";

export const imports: Catalogue<typeof nb> = {
  usage: "Bruk: npm run import -- <fil.xlsx|fil.csv|fil.json> [--dry-run] [--lang nn]",
  unknownOption: (option: string) => `Ukjent val «${option}».`,
  unknownLang: (lang: string) => `Ukjent språk «${lang}»: bruk nb (bokmål) eller nn (nynorsk).`,
  cannotRead: (file: string, reason: string) => `Kan ikkje lese «${file}»: ${reason}`,
  invalid: (file: string, count: number) => `«${file}» har ${count} feil. Ingenting er lagra.`,
  refused: "Importen blir stoppa. Ingenting er lagra.",
  dryRun: (summary: string) => `Tørrkøyring: ingenting er lagra. Dette ville blitt gjort: ${summary}.`,
  done: (summary: string) => `Import fullført: ${summary}.`,
  embeddedStore: (dataDir: string) =>
    `Brukar den innebygde lokale databasen (blir lagra i ${dataDir}). Stopp «npm run dev» før import, ` +
    "elles kan endringane bli overskrivne.",

  file: {
    unknownType: (kind: string) => `Ukjend filtype «${kind}»: bruk .xlsx, .csv eller .json.`,
    notUtf8: "Fila er ikkje UTF-8. Lagre ho som «CSV UTF-8 (kommadelt)» i Excel og prøv igjen.",
    notXlsx: "Fila kan ikkje lesast som ei Excel-arbeidsbok (.xlsx).",
    noSheet: "Arbeidsboka har ingen ark.",
    noTiltak: "Fila har ingen tiltak.",
  },

  csv: {
    openQuote: (row: number) => `Rad ${row}: eit hermeteikn (") opnar eit felt som aldri blir lukka.`,
    empty: "Fila er tom: rad 1 må vere ei overskrift med kolonnenamn.",
    unknownColumn: (name: string, valid: string) =>
      `Rad 1: ukjend kolonne «${name}». Gyldige kolonnar: ${valid}.`,
    twice: (column: string) => `Rad 1: kolonnen «${column}» står meir enn éin gong.`,
    missingColumn: (column: string) => `Rad 1: kolonnen «${column}» manglar.`,
    tooManyFields: (row: number, fields: number, header: number) =>
      `Rad ${row}: har ${fields} felt, men overskrifta har ${header}.`,
    checkSeparator: (separator: string) => ` Sjekk skiljeteiknet («${separator}») og hermeteikna.`,
    dropRight: " Fjern verdiane til høgre for den siste kolonnen.",
    row: (row: number) => `rad ${row}`,
    at: (row: number, column: string) => `Rad ${row}, kolonne «${column}»`,
  },

  json: {
    invalid: (reason: string) => `Fila er ikkje gyldig JSON (${reason}).`,
    partnership: (n: number) => `Partnarskap ${n}`,
    tiltak: (n: number) => `tiltak ${n}`,
    field: (path: string) => `felt «${path}»`,
    fieldFirst: (path: string) => `Felt «${path}»`,
    theFile: "Fila",
    unknownField: "ukjent felt.",
    missing: "manglar.",
    mustBeList: "må vere ei liste.",
    mustBeObject: "må vere eit objekt.",
    noTiltak: "har ingen tiltak.",
    row: (partnership: number, tiltak: number) => `partnarskap ${partnership}, tiltak ${tiltak}`,
  },

  rows: {
    missing: "manglar verdi.",
    notText: (value: string) => `«${value}» må vere tekst.`,
    tooLong: (value: string) => `«${value}» er for lang (over 200 teikn).`,
    year: (value: string) => `«${value}» er ikkje eit gyldig årstal.`,
    form: (value: string, known: string) => `«${value}» er ikkje eit kjent skjema. Kjende skjema: ${known}.`,
    deadline: (value: string) =>
      `«${value}» er ikkje ein gyldig frist. Skriv til dømes 2026-01-15 eller 15.01.2026 23:59.`,
    entraId: (value: string) => `«${value}» er ikkje ein gyldig Entra objekt-ID (GUID).`,
    entraIds: "må vere ei liste med Entra objekt-ID-ar.",
    category: (value: string, valid: string) =>
      `«${value}» er ikkje ein gyldig kategori. Gyldige verdiar: ${valid}.`,
    sector: (value: string, valid: string) =>
      `«${value}» er ikkje ein gyldig sektor. Gyldige verdiar: ${valid}.`,
    tiltakId: (value: string) =>
      `«${value}» er ikkje ein gyldig tiltak-id (berre små bokstavar a-z, siffer og bindestrek).`,
    email: (value: string) => `«${value}» er ikkje ei gyldig e-postadresse.`,
    phone: (value: string) =>
      `«${value}» er ikkje eit gyldig norsk telefonnummer (8 siffer, gjerne med +47).`,
    amount: (value: string) => `«${value}» er ikkje eit gyldig kronebeløp (heile kroner).`,
    malform: (value: string) => `«${value}» er ikkje nb eller nn (bokmål eller nynorsk).`,
    noTiltakId: (value: string) => `«${value}» gir ingen id; oppgje tiltak_id.`,
    noPartnershipId: (value: string) => `«${value}» gir ingen id.`,
  },

  checks: {
    empty: "tom",
    otherRound: (at: string, value: string, other: string, first: string) =>
      `${at}: ${value} avvik frå ${other} (${first}); alle radene må gjelde same runde.`,
    sameCase: (at: string, caseNumber: string, other: string) =>
      `${at}: «${caseNumber}» står også i ${other}; kvart tiltak kan berre stå éin gong.`,
    sameId: (at: string, id: string, other: string) =>
      `${at}: gir tiltaks-id «${id}», som ${other} også har; kvart tiltak kan berre stå éin gong.`,
    partnershipName: (at: string, name: string, first: string, other: string) =>
      `${at}: «${name}» gir same id som «${first}» i ${other}; skriv namnet likt.`,
    partnershipField: (at: string, value: string, other: string, first: string, partnership: string) =>
      `${at}: «${value}» avvik frå ${other} («${first}») for same partnarskap «${partnership}».`,
  },

  formLocked: (form: string, tiltak: string) =>
    `Skjemaet kan ikkje bytast til «${form}» for rapporteringar som alt har svar: ${tiltak}.`,
  roundFields: {
    county: "fylke",
    formId: "skjema",
    deadline: "frist",
    staffIds: "tilsette",
    malform: "målform",
  },
  reportFields: {
    formId: "skjema",
    partnership: "partnarskap",
    tiltak: "tiltak",
    contact: "kontaktperson",
    previous: "svar frå rapporteringa i fjor",
  },
  about: (county: string, year: number, formId: string, deadline: string) =>
    `${county} ${year}, skjema ${formId}, frist ${deadline}`,
  newRound: (id: string, about: string) => `+ ny runde ${id}: ${about}`,
  changedRound: (id: string, fields: string, about: string) => `~ endra runde ${id}: ${fields} (${about})`,
  unchangedRound: (id: string, about: string) => `= uendra runde ${id}: ${about}`,
  newReport: (id: string, title: string) => `+ ny rapportering ${id}: ${title}`,
  changedReport: (id: string, fields: string, title: string) => `~ endra ${id}: ${fields} (${title})`,
  unchangedReport: (id: string, title: string) => `= uendra ${id}: ${title}`,
  missingReport: (id: string, title: string) =>
    `! ${id} (${title}) finst i databasen, men ikkje i fila — ikkje sletta`,
  card: {
    about: (county: string, year: number, formTitle: string, deadline: string) =>
      `${county} ${year}, ${formTitle}, frist ${deadline}`,
    withCase: (title: string, caseNumber: string) => `${title} (saksnr. ${caseNumber})`,
    newRound: (about: string) => `+ Ny runde: ${about}`,
    changedRound: (fields: string, about: string) => `~ Runden endra (${fields}): ${about}`,
    unchangedRound: (about: string) => `= Runden uendra: ${about}`,
    newReport: (title: string) => `+ Ny: ${title}`,
    changedReport: (fields: string, title: string) => `~ Endra (${fields}): ${title}`,
    unchangedReport: (title: string) => `= Uendra: ${title}`,
    missingReport: (title: string) => `! Ikkje i fila (ikkje sletta): ${title}`,
  },
  roundSummary: {
    create: "ny runde",
    update: "runden endra",
    unchanged: "runden uendra",
  },
  summary: (round: string, s: { created: number; updated: number; unchanged: number; missing: number }) =>
    `${round}; ${s.created} nye, ${s.updated} endra, ${s.unchanged} uendra ` +
    `rapporteringar; ${s.missing} berre i databasen (ikkje sletta)`,
};
