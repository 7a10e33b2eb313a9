/**
 * Personal data about one person (found by e-mail): what erasing them changes (the erasure plan; what
 * the bot holds is personal-data-export.ts). Pure: works on documents already read (personal-data.ts).
 * See docs/personal-data.md for what is kept, where, why and for how long.
 *
 * Decisions (kept in step with the doc):
 * - A person is matched by e-mail (case-insensitive) and by every Entra/Teams id found for that e-mail
 *   (people documents, contact and co-editor entries), repeatedly until nothing new turns up.
 * - Answers belong to the partnership's report and stay. The export lists which answers the person
 *   changed last and when (no texts); erasure replaces "last changed by" with "(slettet)". Answer texts
 *   that contain the person's own contact details (their e-mail or phone anywhere; their name in reports
 *   they took part in) are exported, and on erasure those details are replaced by "(slettet)".
 * - The answers to the contact-detail questions (CONTACT_DETAIL_QUESTIONS: the name variant, workplace,
 *   phone and e-mail the contact typed, whatever they are) are the contact's: exported in full to the
 *   contact (and to whoever wrote them), and on erasure of that person they become "(slettet)".
 * - Any other e-mail address or phone number in the free texts of their reports is listed
 *   (`foundInText`) for staff to confirm; it is erased only when the plan is made with `includeFound`.
 * - The contact of a report is replaced by a placeholder (name "(slettet)", an @invalid e-mail, no phone,
 *   no Entra id); a co-editor entry is removed; reminder ledger documents about them are deleted.
 * - Round staff lists (Entra ids) are access configuration: exported, never changed here.
 */
import type { LedgerDoc } from "../reminders/types.ts";
import type { Answer, ReportDoc } from "../reports/types.ts";
import {
  contactAnswerIds,
  type DataSubject,
  detailPatterns,
  ERASED,
  erasedEmail,
  type FoundDetail,
  foundDetails,
  type Holdings,
  identify,
  isTheirs,
  norm,
  rolesIn,
  scrub,
  scrubAnswer,
  theirReach,
} from "./personal-data-subject.ts";

/** What erasing the person changes in one report. */
export interface ReportErasure {
  contact: boolean;
  coEditorsRemoved: number;
  /** Their requests to approve (with their approval and comment), removed. */
  approversRemoved: number;
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
  /** Contact-detail answers replaced whole by "(slettet)". */
  contactAnswersErased: number;
}

const ERASED_ACTOR = { id: ERASED, name: ERASED };

/**
 * The report without the person's details, or undefined when nothing in it is about them. `confirmed`
 * are e-mails and phone numbers from the "found in free text" list that staff chose to erase too.
 * Pure: used for the plan and again on the fresh document inside every write attempt.
 */
export function eraseInReport(
  doc: ReportDoc,
  s: DataSubject,
  now: Date,
  confirmed: readonly string[] = [],
): { doc: ReportDoc; changes: ReportErasure } | undefined {
  const roles = rolesIn(doc, s);
  const patterns = detailPatterns(s, roles.length > 0, roles.length > 0 ? confirmed : []);
  const mine = (p: { aadObjectId?: string; email?: string }) => isTheirs(s, p);
  const contactIds = new Set(contactAnswerIds(doc, s, roles));
  const next: ReportDoc = structuredClone(doc);
  const changes: ReportErasure = {
    contact: roles.includes("contact"),
    coEditorsRemoved: doc.coEditors.filter(mine).length,
    approversRemoved: (doc.approvers ?? []).filter(mine).length,
    answersAnonymised: 0,
    answerTextsScrubbed: 0,
    submitter: roles.includes("submitter"),
    reopener: roles.includes("reopener"),
    reopenReason: false,
    invitedBy: 0,
    contactAnswersErased: 0,
  };
  if (changes.contact) next.contact = { name: ERASED, email: erasedEmail(doc.id) };
  next.coEditors = next.coEditors.filter((e) => !mine(e));
  for (const e of next.coEditors) {
    if (!s.ids.includes(e.invitedBy)) continue;
    e.invitedBy = ERASED;
    changes.invitedBy++;
  }
  if (next.approvers !== undefined) next.approvers = next.approvers.filter((e) => !mine(e));
  for (const e of next.approvers ?? []) {
    if (!s.ids.includes(e.requestedBy)) continue;
    e.requestedBy = ERASED;
    changes.invitedBy++;
  }
  const answers: Record<string, Answer> = {};
  for (const [qid, a] of Object.entries(next.answers)) {
    if (contactIds.has(qid)) {
      const { other: _other, comment: _comment, ...rest } = a;
      const byThem = s.ids.includes(a.by.id);
      // Counted as scrubbed where the text held their known details, else as a typed variant erased.
      if (scrubAnswer(a, patterns).fields.length > 0) changes.answerTextsScrubbed++;
      else if (a.value !== ERASED) changes.contactAnswersErased++;
      answers[qid] = { ...rest, value: ERASED, ...(byThem ? { by: { ...ERASED_ACTOR } } : {}) };
      if (byThem) changes.answersAnonymised++;
      continue;
    }
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
    changes.coEditorsRemoved +
      changes.approversRemoved +
      changes.answersAnonymised +
      changes.answerTextsScrubbed +
      changes.invitedBy +
      changes.contactAnswersErased >
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
  /** Reach records to delete (people container). */
  reach: { id: string }[];
  /** Rounds where the person is on the staff list (not changed: access configuration). */
  staffOf: string[];
  /** Other e-mails and phone numbers in the free texts of their reports, for staff to confirm. */
  foundInText: (FoundDetail & { roundId: string; reportId: string })[];
  /** Found details erased too (all of foundInText when planned with includeFound, else none). */
  confirmed: string[];
}

export interface PlanOptions {
  /** Erase the e-mails and phone numbers found in free text too (staff confirmed the list). */
  includeFound?: boolean;
}

export function planErasure(email: string, h: Holdings, now: Date, opts: PlanOptions = {}): ErasurePlan {
  const s = identify(email, h);
  const foundInText = h.reports.flatMap((r) => {
    const roles = rolesIn(r, s);
    if (roles.length === 0) return [];
    return foundDetails(r, detailPatterns(s, true)).map((f) => ({
      ...f,
      roundId: r.roundId,
      reportId: r.id,
    }));
  });
  const confirmed = opts.includeFound ? [...new Set(foundInText.map((f) => f.text))] : [];
  return {
    subject: s,
    foundInText,
    confirmed,
    people: h.people
      .filter((p) => s.ids.includes(p.id) || s.emails.includes(norm(p.email)))
      .map((p) => ({ id: p.id, name: p.name })),
    reports: h.reports.flatMap((r) => {
      const erased = eraseInReport(r, s, now, confirmed);
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
    reach: theirReach(h, s).map((d) => ({ id: d.id })),
    staffOf: h.rounds.filter((r) => r.staffIds.some((id) => s.ids.includes(id))).map((r) => r.id),
  };
}

export const isEmptyPlan = (p: ErasurePlan): boolean =>
  p.people.length === 0 && p.reports.length === 0 && p.ledger.length === 0 && p.reach.length === 0;
