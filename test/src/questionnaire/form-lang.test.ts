/** The forms in nynorsk (src/questionnaire/form-lang.ts): our translation, same ids, same values. */
import { describe, expect, it } from "vitest";
import { formIn, translationOf, translationProblems } from "../../../src/questionnaire/form-lang.ts";
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
          expect(q.options?.length ?? 0).toBe(o?.options?.length ?? 0);
          expect(q.text).not.toBe("");
        });
      });
      expect(nn.title).not.toBe(form.title);
    }
  });

  it("should write the 2024/2025 form in nynorsk", () => {
    const nn = formIn(form2024, "nn");
    expect(nn.sections[1]?.title).toBe("Partnarskap og deltaking");
    expect(nn.sections[2]?.questions.find((q) => q.id === "q12")?.options?.at(-1)).toBe(
      "Har ikkje koordinatorfunksjon",
    );
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
        q15: { text: "Kor lenge?", help: null, options: ["1 år"] },
      },
    };
    expect(translationProblems(form2024, broken).sort()).toEqual(
      [
        'unknown question "q99"',
        'question "q15": 1 options, the form has 4',
        'question "q01" not translated',
      ].sort(),
    );
  });
});
