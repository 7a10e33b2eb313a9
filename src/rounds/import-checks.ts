/**
 * The checks of an import file across its rows: one round per file (every row repeats the same round
 * values), each tiltak once (by id and by case number), one description per partnership. Every message
 * names the row and field, and the other row involved, in the reader's language (src/i18n/<lang>/imports.ts).
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { type PartialRow, type RawRow, type RowField, show } from "./import-schema.ts";
import { slug } from "./round.ts";

export interface Checked {
  raw: RawRow;
  row: PartialRow;
  /** The fields that are valid (possibly absent), so the checks across rows compare only those. */
  valid: ReadonlySet<RowField>;
}

const ROUND_FIELDS = ["county", "reportingYear", "formId", "deadline", "staffIds"] as const;

/** Report (= tiltak) id: tiltak_id when given, else "t-" + slug of the case number ("t-2024-1234"). */
export function tiltakIdOf(row: Pick<PartialRow, "tiltakId" | "caseNumber">): string | undefined {
  if (row.tiltakId !== undefined) return row.tiltakId;
  const s = row.caseNumber === undefined ? "" : slug(row.caseNumber);
  return s === "" ? undefined : `t-${s}`;
}

/** Partnership id: "p-" + slug of the name ("p-salten-regionrad"). */
export function partnershipIdOf(name: string): string {
  return `p-${slug(name)}`;
}

/** The checks across rows (each row's own errors are already reported). */
export function crossRowErrors(rows: readonly Checked[], lang: Lang = DEFAULT_LANG): string[] {
  const t = texts(lang).imports.checks;
  const errors: string[] = [];
  const shown = (v: unknown) =>
    v === undefined ? t.empty : `«${Array.isArray(v) ? v.join(", ") : show(v)}»`;

  // One round per file: every row repeats the round's values.
  for (const field of ROUND_FIELDS) {
    const first = rows.find(({ valid }) => valid.has(field));
    if (first === undefined) continue;
    for (const { raw, row, valid } of rows) {
      if (raw === first.raw || !valid.has(field)) continue;
      if (JSON.stringify(row[field]) !== JSON.stringify(first.row[field])) {
        errors.push(t.otherRound(raw.at(field), shown(row[field]), first.raw.name, shown(first.row[field])));
      }
    }
  }

  // Each tiltak once: by id and by case number.
  const byId = new Map<string, RawRow>();
  const byCase = new Map<string, RawRow>();
  for (const { raw, row } of rows) {
    const caseKey = row.caseNumber?.toLowerCase().replace(/\s+/g, "");
    const sameCase = caseKey === undefined ? undefined : byCase.get(caseKey);
    if (sameCase !== undefined) {
      errors.push(t.sameCase(raw.at("caseNumber"), row.caseNumber ?? "", sameCase.name));
    } else if (caseKey !== undefined) {
      byCase.set(caseKey, raw);
    }
    const id = tiltakIdOf(row);
    const sameId = id === undefined ? undefined : byId.get(id);
    if (sameId !== undefined && sameCase === undefined) {
      const field = row.tiltakId === undefined ? "caseNumber" : "tiltakId";
      errors.push(t.sameId(raw.at(field), id ?? "", sameId.name));
    } else if (id !== undefined && sameId === undefined) {
      byId.set(id, raw);
    }
  }

  // One description per partnership: rows with the same partnership id agree on name, category, sector.
  const partnerships = new Map<string, Checked>();
  for (const entry of rows) {
    const { raw, row } = entry;
    if (row.partnership === undefined || slug(row.partnership) === "") continue;
    const first = partnerships.get(partnershipIdOf(row.partnership));
    if (first === undefined) {
      partnerships.set(partnershipIdOf(row.partnership), entry);
      continue;
    }
    if (row.partnership !== first.row.partnership) {
      errors.push(
        t.partnershipName(
          raw.at("partnership"),
          row.partnership,
          first.row.partnership ?? "",
          first.raw.name,
        ),
      );
      continue;
    }
    for (const field of ["category", "sector"] as const) {
      if (row[field] === undefined || first.row[field] === undefined || row[field] === first.row[field])
        continue;
      errors.push(
        t.partnershipField(raw.at(field), row[field], first.raw.name, first.row[field], row.partnership),
      );
    }
  }
  return errors;
}
