/**
 * Validation of a whole import: every row through the row schema, then the checks across rows, into
 * the round and tiltak the file describes (with their stable ids). Messages in the reader's language.
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { validatingIn } from "../i18n/validating.ts";
import type { Allocation } from "../reports/plausibility.ts";
import type { Contact } from "../reports/types.ts";
import { type Checked, crossRowErrors, partnershipIdOf, tiltakIdOf } from "./import-checks.ts";
import {
  FIELD_SCHEMAS,
  type ImportedRound,
  type ImportedTiltak,
  type ImportResult,
  type ImportRow,
  type ParsedImport,
  type PartialRow,
  type RawRow,
  ROW_FIELDS,
  type RowField,
  rowSchema,
} from "./import-schema.ts";
import { roundId } from "./round.ts";

/**
 * Validates every row and the rows together. Reports every error at once without repeats: the errors
 * of each row in row order, then those across rows.
 */
export function validateRows(rows: readonly RawRow[], lang: Lang = DEFAULT_LANG): ImportResult {
  return validatingIn(lang, () => validateIn(rows, lang));
}

function validateIn(rows: readonly RawRow[], lang: Lang): ImportResult {
  const errors: string[] = [];
  const checked: Checked[] = [];
  const all = new Set<RowField>(ROW_FIELDS);
  for (const raw of rows) {
    const result = rowSchema.safeParse(raw.values);
    if (result.success) {
      checked.push({ raw, row: result.data, valid: all });
      continue;
    }
    const bad = new Set<RowField>();
    for (const issue of result.error.issues) {
      const field = issue.path[0] as RowField;
      bad.add(field);
      errors.push(`${raw.at(field)}: ${issue.message}`);
    }
    checked.push(validFields(raw, bad));
  }
  if (rows.length === 0) errors.push(texts(lang).imports.file.noTiltak);
  errors.push(...crossRowErrors(checked, lang));
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, value: toImport(checked.map((c) => ({ source: c.raw.name, row: c.row as ImportRow }))) };
}

/** The fields of a failed row that are valid on their own (for the checks across rows). */
function validFields(raw: RawRow, bad: ReadonlySet<RowField>): Checked {
  const row: Record<string, unknown> = {};
  const valid = new Set<RowField>();
  for (const field of ROW_FIELDS) {
    if (bad.has(field)) continue;
    const r = FIELD_SCHEMAS[field].safeParse(raw.values[field]);
    if (!r.success) continue;
    valid.add(field);
    if (r.data !== undefined) row[field] = r.data;
  }
  return { raw, row: row as PartialRow, valid };
}

function toImport(rows: readonly { source: string; row: ImportRow }[]): ParsedImport {
  const first = (rows[0] as { row: ImportRow }).row;
  const round: ImportedRound = {
    id: roundId(first.county, first.reportingYear),
    county: first.county,
    reportingYear: first.reportingYear,
  };
  if (first.formId !== undefined) round.formId = first.formId;
  if (first.deadline !== undefined) round.deadline = first.deadline;
  if (first.staffIds !== undefined) round.staffIds = first.staffIds;
  if (first.roundMalform !== undefined) round.malform = first.roundMalform;
  const tiltak = rows.map(({ source, row }): ImportedTiltak => {
    const id = tiltakIdOf(row) as string;
    const contact: Contact = { name: row.contactName, email: row.email };
    if (row.phone !== undefined) contact.phone = row.phone;
    if (row.aadObjectId !== undefined) contact.aadObjectId = row.aadObjectId;
    const grant: Allocation = {};
    if (row.grantOwners !== undefined) grant.owners = row.grantOwners;
    if (row.grantUh !== undefined) grant.uh = row.grantUh;
    if (row.workplace !== undefined) contact.workplace = row.workplace;
    const tiltak: ImportedTiltak["tiltak"] = { id, name: row.tiltak, caseNumber: row.caseNumber };
    if (row.previousTiltakId !== undefined) tiltak.previousId = row.previousTiltakId;
    return {
      id,
      source,
      partnership: {
        id: partnershipIdOf(row.partnership),
        name: row.partnership,
        category: row.category,
        sector: row.sector,
        ...(row.malform !== undefined ? { malform: row.malform } : {}),
      },
      tiltak: {
        ...tiltak,
        ...(Object.keys(grant).length > 0 ? { grant } : {}),
      },
      contact,
    };
  });
  return { round, tiltak };
}
