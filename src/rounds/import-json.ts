/**
 * JSON import files: the shape (checked with zod, unknown fields refused) and its rows, one per tiltak,
 * with the round's and the partnership's values repeated on each so CSV and JSON share one row schema.
 *
 * { "round": { "county", "reportingYear", "formId"?, "deadline"?, "staffIds"? },
 *   "partnerships": [{ "name", "category", "sector",
 *     "tiltak": [{ "id"?, "name", "caseNumber", "previousId"?,
 *       "contact": { "name", "email", "phone"?, "aadObjectId"?, "workplace"? },
 *       "grant"?: { "owners"?, "uh"? } }] }] }   (grant: the allocation in kroner, for plausibility warnings)
 */
import { z } from "zod";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { type Texts, texts } from "../i18n/texts.ts";
import type { RawRow, RowField } from "./import-schema.ts";

type JsonTexts = Texts["imports"]["json"];

const leaf = z.unknown().optional();
const shapeSchema = z.strictObject({
  round: z.strictObject({
    county: leaf,
    reportingYear: leaf,
    formId: leaf,
    deadline: leaf,
    staffIds: leaf,
    malform: leaf,
  }),
  partnerships: z.array(
    z.strictObject({
      name: leaf,
      category: leaf,
      sector: leaf,
      malform: leaf,
      tiltak: z
        .array(
          z.strictObject({
            id: leaf,
            name: leaf,
            caseNumber: leaf,
            previousId: leaf,
            contact: z.strictObject({
              name: leaf,
              email: leaf,
              phone: leaf,
              aadObjectId: leaf,
              workplace: leaf,
            }),
            grant: z.strictObject({ owners: leaf, uh: leaf }).optional(),
          }),
        )
        .min(1),
    }),
  ),
});

/** Where each row field sits in the JSON file. */
const JSON_PATHS: Record<RowField, (string | number)[]> = {
  county: ["round", "county"],
  reportingYear: ["round", "reportingYear"],
  formId: ["round", "formId"],
  deadline: ["round", "deadline"],
  staffIds: ["round", "staffIds"],
  roundMalform: ["round", "malform"],
  partnership: ["name"],
  malform: ["malform"],
  category: ["category"],
  sector: ["sector"],
  tiltak: ["name"],
  caseNumber: ["caseNumber"],
  tiltakId: ["id"],
  contactName: ["contact", "name"],
  email: ["contact", "email"],
  phone: ["contact", "phone"],
  aadObjectId: ["contact", "aadObjectId"],
  grantOwners: ["grant", "owners"],
  grantUh: ["grant", "uh"],
  workplace: ["contact", "workplace"],
  previousTiltakId: ["previousId"],
};
const PARTNERSHIP_FIELDS = new Set<RowField>(["partnership", "category", "sector", "malform"]);

/** "Partnerskap 2, tiltak 1, felt «contact.email»" for a path in the file (indexes from 0). */
function jsonLocation(t: JsonTexts, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let rest = [...path];
  if (rest[0] === "partnerships" && typeof rest[1] === "number") {
    parts.push(t.partnership(rest[1] + 1));
    rest = rest.slice(2);
    if (rest[0] === "tiltak" && typeof rest[1] === "number") {
      parts.push(t.tiltak(rest[1] + 1));
      rest = rest.slice(2);
    }
  }
  if (rest.length > 0) {
    const path = rest.map(String).join(".");
    parts.push(parts.length === 0 ? t.fieldFirst(path) : t.field(path));
  }
  return parts.length === 0 ? t.theFile : parts.join(", ");
}

/** Turns a JSON import file into rows (one per tiltak), or the errors of its shape. */
export function jsonRows(text: string, lang: Lang = DEFAULT_LANG): { rows: RawRow[]; errors: string[] } {
  const jt = texts(lang).imports.json;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { rows: [], errors: [jt.invalid((err as Error).message)] };
  }
  const shape = shapeSchema.safeParse(data);
  if (!shape.success) return { rows: [], errors: shape.error.issues.flatMap((i) => shapeMessages(jt, i)) };

  const rows: RawRow[] = [];
  const round = shape.data.round as Record<string, unknown>;
  shape.data.partnerships.forEach((p, pi) => {
    p.tiltak.forEach((t, ti) => {
      const base = ["partnerships", pi, "tiltak", ti];
      const pathOf = (field: RowField) => {
        const tail = JSON_PATHS[field];
        if (tail[0] === "round") return tail;
        return PARTNERSHIP_FIELDS.has(field) ? ["partnerships", pi, ...tail] : [...base, ...tail];
      };
      const values: RawRow["values"] = {
        county: round.county,
        reportingYear: round.reportingYear,
        formId: round.formId,
        deadline: round.deadline,
        staffIds: round.staffIds,
        roundMalform: round.malform,
        partnership: p.name,
        malform: p.malform,
        category: p.category,
        sector: p.sector,
        tiltak: t.name,
        caseNumber: t.caseNumber,
        tiltakId: t.id,
        contactName: t.contact.name,
        email: t.contact.email,
        phone: t.contact.phone,
        aadObjectId: t.contact.aadObjectId,
        grantOwners: t.grant?.owners,
        grantUh: t.grant?.uh,
      };
      rows.push({
        name: jt.row(pi + 1, ti + 1),
        at: (f) => jsonLocation(jt, pathOf(f)),
        values,
      });
    });
  });
  return { rows, errors: [] };
}

function shapeMessages(t: JsonTexts, issue: z.core.$ZodIssue): string[] {
  const at = (path: readonly PropertyKey[], message: string) => `${jsonLocation(t, path)}: ${message}`;
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => at([...issue.path, key], t.unknownField));
    case "invalid_type":
      if (issue.input === undefined) return [at(issue.path, t.missing)];
      return [at(issue.path, issue.expected === "array" ? t.mustBeList : t.mustBeObject)];
    case "too_small":
      return [at(issue.path.slice(0, -1), t.noTiltak)];
    default:
      return [at(issue.path, issue.message)];
  }
}
