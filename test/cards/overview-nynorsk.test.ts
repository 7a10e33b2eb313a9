/** The round overview in nynorsk (issue 15): the round's setting gives the texts, the form's and the options' labels. */
import { describe, expect, it } from "vitest";
import { overviewHeadlineCard, overviewSectionCard } from "../../cards/overview.ts";
import type { CardJson } from "../../cards/render.ts";
import { translationOf } from "../../src/questionnaire/form-lang.ts";
import { form2024 } from "../src/reports/fixtures.ts";
import {
  bodyOf,
  expectHealthy,
  factsOf,
  NOW,
  type Node,
  questionElements,
  questionOf,
  reportOf,
  roundOf,
  textOf,
  texts,
  walk,
} from "./overview-support.ts";

const form = form2024;

function headlineReports() {
  return [
    reportOf(form, 0, { q11: { value: 100_000 }, q13: { value: 400_000 } }, { category: "Kommune" }),
    reportOf(form, 1, { q11: { value: 20_000 }, q14: { value: 50_000 } }, { category: "Skole" }),
    reportOf(form, 2, {}, { category: "Skole", status: "draft" }),
  ];
}

const factSets = (card: CardJson) => [...walk(card)].filter((n) => n.type === "FactSet").map(factsOf);

describe("overview in nynorsk", () => {
  it("should write the headline card in nynorsk: categories, sums, lateness and the form's nynorsk title", () => {
    const card = overviewHeadlineCard({
      round: roundOf(form),
      form,
      reports: headlineReports(),
      now: NOW,
      lang: "nn",
    });
    expectHealthy([card]);
    expect(textOf(bodyOf(card)[0])).toBe("Oversikt – Nordland 2025: 2 av 3 levert");
    const all = texts(card);
    expect(all).toContain("1 rapportering er forseinka.");
    expect(all.some((t) => t.startsWith(`${translationOf(form.id)?.title} · frist `))).toBe(true);
    expect(all.some((t) => t.startsWith("Tala gjeld berre dei 2 leverte rapportane."))).toBe(true);
    const facts = factSets(card);
    expect(facts).toContainEqual({ Kommune: "1 av 1 levert", Skule: "1 av 2 levert" });
    expect(facts).toContainEqual({
      Eigenfinansiering: "120 000 kr (2 svar)",
      "Tilskot skuleeigar": "400 000 kr (1 svar)",
      "Tilskot UH": "50 000 kr (1 svar)",
    });
    // No bokmål left in the card's own texts.
    const json = JSON.stringify(card);
    for (const nb of ["Ikke levert", "forsinket", "Tilskudd", "beløpene", "Tallene"])
      expect(json).not.toContain(nb);
  });

  it("should label options and questions of a section card in nynorsk, counted by option id", () => {
    const [a = "", , , d = ""] = (questionOf(form, "q17").options ?? []).map((o) => o.id);
    const reports = [0, 1, 2].map((i) =>
      reportOf(
        form,
        i,
        { q17: { value: i === 0 ? [a, d] : [d] } },
        { category: i < 2 ? "Kommune" : "Skole" },
      ),
    );
    const card = overviewSectionCard({
      round: roundOf(form),
      form,
      reports,
      sectionId: "s3",
      now: NOW,
      lang: "nn",
    });
    if (!card) throw new Error("no section card");
    expectHealthy([card]);
    const q = questionElements(card, "17.");
    expect(textOf(q[0])).toContain("Kva fase i arbeidet med partnarskapet");
    const chart = q[1] as Node;
    expect((chart.data as Node[]).map((p) => p.x)).toContain("Ein kombinasjon av fleire fasar (100 %)");
    expect(factsOf(chart.fallback as Node)["Ein kombinasjon av fleire fasar"]).toBe("3 (100 %)");
    expect(Object.keys(factsOf(q[2]))).toEqual(["Kommune (2 svar)", "Skule (1 svar)"]);
    expect(texts(card).some((t) => t.startsWith("Fleire val moglege"))).toBe(true);
    // The same reports in bokmål: the bokmål option text, same counts.
    const nb = overviewSectionCard({ round: roundOf(form), form, reports, sectionId: "s3", now: NOW });
    const nbChart = questionElements(nb, "17.")[1] as Node;
    expect(factsOf(nbChart.fallback as Node)["En kombinasjon av flere faser"]).toBe("3 (100 %)");
  });
});
