/** The section card draws from a narrow input: ids, revision and answers, names only when known. */
import { describe, expect, it } from "vitest";
import { sectionCard } from "../../cards/report-section.ts";
import { texts } from "../../src/i18n/texts.ts";

const cardText = { sectionUnsaved: texts("nb").section.unsaved };

import { parseAction, Verb } from "../../cards/verbs.ts";
import { form2024 } from "../src/reports/fixtures.ts";

describe("sectionCard without a stored report", () => {
  const report = { id: "t1", roundId: "r1", revision: 4, answers: {} };

  it("should show the typed values under the neutral heading, with the card's ids and revision", () => {
    const card = sectionCard({ form: form2024, report, sectionIndex: 0, typed: { q01: "Det jeg skrev" } });
    const json = JSON.stringify(card);
    expect(json).toContain(cardText.sectionUnsaved);
    expect(json).toContain("Det jeg skrev");
    const data = json.match(/"data":(\{"verb":"section\.save"[^}]*\})/)?.[1];
    const parsed = parseAction(Verb.SaveSection, JSON.parse(data ?? "{}"));
    expect(parsed?.data).toMatchObject({ roundId: "r1", reportId: "t1", revision: 4 });
  });

  it("should name the partnership and tiltak when they are known", () => {
    const named = { ...report, partnership: { name: "Salten" }, tiltak: { name: "Lesing" } };
    const json = JSON.stringify(sectionCard({ form: form2024, report: named, sectionIndex: 0 }));
    expect(json).toContain("Salten – Lesing");
    expect(json).not.toContain(cardText.sectionUnsaved);
  });
});
