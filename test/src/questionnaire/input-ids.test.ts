import { describe, expect, it } from "vitest";
import { findQuestion, getForm, loadForms } from "../../../src/questionnaire/form.ts";
import {
  errorsOfQuestion,
  inputId,
  inputIdsOf,
  parseInputId,
  primaryInputId,
} from "../../../src/questionnaire/input-ids.ts";

const forms = loadForms();
const form2021 = getForm(forms, "dekom-skole-2021");
const form2024 = getForm(forms, "dekom-2024-2025");

describe("inputId", () => {
  it("should use the question id for the main input", () => {
    expect(inputId("2.1")).toBe("2.1");
    expect(inputId("q08")).toBe("q08");
  });

  it("should add the part after two underscores", () => {
    expect(inputId("4.4", "comment")).toBe("4.4__comment");
    expect(inputId("q10", "other")).toBe("q10__other");
    expect(inputId("6.2", "season")).toBe("6.2__season");
    expect(inputId("6.2", "year")).toBe("6.2__year");
  });
});

describe("parseInputId", () => {
  it("should read back every id it makes", () => {
    expect(parseInputId("2.1")).toEqual({ questionId: "2.1", part: null });
    for (const part of ["other", "comment", "season", "year"] as const) {
      expect(parseInputId(inputId("q12", part))).toEqual({ questionId: "q12", part });
    }
  });

  it("should reject ids that are not ours", () => {
    expect(parseInputId("")).toBeUndefined();
    expect(parseInputId("q1__colour")).toBeUndefined();
    expect(parseInputId("__comment")).toBeUndefined();
    expect(parseInputId("q1__comment__other")).toBeUndefined();
  });
});

describe("inputs of a question", () => {
  it("should list the inputs each question uses", () => {
    const q = (form: typeof form2021, id: string) => {
      const found = findQuestion(form, id);
      if (!found) throw new Error(id);
      return found;
    };
    expect(inputIdsOf(q(form2021, "2.1"))).toEqual(["2.1"]);
    expect(inputIdsOf(q(form2021, "4.4"))).toEqual(["4.4", "4.4__comment"]);
    expect(inputIdsOf(q(form2021, "6.2"))).toEqual(["6.2__season", "6.2__year"]);
    expect(inputIdsOf(q(form2024, "q18"))).toEqual(["q18", "q18__other", "q18__comment"]);
    expect(primaryInputId(q(form2021, "6.3"))).toBe("6.3__season");
    expect(primaryInputId(q(form2024, "q18"))).toBe("q18");
  });

  it("should collect the errors of one question, the question-level one included", () => {
    const q = findQuestion(form2021, "6.3");
    if (!q) throw new Error("6.3");
    const errors = { "6.3": "Periode", "6.3__year": "År", "6.2__season": "Annet spørsmål" };
    expect(errorsOfQuestion(q, errors)).toEqual(["Periode", "År"]);
  });
});
