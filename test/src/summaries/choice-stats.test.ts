import { describe, expect, it } from "vitest";
import type { AnswerContent } from "../../../src/questionnaire/types.ts";
import { choiceOptions, choiceStats } from "../../../src/summaries/statistics.ts";
import { testOptions } from "../../support/choice-options.ts";
import { Q, question } from "./fixtures.ts";

describe("choiceOptions", () => {
  it("should give Ja/Nei for yes/no and add Annet when allowOther", () => {
    expect(choiceOptions(Q.confirm)).toEqual(["Ja", "Nei"]);
    expect(choiceOptions(Q.phases)).toEqual(["Kartlegging", "Planlegging", "Gjennomføring", "Annet"]);
    expect(choiceOptions(Q.sami)).toEqual(["I stor grad", "I noen grad", "I liten grad"]);
    expect(choiceOptions(Q.goal)).toEqual([]);
  });
});

describe("choiceStats", () => {
  const scale = question("x", "choice", { options: testOptions("A", "B", "C") });

  it("should give percentages of respondents rounded half up (6 of 16 -> 38 %)", () => {
    // 16 respondents: 6 A (37.5 % -> 38 %), 10 B (62.5 % -> 63 %), 0 C
    const answers: AnswerContent[] = [
      ...Array.from({ length: 6 }, () => ({ value: "A" })),
      ...Array.from({ length: 10 }, () => ({ value: "B" })),
    ];
    const stats = choiceStats(scale, answers);
    expect(stats.n).toBe(16);
    expect(stats.options).toEqual([
      { option: "A", label: "A", count: 6, percent: 37.5, display: "38 %" },
      { option: "B", label: "B", count: 10, percent: 62.5, display: "63 %" },
      { option: "C", label: "C", count: 0, percent: 0, display: "0 %" },
    ]);
  });

  it("should give 33 % and 67 % for thirds", () => {
    const stats = choiceStats(scale, [{ value: "A" }, { value: "B" }, { value: "B" }]);
    expect(stats.options.map((o) => o.display)).toEqual(["33 %", "67 %", "0 %"]);
  });

  it("should count multichoice percentages of respondents, not ticks, so they may sum past 100 %", () => {
    // 4 respondents, 7 ticks: Kartlegging 3/4 = 75 %, Planlegging 2/4 = 50 %, Gjennomføring 1/4 = 25 %,
    // Annet 1/4 = 25 %: sum 175 %
    const stats = choiceStats(Q.phases, [
      { value: ["Kartlegging", "Planlegging"] },
      { value: ["Kartlegging", "Planlegging", "Annet"], other: "Evaluering" },
      { value: ["Kartlegging"] },
      { value: ["Gjennomføring"] },
    ]);
    expect(stats.n).toBe(4);
    expect(stats.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["Kartlegging", 3, "75 %"],
      ["Planlegging", 2, "50 %"],
      ["Gjennomføring", 1, "25 %"],
      ["Annet", 1, "25 %"],
    ]);
    expect(stats.options.reduce((sum, o) => sum + o.percent, 0)).toBe(175);
  });

  it("should skip unanswered entries and count a tick once per respondent", () => {
    // 2 respondents answered (the empty multichoice and undefined do not count)
    const stats = choiceStats(Q.phases, [
      { value: ["Kartlegging", "Kartlegging"] },
      { value: [] },
      undefined,
      { value: ["Planlegging"] },
    ]);
    expect(stats.n).toBe(2);
    expect(stats.options.find((o) => o.option === "Kartlegging")).toMatchObject({
      count: 1,
      display: "50 %",
    });
  });

  it("should count yes/no as Ja and Nei", () => {
    // Ja 2 of 3 -> 67 %, Nei 1 of 3 -> 33 %
    const stats = choiceStats(Q.confirm, [{ value: true }, { value: false }, { value: true }]);
    expect(stats.options).toEqual([
      { option: "Ja", label: "Ja", count: 2, percent: (2 / 3) * 100, display: "67 %" },
      { option: "Nei", label: "Nei", count: 1, percent: (1 / 3) * 100, display: "33 %" },
    ]);
  });

  it("should keep values that are not among the options as extra options, last", () => {
    const stats = choiceStats(scale, [{ value: "A" }, { value: "Gammelt valg" }]);
    expect(stats.options.map((o) => [o.option, o.count])).toEqual([
      ["A", 1],
      ["B", 0],
      ["C", 0],
      ["Gammelt valg", 1],
    ]);
  });
});

// A round: four submitted reports (A–D) and two drafts that must not be counted.
