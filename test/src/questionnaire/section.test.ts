import { describe, expect, it } from "vitest";
import {
  checkPeriodPairs,
  formatAnswer,
  parseQuestion,
  parseSection,
  toRawInputs,
} from "../../../src/questionnaire/answers.ts";
import {
  allQuestions,
  findQuestion,
  getForm,
  loadForms,
  sectionOf,
} from "../../../src/questionnaire/form.ts";
import type { AnswerContent, Question } from "../../../src/questionnaire/types.ts";
import { testOptions } from "../../support/choice-options.ts";
import { question } from "./helpers.ts";

const forms = loadForms();
const form2021 = getForm(forms, "dekom-skole-2021");
const form2024 = getForm(forms, "dekom-2024-2025");

function section(formSection: ReturnType<typeof sectionOf>) {
  if (!formSection) throw new Error("no such section");
  return formSection;
}

function q(form: typeof form2021, id: string): Question {
  const found = findQuestion(form, id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

describe("parseSection", () => {
  const contact = section(sectionOf(form2021, "2.1"));

  it("should keep valid answers while reporting invalid ones", () => {
    const result = parseSection(
      contact,
      { "2.1": "Kari, Rana kommune, 91234567", "2.2": "ikke-en-adresse", "2.3": "", "2.4": "true" },
      { requireAnswer: false },
    );
    expect(result.answers).toEqual({
      "2.1": { value: "Kari, Rana kommune, 91234567" },
      "2.3": null,
      "2.4": { value: true },
    });
    expect(result.errors).toEqual({
      "2.2": "Skriv en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.",
    });
  });

  it("should report every empty required question when moving on", () => {
    const result = parseSection(contact, { "2.1": "Kari" }, { requireAnswer: true });
    expect(result.answers).toEqual({ "2.1": { value: "Kari" } });
    expect(Object.keys(result.errors).sort()).toEqual(["2.2", "2.3", "2.4"]);
  });

  it("should parse a whole 2024/2025 section", () => {
    const s3 = section(sectionOf(form2024, "q10"));
    const result = parseSection(
      s3,
      {
        q10: "ressursperson,annet",
        q10__other: "Kurs",
        q11: "kr 50 000,-",
        q12: "ikke-koordinatorfunksjon",
        q12__comment: "Ingen koordinator",
        q13: "1 000 000",
        q14: "250.000",
        q15: "3-ar",
        q16: "forste-ar",
        q17: "kombinasjon",
      },
      { requireAnswer: true },
    );
    expect(result.errors).toEqual({});
    expect(result.answers.q10).toEqual({
      value: ["ressursperson", "annet"],
      other: "Kurs",
    });
    expect(result.answers.q11).toEqual({ value: 50_000 });
    expect(result.answers.q12).toEqual({
      value: ["ikke-koordinatorfunksjon"],
      comment: "Ingen koordinator",
    });
    expect(result.answers.q14).toEqual({ value: 250_000 });
    expect(result.answers.q15).toEqual({ value: "3-ar" });
  });
});

describe("checkPeriodPairs", () => {
  const at = (season: "Vår" | "Høst", year: number): AnswerContent => ({ value: { season, year } });

  it.each([
    [at("Høst", 2018), at("Vår", 2022)],
    [at("Vår", 2021), at("Høst", 2021)],
    [at("Høst", 2021), at("Høst", 2021)],
  ])("should accept a start before or at the end", (start, end) => {
    expect(checkPeriodPairs(form2021, { "6.2": start, "6.3": end })).toEqual({});
  });

  it.each([
    [at("Vår", 2022), at("Høst", 2021)],
    [at("Høst", 2021), at("Vår", 2021)],
  ])("should put an error on the end question when it is before the start", (start, end) => {
    expect(checkPeriodPairs(form2021, { "6.2": start, "6.3": end })).toEqual({
      "6.3": "Sluttidspunkt kan ikke være før oppstartstidspunkt.",
    });
  });

  it("should skip pairs with a missing side", () => {
    expect(checkPeriodPairs(form2021, { "6.2": at("Høst", 2022), "6.3": null })).toEqual({});
    expect(checkPeriodPairs(form2021, { "6.3": at("Vår", 2020) })).toEqual({});
  });

  it("should have nothing to check in the 2024/2025 form", () => {
    expect(checkPeriodPairs(form2024, {})).toEqual({});
  });
});

describe("formatAnswer", () => {
  it.each<[Question, AnswerContent, string]>([
    [question("amount_nok"), { value: 160_000 }, "160 000 kr"],
    [question("amount_nok"), { value: 0 }, "0 kr"],
    [question("integer"), { value: 1200 }, "1 200"],
    [question("yesno"), { value: true }, "Ja"],
    [question("yesno"), { value: false }, "Nei"],
    [question("season_year"), { value: { season: "Høst", year: 2018 } }, "Høst 2018"],
    [question("phone"), { value: "+4791234567" }, "912 34 567"],
    [question("phone"), { value: "+4722334455" }, "22 33 44 55"],
    [question("text"), { value: "Fritekst", comment: "ikke med" }, "Fritekst"],
    [question("choice", { allowOther: true }), { value: "annet", other: "Eget" }, "Annet: Eget"],
    [
      question("multichoice", { options: testOptions("A", "B"), allowOther: true }),
      { value: ["a", "b", "annet"], other: "Eget" },
      "A, B, Annet: Eget",
    ],
    [question("choice", { options: testOptions("I stor grad") }), { value: "i-stor-grad" }, "I stor grad"],
    [question("choice", { options: testOptions("A") }), { value: "ukjent-id" }, "ukjent-id"],
  ])("should write %# as %j", (qu, content, expected) => {
    expect(formatAnswer(qu, content)).toBe(expected);
  });

  it("should use a normal space, not a no-break space, in amounts", () => {
    expect(formatAnswer(question("amount_nok"), { value: 1_234_567 })).toBe("1 234 567 kr");
  });
});

describe("toRawInputs", () => {
  it("should give the card inputs of each part", () => {
    expect(toRawInputs(q(form2021, "6.2"), { value: { season: "Høst", year: 2018 } })).toEqual({
      "6.2__season": "Høst",
      "6.2__year": "2018",
    });
    expect(
      toRawInputs(q(form2024, "q18"), {
        value: ["ansatte-meldt-behov", "annet"],
        other: "X",
        comment: "K",
      }),
    ).toEqual({
      q18: "ansatte-meldt-behov,annet",
      q18__other: "X",
      q18__comment: "K",
    });
    expect(toRawInputs(q(form2021, "2.4"), { value: false })).toEqual({ "2.4": "false" });
  });

  it("should leave out an option that the form no longer has", () => {
    expect(toRawInputs(q(form2024, "q15"), { value: "10-ar" })).toEqual({ q15: "" });
  });

  const samples: Record<string, AnswerContent> = {
    "2.1": { value: "Kari Nordmann, Rana kommune, tlf 912 34 567" },
    "2.2": { value: "kari@rana.kommune.no" },
    "2.4": { value: true },
    "3.4": { value: 12 },
    "4.1": { value: 1_600_000 },
    "4.4": { value: 40_000, comment: "Estimat.\nTo linjer." },
    "5.3": { value: "liten-grad", comment: "Lite relevant" },
    "6.2": { value: { season: "Høst", year: 2018 } },
    "7.2": { value: "Ingen kommentar" },
    q03: { value: "+4791234567" },
    q08: { value: ["bodo", "fauske", "rana"] },
    q10: { value: ["vikarutgifter", "annet"], other: "Kurs, seminar" },
    q12: { value: ["ikke-koordinatorfunksjon"], comment: "Ikke aktuelt" },
    q15: { value: "mer-enn-3-ar" },
    q23: { value: "Lang tekst ".repeat(150).trim() },
  };

  it("should round trip every sample answer through the card inputs", () => {
    for (const [qid, content] of Object.entries(samples)) {
      const qu = findQuestion(form2021, qid) ?? q(form2024, qid);
      const result = parseQuestion(qu, toRawInputs(qu, content), { requireAnswer: true });
      expect(result, qid).toEqual({ kind: "answer", content });
    }
  });

  it("should round trip a choice with «Annet»", () => {
    const qu = question("choice", { options: testOptions("A, B", "C"), allowOther: true, comment: true });
    const content = { value: "annet", other: "Eget", comment: "Kommentar" };
    expect(parseQuestion(qu, toRawInputs(qu, content), { requireAnswer: true })).toEqual({
      kind: "answer",
      content,
    });
  });

  it("should cover every question type of both forms", () => {
    const types = new Set([...allQuestions(form2021), ...allQuestions(form2024)].map((x) => x.type));
    const sampled = new Set(
      Object.keys(samples).map((qid) => (findQuestion(form2021, qid) ?? q(form2024, qid)).type),
    );
    expect([...sampled].sort()).toEqual([...types].sort());
  });
});
