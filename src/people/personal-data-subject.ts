/**
 * Who a person is in our documents (found by e-mail), where their details appear in answer texts, and
 * which answers are contact details. Pure: works on documents already read. Used by the export and
 * erasure plans (personal-data-plan.ts); see docs/personal-data.md.
 */
import { createHash } from "node:crypto";
import type { AnswerContent } from "../questionnaire/types.ts";
import { recipientKey } from "../reminders/recipients.ts";
import type { LedgerDoc } from "../reminders/types.ts";
import type { Approver, CoEditor, Contact, ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import { type ReachDoc, reachDocIdOfKey } from "./reach-service.ts";
import type { PersonDoc } from "./types.ts";

/** What replaces an erased name, id or detail. */
export const ERASED = "(slettet)";

const ERASED_DOMAIN = "@invalid";

/** The placeholder e-mail of an erased contact: unique per report, says nothing about the person. */
export function erasedEmail(reportId: string): string {
  return `slettet+${createHash("sha256").update(reportId).digest("hex").slice(0, 12)}${ERASED_DOMAIN}`;
}

/** True for a contact e-mail that `erasedEmail` made (the report's contact was erased). */
export const isErasedEmail = (email: string): boolean =>
  email.startsWith("slettet+") && email.endsWith(ERASED_DOMAIN);

/**
 * The questions whose answers are the contact person's own details (name, workplace, phone, e-mail),
 * per form. They describe the report's contact, whatever was typed: exported in full for the contact
 * and erased with them. A test checks these ids against the forms.
 */
export const CONTACT_DETAIL_QUESTIONS: Readonly<Record<string, readonly string[]>> = {
  "dekom-skole-2021": ["2.1", "2.2"],
  "dekom-2024-2025": ["q01", "q02", "q03"],
};

const isContactDetailQuestion = (formId: string, questionId: string): boolean =>
  CONTACT_DETAIL_QUESTIONS[formId]?.includes(questionId) ?? false;

/** Everything read from storage that may concern the person. */
export interface Holdings {
  people: PersonDoc[];
  reports: ReportDoc[];
  rounds: RoundDoc[];
  ledger: LedgerDoc[];
  /** Reach records (src/people/reach-service.ts) under the person's recipient keys. */
  reach?: ReachDoc[];
}

/** Who the person is in our documents. */
export interface DataSubject {
  /** The e-mail asked for, trimmed and lower-cased. */
  email: string;
  /** Entra object ids (or Teams ids) found for them. */
  ids: string[];
  /** Every e-mail found for them (lower-cased), the one asked for first. */
  emails: string[];
  names: string[];
  phones: string[];
  /** Their keys in the reminder ledger (see reminders/recipients.ts). */
  recipientKeys: string[];
}

export const norm = (email: string | undefined) => (email ?? "").trim().toLowerCase();

/** Finds the person's ids, e-mails, names and phones, following ids and e-mails until nothing new. */
export function identify(email: string, h: Pick<Holdings, "people" | "reports">): DataSubject {
  const emails = new Set([norm(email)]);
  const ids = new Set<string>();
  const matches = (p: { aadObjectId?: string; email?: string }) =>
    (p.aadObjectId !== undefined && ids.has(p.aadObjectId)) || emails.has(norm(p.email));
  const entries = h.reports.flatMap((r): (Contact | CoEditor | Approver)[] => [
    r.contact,
    ...r.coEditors,
    ...(r.approvers ?? []),
  ]);
  let size: number;
  do {
    size = ids.size + emails.size;
    for (const p of h.people) {
      if (!ids.has(p.id) && !emails.has(norm(p.email))) continue;
      ids.add(p.id);
      if (p.email) emails.add(norm(p.email));
    }
    for (const e of entries.filter(matches)) {
      if (e.aadObjectId) ids.add(e.aadObjectId);
      emails.add(norm(e.email));
    }
  } while (ids.size + emails.size !== size);
  emails.delete("");
  const names = new Set<string>();
  const phones = new Set<string>();
  for (const p of h.people) if (ids.has(p.id)) names.add(p.name);
  for (const e of entries.filter(matches)) {
    if (e.name) names.add(e.name);
    if ("phone" in e && e.phone) phones.add(e.phone);
  }
  for (const r of h.reports) {
    for (const a of Object.values(r.answers)) if (ids.has(a.by.id)) names.add(a.by.name);
    if (r.submittedBy && ids.has(r.submittedBy.id)) names.add(r.submittedBy.name);
  }
  const idList = [...ids];
  const emailList = [...emails];
  return {
    email: norm(email),
    ids: idList,
    emails: emailList,
    names: [...names].filter((n) => n.trim().length >= 3 && n !== ERASED),
    phones: [...phones],
    recipientKeys: [
      ...new Set([
        ...idList.map((aadObjectId) => recipientKey({ aadObjectId })),
        ...emailList.map((e) => recipientKey({ email: e })),
      ]),
    ],
  };
}

/** True when a contact or co-editor entry is the person's. */
export const isTheirs = (s: DataSubject, p: { aadObjectId?: string; email?: string }): boolean =>
  (p.aadObjectId !== undefined && s.ids.includes(p.aadObjectId)) || s.emails.includes(norm(p.email));

export type ReportRole = "contact" | "coeditor" | "approver" | "author" | "submitter" | "reopener";

/** The person's roles in a report (empty when they have none). */
export function rolesIn(r: ReportDoc, s: DataSubject): ReportRole[] {
  const roles: ReportRole[] = [];
  if (isTheirs(s, r.contact)) roles.push("contact");
  if (r.coEditors.some((e) => isTheirs(s, e))) roles.push("coeditor");
  if ((r.approvers ?? []).some((e) => isTheirs(s, e))) roles.push("approver");
  if (Object.values(r.answers).some((a) => s.ids.includes(a.by.id))) roles.push("author");
  if (r.submittedBy && s.ids.includes(r.submittedBy.id)) roles.push("submitter");
  if (r.reopened && s.ids.includes(r.reopened.by.id)) roles.push("reopener");
  return roles;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "+4791234567", "91234567", "912 34 567", "+47 912-34-567" for one phone number. */
function phonePattern(phone: string): RegExp | undefined {
  const digits = phone.replace(/\D/g, "").replace(/^(?:00)?47(?=\d{8}$)/, "");
  if (digits.length < 5) return undefined;
  const body = [...digits].map(escapeRe).join("[\\s.-]?");
  return new RegExp(`(?<!\\d)(?:(?:\\+|00)47[\\s.-]?)?${body}(?!\\d)`, "g");
}

/** Patterns for the person's details in free text; names only where `withNames`. */
export function detailPatterns(s: DataSubject, withNames: boolean, extra: readonly string[] = []): RegExp[] {
  const out = s.emails.map((e) => new RegExp(escapeRe(e), "gi"));
  for (const phone of s.phones) {
    const re = phonePattern(phone);
    if (re) out.push(re);
  }
  if (withNames) {
    for (const name of s.names) {
      const body = name.trim().split(/\s+/).map(escapeRe).join("\\s+");
      out.push(new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu"));
    }
  }
  // Details staff confirmed from the "found in free text" list: the e-mail as typed, a phone in any format.
  for (const text of extra) {
    const re = text.includes("@") ? new RegExp(escapeRe(text), "gi") : phonePattern(text);
    if (re) out.push(re);
  }
  return out;
}

export const scrub = (text: string, patterns: RegExp[]) =>
  patterns.reduce((t, re) => t.replace(re, ERASED), text);

export type AnswerField = "value" | "other" | "comment";

/** The answer with the person's details replaced, and which fields changed. */
export function scrubAnswer<A extends AnswerContent>(
  answer: A,
  patterns: RegExp[],
): { answer: A; fields: AnswerField[] } {
  const next = { ...answer };
  const fields: AnswerField[] = [];
  const v = answer.value;
  if (typeof v === "string" && scrub(v, patterns) !== v) next.value = scrub(v, patterns);
  if (Array.isArray(v) && v.some((x) => scrub(x, patterns) !== x))
    next.value = v.map((x) => scrub(x, patterns));
  if (next.value !== v) fields.push("value");
  for (const f of ["other", "comment"] as const) {
    const text = answer[f];
    if (text !== undefined && scrub(text, patterns) !== text) {
      next[f] = scrub(text, patterns);
      fields.push(f);
    }
  }
  return { answer: next, fields };
}

/** The text of one field of an answer (a list joined with "; "). */
export function textOf(a: AnswerContent, field: AnswerField): string {
  const v = field === "value" ? a.value : a[field];
  return Array.isArray(v) ? v.join("; ") : String(v ?? "");
}

/** An e-mail address or a Norwegian phone number found in an answer text. */
export interface FoundDetail {
  questionId: string;
  field: AnswerField;
  kind: "email" | "phone";
  text: string;
}

const EMAIL_IN_TEXT =
  /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu;
const PHONE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)47[\s.-]?)?[2-9](?:[\s.-]?\d){7}(?!\d)/g;

/**
 * Every e-mail address and phone number in the free texts of a report (answers, "Annet" texts and
 * comments; not the contact-detail answers, which are handled whole), except the person's own known
 * details (`known` patterns). Staff confirm these before they are erased: they may be someone else's.
 */
export function foundDetails(r: ReportDoc, known: RegExp[]): FoundDetail[] {
  const out: FoundDetail[] = [];
  for (const [questionId, a] of Object.entries(r.answers)) {
    if (isContactDetailQuestion(r.formId, questionId)) continue;
    for (const field of ["value", "other", "comment"] as const) {
      const text = textOf(a, field);
      const hits = [
        ...(text.includes("@") ? [...text.matchAll(EMAIL_IN_TEXT)].map((m) => ["email", m] as const) : []),
        ...[...text.matchAll(PHONE_IN_TEXT)].map((m) => ["phone", m] as const),
      ].sort(([, a], [, b]) => a.index - b.index); // in the order they appear in the text
      for (const [kind, { 0: hit }] of hits) {
        if (scrub(hit, known) !== hit) continue; // the person's own, erased anyway
        out.push({ questionId, field, kind, text: hit });
      }
    }
  }
  return out;
}

/** Reach records kept under one of the person's recipient keys. */
export const theirReach = (h: Holdings, s: DataSubject): ReachDoc[] => {
  const ids = new Set(s.recipientKeys.map((key) => reachDocIdOfKey(key)));
  return (h.reach ?? []).filter((d) => ids.has(d.id));
};

/** The contact-detail answers of a report that are the person's: as its contact, or written by them. */
export function contactAnswerIds(r: ReportDoc, s: DataSubject, roles: ReportRole[]): string[] {
  return Object.entries(r.answers)
    .filter(
      ([qid, a]) =>
        isContactDetailQuestion(r.formId, qid) && (roles.includes("contact") || s.ids.includes(a.by.id)),
    )
    .map(([qid]) => qid);
}
