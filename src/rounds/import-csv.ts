/**
 * CSV import files: a small RFC 4180 parser (quoted fields, "" escapes, CRLF/LF, separators inside
 * quotes) with the separator detected from the header line (";" as Excel writes it in Norway, or ","),
 * and the mapping of the Norwegian header columns onto import rows. Pure: text in, rows or errors out.
 */
import { type RawRow, ROW_FIELDS, type RowField } from "./import-schema.ts";

export interface CsvTable {
  separator: "," | ";";
  /** Every record of the file, header first; record i is "Rad i+1" as a spreadsheet shows it. */
  records: string[][];
}

/** Parses CSV text (without BOM). Throws CsvSyntaxError on a quote that is never closed. */
export function parseCsv(text: string): CsvTable {
  const separator = detectSeparator(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let quoteOpenedIn = 0;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field.trim() === "") {
      // An opening quote (spaces before it, as some tools write, are dropped).
      field = "";
      quoted = true;
      quoteOpenedIn = records.length + 1;
    } else if (c === separator) {
      endField();
    } else if (c === "\r" && text[i + 1] === "\n") {
      endRecord();
      i += 1;
    } else if (c === "\n" || c === "\r") {
      endRecord();
    } else {
      // Also a stray quote inside an unquoted field, or text after a closing quote: kept as is.
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(quoteOpenedIn);
  if (field !== "" || record.length > 0) endRecord();
  return { separator, records };
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(`Rad ${row}: et anførselstegn (") åpner et felt som aldri lukkes.`);
    this.name = "CsvSyntaxError";
  }
}

/** ";" or ",": whichever occurs more often outside quotes in the first line (";" on a tie). */
function detectSeparator(text: string): "," | ";" {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ";") semicolons += 1;
    else if (!quoted && c === ",") commas += 1;
  }
  return commas > semicolons ? "," : ";";
}

/** The column of each row field, as named in the file and in every message. */
const CSV_COLUMNS: Record<Exclude<RowField, "staffIds">, string> = {
  county: "fylke",
  reportingYear: "rapporteringsår",
  formId: "skjema",
  deadline: "frist",
  partnership: "partnerskap",
  category: "kategori",
  sector: "sektor",
  tiltak: "tiltak",
  caseNumber: "saksnummer",
  tiltakId: "tiltak_id",
  contactName: "kontaktperson",
  email: "epost",
  phone: "telefon",
  aadObjectId: "entra_id",
  grantOwners: "tilskudd_eiere",
  grantUh: "tilskudd_uh",
  workplace: "arbeidssted",
  previousTiltakId: "forrige_tiltak_id",
};

/** Columns that may be left out of the header (telefon must be there, but may be empty). */
const OPTIONAL_COLUMNS = new Set<RowField>([
  "formId",
  "deadline",
  "tiltakId",
  "aadObjectId",
  "grantOwners",
  "grantUh",
  "workplace",
  "previousTiltakId",
]);

/** Other spellings accepted in the header (after lower-casing and turning spaces/dashes into "_"). */
const ALIASES: Record<string, RowField> = {
  rapporteringsar: "reportingYear",
  ar: "reportingYear",
  år: "reportingYear",
  e_post: "email",
  epostadresse: "email",
  e_postadresse: "email",
  tiltaksid: "tiltakId",
  entra_objekt_id: "aadObjectId",
  aad_object_id: "aadObjectId",
  kontakt: "contactName",
  mobil: "phone",
  virksomhet: "workplace",
  forrige_tiltaksid: "previousTiltakId",
};

function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const BY_HEADER = new Map<string, RowField>([
  ...Object.entries(CSV_COLUMNS).map(([field, column]) => [column, field as RowField] as const),
  ...Object.entries(ALIASES),
]);

/**
 * Turns the records of a CSV import file into rows (one per tiltak), or the errors of its header and
 * record shapes. Empty records (every field blank, as Excel leaves at the end) are skipped.
 */
export function csvRows(table: CsvTable): { rows: RawRow[]; errors: string[] } {
  const [header, ...body] = table.records;
  const errors: string[] = [];
  if (header === undefined || header.every((h) => h.trim() === "")) {
    return { rows: [], errors: ["Filen er tom: rad 1 må være en overskrift med kolonnenavn."] };
  }
  const columns: (RowField | undefined)[] = [];
  const seen = new Set<RowField>();
  for (const raw of header) {
    const name = raw.trim();
    const field = BY_HEADER.get(normalizeHeader(raw));
    if (name === "") {
      columns.push(undefined);
    } else if (field === undefined) {
      errors.push(
        `Rad 1: ukjent kolonne «${name}». Gyldige kolonner: ${Object.values(CSV_COLUMNS).join(", ")}.`,
      );
      columns.push(undefined);
    } else if (seen.has(field)) {
      errors.push(
        `Rad 1: kolonnen «${CSV_COLUMNS[field as keyof typeof CSV_COLUMNS]}» står mer enn én gang.`,
      );
      columns.push(undefined);
    } else {
      seen.add(field);
      columns.push(field);
    }
  }
  for (const field of ROW_FIELDS) {
    if (field === "staffIds" || OPTIONAL_COLUMNS.has(field) || seen.has(field)) continue;
    errors.push(`Rad 1: kolonnen «${CSV_COLUMNS[field]}» mangler.`);
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: RawRow[] = [];
  body.forEach((record, index) => {
    const rowNumber = index + 2;
    if (record.every((f) => f.trim() === "")) return;
    if (record.length > header.length) {
      errors.push(
        `Rad ${rowNumber}: har ${record.length} felt, men overskriften har ${header.length}. ` +
          `Sjekk skilletegnet («${table.separator}») og anførselstegn.`,
      );
      return;
    }
    const values: RawRow["values"] = {};
    columns.forEach((field, i) => {
      if (field !== undefined) values[field] = record[i] ?? "";
    });
    rows.push({
      name: `rad ${rowNumber}`,
      at: (field) => `Rad ${rowNumber}, kolonne «${CSV_COLUMNS[field as keyof typeof CSV_COLUMNS] ?? field}»`,
      values,
    });
  });
  return { rows, errors };
}
