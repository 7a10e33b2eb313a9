import { describe, expect, it } from "vitest";
import { formatPhoneNumber } from "../../../src/summaries/phone-format.ts";
import {
  choiceStats,
  headlineSums,
  lateness,
  type OptionStat,
  questionStats,
  topOptions,
} from "../../../src/summaries/statistics.ts";
import { testOptions } from "../../support/choice-options.ts";
import { question, report } from "./fixtures.ts";

describe("choiceStats with base 'ticks' (the county's per-category row)", () => {
  it("should give each option its share of all ticks: 3, 1, 4, 2 of 10 ticks -> 30 %, 10 %, 40 %, 20 %", () => {
    // The spec's example: 5 respondents of a category ticked four options 3, 1, 4 and 2 times.
    const q = question("m", "multichoice", { options: testOptions("A", "B", "C", "D") });
    const answers = [
      { value: ["a", "b", "c"] },
      { value: ["a", "c"] },
      { value: ["a", "c", "d"] },
      { value: ["c"] },
      { value: ["d"] },
    ];
    const byTicks = choiceStats(q, answers, "ticks");
    expect(byTicks.n).toBe(5);
    expect(byTicks.ticks).toBe(10);
    expect(byTicks.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["a", 3, "30 %"],
      ["b", 1, "10 %"],
      ["c", 4, "40 %"],
      ["d", 2, "20 %"],
    ]);
    // The overall row of the same answers stays of respondents: 3 of 5 = 60 %.
    expect(choiceStats(q, answers).options[0]?.display).toBe("60 %");
  });
});

describe("topOptions", () => {
  const opt = (option: string, count: number): OptionStat => ({
    option,
    label: option,
    count,
    percent: 0,
    display: "",
  });

  it("should keep the chosen options by count (ties in form order) and sum the rest", () => {
    const options = [opt("a", 1), opt("b", 0), opt("c", 5), opt("d", 1), opt("e", 2), opt("f", 1)];
    const top = topOptions(options, 3);
    expect(top.shown.map((o) => o.option)).toEqual(["c", "e", "a"]);
    expect(top.rest).toEqual({ options: 2, count: 2 });
  });

  it("should give no rest when every chosen option fits", () => {
    const top = topOptions([opt("a", 0), opt("b", 2)], 3);
    expect(top.shown.map((o) => o.option)).toEqual(["b"]);
    expect(top.rest).toBeUndefined();
  });
});

describe("lateness", () => {
  const deadline = "2025-01-15T22:59:00.000Z";
  const reports = [
    report({ partnership: "A", submittedAt: "2025-01-15T22:58:00.000Z" }),
    report({ partnership: "B", submittedAt: "2025-01-16T08:00:00.000Z" }),
    report({ partnership: "C", status: "draft" }),
  ];

  it("should count submissions after the deadline and, once it has passed, the missing ones", () => {
    expect(lateness(reports, deadline, new Date("2025-01-20T10:00:00.000Z"))).toEqual({
      submittedLate: 1,
      overdue: 1,
    });
  });

  it("should count nothing overdue before the deadline", () => {
    expect(lateness(reports, deadline, new Date("2025-01-10T10:00:00.000Z")).overdue).toBe(0);
  });
});

describe("headlineSums", () => {
  it("should sum egenfinansiering, tilskudd skoleeier and tilskudd UH of the form in use", () => {
    const q11 = question("q11", "amount_nok");
    const q13 = question("q13", "amount_nok");
    const q14 = question("q14", "amount_nok");
    const form = {
      id: "dekom-2024-2025",
      title: "t",
      reportingYear: "2024/2025",
      guidance: [],
      sections: [{ id: "s3", title: "s", intro: null, questions: [q11, q13, q14] }],
      confirmationQuestionId: null,
      periodPairs: [],
    };
    const reports = [
      report({ partnership: "A", answers: { q11: { value: 1 }, q13: { value: 10 }, q14: { value: 0 } } }),
      report({ partnership: "B", answers: { q11: { value: 2 }, q13: { value: 20 } } }),
      report({ partnership: "C", status: "draft", answers: { q11: { value: 1000 } } }),
    ];
    expect(headlineSums(form.id, questionStats(form, reports))).toEqual([
      { key: "ownFunding", label: "Egenfinansiering", questionId: "q11", n: 2, sum: 3 },
      { key: "ownerGrant", label: "Tilskudd skoleeier", questionId: "q13", n: 2, sum: 30 },
      { key: "uhGrant", label: "Tilskudd UH", questionId: "q14", n: 1, sum: 0 },
    ]);
    expect(headlineSums("unknown-form", [])).toEqual([]);
  });
});

describe("formatPhoneNumber", () => {
  it("should write Norwegian numbers the way people write them", () => {
    expect(formatPhoneNumber("+4791234567")).toBe("912 34 567");
    expect(formatPhoneNumber("91234567")).toBe("912 34 567");
    expect(formatPhoneNumber("0047 412 34 567")).toBe("412 34 567");
    expect(formatPhoneNumber("+4722334455")).toBe("22 33 44 55");
    expect(formatPhoneNumber("+46 70 123 45 67")).toBe("+46 70 123 45 67");
    expect(formatPhoneNumber(undefined)).toBe("");
  });
});
