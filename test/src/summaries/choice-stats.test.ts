import { describe, expect, it } from "vitest";
import type { AnswerContent } from "../../../src/questionnaire/types.ts";
import { choiceOptions, choiceStats } from "../../../src/summaries/statistics.ts";
import { testOptions } from "../../support/choice-options.ts";
import { Q, question } from "./fixtures.ts";

describe("choiceOptions", () => {
  it("should give Ja/Nei for yes/no and the option ids, with annet when allowOther", () => {
    expect(choiceOptions(Q.confirm)).toEqual(["Ja", "Nei"]);
    expect(choiceOptions(Q.phases)).toEqual(["kartlegging", "planlegging", "gjennomforing", "annet"]);
    expect(choiceOptions(Q.sami)).toEqual(["i-stor-grad", "i-noen-grad", "i-liten-grad"]);
    expect(choiceOptions(Q.goal)).toEqual([]);
  });
});

describe("choiceStats", () => {
  const scale = question("x", "choice", { options: testOptions("A", "B", "C") });

  it("should give percentages of respondents rounded half up (6 of 16 -> 38 %)", () => {
    // 16 respondents: 6 A (37.5 % -> 38 %), 10 B (62.5 % -> 63 %), 0 C
    const answers: AnswerContent[] = [
      ...Array.from({ length: 6 }, () => ({ value: "a" })),
      ...Array.from({ length: 10 }, () => ({ value: "b" })),
    ];
    const stats = choiceStats(scale, answers);
    expect(stats.n).toBe(16);
    expect(stats.options).toEqual([
      { option: "a", label: "A", count: 6, percent: 37.5, display: "38 %" },
      { option: "b", label: "B", count: 10, percent: 62.5, display: "63 %" },
      { option: "c", label: "C", count: 0, percent: 0, display: "0 %" },
    ]);
  });

  it("should give 33 % and 67 % for thirds", () => {
    const stats = choiceStats(scale, [{ value: "a" }, { value: "b" }, { value: "b" }]);
    expect(stats.options.map((o) => o.display)).toEqual(["33 %", "67 %", "0 %"]);
  });

  it("should count multichoice percentages of respondents, not ticks, so they may sum past 100 %", () => {
    // 4 respondents, 7 ticks: Kartlegging 3/4 = 75 %, Planlegging 2/4 = 50 %, Gjennomføring 1/4 = 25 %,
    // Annet 1/4 = 25 %: sum 175 %
    const stats = choiceStats(Q.phases, [
      { value: ["kartlegging", "planlegging"] },
      { value: ["kartlegging", "planlegging", "annet"], other: "Evaluering" },
      { value: ["kartlegging"] },
      { value: ["gjennomforing"] },
    ]);
    expect(stats.n).toBe(4);
    expect(stats.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["kartlegging", 3, "75 %"],
      ["planlegging", 2, "50 %"],
      ["gjennomforing", 1, "25 %"],
      ["annet", 1, "25 %"],
    ]);
    expect(stats.options.map((o) => o.label)).toEqual([
      "Kartlegging",
      "Planlegging",
      "Gjennomføring",
      "Andre svar",
    ]);
    expect(stats.options.reduce((sum, o) => sum + o.percent, 0)).toBe(175);
  });

  it("should skip unanswered entries and count a tick once per respondent", () => {
    // 2 respondents answered (the empty multichoice and undefined do not count)
    const stats = choiceStats(Q.phases, [
      { value: ["kartlegging", "kartlegging"] },
      { value: [] },
      undefined,
      { value: ["planlegging"] },
    ]);
    expect(stats.n).toBe(2);
    expect(stats.options.find((o) => o.option === "kartlegging")).toMatchObject({
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
    const stats = choiceStats(scale, [{ value: "a" }, { value: "Gammelt valg" }]);
    expect(stats.options.map((o) => [o.option, o.count])).toEqual([
      ["a", 1],
      ["b", 0],
      ["c", 0],
      ["Gammelt valg", 1],
    ]);
    expect(stats.options.map((o) => o.label)).toEqual(["A", "B", "C", "Gammelt valg"]);
  });

  it("should count bokmål and nynorsk answers together and label them in the reader's language", () => {
    const q = question("x", "choice", {
      options: [
        { id: "stor-grad", text: "I stor grad", nn: "I stor grad" },
        { id: "liten-grad", text: "I liten grad", nn: "I lita grad" },
      ],
    });
    // The same answers, whoever gave them in which language: only ids are stored.
    const answers = [{ value: "liten-grad" }, { value: "liten-grad" }, { value: "stor-grad" }];
    const nb = choiceStats(q, answers, "respondents", "nb");
    const nn = choiceStats(q, answers, "respondents", "nn");
    expect(nb.options.map((o) => [o.label, o.count])).toEqual([
      ["I stor grad", 1],
      ["I liten grad", 2],
    ]);
    expect(nn.options.map((o) => [o.label, o.count])).toEqual([
      ["I stor grad", 1],
      ["I lita grad", 2],
    ]);
  });
});

// A round: four submitted reports (A–D) and two drafts that must not be counted.
