/**
 * Personal data about one person (found by e-mail): what the bot holds (export) and how to remove it
 * (erase). See docs/personal-data.md for what is kept, where, why and for how long.
 *
 * Planning is pure: `identify`, `exportOf`, `eraseInReport` and `planErasure` work on documents already
 * read. `loadHoldings` reads those documents and `applyErasure` writes the plan: reports through
 * `ReportRepo.updateWithRetry` (the erasure is re-planned on the fresh document on every attempt),
 * people and ledger documents by deleting them.
 *
 * Decisions (kept in step with the doc):
 * - A person is matched by e-mail (case-insensitive) and by every Entra/Teams id found for that e-mail
 *   (people documents, contact and co-editor entries), repeatedly until nothing new turns up.
 * - Answers belong to the partnership's report and stay. The export lists which answers the person
 *   changed last and when (no texts); erasure replaces "last changed by" with "(slettet)". Answer texts
 *   that contain the person's own contact details (their e-mail or phone anywhere; their name in reports
 *   they took part in) are exported, and on erasure those details are replaced by "(slettet)".
 * - The contact of a report is replaced by a placeholder (name "(slettet)", an @invalid e-mail, no phone,
 *   no Entra id); a co-editor entry is removed; reminder ledger documents about them are deleted.
 * - Round staff lists (Entra ids) are access configuration: exported, never changed here.
 */
import { createHash } from "node:crypto";
import type { Container } from "@azure/cosmos";
import type { AnswerContent } from "../questionnaire/types.ts";
import { recipientKey } from "../reminders/recipients.ts";
import type { LedgerDoc } from "../reminders/types.ts";
import type { Answer, CoEditor, Contact, ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import { stripSystemFields } from "../storage/cosmos.ts";
import { cosmosStatus } from "../storage/errors.ts";
import type { LedgerRepo } from "../storage/ledger-repo.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
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

/** Everything read from storage that may concern the person. */
export interface Holdings {
  people: PersonDoc[];
  reports: ReportDoc[];
  rounds: RoundDoc[];
  ledger: LedgerDoc[];
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

const norm = (email: string | undefined) => (email ?? "").trim().toLowerCase();

/** Finds the person's ids, e-mails, names and phones, following ids and e-mails until nothing new. */
export function identify(email: string, h: Pick<Holdings, "people" | "reports">): DataSubject {
  const emails = new Set([norm(email)]);
  const ids = new Set<string>();
  const matches = (p: { aadObjectId?: string; email?: string }) =>
    (p.aadObjectId !== undefined && ids.has(p.aadObjectId)) || emails.has(norm(p.email));
  const entries = h.reports.flatMap((r): (Contact | CoEditor)[] => [r.contact, ...r.coEditors]);
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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Patterns for the person's details in free text; names only where `withNames`. */
function detailPatterns(s: DataSubject, withNames: boolean): RegExp[] {
  const out = s.emails.map((e) => new RegExp(escapeRe(e), "gi"));
  for (const phone of s.phones) {
    const digits = phone.replace(/\D/g, "").replace(/^(?:00)?47(?=\d{8}$)/, "");
    if (digits.length < 5) continue;
    // "+4791234567", "91234567", "912 34 567", "+47 912-34-567"
    const body = [...digits].map(escapeRe).join("[\\s.-]?");
    out.push(new RegExp(`(?<!\\d)(?:(?:\\+|00)47[\\s.-]?)?${body}(?!\\d)`, "g"));
  }
  if (withNames) {
    for (const name of s.names) {
      const body = name.trim().split(/\s+/).map(escapeRe).join("\\s+");
      out.push(new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu"));
    }
  }
  return out;
}

const scrub = (text: string, patterns: RegExp[]) => patterns.reduce((t, re) => t.replace(re, ERASED), text);

export type AnswerField = "value" | "other" | "comment";

/** The answer with the person's details replaced, and which fields changed. */
function scrubAnswer<A extends AnswerContent>(
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

export type ReportRole = "contact" | "coeditor" | "author" | "submitter" | "reopener";

/** The person's roles in a report (empty when they have none). */
export function rolesIn(r: ReportDoc, s: DataSubject): ReportRole[] {
  const mine = (p: { aadObjectId?: string; email?: string }) =>
    (p.aadObjectId !== undefined && s.ids.includes(p.aadObjectId)) || s.emails.includes(norm(p.email));
  const roles: ReportRole[] = [];
  if (mine(r.contact)) roles.push("contact");
  if (r.coEditors.some(mine)) roles.push("coeditor");
  if (Object.values(r.answers).some((a) => s.ids.includes(a.by.id))) roles.push("author");
  if (r.submittedBy && s.ids.includes(r.submittedBy.id)) roles.push("submitter");
  if (r.reopened && s.ids.includes(r.reopened.by.id)) roles.push("reopener");
  return roles;
}

export interface ReportExport {
  roundId: string;
  reportId: string;
  partnership: string;
  tiltak: string;
  status: ReportDoc["status"];
  roles: ReportRole[];
  contact?: Contact;
  coEditor?: CoEditor;
  /** Answers this person changed last: question, when, report revision (no texts: see the doc). */
  answersChanged: { questionId: string; at: string; revision: number }[];
  submittedAt?: string;
  reopened?: { at: string; reason: string };
  /** Answer texts that contain the person's own details, as stored. */
  detailsInAnswers: { questionId: string; field: AnswerField; text: string }[];
}

export interface PersonalDataExport {
  format: "dekom-personal-data-export/1";
  email: string;
  exportedAt: string;
  subject: { ids: string[]; emails: string[] };
  /** Container "people": name, e-mail, tenant, conversation reference, reachability. */
  people: PersonDoc[];
  /** Container "reports". */
  reports: ReportExport[];
  /** Container "rounds": rounds where one of their ids is on the staff list. */
  staffOf: string[];
  /** Container "ledger": reminder records and reminder choices about them. */
  reminders: LedgerDoc[];
}

/** Everything about the person, for `personal-data export`. */
export function exportOf(email: string, h: Holdings, now: Date): PersonalDataExport {
  const s = identify(email, h);
  const reports: ReportExport[] = [];
  for (const r of h.reports) {
    const roles = rolesIn(r, s);
    const patterns = detailPatterns(s, roles.length > 0);
    const detailsInAnswers = Object.entries(r.answers).flatMap(([questionId, a]) =>
      scrubAnswer(a, patterns).fields.map((field) => ({ questionId, field, text: textOf(a, field) })),
    );
    if (roles.length === 0 && detailsInAnswers.length === 0) continue;
    const coEditor = r.coEditors.find(
      (e) => (e.aadObjectId && s.ids.includes(e.aadObjectId)) || s.emails.includes(norm(e.email)),
    );
    reports.push({
      roundId: r.roundId,
      reportId: r.id,
      partnership: r.partnership.name,
      tiltak: r.tiltak.name,
      status: r.status,
      roles,
      ...(roles.includes("contact") ? { contact: r.contact } : {}),
      ...(coEditor ? { coEditor } : {}),
      answersChanged: Object.entries(r.answers)
        .filter(([, a]) => s.ids.includes(a.by.id))
        .map(([questionId, a]) => ({ questionId, at: a.at, revision: a.rev })),
      ...(roles.includes("submitter") && r.submittedAt ? { submittedAt: r.submittedAt } : {}),
      ...(r.reopened && roles.includes("reopener")
        ? { reopened: { at: r.reopened.at, reason: r.reopened.reason } }
        : {}),
      detailsInAnswers,
    });
  }
  return {
    format: "dekom-personal-data-export/1",
    email: s.email,
    exportedAt: now.toISOString(),
    subject: { ids: s.ids, emails: s.emails },
    people: h.people.filter((p) => s.ids.includes(p.id) || s.emails.includes(norm(p.email))),
    reports,
    staffOf: h.rounds.filter((r) => r.staffIds.some((id) => s.ids.includes(id))).map((r) => r.id),
    reminders: h.ledger.filter((d) => s.recipientKeys.includes(d.recipient)),
  };
}

function textOf(a: AnswerContent, field: AnswerField): string {
  const v = field === "value" ? a.value : a[field];
  return Array.isArray(v) ? v.join("; ") : String(v ?? "");
}

/** What erasing the person changes in one report. */
export interface ReportErasure {
  contact: boolean;
  coEditorsRemoved: number;
  /** Answers whose "last changed by" is replaced. */
  answersAnonymised: number;
  /** Answers whose text had the person's details replaced. */
  answerTextsScrubbed: number;
  submitter: boolean;
  reopener: boolean;
  /** The staff's reason for reopening mentioned the person. */
  reopenReason: boolean;
  /** Co-editor entries whose "invited by" was the person. */
  invitedBy: number;
}

const ERASED_ACTOR = { id: ERASED, name: ERASED };

/**
 * The report without the person's details, or undefined when nothing in it is about them.
 * Pure: used for the plan and again on the fresh document inside every write attempt.
 */
export function eraseInReport(
  doc: ReportDoc,
  s: DataSubject,
  now: Date,
): { doc: ReportDoc; changes: ReportErasure } | undefined {
  const roles = rolesIn(doc, s);
  const patterns = detailPatterns(s, roles.length > 0);
  const mine = (p: { aadObjectId?: string; email?: string }) =>
    (p.aadObjectId !== undefined && s.ids.includes(p.aadObjectId)) || s.emails.includes(norm(p.email));
  const next: ReportDoc = structuredClone(doc);
  const changes: ReportErasure = {
    contact: roles.includes("contact"),
    coEditorsRemoved: doc.coEditors.filter(mine).length,
    answersAnonymised: 0,
    answerTextsScrubbed: 0,
    submitter: roles.includes("submitter"),
    reopener: roles.includes("reopener"),
    reopenReason: false,
    invitedBy: 0,
  };
  if (changes.contact) next.contact = { name: ERASED, email: erasedEmail(doc.id) };
  next.coEditors = next.coEditors.filter((e) => !mine(e));
  for (const e of next.coEditors) {
    if (!s.ids.includes(e.invitedBy)) continue;
    e.invitedBy = ERASED;
    changes.invitedBy++;
  }
  const answers: Record<string, Answer> = {};
  for (const [qid, a] of Object.entries(next.answers)) {
    const scrubbed = scrubAnswer(a, patterns);
    if (scrubbed.fields.length > 0) changes.answerTextsScrubbed++;
    const byThem = s.ids.includes(a.by.id);
    if (byThem) changes.answersAnonymised++;
    answers[qid] = byThem ? { ...scrubbed.answer, by: { ...ERASED_ACTOR } } : scrubbed.answer;
  }
  next.answers = answers;
  if (changes.submitter) next.submittedBy = { ...ERASED_ACTOR };
  if (next.reopened) {
    const reason = scrub(next.reopened.reason, patterns);
    next.reopened = { ...next.reopened, reason, ...(changes.reopener ? { by: { ...ERASED_ACTOR } } : {}) };
    changes.reopenReason = reason !== doc.reopened?.reason;
  }
  const changed =
    changes.contact ||
    changes.coEditorsRemoved + changes.answersAnonymised + changes.answerTextsScrubbed + changes.invitedBy >
      0 ||
    changes.submitter ||
    changes.reopener ||
    changes.reopenReason;
  if (!changed) return undefined;
  next.revision = doc.revision + 1;
  next.updatedAt = now.toISOString();
  return { doc: next, changes };
}

export interface ErasurePlan {
  subject: DataSubject;
  /** People documents to delete (name, e-mail, conversation reference). */
  people: { id: string; name: string }[];
  reports: { roundId: string; reportId: string; label: string; changes: ReportErasure }[];
  /** Ledger documents to delete. */
  ledger: { roundId: string; id: string; kind: LedgerDoc["kind"] }[];
  /** Rounds where the person is on the staff list (not changed: access configuration). */
  staffOf: string[];
}

export function planErasure(email: string, h: Holdings, now: Date): ErasurePlan {
  const s = identify(email, h);
  return {
    subject: s,
    people: h.people
      .filter((p) => s.ids.includes(p.id) || s.emails.includes(norm(p.email)))
      .map((p) => ({ id: p.id, name: p.name })),
    reports: h.reports.flatMap((r) => {
      const erased = eraseInReport(r, s, now);
      return erased
        ? [
            {
              roundId: r.roundId,
              reportId: r.id,
              label: `${r.partnership.name} – ${r.tiltak.name}`,
              changes: erased.changes,
            },
          ]
        : [];
    }),
    ledger: h.ledger
      .filter((d) => s.recipientKeys.includes(d.recipient))
      .map((d) => ({ roundId: d.roundId, id: d.id, kind: d.kind })),
    staffOf: h.rounds.filter((r) => r.staffIds.some((id) => s.ids.includes(id))).map((r) => r.id),
  };
}

export const isEmptyPlan = (p: ErasurePlan): boolean =>
  p.people.length === 0 && p.reports.length === 0 && p.ledger.length === 0;

/** Where the documents live. Deleting people and ledger documents goes to the containers directly. */
export interface PersonalDataStores {
  reports: ReportRepo;
  rounds: RoundRepo;
  people: PeopleRepo;
  ledger: LedgerRepo;
  containers: { people: Container; ledger: Container };
}

/**
 * Reads what may concern the person: people with the e-mail (and then their ids), every report of
 * every round (answers may carry their id even where they are no longer a co-editor), and the ledger
 * of those rounds. Cross-partition reads: an administrative task, not for the hot path.
 */
export async function loadHoldings(st: PersonalDataStores, email: string): Promise<Holdings> {
  const { resources } = await st.containers.people.items
    .query<PersonDoc>({
      query: "SELECT * FROM c WHERE LOWER(c.email) = @email",
      parameters: [{ name: "@email", value: norm(email) }],
    })
    .fetchAll();
  const people = new Map(resources.map((p) => [p.id, stripSystemFields(p)]));
  const rounds = await st.rounds.list();
  const reports = new Map<string, ReportDoc>();
  for (const round of rounds)
    for (const r of await st.reports.listByRound(round.id)) reports.set(`${r.roundId}/${r.id}`, r);
  for (const r of await st.reports.listForPerson({ id: "", email })) reports.set(`${r.roundId}/${r.id}`, r);
  // People documents of ids found through reports (a person may have no e-mail on record).
  const tried = new Set(people.keys());
  for (;;) {
    const found = identify(email, { people: [...people.values()], reports: [...reports.values()] });
    const missing = found.ids.filter((id) => !tried.has(id));
    if (missing.length === 0) break;
    for (const id of missing) {
      tried.add(id);
      const person = await st.people.get(id);
      if (person) people.set(id, person);
    }
  }
  const roundIds = new Set([...rounds.map((r) => r.id), ...[...reports.values()].map((r) => r.roundId)]);
  const ledger: LedgerDoc[] = [];
  for (const roundId of roundIds) {
    const l = await st.ledger.listByRound(roundId);
    ledger.push(...l.reminders.map((v) => v.doc), ...l.recipients);
  }
  return {
    people: [...people.values()],
    reports: [...reports.values()],
    rounds,
    ledger,
  };
}

export interface ErasureResult {
  peopleDeleted: number;
  reportsChanged: number;
  ledgerDeleted: number;
}

/** Writes the plan. Safe to run again: what is already gone or already erased is skipped. */
export async function applyErasure(
  st: PersonalDataStores,
  plan: ErasurePlan,
  now: Date,
): Promise<ErasureResult> {
  const result: ErasureResult = { peopleDeleted: 0, reportsChanged: 0, ledgerDeleted: 0 };
  for (const r of plan.reports) {
    const u = await st.reports.updateWithRetry(
      r.roundId,
      r.reportId,
      (doc) => eraseInReport(doc, plan.subject, now)?.doc,
    );
    if (u.written) result.reportsChanged++;
  }
  for (const p of plan.people) if (await remove(st.containers.people, p.id, p.id)) result.peopleDeleted++;
  for (const d of plan.ledger)
    if (await remove(st.containers.ledger, d.id, d.roundId)) result.ledgerDeleted++;
  return result;
}

/** Deletes one document; false when it was already gone. */
async function remove(container: Container, id: string, partitionKey: string): Promise<boolean> {
  try {
    const response = await container.item(id, partitionKey).delete();
    return response.statusCode !== 404;
  } catch (err) {
    if (cosmosStatus(err) === 404) return false;
    throw err;
  }
}
