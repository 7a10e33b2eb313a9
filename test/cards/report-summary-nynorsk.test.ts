/** The channel summary of a submitted report in the round's language (issue 15): nynorsk labels and option texts. */
import { describe, expect, it } from "vitest";
import type { CardJson } from "../../cards/render.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { summaryTexts } from "../../src/summaries/summary-text.ts";
import { completeContents, form2024, makeReport, stored } from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

const DEADLINE = "2026-01-15T22:59:00.000Z";

function runs(card: CardJson): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const n = node as Record<string, unknown>;
      if (n.type === "TextRun" && typeof n.text === "string") out.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

function report(): ReportDoc {
  const answers = stored({ ...completeContents(form2024), q17: { value: ["kombinasjon"] } });
  const base = makeReport(form2024, { answers });
  return {
    ...base,
    partnership: { ...base.partnership, category: "Skole" },
    status: "submitted",
    submittedAt: "2026-01-20T10:00:00.000Z",
    submittedBy: { id: "aad-contact", name: "Kari" },
  };
}

describe("the summary in nynorsk", () => {
  it("should label paragraphs, options, the category and the lateness in nynorsk", () => {
    const card = summaryCard(form2024, report(), DEADLINE, "nn");
    const texts = runs(card);
    const at = texts.indexOf("Fase for hovudtyngda av midlane: ");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(texts[at + 1]?.startsWith("Ein kombinasjon av fleire fasar")).toBe(true);
    expect(texts).toContain("Eigenfinansiering: ");
    expect(texts).toContain(" · Skule");
    const json = JSON.stringify(card);
    expect(json).toContain("Les heile rapporteringa");
    expect(json).not.toContain("Fase for hovedtyngden");
    expect(json).not.toContain("En kombinasjon av flere faser");
    expect(cardProblems(card)).toEqual([]);
  });

  it("should keep bokmål for a round without a setting", () => {
    const texts = runs(summaryCard(form2024, report(), DEADLINE));
    const at = texts.indexOf("Fase for hovedtyngden av midlene: ");
    expect(texts[at + 1]?.startsWith("En kombinasjon av flere faser")).toBe(true);
    expect(texts).toContain(" · Skole");
  });

  it("should give the full summary texts (samarbeidsforum document) in nynorsk", () => {
    const phase = summaryTexts(form2024, report(), "nn").find(
      (p) => p.label === "Fase for hovudtyngda av midlane",
    );
    expect(phase?.parts[0]).toBe("Ein kombinasjon av fleire fasar");
  });
});
