import { describe, expect, it } from "vitest";
import {
  ERASED,
  erasedEmail,
  eraseInReport,
  exportOf,
  type Holdings,
  identify,
  isEmptyPlan,
  isErasedEmail,
  planErasure,
} from "../../../src/people/personal-data.ts";
import type { PersonDoc } from "../../../src/people/types.ts";
import { recipientKey } from "../../../src/reminders/recipients.ts";
import type { LedgerDoc } from "../../../src/reminders/types.ts";
import type { Answer, ReportDoc } from "../../../src/reports/types.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";
import { coEditorActor, contactActor, form2024, makeReport, NOW } from "../reports/fixtures.ts";

const at = (minute: number) => `2026-11-02T10:${String(minute).padStart(2, "0")}:00.000Z`;
const by = (a: { id: string; name: string }, value: Answer["value"], minute: number, extra = {}): Answer => ({
  value,
  by: { id: a.id, name: a.name },
  at: at(minute),
  rev: minute,
  ...extra,
});

/** Kari is the contact of r-1 (Ola co-editor) and a co-editor of r-2; r-3 only mentions her e-mail. */
function holdings(): Holdings {
  const r1 = makeReport(form2024, {
    id: "r-1",
    contact: {
      name: "Kari Kontakt",
      email: "kari@example.com",
      phone: "+4791234567",
      aadObjectId: "aad-contact",
    },
    status: "submitted",
    submittedAt: at(30),
    submittedBy: { id: "aad-contact", name: "Kari Kontakt" },
    answers: {
      q01: by(contactActor, "Kari Kontakt", 1),
      q03: by(contactActor, "+4791234567", 2),
      q09: by(coEditorActor, "Nord universitet", 3),
      q23: by(coEditorActor, "Spør Kari Kontakt på 912 34 567 eller KARI@example.com.", 4),
      q24: by(contactActor, "Henger sammen med inkluderingsløftet.", 5, { comment: "ring +47 912-34-567" }),
    },
  });
  const r2 = makeReport(form2024, {
    id: "r-2",
    contact: { name: "Ola Medredaktør", email: "ola@example.com", aadObjectId: "aad-coeditor" },
    coEditors: [
      {
        email: "kari.old@example.com",
        name: "Kari Kontakt",
        aadObjectId: "aad-contact",
        invitedAt: NOW,
        invitedBy: "aad-coeditor",
      },
      { email: "per@example.com", invitedAt: NOW, invitedBy: "aad-contact" },
    ],
    answers: { q02: by(contactActor, "Salten", 6), q09: by(coEditorActor, "Kari Kontakt er flink", 7) },
  });
  const r3 = makeReport(form2024, {
    id: "r-3",
    contact: { name: "Per Fremmed", email: "per@example.com" },
    coEditors: [],
    answers: { q23: by({ id: "aad-per", name: "Per Fremmed" }, "Kari Kontakt og kari@example.com hjalp", 8) },
  });
  const person: PersonDoc = {
    id: "aad-contact",
    name: "Kari Kontakt",
    email: "kari@example.com",
    tenantId: "t-1",
    target: { serviceUrl: "https://smba", channelId: "msteams", conversationId: "a:kari", userId: "29:kari" },
    updatedAt: NOW,
  };
  const other: PersonDoc = {
    id: "aad-coeditor",
    name: "Ola Medredaktør",
    email: "ola@example.com",
    updatedAt: NOW,
  };
  const round: RoundDoc = {
    id: "round-2025",
    county: "Nordland",
    formId: form2024.id,
    reportingYear: 2025,
    deadline: NOW,
    staffIds: ["aad-staff"],
    createdAt: NOW,
  };
  const kariKey = recipientKey({ aadObjectId: "aad-contact" });
  const ledger: LedgerDoc[] = [
    reminder("r-1", kariKey),
    reminder("r-2", recipientKey({ aadObjectId: "aad-coeditor" })),
    {
      id: `rcp:r-1:${kariKey}`,
      kind: "recipient",
      roundId: "round-2025",
      reportId: "r-1",
      recipient: kariKey,
      optedOutAt: NOW,
      updatedAt: NOW,
    },
  ];
  return { people: [person, other], reports: [r1, r2, r3], rounds: [round], ledger };
}

function reminder(reportId: string, recipient: string): LedgerDoc {
  return {
    id: `rem:${reportId}:${recipient}:first`,
    kind: "reminder",
    roundId: "round-2025",
    reportId,
    recipient,
    recipientRole: "contact",
    stage: "first",
    stageKind: "before",
    dueAt: NOW,
    status: "sent",
    owner: "run-1",
    claimedAt: NOW,
    attempts: 1,
    updatedAt: NOW,
  };
}

const report = (h: Holdings, id: string) => h.reports.find((r) => r.id === id) as ReportDoc;
const now = new Date("2026-12-01T12:00:00.000Z");

describe("identify", () => {
  it("should follow the e-mail to the person's ids, other e-mails, names and phone", () => {
    const s = identify(" KARI@example.com ", holdings());
    expect(s.email).toBe("kari@example.com");
    expect(s.ids).toEqual(["aad-contact"]);
    expect(s.emails.sort()).toEqual(["kari.old@example.com", "kari@example.com"]);
    expect(s.names).toEqual(["Kari Kontakt"]);
    expect(s.phones).toEqual(["+4791234567"]);
    expect(s.recipientKeys).toContain(recipientKey({ aadObjectId: "aad-contact" }));
    expect(s.recipientKeys).toContain(recipientKey({ email: "kari@example.com" }));
  });

  it("should find nobody for an unknown e-mail", () => {
    const s = identify("nobody@example.com", holdings());
    expect(s.ids).toEqual([]);
    expect(isEmptyPlan(planErasure("nobody@example.com", holdings(), now))).toBe(true);
  });
});

describe("exportOf", () => {
  it("should list the person's roles, contact details and the answers they changed (without texts)", () => {
    const x = exportOf("kari@example.com", holdings(), now);
    expect(x.format).toBe("dekom-personal-data-export/1");
    expect(x.people.map((p) => p.id)).toEqual(["aad-contact"]);
    expect(x.people[0]?.target?.conversationId).toBe("a:kari");
    const r1 = x.reports.find((r) => r.reportId === "r-1");
    expect(r1?.roles).toEqual(["contact", "author", "submitter"]);
    expect(r1?.contact?.phone).toBe("+4791234567");
    expect(r1?.submittedAt).toBe(at(30));
    expect(r1?.answersChanged).toEqual([
      { questionId: "q01", at: at(1), revision: 1 },
      { questionId: "q03", at: at(2), revision: 2 },
      { questionId: "q24", at: at(5), revision: 5 },
    ]);
    expect(JSON.stringify(r1?.answersChanged)).not.toContain("inkluderingsløftet");
    // Her own details inside answers, whoever wrote them:
    expect(r1?.detailsInAnswers.map((d) => `${d.questionId}.${d.field}`)).toEqual([
      "q01.value",
      "q03.value",
      "q23.value",
      "q24.comment",
    ]);
    const r2 = x.reports.find((r) => r.reportId === "r-2");
    expect(r2?.roles).toEqual(["coeditor", "author"]);
    expect(r2?.coEditor?.email).toBe("kari.old@example.com");
    expect(r2?.contact).toBeUndefined();
    // r-3: she has no role, but her e-mail is in an answer (her name is only looked for where she took part).
    const r3 = x.reports.find((r) => r.reportId === "r-3");
    expect(r3?.roles).toEqual([]);
    expect(r3?.detailsInAnswers).toEqual([
      { questionId: "q23", field: "value", text: "Kari Kontakt og kari@example.com hjalp" },
    ]);
    expect(x.reminders.map((d) => d.id)).toEqual([
      `rem:r-1:${recipientKey({ aadObjectId: "aad-contact" })}:first`,
      `rcp:r-1:${recipientKey({ aadObjectId: "aad-contact" })}`,
    ]);
    expect(x.staffOf).toEqual([]);
  });

  it("should list the rounds where the person is staff", () => {
    const h = holdings();
    h.people.push({ id: "aad-staff", name: "Siri", email: "siri@sf.no", updatedAt: NOW });
    expect(exportOf("siri@sf.no", h, now).staffOf).toEqual(["round-2025"]);
    expect(planErasure("siri@sf.no", h, now).staffOf).toEqual(["round-2025"]);
  });
});

describe("eraseInReport", () => {
  it("should replace the contact, anonymise her answers and scrub her details but keep the answers", () => {
    const h = holdings();
    const s = identify("kari@example.com", h);
    const before = report(h, "r-1");
    const erased = eraseInReport(before, s, now);
    if (erased === undefined) throw new Error("expected a change");
    const { doc, changes } = erased;
    expect(doc.contact).toEqual({ name: ERASED, email: erasedEmail("r-1") });
    expect(isErasedEmail(doc.contact.email)).toBe(true);
    expect(doc.submittedBy).toEqual({ id: ERASED, name: ERASED });
    expect(doc.answers.q01).toMatchObject({ value: ERASED, by: { id: ERASED, name: ERASED }, at: at(1) });
    expect(doc.answers.q03?.value).toBe(ERASED);
    expect(doc.answers.q23).toMatchObject({
      value: `Spør ${ERASED} på ${ERASED} eller ${ERASED}.`,
      by: { id: "aad-coeditor", name: "Ola Medredaktør" },
    });
    expect(doc.answers.q24).toMatchObject({
      value: "Henger sammen med inkluderingsløftet.",
      comment: `ring ${ERASED}`,
      by: { id: ERASED },
    });
    expect(doc.answers.q09).toEqual(before.answers.q09);
    expect(doc.status).toBe("submitted");
    expect(doc.revision).toBe(before.revision + 1);
    expect(doc.updatedAt).toBe(now.toISOString());
    expect(changes).toMatchObject({
      contact: true,
      coEditorsRemoved: 0,
      answersAnonymised: 3,
      answerTextsScrubbed: 4,
      submitter: true,
    });
    expect(JSON.stringify(doc)).not.toMatch(/kari|91234567|912 34 567|aad-contact/i);
    expect(eraseInReport(doc, s, now)).toBeUndefined();
  });

  it("should remove her co-editor entry and her id as inviter, and leave the contact", () => {
    const h = holdings();
    const erased = eraseInReport(report(h, "r-2"), identify("kari@example.com", h), now);
    expect(erased?.doc.contact.email).toBe("ola@example.com");
    expect(erased?.doc.coEditors).toEqual([{ email: "per@example.com", invitedAt: NOW, invitedBy: ERASED }]);
    expect(erased?.doc.answers.q09?.value).toBe(`${ERASED} er flink`);
    expect(erased?.changes).toMatchObject({ coEditorsRemoved: 1, invitedBy: 1, answersAnonymised: 1 });
  });

  it("should scrub her e-mail but not a name in a report she took no part in", () => {
    const h = holdings();
    const erased = eraseInReport(report(h, "r-3"), identify("kari@example.com", h), now);
    expect(erased?.doc.answers.q23?.value).toBe(`Kari Kontakt og ${ERASED} hjalp`);
    expect(erased?.doc.answers.q23?.by).toEqual({ id: "aad-per", name: "Per Fremmed" });
  });

  it("should scrub a reopen reason that names the person", () => {
    const h = holdings();
    const r = {
      ...report(h, "r-1"),
      reopened: { by: { id: "aad-staff", name: "Siri" }, at: NOW, reason: "Kari Kontakt ba om det" },
    };
    const erased = eraseInReport(r, identify("kari@example.com", h), now);
    expect(erased?.doc.reopened).toEqual({
      by: { id: "aad-staff", name: "Siri" },
      at: NOW,
      reason: `${ERASED} ba om det`,
    });
    expect(erased?.changes.reopenReason).toBe(true);
  });
});

describe("planErasure", () => {
  it("should plan the people, report and ledger changes and nothing about others", () => {
    const plan = planErasure("kari@example.com", holdings(), now);
    expect(plan.people).toEqual([{ id: "aad-contact", name: "Kari Kontakt" }]);
    expect(plan.reports.map((r) => r.reportId)).toEqual(["r-1", "r-2", "r-3"]);
    expect(plan.reports[0]?.label).toBe("Kulturnettverket – Tiltak r-1");
    expect(plan.ledger.map((d) => d.kind)).toEqual(["reminder", "recipient"]);
    expect(plan.staffOf).toEqual([]);
  });

  it("should not use very short names to scrub free text", () => {
    const h = holdings();
    const r1 = report(h, "r-1");
    r1.contact.name = "Bo";
    r1.answers.q23 = by(coEditorActor, "Bodø og Bo", 9);
    const erased = eraseInReport(r1, identify("kari@example.com", { ...h, people: [] }), now);
    expect(erased?.doc.answers.q23?.value).toBe("Bodø og Bo");
  });
});
