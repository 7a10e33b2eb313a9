/**
 * CSV import files: parsed with csv-parse, the separator detected from the header line (";" as Excel
 * writes it in Norway, or ","), and the mapping of the Norwegian header columns onto import rows (also
 * used for .xlsx sheets, import-xlsx.ts). Pure: text in, rows or errors out (in the reader's language).
 */
import { CsvError, parse } from "csv-parse/sync";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { type RawRow, ROW_FIELDS, type RowField } from "./import-schema.ts";

export interface CsvTable {
  /** The CSV separator; absent for a spreadsheet's sheet. */
  separator?: "," | ";";
  /** Every record of the file, header first; record i is "Rad i+1" as a spreadsheet shows it. */
  records: string[][];
}

/**
 * Parses CSV text (without BOM) with csv-parse: quoted fields, "" escapes, CRLF/LF, separators and line
 * breaks inside quotes; a stray quote inside an unquoted field is kept as is, and spaces around fields
 * are dropped. Throws CsvSyntaxError on a quote that is never closed.
 */
export function parseCsv(text: string): CsvTable {
  const separator = detectSeparator(text);
  try {
    const records: string[][] = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    });
    return { separator, records };
  } catch (err) {
    if (err instanceof CsvError && err.code === "CSV_QUOTE_NOT_CLOSED") {
      // The records before it are complete, so the open quote is in the next one.
      throw new CsvSyntaxError(Number((err as { records?: unknown }).records ?? 0) + 1);
    }
    throw err;
  }
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(texts(DEFAULT_LANG).imports.csv.openQuote(row));
    this.name = "CsvSyntaxError";
  }

  /** The message in the reader's language. */
  messageIn(lang: Lang): string {
    return texts(lang).imports.csv.openQuote(this.row);
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
  malform: "malform",
  roundMalform: "runde_malform",
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
  "malform",
  "roundMalform",
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
  målform: "malform",
  runde_målform: "roundMalform",
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
export function csvRows(table: CsvTable, lang: Lang = DEFAULT_LANG): { rows: RawRow[]; errors: string[] } {
  const t = texts(lang).imports.csv;
  const [header, ...body] = table.records;
  const errors: string[] = [];
  if (header === undefined || header.every((h) => h.trim() === "")) {
    return { rows: [], errors: [t.empty] };
  }
  const columns: (RowField | undefined)[] = [];
  const seen = new Set<RowField>();
  for (const raw of header) {
    const name = raw.trim();
    const field = BY_HEADER.get(normalizeHeader(raw));
    if (name === "") {
      columns.push(undefined);
    } else if (field === undefined) {
      errors.push(t.unknownColumn(name, Object.values(CSV_COLUMNS).join(", ")));
      columns.push(undefined);
    } else if (seen.has(field)) {
      errors.push(t.twice(CSV_COLUMNS[field as keyof typeof CSV_COLUMNS]));
      columns.push(undefined);
    } else {
      seen.add(field);
      columns.push(field);
    }
  }
  for (const field of ROW_FIELDS) {
    if (field === "staffIds" || OPTIONAL_COLUMNS.has(field) || seen.has(field)) continue;
    errors.push(t.missingColumn(CSV_COLUMNS[field]));
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: RawRow[] = [];
  body.forEach((record, index) => {
    const rowNumber = index + 2;
    if (record.every((f) => f.trim() === "")) return;
    if (record.length > header.length) {
      errors.push(
        t.tooManyFields(rowNumber, record.length, header.length) +
          (table.separator !== undefined ? t.checkSeparator(table.separator) : t.dropRight),
      );
      return;
    }
    const values: RawRow["values"] = {};
    columns.forEach((field, i) => {
      if (field !== undefined) values[field] = record[i] ?? "";
    });
    rows.push({
      name: t.row(rowNumber),
      at: (field) => t.at(rowNumber, CSV_COLUMNS[field as keyof typeof CSV_COLUMNS] ?? field),
      values,
    });
  });
  return { rows, errors };
}
