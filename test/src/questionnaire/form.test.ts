import { describe, expect, it } from "vitest";
import {
  allQuestions,
  findQuestion,
  getForm,
  loadForms,
  parseForm,
  sectionOf,
} from "../../../src/questionnaire/form.ts";
import form2024 from "../../../src/questionnaire/forms/dekom-2024-2025.json" with { type: "json" };
import form2021 from "../../../src/questionnaire/forms/dekom-skole-2021.json" with { type: "json" };
import { QUESTION_TYPES } from "../../../src/questionnaire/types.ts";

/** A deep copy of a form's JSON that a test may break. */
const copy = (data: unknown): Record<string, unknown> => structuredClone(data) as Record<string, unknown>;

type RawForm = {
  sections: { id: string; questions: Record<string, unknown>[] }[];
  [key: string]: unknown;
};

function firstQuestion(data: Record<string, unknown>): Record<string, unknown> {
  const q = (data as RawForm).sections[0]?.questions[0];
  if (!q) throw new Error("form without questions");
  return q;
}

function questionById(data: Record<string, unknown>, id: string): Record<string, unknown> {
  const q = (data as RawForm).sections.flatMap((s) => s.questions).find((x) => x.id === id);
  if (!q) throw new Error(`fixture without question ${id}`);
  return q;
}

const form2024Parsed = () => parseForm(form2024);

describe("loadForms", () => {
  const forms = loadForms();

  it("should load both official forms, keyed by id", () => {
    expect([...forms.keys()].sort()).toEqual(["dekom-2024-2025", "dekom-skole-2021"]);
  });

  it("should have 31 questions in six sections in the 2021 form", () => {
    const form = getForm(forms, "dekom-skole-2021");
    expect(allQuestions(form)).toHaveLength(31);
    expect(form.sections.map((s) => s.id)).toEqual(["2", "3", "4", "5", "6", "7"]);
    expect(form.reportingYear).toBe("2021");
    expect(form.confirmationQuestionId).toBe("2.4");
    expect(form.periodPairs).toEqual([{ start: "6.2", end: "6.3" }]);
    expect(form.guidance).toHaveLength(13);
  });

  it("should have 26 questions in six sections in the 2024/2025 form", () => {
    const form = getForm(forms, "dekom-2024-2025");
    expect(allQuestions(form)).toHaveLength(26);
    expect(form.sections.map((s) => s.id)).toEqual(["s1", "s2", "s3", "s4", "s5", "s6"]);
    expect(form.reportingYear).toBe("2024/2025");
    expect(form.confirmationQuestionId).toBeNull();
    expect(form.periodPairs).toEqual([]);
    expect(allQuestions(form).every((q) => q.maxLength === null)).toBe(true);
  });

  it("should keep the 1000-character limits of the 2021 form", () => {
    const form = getForm(forms, "dekom-skole-2021");
    const texts = allQuestions(form).filter((q) => q.type === "text" || q.type === "longtext");
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((q) => q.maxLength === 1000)).toBe(true);
    expect(findQuestion(form, "4.4")).toMatchObject({ comment: true, commentMaxLength: 1000 });
  });

  it("should keep the texts of the source exactly", () => {
    const form = getForm(forms, "dekom-2024-2025");
    expect(findQuestion(form, "q21")?.options?.[1]?.text).toContain("lærerutdannigene");
    expect(findQuestion(form, "q08")?.options).toHaveLength(41);
    expect(sectionOf(getForm(forms, "dekom-skole-2021"), "4.1")?.intro).toMatch(/^Fyll ut totalt tilskudd/);
  });

  it("should use only known question types and the project's own fields", () => {
    for (const form of forms.values()) {
      for (const q of allQuestions(form)) {
        expect(QUESTION_TYPES).toContain(q.type);
        const optional = ["shortLabel", "prefill", "carryOver"];
        expect(
          Object.keys(q)
            .filter((k) => !optional.includes(k))
            .sort(),
        ).toEqual(
          [
            "allowOther",
            "comment",
            "commentMaxLength",
            "help",
            "id",
            "maxLength",
            "options",
            "required",
            "text",
            "type",
          ].sort(),
        );
        // Every question has a short name for the "Sjekk: …" banner.
        expect(q.shortLabel, q.id).toBeDefined();
      }
    }
  });
});

describe("form helpers", () => {
  const form = getForm(loadForms(), "dekom-skole-2021");

  it("should find a question and its section", () => {
    expect(findQuestion(form, "6.3")?.type).toBe("season_year");
    expect(sectionOf(form, "6.3")?.id).toBe("6");
  });

  it("should give undefined for an unknown question", () => {
    expect(findQuestion(form, "9.9")).toBeUndefined();
    expect(sectionOf(form, "9.9")).toBeUndefined();
  });

  it("should throw naming the id when a form is unknown", () => {
    expect(() => getForm(loadForms(), "nope")).toThrow(/Unknown form "nope"/);
  });

  it("should list questions in form order", () => {
    expect(
      allQuestions(form)
        .map((q) => q.id)
        .slice(0, 5),
    ).toEqual(["2.1", "2.2", "2.3", "2.4", "3.1"]);
  });
});

describe("parseForm", () => {
  it("should accept the official forms", () => {
    expect(parseForm(form2021).id).toBe("dekom-skole-2021");
    expect(parseForm(form2024).id).toBe("dekom-2024-2025");
  });

  it("should reject a question of an unknown type, naming the form", () => {
    const data = copy(form2021);
    firstQuestion(data).type = "date";
    expect(() => parseForm(data)).toThrow(/Invalid form "dekom-skole-2021"[\s\S]*type/);
  });

  it("should reject unknown fields", () => {
    const data = copy(form2024);
    firstQuestion(data).notes = "analysis";
    expect(() => parseForm(data)).toThrow(/notes/);
  });

  it("should reject a missing required field", () => {
    const data = copy(form2024);
    delete firstQuestion(data).required;
    expect(() => parseForm(data)).toThrow(/required/);
  });

  it("should reject duplicate question ids", () => {
    const data = copy(form2021);
    const section = (data as RawForm).sections[1];
    if (!section?.questions[0]) throw new Error("fixture");
    section.questions[0].id = "2.1";
    expect(() => parseForm(data)).toThrow(/duplicate question id "2.1"/);
  });

  it("should reject a choice question without options", () => {
    const data = copy(form2021);
    const q = (data as RawForm).sections.flatMap((s) => s.questions).find((x) => x.id === "5.3");
    if (!q) throw new Error("fixture");
    q.options = null;
    expect(() => parseForm(data)).toThrow(/question "5.3": choice question has no options/);
  });

  it("should give every option of every form an id that is kebab-case and unique within its question", () => {
    for (const form of loadForms().values()) {
      for (const q of allQuestions(form)) {
        const ids = (q.options ?? []).map((o) => o.id);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
    expect(findQuestion(form2024Parsed(), "q18")?.options?.slice(-2)).toEqual([
      { id: "skoleeier", text: "Skoleeier har vurdert behov i samråd med rektorene" },
      { id: "uh", text: "UH har bidratt aktivt i vurdering av kompetansebehov" },
    ]);
  });

  it("should reject an option without an id", () => {
    const data = copy(form2021);
    const q = questionById(data, "5.3");
    q.options = ["I stor grad", "I noen grad"];
    expect(() => parseForm(data)).toThrow(/options/);
    q.options = [{ text: "I stor grad" }];
    expect(() => parseForm(data)).toThrow(/id/);
  });

  it("should reject option ids that are not ASCII kebab-case", () => {
    const data = copy(form2021);
    questionById(data, "5.3").options = [{ id: "stor grad", text: "I stor grad" }];
    expect(() => parseForm(data)).toThrow(/kebab-case/);
    questionById(data, "5.3").options = [{ id: "høst", text: "Høst" }];
    expect(() => parseForm(data)).toThrow(/kebab-case/);
  });

  it("should reject an option id of digits only (old card values were indices)", () => {
    const data = copy(form2021);
    questionById(data, "5.3").options = [{ id: "1", text: "I stor grad" }];
    expect(() => parseForm(data)).toThrow(/option id "1" is only digits/);
  });

  it("should reject duplicate option ids within a question, naming the id", () => {
    const data = copy(form2024);
    const q = questionById(data, "q15");
    q.options = [
      { id: "1-ar", text: "1 år" },
      { id: "1-ar", text: "2 år" },
    ];
    expect(() => parseForm(data)).toThrow(/question "q15": duplicate option id "1-ar"/);
  });

  it('should reserve the option id "annet" for the free-text option of questions with allowOther', () => {
    const data = copy(form2024);
    const q = questionById(data, "q10");
    (q.options as { id: string; text: string }[])[0] = { id: "annet", text: "Noe annet" };
    expect(() => parseForm(data)).toThrow(/question "q10": option id "annet" is reserved/);
  });

  it("should reject a confirmation question that is not yes/no", () => {
    const data = copy(form2021);
    data.confirmationQuestionId = "2.1";
    expect(() => parseForm(data)).toThrow(/confirmationQuestionId "2.1"/);
  });

  it("should reject a confirmation question that does not exist", () => {
    const data = copy(form2024);
    data.confirmationQuestionId = "q99";
    expect(() => parseForm(data)).toThrow(/confirmationQuestionId "q99"/);
  });

  it("should reject period pairs that are not season/year questions", () => {
    const data = copy(form2021);
    data.periodPairs = [{ start: "6.2", end: "6.1" }];
    expect(() => parseForm(data)).toThrow(/periodPairs: "6.1" is not a season_year question/);
  });

  it("should reject a non-string reporting year", () => {
    const data = copy(form2021);
    data.reportingYear = 2021;
    expect(() => parseForm(data)).toThrow(/reportingYear/);
  });

  it("should reject something that is not a form at all", () => {
    expect(() => parseForm(null)).toThrow(/Invalid form \(without id\)/);
  });
});
