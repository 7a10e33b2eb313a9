import { describe, expect, it } from "vitest";
import { allQuestions } from "../../../src/questionnaire/form.ts";
import type { AnswerContent } from "../../../src/questionnaire/types.ts";
import {
  applyAnswers,
  resumeSectionIndex,
  sectionProgress,
  staleQuestions,
  submitBlockers,
} from "../../../src/reports/report.ts";
import {
  coEditorActor,
  completeContents,
  contactActor,
  form2021,
  form2024,
  makeReport,
  stored,
} from "./fixtures.ts";

const complete2021 = completeContents(form2021);
const complete2024 = completeContents(form2024);

/** The contents without some questions. */
function without(contents: Record<string, AnswerContent>, ...qids: string[]) {
  return Object.fromEntries(Object.entries(contents).filter(([qid]) => !qids.includes(qid)));
}

function section(index: number, form = form2021) {
  const s = form.sections[index];
  if (s === undefined) throw new Error(`no section ${index}`);
  return s;
}

describe("sectionProgress", () => {
  it("should count answered questions and list the unanswered required ones in form order", () => {
    // Section 3 of 2021: 3.2 is optional, the rest required.
    const s = section(1);
    const report = makeReport(form2021, {
      answers: stored({ "3.1": { value: "Partnerskap" }, "3.2": { value: "Valgfritt" } }),
    });
    const progress = sectionProgress(s, report);
    expect(progress.sectionId).toBe("3");
    expect(progress.answered).toBe(2);
    expect(progress.requiredMissing).toEqual(["3.3", "3.4", "3.5", "3.6", "3.7"]);
    expect(progress.complete).toBe(false);
  });

  it("should be complete when every required question is answered, even with optional ones empty", () => {
    const s = section(1);
    const report = makeReport(form2021, { answers: stored(without(complete2021, "3.2")) });
    const progress = sectionProgress(s, report);
    expect(progress.requiredMissing).toEqual([]);
    expect(progress.complete).toBe(true);
    expect(progress.answered).toBe(s.questions.length - 1);
  });
});

describe("resumeSectionIndex", () => {
  it("should start at the first section of an empty report", () => {
    expect(resumeSectionIndex(form2021, makeReport(form2021))).toBe(0);
    expect(resumeSectionIndex(form2024, makeReport(form2024))).toBe(0);
  });

  it("should resume at the first section with a required answer missing", () => {
    // 4.7 is required and lives in the third section (index 2); everything before is complete.
    const report = makeReport(form2021, { answers: stored(without(complete2021, "4.7", "6.1")) });
    expect(resumeSectionIndex(form2021, report)).toBe(2);
  });

  it("should not stop at a section where only optional questions are empty", () => {
    const optional = allQuestions(form2024)
      .filter((q) => !q.required)
      .map((q) => q.id);
    expect(optional.length).toBeGreaterThan(0);
    const report = makeReport(form2024, { answers: stored(without(complete2024, ...optional, "q23")) });
    expect(resumeSectionIndex(form2024, report)).toBe(4);
  });

  it("should land on the last section when everything is answered", () => {
    const report = makeReport(form2024, { answers: stored(complete2024) });
    expect(resumeSectionIndex(form2024, report)).toBe(form2024.sections.length - 1);
  });
});

describe("submitBlockers", () => {
  it("should list every missing required question of an empty 2021 report and ask for the confirmation", () => {
    const required = allQuestions(form2021)
      .filter((q) => q.required)
      .map((q) => q.id);
    expect(submitBlockers(form2021, makeReport(form2021))).toEqual({
      missing: required,
      unconfirmed: true,
      periodInvalid: false,
    });
  });

  it("should block a complete 2021 report whose confirmation 2.4 is 'Nei'", () => {
    const answers = stored({ ...complete2021, "2.4": { value: false } });
    expect(submitBlockers(form2021, makeReport(form2021, { answers }))).toEqual({
      missing: [],
      unconfirmed: true,
      periodInvalid: false,
    });
  });

  it("should block a report whose stored period ends before it starts", () => {
    const answers = stored({
      ...complete2021,
      "6.2": { value: { season: "Høst", year: 2030 } },
      "6.3": { value: { season: "Vår", year: 2022 } },
    });
    expect(submitBlockers(form2021, makeReport(form2021, { answers })).periodInvalid).toBe(true);
  });

  it("should let a complete 2021 report with 2.4 = 'Ja' through", () => {
    expect(complete2021["2.4"]).toEqual({ value: true });
    const report = makeReport(form2021, { answers: stored(complete2021) });
    expect(submitBlockers(form2021, report)).toEqual({
      missing: [],
      unconfirmed: false,
      periodInvalid: false,
    });
  });

  it("should report only the missing questions when 2.4 is 'Ja'", () => {
    const report = makeReport(form2021, { answers: stored(without(complete2021, "5.3", "3.4")) });
    expect(submitBlockers(form2021, report)).toEqual({
      missing: ["3.4", "5.3"],
      unconfirmed: false,
      periodInvalid: false,
    });
  });

  it("should never be unconfirmed on the 2024/2025 form, which has no confirmation question", () => {
    expect(form2024.confirmationQuestionId).toBeNull();
    const report = makeReport(form2024, { answers: stored(complete2024) });
    expect(submitBlockers(form2024, report)).toEqual({
      missing: [],
      unconfirmed: false,
      periodInvalid: false,
    });
    expect(submitBlockers(form2024, makeReport(form2024)).unconfirmed).toBe(false);
  });
});

describe("staleQuestions", () => {
  const base = makeReport(form2024, {
    revision: 5,
    answers: {
      q01: { value: "Kari", by: { id: "x", name: "X" }, at: "2026-11-01T10:00:00.000Z", rev: 5 },
      q02: { value: "Gammel", by: { id: "x", name: "X" }, at: "2026-11-01T09:00:00.000Z", rev: 2 },
      q12: {
        value: ["Kommune", "Fylkeskommune"],
        comment: "Merknad",
        by: { id: "x", name: "X" },
        at: "2026-11-01T09:00:00.000Z",
        rev: 4,
      },
    },
  });

  it("should never call equal content stale, however old the card", () => {
    const same = { q01: { value: "Kari" }, q12: { value: ["Kommune", "Fylkeskommune"], comment: "Merknad" } };
    expect(staleQuestions(base, same, 0)).toEqual([]);
  });

  it("should call changed content stale when the stored answer was saved after the card", () => {
    expect(staleQuestions(base, { q01: { value: "Ola" } }, 4)).toEqual(["q01"]);
    // A changed comment alone is a change.
    expect(staleQuestions(base, { q12: { value: ["Kommune", "Fylkeskommune"] } }, 3)).toEqual(["q12"]);
  });

  it("should not call changed content stale when the card is as new as the stored answer", () => {
    expect(staleQuestions(base, { q01: { value: "Ola" }, q02: { value: "Ny" } }, 5)).toEqual([]);
    expect(staleQuestions(base, { q02: { value: "Ny" } }, 2)).toEqual([]);
  });

  it("should call clearing an answer saved after the card stale", () => {
    expect(staleQuestions(base, { q01: null, q02: null }, 3)).toEqual(["q01"]);
  });

  it("should not call a new answer to a never-answered question stale", () => {
    expect(staleQuestions(base, { q07: { value: "Nytt" } }, 0)).toEqual([]);
  });

  // BUG (reported): a cleared answer leaves no revision behind, so a card made before someone cleared
  // the question can silently put the old value back.
  it("should call a card stale when it would undo a clear made after the card", () => {
    const cleared = applyAnswers(base, { q02: null }, coEditorActor, new Date("2026-11-02T10:00:00Z"));
    if (cleared === undefined) throw new Error("expected a write");
    expect(cleared.revision).toBe(6);
    // A card from revision 5 still shows the old value of q02 and sends it back.
    expect(staleQuestions(cleared, { q02: { value: "Gammel" } }, 5)).toEqual(["q02"]);
  });
});

describe("applyAnswers", () => {
  const at = new Date("2026-11-03T08:30:00.000Z");
  const base = makeReport(form2024, {
    revision: 3,
    updatedAt: "2026-11-01T00:00:00.000Z",
    answers: {
      q01: { value: "Kari", by: { id: "old", name: "Gammel" }, at: "2026-11-01T00:00:00.000Z", rev: 1 },
      q02: { value: "Beholdes", by: { id: "old", name: "Gammel" }, at: "2026-11-01T00:00:00.000Z", rev: 2 },
      q03: {
        value: "+4791234567",
        by: { id: "old", name: "Gammel" },
        at: "2026-11-01T00:00:00.000Z",
        rev: 3,
      },
    },
  });

  it("should stamp only the changed answers with the actor, time and new revision", () => {
    const next = applyAnswers(
      base,
      { q01: { value: "Kari Nordmann" }, q02: { value: "Beholdes" }, q07: { value: "Ny" } },
      contactActor,
      at,
    );
    expect(next).toBeDefined();
    expect(next?.revision).toBe(4);
    expect(next?.updatedAt).toBe(at.toISOString());
    const stamp = { by: { id: contactActor.id, name: contactActor.name }, at: at.toISOString(), rev: 4 };
    expect(next?.answers.q01).toEqual({ value: "Kari Nordmann", ...stamp });
    expect(next?.answers.q07).toEqual({ value: "Ny", ...stamp });
    // Unchanged and untouched answers keep who changed them last.
    expect(next?.answers.q02).toEqual(base.answers.q02);
    expect(next?.answers.q03).toEqual(base.answers.q03);
  });

  it("should clear an answer given as null", () => {
    const next = applyAnswers(base, { q03: null, q02: { value: "Beholdes" } }, coEditorActor, at);
    expect(next?.revision).toBe(4);
    expect(next?.answers).not.toHaveProperty("q03");
    expect(Object.keys(next?.answers ?? {}).sort()).toEqual(["q01", "q02"]);
  });

  it("should return undefined when nothing changes, also for clearing an empty question", () => {
    const same = { q01: { value: "Kari" }, q02: { value: "Beholdes" }, q07: null };
    expect(applyAnswers(base, same, contactActor, at)).toBeUndefined();
    expect(applyAnswers(base, {}, contactActor, at)).toBeUndefined();
  });

  it("should not modify the report it was given", () => {
    const before = structuredClone(base);
    applyAnswers(base, { q01: { value: "Endret" }, q03: null }, contactActor, at);
    expect(base).toEqual(before);
  });

  it("should treat a changed comment or 'Annet' text as a change", () => {
    const withOther = makeReport(form2024, {
      revision: 1,
      answers: stored({ q10: { value: ["Annet"], other: "Stiftelse" } }, contactActor, 1),
    });
    expect(applyAnswers(withOther, { q10: { value: ["Annet"], other: "Stiftelse" } }, contactActor, at)).toBe(
      undefined,
    );
    const next = applyAnswers(withOther, { q10: { value: ["Annet"], other: "Fond" } }, coEditorActor, at);
    expect(next?.answers.q10?.other).toBe("Fond");
    expect(next?.answers.q10?.by.id).toBe(coEditorActor.id);
  });
});
