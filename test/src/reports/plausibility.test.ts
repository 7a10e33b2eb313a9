import { describe, expect, it } from "vitest";
import type { AnswerContent } from "../../../src/questionnaire/types.ts";
import { NO_COORDINATOR, warningsByQuestion, warningsFor } from "../../../src/reports/plausibility.ts";
import { completeContents, form2021, form2024, makeReport, stored } from "./fixtures.ts";

/** Amounts that agree with each other (the builder's defaults give 3 x 160 000 kr in phases). */
const CONSISTENT: Record<string, Record<string, AnswerContent["value"]>> = {
  "dekom-skole-2021": { "4.1": 300_000, "4.3": 100_000, "4.4": 50_000, "4.5": 50_000, "4.6": 50_000 },
  "dekom-2024-2025": {},
};

/** A complete, consistent report of the form with some answers replaced. */
function report(form: typeof form2021, changes: Record<string, AnswerContent["value"]>) {
  const contents = completeContents(form);
  for (const [qid, value] of Object.entries({ ...CONSISTENT[form.id], ...changes }))
    contents[qid] = { value };
  return makeReport(form, { answers: stored(contents) });
}
const rules = (ws: { rule: string }[]) => ws.map((w) => w.rule);

describe("plausibility warnings", () => {
  it("should give none for a consistent 2021 report", () => {
    const r = report(form2021, {
      "4.1": 300_000,
      "4.3": 100_000,
      "4.4": 50_000,
      "4.5": 50_000,
      "4.6": 200_000,
    });
    expect(warningsFor(form2021, r)).toEqual([]);
  });

  it("should warn when the phase amounts (4.4-4.6) are above the grant received (4.1 + 4.3)", () => {
    const r = report(form2021, {
      "4.1": 200_000,
      "4.3": 50_000,
      "4.4": 100_000,
      "4.5": 100_000,
      "4.6": 100_000,
    });
    const [w, ...rest] = warningsFor(form2021, r);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({
      rule: "phases-over-grant",
      questionId: "4.1",
      sectionId: "4",
      confirmed: false,
    });
    expect(w?.questionIds).toEqual(["4.1", "4.3", "4.4", "4.5", "4.6"]);
    expect(w?.text).toContain("300 000 kr");
    expect(w?.text).toContain("250 000 kr");
  });

  it("should warn when the reported grant differs from the allocation in the import", () => {
    const r = report(form2024, { q13: 400_000, q14: 100_000 });
    expect(warningsFor(form2024, r, { owners: 400_000, uh: 100_000 })).toEqual([]);
    const ws = warningsFor(form2024, r, { owners: 450_000, uh: 100_000 });
    expect(rules(ws)).toEqual(["grant-owners"]);
    expect(ws[0]?.questionId).toBe("q13");
    expect(ws[0]?.text).toContain("450 000 kr");
    // Without amounts in the import there is nothing to compare with.
    expect(warningsFor(form2024, r)).toEqual([]);
    expect(rules(warningsFor(form2021, report(form2021, { "4.3": 90_000 }), { uh: 80_000 }))).toContain(
      "grant-uh",
    );
  });

  it("should warn when «Har ikke koordinatorfunksjon» is ticked with reasons for one", () => {
    const reason = form2024.sections[2]?.questions.find((q) => q.id === "q12")?.options?.[0]?.id as string;
    expect(rules(warningsFor(form2024, report(form2024, { q12: [NO_COORDINATOR] })))).toEqual([]);
    expect(rules(warningsFor(form2024, report(form2024, { q12: [reason] })))).toEqual([]);
    const ws = warningsFor(form2024, report(form2024, { q12: [reason, NO_COORDINATOR] }));
    expect(rules(ws)).toEqual(["no-coordinator-with-reasons"]);
    expect(ws[0]).toMatchObject({ questionId: "q12", sectionId: "s3" });
  });

  it("should warn when the school counts contradict the named partners", () => {
    // 2024/2025: three municipalities ticked, but no or too few municipal schools.
    const three = ["Bodø", "Fauske - Fuosko", "Saltdal"];
    expect(rules(warningsFor(form2024, report(form2024, { q08: three, q06: 12 })))).toEqual([]);
    const none = warningsFor(form2024, report(form2024, { q08: three, q06: 0 }));
    expect(rules(none)).toEqual(["schools-vs-owners"]);
    expect(none[0]?.questionIds).toEqual(["q06", "q08"]);
    expect(warningsFor(form2024, report(form2024, { q08: three, q06: 2 }))[0]?.text).toContain(
      "2 kommunale grunnskoler, men 3",
    );
    expect(rules(warningsFor(form2024, report(form2024, { q08: [], q06: 5 })))).toEqual([
      "schools-vs-owners",
    ]);
    // Private owners named but no private schools.
    expect(rules(warningsFor(form2024, report(form2024, { q07: "Montessoriskolen AS", q04: 0 })))).toEqual([
      "private-owners-no-schools",
    ]);
    expect(rules(warningsFor(form2024, report(form2024, { q07: "Ingen", q04: 0 })))).toEqual([]);
    // 2021: municipalities named in free text, no municipal schools.
    expect(rules(warningsFor(form2021, report(form2021, { "3.1": "Bodø, Saltdal", "3.4": 0 })))).toEqual([
      "schools-vs-owners",
    ]);
    expect(
      rules(warningsFor(form2021, report(form2021, { "3.2": "Steinerskolen", "3.5": 0, "3.7": 0 }))),
    ).toEqual(["private-owners-no-schools"]);
  });

  it("should warn about a UH grant with no UH named", () => {
    expect(rules(warningsFor(form2024, report(form2024, { q14: 80_000, q09: "-" })))).toEqual([
      "uh-grant-no-uh",
    ]);
    expect(rules(warningsFor(form2024, report(form2024, { q14: 0, q09: "-" })))).toEqual([]);
    const r2021 = report(form2021, { "4.3": 80_000 });
    delete r2021.answers["3.3"];
    const ws = warningsFor(form2021, r2021);
    expect(rules(ws)).toEqual(["uh-grant-no-uh"]);
    expect(ws[0]).toMatchObject({ questionId: "3.3", sectionId: "3" });
  });

  it("should count a confirmation only while the values it was given for are unchanged", () => {
    const r = report(form2024, { q14: 80_000, q09: "-" });
    const [w] = warningsFor(form2024, r);
    r.plausibility = {
      "uh-grant-no-uh": { signature: w?.signature as string, by: { id: "a", name: "A" }, at: "x" },
    };
    expect(warningsFor(form2024, r)[0]?.confirmed).toBe(true);
    const changed = report(form2024, { q14: 90_000, q09: "-" });
    changed.plausibility = r.plausibility;
    expect(warningsFor(form2024, changed)[0]?.confirmed).toBe(false);
  });

  it("should give the warnings by the question they are shown at", () => {
    const reason = form2024.sections[2]?.questions.find((q) => q.id === "q12")?.options?.[0]?.id as string;
    const ws = warningsFor(form2024, report(form2024, { q12: [reason, NO_COORDINATOR], q14: 1, q09: "" }));
    const byQ = warningsByQuestion(ws);
    expect([...byQ.keys()]).toEqual(["q09", "q12"]);
  });
});
