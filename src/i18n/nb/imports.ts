/**
 * Texts of the round import (`npm run import` and the Teams dry-run card), bokmål: reading the file,
 * each row's and the rows' checks (each names the row and field: `Rad 4, kolonne «epost»: ...`), the
 * plan's lines and summaries, and the command line. Column names and accepted values are the file's own
 * (the same in every language).
 */
export const imports = {
  // The command line (scripts/import.ts).
  usage: "Bruk: npm run import -- <fil.xlsx|fil.csv|fil.json> [--dry-run] [--lang nn]",
  unknownOption: (option: string) => `Ukjent valg «${option}».`,
  unknownLang: (lang: string) => `Ukjent språk «${lang}»: bruk nb (bokmål) eller nn (nynorsk).`,
  cannotRead: (file: string, reason: string) => `Kan ikke lese «${file}»: ${reason}`,
  invalid: (file: string, count: number) => `«${file}» har ${count} feil. Ingenting er lagret.`,
  refused: "Importen stoppes. Ingenting er lagret.",
  dryRun: (summary: string) => `Tørrkjøring: ingenting er lagret. Dette ville blitt gjort: ${summary}.`,
  done: (summary: string) => `Import fullført: ${summary}.`,
  embeddedStore: (dataDir: string) =>
    `Bruker den innebygde lokale databasen (lagres i ${dataDir}). Stopp «npm run dev» før import, ` +
    "ellers kan endringene bli overskrevet.",

  // The file as a whole (import.ts, import-xlsx.ts).
  file: {
    unknownType: (kind: string) => `Ukjent filtype «${kind}»: bruk .xlsx, .csv eller .json.`,
    notUtf8: "Filen er ikke UTF-8. Lagre den som «CSV UTF-8 (kommadelt)» i Excel og prøv igjen.",
    notXlsx: "Filen kan ikke leses som en Excel-arbeidsbok (.xlsx).",
    noSheet: "Arbeidsboken har ingen ark.",
    noTiltak: "Filen har ingen tiltak.",
  },

  // CSV and spreadsheet files (import-csv.ts).
  csv: {
    openQuote: (row: number) => `Rad ${row}: et anførselstegn (") åpner et felt som aldri lukkes.`,
    empty: "Filen er tom: rad 1 må være en overskrift med kolonnenavn.",
    unknownColumn: (name: string, valid: string) =>
      `Rad 1: ukjent kolonne «${name}». Gyldige kolonner: ${valid}.`,
    twice: (column: string) => `Rad 1: kolonnen «${column}» står mer enn én gang.`,
    missingColumn: (column: string) => `Rad 1: kolonnen «${column}» mangler.`,
    tooManyFields: (row: number, fields: number, header: number) =>
      `Rad ${row}: har ${fields} felt, men overskriften har ${header}.`,
    checkSeparator: (separator: string) => ` Sjekk skilletegnet («${separator}») og anførselstegn.`,
    dropRight: " Fjern verdiene til høyre for den siste kolonnen.",
    /** The row inside a sentence. */
    row: (row: number) => `rad ${row}`,
    /** Where a field is, to start a message. */
    at: (row: number, column: string) => `Rad ${row}, kolonne «${column}»`,
  },

  // JSON files (import-json.ts).
  json: {
    invalid: (reason: string) => `Filen er ikke gyldig JSON (${reason}).`,
    partnership: (n: number) => `Partnerskap ${n}`,
    tiltak: (n: number) => `tiltak ${n}`,
    field: (path: string) => `felt «${path}»`,
    fieldFirst: (path: string) => `Felt «${path}»`,
    theFile: "Filen",
    unknownField: "ukjent felt.",
    missing: "mangler.",
    mustBeList: "må være en liste.",
    mustBeObject: "må være et objekt.",
    noTiltak: "har ingen tiltak.",
    /** The row inside a sentence. */
    row: (partnership: number, tiltak: number) => `partnerskap ${partnership}, tiltak ${tiltak}`,
  },

  // One field of a row (import-schema.ts): `value` is the value as written.
  rows: {
    missing: "mangler verdi.",
    notText: (value: string) => `«${value}» må være tekst.`,
    tooLong: (value: string) => `«${value}» er for lang (over 200 tegn).`,
    year: (value: string) => `«${value}» er ikke et gyldig årstall.`,
    form: (value: string, known: string) => `«${value}» er ikke et kjent skjema. Kjente skjema: ${known}.`,
    deadline: (value: string) =>
      `«${value}» er ikke en gyldig frist. Skriv f.eks. 2026-01-15 eller 15.01.2026 23:59.`,
    entraId: (value: string) => `«${value}» er ikke en gyldig Entra objekt-ID (GUID).`,
    entraIds: "må være en liste med Entra objekt-ID-er.",
    category: (value: string, valid: string) =>
      `«${value}» er ikke en gyldig kategori. Gyldige verdier: ${valid}.`,
    sector: (value: string, valid: string) =>
      `«${value}» er ikke en gyldig sektor. Gyldige verdier: ${valid}.`,
    tiltakId: (value: string) =>
      `«${value}» er ikke en gyldig tiltak-id (bare små bokstaver a-z, sifre og bindestrek).`,
    email: (value: string) => `«${value}» er ikke en gyldig e-postadresse.`,
    phone: (value: string) => `«${value}» er ikke et gyldig norsk telefonnummer (8 sifre, gjerne med +47).`,
    amount: (value: string) => `«${value}» er ikke et gyldig kronebeløp (hele kroner).`,
    malform: (value: string) => `«${value}» er ikke nb eller nn (bokmål eller nynorsk).`,
    noTiltakId: (value: string) => `«${value}» gir ingen id; oppgi tiltak_id.`,
    noPartnershipId: (value: string) => `«${value}» gir ingen id.`,
  },

  // The checks across rows (import-checks.ts): `at` starts the message, `other` names the other row.
  checks: {
    empty: "tom",
    otherRound: (at: string, value: string, other: string, first: string) =>
      `${at}: ${value} avviker fra ${other} (${first}); alle rader må gjelde samme runde.`,
    sameCase: (at: string, caseNumber: string, other: string) =>
      `${at}: «${caseNumber}» står også i ${other}; hvert tiltak kan bare stå én gang.`,
    sameId: (at: string, id: string, other: string) =>
      `${at}: gir tiltaks-id «${id}», som ${other} også har; hvert tiltak kan bare stå én gang.`,
    partnershipName: (at: string, name: string, first: string, other: string) =>
      `${at}: «${name}» gir samme id som «${first}» i ${other}; skriv navnet likt.`,
    partnershipField: (at: string, value: string, other: string, first: string, partnership: string) =>
      `${at}: «${value}» avviker fra ${other} («${first}») for samme partnerskap «${partnership}».`,
  },

  // The plan (import-plan.ts, import-messages.ts).
  formLocked: (form: string, tiltak: string) =>
    `Skjemaet kan ikke byttes til «${form}» for rapporteringer som allerede har svar: ${tiltak}.`,
  roundFields: {
    county: "fylke",
    formId: "skjema",
    deadline: "frist",
    staffIds: "ansatte",
    malform: "målform",
  },
  reportFields: {
    formId: "skjema",
    partnership: "partnerskap",
    tiltak: "tiltak",
    contact: "kontaktperson",
    previous: "svar fra fjorårets rapportering",
  },
  /** "Nordland 2025, skjema dekom-2024-2025, frist 15.01.2026 kl. 23.59" */
  about: (county: string, year: number, formId: string, deadline: string) =>
    `${county} ${year}, skjema ${formId}, frist ${deadline}`,
  newRound: (id: string, about: string) => `+ ny runde ${id}: ${about}`,
  changedRound: (id: string, fields: string, about: string) => `~ endret runde ${id}: ${fields} (${about})`,
  unchangedRound: (id: string, about: string) => `= uendret runde ${id}: ${about}`,
  newReport: (id: string, title: string) => `+ ny rapportering ${id}: ${title}`,
  changedReport: (id: string, fields: string, title: string) => `~ endret ${id}: ${fields} (${title})`,
  unchangedReport: (id: string, title: string) => `= uendret ${id}: ${title}`,
  missingReport: (id: string, title: string) =>
    `! ${id} (${title}) finnes i databasen, men ikke i filen — ikke slettet`,
  /** The plan on the Teams card: no internal ids (import-messages.ts planCardLines). */
  card: {
    about: (county: string, year: number, formTitle: string, deadline: string) =>
      `${county} ${year}, ${formTitle}, frist ${deadline}`,
    withCase: (title: string, caseNumber: string) => `${title} (saksnr. ${caseNumber})`,
    newRound: (about: string) => `+ Ny runde: ${about}`,
    changedRound: (fields: string, about: string) => `~ Runden endret (${fields}): ${about}`,
    unchangedRound: (about: string) => `= Runden uendret: ${about}`,
    newReport: (title: string) => `+ Ny: ${title}`,
    changedReport: (fields: string, title: string) => `~ Endret (${fields}): ${title}`,
    unchangedReport: (title: string) => `= Uendret: ${title}`,
    missingReport: (title: string) => `! Ikke i filen (ikke slettet): ${title}`,
  },
  roundSummary: {
    create: "ny runde",
    update: "runden endret",
    unchanged: "runden uendret",
  },
  /** "ny runde; 10 nye, 0 endret, 0 uendret rapporteringer; 0 bare i databasen (ikke slettet)" */
  summary: (round: string, s: { created: number; updated: number; unchanged: number; missing: number }) =>
    `${round}; ${s.created} nye, ${s.updated} endret, ${s.unchanged} uendret ` +
    `rapporteringer; ${s.missing} bare i databasen (ikke slettet)`,
};
