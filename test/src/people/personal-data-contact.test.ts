/**
 * Personal data the person typed themselves: the answers to the contact-detail questions (a name
 * variant, workplace, phone and e-mail other than the imported ones) and e-mail addresses or phone
 * numbers inside free texts. The attack run found these neither exported nor erased.
 */
import { describe, expect, it } from "vitest";
import {
  CONTACT_DETAIL_QUESTIONS,
  ERASED,
  eraseInReport,
  exportOf,
  type Holdings,
  identify,
  planErasure,
} from "../../../src/people/personal-data.ts";
import type { Answer, ReportDoc } from "../../../src/reports/types.ts";
import {
  bothForms,
  coEditorActor,
  contactActor,
  form2021,
  form2024,
  makeReport,
  NOW,
} from "../reports/fixtures.ts";

const now = new Date(NOW);
const by = (
  a: { id: string; name: string },
  value: Answer["value"],
  extra: Partial<Answer> = {},
): Answer => ({
  value,
  by: { id: a.id, name: a.name },
  at: NOW,
  rev: 1,
  ...extra,
});

/** Kari is the imported contact (phone +4791234567); she typed other details into the form. */
const contact = {
  name: "Kari Kontakt",
  email: "kari@example.com",
  phone: "+4791234567",
  aadObjectId: contactActor.id,
};

function holdings(): Holdings {
  const r2024 = makeReport(form2024, {
    id: "r-2024",
    contact,
    answers: {
      q01: by(contactActor, "K. Nordkontakt"),
      q02: by(coEditorActor, "Bodø kommune, oppvekstkontoret"),
      q03: by(contactActor, "+4741804997"),
      q23: by(coEditorActor, "Ring sekretær på 22 33 44 55 eller skriv til post@bodo.kommune.no."),
      q24: by(contactActor, "Se plan.", { comment: "Svar meg på kari.privat@gmail.com" }),
    },
  });
  const r2021 = makeReport(form2021, {
    id: "r-2021",
    contact,
    answers: {
      "2.1": by(contactActor, "K. Nordkontakt, Bodø kommune, 418 04 997"),
      "2.2": by(contactActor, "kari.privat@gmail.com"),
    },
  });
  const others = makeReport(form2024, {
    id: "r-other",
    contact: { name: "Per Fremmed", email: "per@example.com" },
    coEditors: [],
    answers: {
      q23: by({ id: "aad-per", name: "Per Fremmed" }, "Kontakt per.privat@example.org eller 99 88 77 66"),
    },
  });
  return { people: [], reports: [r2024, r2021, others], rounds: [], ledger: [] };
}

const report = (h: Holdings, id: string) => h.reports.find((r) => r.id === id) as ReportDoc;

describe("contact-detail questions", () => {
  it("should name, per form, the first section's questions about the contact person", () => {
    for (const form of bothForms) {
      const ids = CONTACT_DETAIL_QUESTIONS[form.id] ?? [];
      expect(ids.length).toBeGreaterThan(0);
      const questions = form.sections.flatMap((s) => s.questions);
      for (const id of ids) {
        const q = questions.find((x) => x.id === id);
        expect(q?.text, id).toMatch(/kontaktperson/i);
        expect(["text", "phone", "email"]).toContain(q?.type);
      }
    }
  });
});

describe("export", () => {
  it("should export every contact-detail answer in full, typed variants included", () => {
    const out = exportOf("kari@example.com", holdings(), now);
    const r2024 = out.reports.find((r) => r.reportId === "r-2024");
    expect(r2024?.contactAnswers).toEqual([
      { questionId: "q01", text: "K. Nordkontakt" },
      { questionId: "q02", text: "Bodø kommune, oppvekstkontoret" },
      { questionId: "q03", text: "+4741804997" },
    ]);
    const r2021 = out.reports.find((r) => r.reportId === "r-2021");
    expect(r2021?.contactAnswers.map((a) => a.text)).toEqual([
      "K. Nordkontakt, Bodø kommune, 418 04 997",
      "kari.privat@gmail.com",
    ]);
  });

  it("should list other e-mails and phone numbers in the free texts of her reports, and none of others' reports", () => {
    const out = exportOf("kari@example.com", holdings(), now);
    const found = out.reports.flatMap((r) =>
      r.foundInText.map((f) => `${r.reportId} ${f.questionId} ${f.kind} ${f.text}`),
    );
    expect(found).toEqual([
      "r-2024 q23 phone 22 33 44 55",
      "r-2024 q23 email post@bodo.kommune.no",
      "r-2024 q24 email kari.privat@gmail.com",
    ]);
    expect(found.join(" ")).not.toContain("per.privat");
  });
});

describe("erasure", () => {
  it("should erase her contact-detail answers whole, whoever typed them", () => {
    const h = holdings();
    const s = identify("kari@example.com", h);
    const erased = eraseInReport(report(h, "r-2024"), s, now);
    expect(erased?.doc.answers.q01?.value).toBe(ERASED);
    expect(erased?.doc.answers.q02).toMatchObject({ value: ERASED, by: { id: coEditorActor.id } });
    expect(erased?.doc.answers.q03?.value).toBe(ERASED);
    expect(erased?.changes.contactAnswersErased).toBe(3);
    const r2021 = eraseInReport(report(h, "r-2021"), s, now)?.doc;
    expect(r2021?.answers["2.1"]?.value).toBe(ERASED);
    expect(r2021?.answers["2.2"]?.value).toBe(ERASED);
    expect(JSON.stringify(r2021)).not.toMatch(/Nordkontakt|418 04 997|kari\.privat/);
  });

  it("should leave the contact answers of a report when the erased person is neither its contact nor their author", () => {
    const h = holdings();
    const ola = identify(coEditorActor.email as string, h);
    const erased = eraseInReport(report(h, "r-2024"), ola, now);
    expect(erased?.doc.answers.q01?.value).toBe("K. Nordkontakt");
    expect(erased?.doc.answers.q03?.value).toBe("+4741804997");
    // Ola wrote q02 himself: his answer to a contact question goes with him.
    expect(erased?.doc.answers.q02?.value).toBe(ERASED);
  });

  it("should list found details for staff to confirm, and erase them only when confirmed", () => {
    const h = holdings();
    const dry = planErasure("kari@example.com", h, now);
    expect(dry.foundInText.map((f) => f.text)).toEqual([
      "22 33 44 55",
      "post@bodo.kommune.no",
      "kari.privat@gmail.com",
    ]);
    expect(dry.confirmed).toEqual([]);
    const kept = eraseInReport(report(h, "r-2024"), dry.subject, now, dry.confirmed)?.doc;
    expect(kept?.answers.q23?.value).toContain("post@bodo.kommune.no");
    expect(kept?.answers.q24?.comment).toContain("kari.privat@gmail.com");

    const confirmed = planErasure("kari@example.com", h, now, { includeFound: true });
    const doc = eraseInReport(report(h, "r-2024"), confirmed.subject, now, confirmed.confirmed)?.doc;
    expect(doc?.answers.q23?.value).toBe(`Ring sekretær på ${ERASED} eller skriv til ${ERASED}.`);
    expect(doc?.answers.q24).toMatchObject({ value: "Se plan.", comment: `Svar meg på ${ERASED}` });
    // Another person's report is never touched by what was found in hers.
    expect(confirmed.reports.map((r) => r.reportId)).not.toContain("r-other");
  });
});
