import { describe, expect, it } from "vitest";
import { findQuestion } from "../../../src/questionnaire/form.ts";
import type { Question } from "../../../src/questionnaire/types.ts";
import { convertReport, convertValue, toOptionId } from "../../../src/reports/option-id-conversion.ts";
import { signatureOf, warningsFor } from "../../../src/reports/plausibility.ts";
import { form2021, form2024, makeReport, stored } from "./fixtures.ts";

const q = (id: string): Question => {
  const found = findQuestion(form2024, id) ?? findQuestion(form2021, id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe("toOptionId", () => {
  it("should turn an option text, the stored «Annet» and an old card's index into the option id", () => {
    expect(toOptionId(q("q18"), "UH har bidratt aktivt i vurdering av kompetansebehov")).toBe("uh");
    expect(toOptionId(q("q18"), "Annet")).toBe("annet");
    expect(toOptionId(q("q18"), "6")).toBe("skoleeier");
    expect(toOptionId(q("q18"), "8")).toBe("annet"); // the slot after the options
    expect(toOptionId(q("q08"), "Fauske - Fuosko")).toBe("fauske");
    expect(toOptionId(q("5.3"), "I liten grad")).toBe("liten-grad");
  });

  it("should match texts with other spacing, case or Unicode form", () => {
    expect(toOptionId(q("q15"), "  mer enn 3\u00a0år ")).toBe("mer-enn-3-ar");
    expect(toOptionId(q("q08"), "Gildeska\u030al")).toBe("gildeskal"); // "å" as a + combining ring
  });

  it("should keep an id as it is and give undefined for what matches nothing", () => {
    expect(toOptionId(q("q18"), "skoleeier")).toBe("skoleeier");
    expect(toOptionId(q("q15"), "10 år")).toBeUndefined();
    expect(toOptionId(q("q15"), "4")).toBeUndefined(); // past the options (no «Annet» slot)
    expect(toOptionId(q("q15"), "Annet")).toBeUndefined(); // q15 has no free-text option
  });
});

describe("convertValue", () => {
  it("should give multichoice ids in form order without duplicates, «annet» last, unresolved kept after", () => {
    const result = convertValue(q("q10"), [
      "Annet",
      "Vikarutgifter",
      "0",
      "Gammelt alternativ",
      "vikarutgifter",
    ]);
    expect(result).toEqual({
      value: ["ressursperson", "vikarutgifter", "annet", "Gammelt alternativ"],
      unresolved: ["Gammelt alternativ"],
    });
  });

  it("should leave other question types alone", () => {
    expect(convertValue(q("q04"), 3)).toEqual({ value: 3, unresolved: [] });
    expect(convertValue(q("q01"), "Vikarutgifter")).toEqual({ value: "Vikarutgifter", unresolved: [] });
  });
});

describe("convertReport", () => {
  const legacy = () =>
    makeReport(form2024, {
      answers: stored({
        q01: { value: "Kari" },
        q08: { value: ["Bodø", "Rana"] },
        q10: { value: ["Vikarutgifter", "Annet"], other: "Kurs" },
        q12: { value: ["Partnerskapet omfatter mange skoler", "Har ikke koordinatorfunksjon"], comment: "K" },
        q15: { value: "2 år" },
      }),
      previous: {
        roundId: "round-2024",
        reportId: "r-old",
        answers: { q20: { value: ["Læringsmiljø"] }, q09: { value: "Nord universitet" } },
      },
    });

  it("should convert answers and last year's answers, keeping who, when, revision, comments and «Annet» texts", () => {
    const report = legacy();
    const before = structuredClone(report);
    const result = convertReport(form2024, report);
    expect(report).toEqual(before); // the input is not changed
    expect(result?.changed).toBe(true);
    const doc = result?.doc;
    expect(doc?.answers.q08?.value).toEqual(["bodo", "rana"]);
    expect(doc?.answers.q10).toEqual({ ...report.answers.q10, value: ["vikarutgifter", "annet"] });
    expect(doc?.answers.q12).toMatchObject({
      value: ["mange-skoler", "ikke-koordinatorfunksjon"],
      comment: "K",
    });
    expect(doc?.answers.q15?.value).toBe("2-ar");
    expect(doc?.answers.q01).toEqual(report.answers.q01);
    expect(doc?.previous?.answers).toEqual({
      q20: { value: ["laeringsmiljo"] },
      q09: { value: "Nord universitet" },
    });
    expect(doc?.revision).toBe(report.revision);
    expect(result?.changes.map((c) => `${c.where}:${c.questionId}`)).toEqual([
      "answers:q08",
      "answers:q10",
      "answers:q12",
      "answers:q15",
      "previous:q20",
    ]);
  });

  it("should change nothing the second time", () => {
    const once = convertReport(form2024, legacy());
    expect(once).toBeDefined();
    expect(convertReport(form2024, once?.doc ?? legacy())).toBeUndefined();
  });

  it("should keep a confirmed plausibility warning confirmed, with its signature in ids", () => {
    const report = legacy();
    // Confirmed ("Stemmer") while the answers were stored as texts: the signature holds the texts.
    const signature = signatureOf(report, "no-coordinator-with-reasons", ["q12"], {});
    expect(signature).toContain("Har ikke koordinatorfunksjon");
    report.plausibility = {
      "no-coordinator-with-reasons": { signature, by: { id: "x", name: "X" }, at: "t" },
    };
    const result = convertReport(form2024, report);
    expect(result?.signatures).toEqual(["no-coordinator-with-reasons"]);
    const after = warningsFor(form2024, result?.doc ?? report).find(
      (w) => w.rule === "no-coordinator-with-reasons",
    );
    expect(after?.confirmed).toBe(true);
    expect(after?.signature).toContain("ikke-koordinatorfunksjon");
    expect(convertReport(form2024, result?.doc ?? report)).toBeUndefined();
  });

  it("should report values that match no option without writing anything for them alone", () => {
    const report = makeReport(form2024, {
      answers: stored({ q15: { value: "10 år" }, q17: { value: ["kartlegging"] } }),
    });
    const result = convertReport(form2024, report);
    expect(result?.changed).toBe(false);
    expect(result?.unresolved).toEqual([{ questionId: "q15", where: "answers", value: "10 år" }]);
    expect(result?.doc.answers).toEqual(report.answers);
  });

  it("should have nothing to do for a report without choice answers", () => {
    expect(
      convertReport(form2021, makeReport(form2021, { answers: stored({ "2.1": { value: "Kari" } }) })),
    ).toBeUndefined();
  });
});
