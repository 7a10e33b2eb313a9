/** The forms in nynorsk (src/questionnaire/form-lang.ts): our translation, same ids, same values. */
import { describe, expect, it } from "vitest";
import {
  formIn,
  optionTextsIn,
  translationOf,
  translationProblems,
} from "../../../src/questionnaire/form-lang.ts";
import type { Question } from "../../../src/questionnaire/types.ts";
import { bothForms, form2024 } from "../reports/fixtures.ts";

describe("formIn", () => {
  it("should give bokmål as the official form itself", () => {
    for (const form of bothForms) expect(formIn(form, "nb")).toBe(form);
  });

  it("should say in the form data that the nynorsk text is our translation of the official bokmål form", () => {
    for (const form of bothForms) {
      const t = translationOf(form.id);
      expect(t?.translation).toMatch(/omsetjing gjord av oss frå det offisielle skjemaet på bokmål/);
    }
  });

  it("should translate every section and question, with the same ids, types, limits and option count", () => {
    for (const form of bothForms) {
      const t = translationOf(form.id);
      if (t === undefined) throw new Error(`no translation of ${form.id}`);
      expect(translationProblems(form, t)).toEqual([]);
      const nn = formIn(form, "nn");
      expect(nn.sections.map((s) => s.id)).toEqual(form.sections.map((s) => s.id));
      nn.sections.forEach((s, i) => {
        const official = form.sections[i];
        s.questions.forEach((q, j) => {
          const o = official?.questions[j];
          expect({ id: q.id, type: q.type, required: q.required, max: q.maxLength }).toEqual({
            id: o?.id,
            type: o?.type,
            required: o?.required,
            max: o?.maxLength,
          });
          expect(q.options?.map((x) => x.id)).toEqual(o?.options?.map((x) => x.id));
          expect(q.text).not.toBe("");
        });
      });
      expect(nn.title).not.toBe(form.title);
    }
  });

  it("should write the 2024/2025 form in nynorsk", () => {
    const nn = formIn(form2024, "nn");
    expect(nn.sections[1]?.title).toBe("Partnarskap og deltaking");
    const q12 = nn.sections[2]?.questions.find((q) => q.id === "q12");
    // The option keeps its official bokmål text and id; the nynorsk label sits beside it.
    expect(q12?.options?.at(-1)).toEqual({
      id: "ikke-koordinatorfunksjon",
      text: "Har ikke koordinatorfunksjon",
      nn: "Har ikkje koordinatorfunksjon",
    });
    expect(optionTextsIn(q12 as Question, "nn").at(-1)).toBe("Har ikkje koordinatorfunksjon");
    expect(optionTextsIn(q12 as Question, "nb").at(-1)).toBe("Har ikke koordinatorfunksjon");
  });

  it("should catch a translation that does not fit its form (the check can fail)", () => {
    const t = translationOf(form2024.id);
    if (t === undefined) throw new Error("no translation");
    const { q01: _gone, ...rest } = t.questions;
    const broken = {
      ...t,
      questions: {
        ...rest,
        q99: { text: "Kva?", help: null },
        q15: { text: "Kor lenge?", help: null, options: { "1-ar": "1 år", "1-aar": "1 år" } },
      },
    };
    expect(translationProblems(form2024, broken).sort()).toEqual(
      [
        'unknown question "q99"',
        'question "q15": unknown option "1-aar"',
        'question "q15": option "2-ar" not translated',
        'question "q15": option "3-ar" not translated',
        'question "q15": option "mer-enn-3-ar" not translated',
        'question "q01" not translated',
      ].sort(),
    );
  });
});
