/**
 * The one zod schema every import row passes (CSV and JSON are both turned into rows first), field by
 * field, and the shapes of a validated import. The rows are validated together in import-rows.ts.
 * Every message names the row and the field: `Rad 4, kolonne «epost»: ...`, in the language of the
 * validation call (`validatingIn`, src/i18n/validating.ts; texts in src/i18n/<lang>/imports.ts): the
 * schemas are built once and look their messages up when a value fails.
 */
import { z } from "zod";
import { type Lang, langOfMalform } from "../i18n/lang.ts";
import { type Texts, texts } from "../i18n/texts.ts";
import { validationLang } from "../i18n/validating.ts";
import { loadForms } from "../questionnaire/form.ts";
import type { Allocation } from "../reports/plausibility.ts";
import {
  type Contact,
  RESPONDENT_CATEGORIES,
  type RespondentCategory,
  type Sector,
} from "../reports/types.ts";
import { parseDeadline, slug } from "./round.ts";

export const ROW_FIELDS = [
  "county",
  "reportingYear",
  "formId",
  "deadline",
  "staffIds",
  "partnership",
  "category",
  "sector",
  "tiltak",
  "caseNumber",
  "tiltakId",
  "contactName",
  "email",
  "phone",
  "aadObjectId",
  "grantOwners",
  "grantUh",
  "workplace",
  "previousTiltakId",
  "malform",
  "roundMalform",
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** One tiltak as read from a file, before validation. */
export interface RawRow {
  /** The row inside a sentence: "rad 4", "partnerskap 2, tiltak 1". */
  name: string;
  /** Where a field of this row is, to start a message: "Rad 4, kolonne «epost»". */
  at(field: RowField): string;
  values: Partial<Record<RowField, unknown>>;
}

/** The round a file describes. Optional fields keep the stored value (or the default) when absent. */
export interface ImportedRound {
  id: string;
  county: string;
  reportingYear: number;
  formId?: string;
  deadline?: string;
  staffIds?: string[];
  /** The written standard of the round's staff cards and channel posts (column «runde_målform»). */
  malform?: Lang;
}

/** One tiltak of a file, validated, with its stable ids. */
export interface ImportedTiltak {
  /** Report id (= tiltak id). */
  id: string;
  /** The row it came from, for messages. */
  source: string;
  partnership: { id: string; name: string; category: RespondentCategory; sector: Sector; malform?: Lang };
  tiltak: { id: string; name: string; caseNumber: string; previousId?: string; grant?: Allocation };
  contact: Contact;
}

export interface ParsedImport {
  round: ImportedRound;
  tiltak: ImportedTiltak[];
}

export type ImportResult = { ok: true; value: ParsedImport } | { ok: false; errors: string[] };

const SECTORS = ["Offentlig", "Privat"] as const satisfies readonly Sector[];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TILTAK_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A value as quoted in a message. */
export function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Trims text; blank and null become undefined; numbers become text (JSON case numbers, phones). */
function clean(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  return value === null ? undefined : value;
}

type RowTexts = Texts["imports"]["rows"];

/** The row messages in the language of the validation running now. */
const rowTexts = (): RowTexts => texts(validationLang()).imports.rows;

/** A message for a value that is missing, or wrong (the text is given the value as written). */
function problem(what: (t: RowTexts, value: string) => string) {
  return (issue: { input?: unknown }) => {
    const t = rowTexts();
    return issue.input === undefined ? t.missing : what(t, show(issue.input));
  };
}

const notText = problem((t, v) => t.notText(v));
const tooLong = problem((t, v) => t.tooLong(v));
const text = z.preprocess(clean, z.string({ error: notText }).max(200, { error: tooLong }));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(clean, schema.optional());

/** Case- and space-insensitive match against a fixed list; unmatched values pass through unchanged. */
function oneOf<T extends string>(values: readonly T[]) {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, "");
  return (value: unknown) => {
    const v = clean(value);
    return typeof v === "string" ? (values.find((x) => key(x) === key(v)) ?? v) : v;
  };
}

function normalizePhone(value: unknown): unknown {
  const v = clean(value);
  if (typeof v !== "string") return v;
  const m = /^(?:\+47|0047)?([2-9]\d{7})$/.exec(v.replace(/[\s.()-]/g, ""));
  return m ? `+47${m[1]}` : v;
}

/** «nb»/«nn» (or «bokmål»/«nynorsk»): the written standard of a partnership or of the round's staff texts. */
const malformSchema = optional(
  z.string({ error: notText }).transform((s, ctx): Lang => {
    const lang = langOfMalform(s);
    if (lang !== undefined) return lang;
    ctx.addIssue({ code: "custom", message: rowTexts().malform(s) });
    return z.NEVER;
  }),
);

function formIds(): string[] {
  formIdCache ??= [...loadForms().keys()];
  return formIdCache;
}
let formIdCache: string[] | undefined;

const notAmount = problem((t, v) => t.amount(v));
const notYear = problem((t, v) => t.year(v));
const notEntraId = problem((t, v) => t.entraId(v));
const notTiltakId = problem((t, v) => t.tiltakId(v));
const notEmail = problem((t, v) => t.email(v));

/** An optional krone amount: "400000", "400 000", "400 000 kr" or a JSON number. */
const amount = z.preprocess((v) => {
  if (typeof v === "number") return v;
  const c = clean(v);
  if (typeof c !== "string") return c;
  const digits = c.replace(/\s|kr\.?$|,-$/gi, "");
  return /^\d+$/.test(digits) ? Number(digits) : c;
}, z.number({ error: notAmount }).int({ error: notAmount }).min(0, { error: notAmount }).optional());

/** Each field of a row, with its own schema (also used alone to recover the valid fields of a bad row). */
export const FIELD_SCHEMAS = {
  county: text,
  reportingYear: z.preprocess(
    (v) =>
      typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : clean(v),
    z
      .number({ error: notYear })
      .int({ error: notYear })
      .min(2000, { error: notYear })
      .max(2100, { error: notYear }),
  ),
  formId: optional(
    z.string().refine((id) => formIds().includes(id), {
      error: (issue) => rowTexts().form(show(issue.input), formIds().join(", ")),
    }),
  ),
  deadline: optional(
    z.string().transform((s, ctx) => {
      const iso = parseDeadline(s);
      if (iso === undefined) {
        ctx.addIssue({ code: "custom", message: rowTexts().deadline(s) });
        return z.NEVER;
      }
      return iso;
    }),
  ),
  staffIds: z
    .array(z.string({ error: notEntraId }).regex(GUID, { error: notEntraId }), {
      error: () => rowTexts().entraIds,
    })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
    .optional(),
  partnership: text,
  category: z.preprocess(
    oneOf(RESPONDENT_CATEGORIES),
    z.enum(RESPONDENT_CATEGORIES, {
      error: problem((t, v) => t.category(v, RESPONDENT_CATEGORIES.join(", "))),
    }),
  ),
  sector: z.preprocess(
    oneOf(SECTORS),
    z.enum(SECTORS, { error: problem((t, v) => t.sector(v, SECTORS.join(", "))) }),
  ),
  tiltak: text,
  caseNumber: text,
  tiltakId: optional(z.string().regex(TILTAK_ID, { error: notTiltakId })),
  contactName: text,
  email: z.preprocess(
    clean,
    z
      .email({ error: notEmail })
      .max(254, { error: notEmail })
      .transform((s) => s.toLowerCase()),
  ),
  phone: z.preprocess(
    normalizePhone,
    z
      .string()
      .regex(/^\+47\d{8}$/, { error: problem((t, v) => t.phone(v)) })
      .optional(),
  ),
  aadObjectId: optional(
    z
      .string()
      .regex(GUID, { error: notEntraId })
      .transform((s) => s.toLowerCase()),
  ),
  grantOwners: amount,
  grantUh: amount,
  workplace: optional(z.string({ error: notText }).max(200, { error: tooLong })),
  previousTiltakId: optional(z.string().regex(TILTAK_ID, { error: notTiltakId })),
  malform: malformSchema,
  roundMalform: malformSchema,
} satisfies Record<RowField, z.ZodType>;

/** The schema of one row. */
export const rowSchema = z.object(FIELD_SCHEMAS).superRefine((row, ctx) => {
  if (row.tiltakId === undefined && slug(row.caseNumber) === "") {
    ctx.addIssue({
      code: "custom",
      path: ["caseNumber"],
      message: rowTexts().noTiltakId(row.caseNumber),
    });
  }
  if (slug(row.partnership) === "") {
    ctx.addIssue({
      code: "custom",
      path: ["partnership"],
      message: rowTexts().noPartnershipId(row.partnership),
    });
  }
});
export type ImportRow = z.output<typeof rowSchema>;
export type PartialRow = Partial<ImportRow>;
