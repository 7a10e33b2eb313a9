import { describe, expect, it } from "vitest";
import {
  choiceStyle,
  formPages,
  inputWeight,
  MAX_PAGE_INPUTS,
  pageAt,
  pageOfQuestion,
  splitQuestions,
  step,
} from "../../../src/questionnaire/pages.ts";
import type { Question } from "../../../src/questionnaire/types.ts";
import { testOptions } from "../../support/choice-options.ts";
import { bothForms, form2021, form2024 } from "../reports/fixtures.ts";

const q = (id: string, over: Partial<Question> = {}): Question => ({
  id,
  text: `Spørsmål ${id}`,
  help: null,
  type: "text",
  options: null,
  allowOther: false,
  comment: false,
  maxLength: null,
  commentMaxLength: null,
  required: true,
  ...over,
});

describe("inputWeight", () => {
  it("should count every radio and checkbox of a short list, and the Annet and comment fields", () => {
    expect(inputWeight(q("a"))).toBe(1);
    expect(inputWeight(q("b", { type: "yesno" }))).toBe(2);
    expect(inputWeight(q("c", { type: "choice", options: testOptions("x", "y", "z"), comment: true }))).toBe(
      4,
    );
    expect(
      inputWeight(q("d", { type: "multichoice", options: testOptions("x", "y"), allowOther: true })),
    ).toBe(4);
    expect(inputWeight(q("e", { type: "season_year", options: testOptions("Vår", "Høst") }))).toBe(3);
  });

  it("should count a long option list as one compact input", () => {
    const long = q("f", {
      type: "multichoice",
      options: testOptions(...Array.from({ length: 41 }, (_, i) => `K${i}`)),
    });
    expect(choiceStyle(long)).toBe("compact");
    expect(inputWeight(long)).toBe(1);
    const six = q("g", {
      type: "multichoice",
      options: testOptions("1", "2", "3", "4", "5"),
      allowOther: true,
    });
    expect(choiceStyle(six)).toBe("compact");
    expect(inputWeight(six)).toBe(2); // the dropdown and the "Annet" text
  });
});

describe("splitQuestions", () => {
  it("should keep questions in order, each exactly once, never more than the limit on a page", () => {
    const qs = Array.from({ length: 23 }, (_, i) => q(`q${i}`, i % 4 === 0 ? { comment: true } : {}));
    const pages = splitQuestions(qs);
    expect(pages.flat().map((x) => x.id)).toEqual(qs.map((x) => x.id));
    for (const page of pages) expect(page.reduce((n, x) => n + inputWeight(x), 0)).toBeLessThanOrEqual(10);
  });

  it("should even out pages instead of leaving a small rest (12 inputs -> 6 + 6, not 10 + 2)", () => {
    const qs = Array.from({ length: 12 }, (_, i) => q(`q${i}`));
    expect(splitQuestions(qs).map((p) => p.length)).toEqual([6, 6]);
  });

  it("should keep a section of at most 10 inputs on one page", () => {
    const qs = Array.from({ length: 10 }, (_, i) => q(`q${i}`));
    expect(splitQuestions(qs)).toHaveLength(1);
  });
});

describe("formPages", () => {
  it.each(bothForms)(
    "should give every page of $id at most 10 inputs, counting Annet and comments",
    (form) => {
      const pages = formPages(form).flat();
      for (const page of pages) {
        const inputs = page.questions.reduce((n, x) => n + inputWeight(x), 0);
        expect(
          inputs,
          `${form.id} section ${page.sectionIndex + 1} page ${page.index + 1}`,
        ).toBeLessThanOrEqual(MAX_PAGE_INPUTS);
      }
      // Every question of the form is on exactly one page, in form order.
      expect(pages.flatMap((p) => p.questions.map((x) => x.id))).toEqual(
        form.sections.flatMap((s) => s.questions.map((x) => x.id)),
      );
    },
  );

  it("should split the long sections of both forms and leave the short ones whole", () => {
    expect(formPages(form2024).map((s) => s.length)).toEqual([1, 1, 3, 1, 1, 1]);
    expect(formPages(form2021).map((s) => s.length)).toEqual([1, 1, 2, 1, 1, 1]);
    // The 41 municipalities are one compact multi-select: Del 2 of the 2024/2025 form fits one page.
    expect(pageOfQuestion(form2024, "q08")?.questions.map((x) => x.id)).toEqual([
      "q04",
      "q05",
      "q06",
      "q07",
      "q08",
      "q09",
    ]);
  });

  it("should give a one-page section's page the section itself (the payload schema is cached per object)", () => {
    const [page] = formPages(form2024)[0] ?? [];
    expect(page?.part).toBe(form2024.sections[0]);
    expect(formPages(form2024)).toBe(formPages(form2024));
  });
});

describe("pageAt and step", () => {
  it("should clamp the page number into the section", () => {
    expect(pageAt(form2024, 2, 99)?.index).toBe(2);
    expect(pageAt(form2024, 2, -1)?.index).toBe(0);
    expect(pageAt(form2024, 17, 0)).toBeUndefined();
  });

  it("should go page by page, then to the next section, and after the last page to the review", () => {
    expect(step(form2024, { sectionIndex: 1, page: 0 }, "next")).toEqual({ sectionIndex: 2, page: 0 });
    expect(step(form2024, { sectionIndex: 2, page: 0 }, "next")).toEqual({ sectionIndex: 2, page: 1 });
    expect(step(form2024, { sectionIndex: 2, page: 2 }, "next")).toEqual({ sectionIndex: 3, page: 0 });
    expect(step(form2024, { sectionIndex: 5, page: 0 }, "next")).toEqual({ sectionIndex: 6, page: 0 });
    expect(step(form2024, { sectionIndex: 3, page: 0 }, "back")).toEqual({ sectionIndex: 2, page: 2 });
    expect(step(form2024, { sectionIndex: 2, page: 1 }, "back")).toEqual({ sectionIndex: 2, page: 0 });
    expect(step(form2024, { sectionIndex: 0, page: 0 }, "back")).toEqual({ sectionIndex: 0, page: 0 });
  });
});
