/**
 * What the bot holds about one person (found by e-mail), for `personal-data export`. Pure: works on
 * documents already read (personal-data.ts). The decisions are in personal-data-plan.ts's header and
 * docs/personal-data.md.
 */
import type { LedgerDoc } from "../reminders/types.ts";
import type { Answer, Approver, CoEditor, Contact, ReportDoc } from "../reports/types.ts";
import {
  type AnswerField,
  contactAnswerIds,
  detailPatterns,
  type FoundDetail,
  foundDetails,
  type Holdings,
  identify,
  isTheirs,
  norm,
  type ReportRole,
  rolesIn,
  scrubAnswer,
  textOf,
  theirReach,
} from "./personal-data-subject.ts";
import type { ReachDoc } from "./reach-service.ts";
import type { PersonDoc } from "./types.ts";

export interface ReportExport {
  roundId: string;
  reportId: string;
  partnership: string;
  tiltak: string;
  status: ReportDoc["status"];
  roles: ReportRole[];
  contact?: Contact;
  coEditor?: CoEditor;
  /** Asked to approve: their entry with their approval and comment. */
  approver?: Approver;
  /** Answers this person changed last: question, when, report revision (no texts: see the doc). */
  answersChanged: { questionId: string; at: string; revision: number }[];
  submittedAt?: string;
  reopened?: { at: string; reason: string };
  /** Answer texts that contain the person's own details, as stored. */
  detailsInAnswers: { questionId: string; field: AnswerField; text: string }[];
  /** Their answers to the contact-detail questions, in full (typed name, workplace, phone, e-mail). */
  contactAnswers: { questionId: string; text: string }[];
  /** Other e-mail addresses and phone numbers in the report's free texts, which may be theirs. */
  foundInText: FoundDetail[];
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
  /** Container "people": the last attempt to reach them (object id and step outcomes). */
  reach: ReachDoc[];
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
    const coEditor = r.coEditors.find((e) => isTheirs(s, e));
    const approver = (r.approvers ?? []).find((e) => isTheirs(s, e));
    const contactAnswers = contactAnswerIds(r, s, roles).map((questionId) => ({
      questionId,
      text: textOf(r.answers[questionId] as Answer, "value"),
    }));
    reports.push({
      roundId: r.roundId,
      reportId: r.id,
      partnership: r.partnership.name,
      tiltak: r.tiltak.name,
      status: r.status,
      roles,
      ...(roles.includes("contact") ? { contact: r.contact } : {}),
      ...(coEditor ? { coEditor } : {}),
      ...(approver ? { approver } : {}),
      answersChanged: Object.entries(r.answers)
        .filter(([, a]) => s.ids.includes(a.by.id))
        .map(([questionId, a]) => ({ questionId, at: a.at, revision: a.rev })),
      ...(roles.includes("submitter") && r.submittedAt ? { submittedAt: r.submittedAt } : {}),
      ...(r.reopened && roles.includes("reopener")
        ? { reopened: { at: r.reopened.at, reason: r.reopened.reason } }
        : {}),
      detailsInAnswers,
      contactAnswers,
      foundInText: roles.length > 0 ? foundDetails(r, patterns) : [],
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
    reach: theirReach(h, s),
  };
}
