import { describe, expect, it } from "vitest";
import {
  type ChoiceQuestionStats,
  type NumberQuestionStats,
  progress,
  type QuestionStats,
  questionStats,
  type TextQuestionStats,
} from "../../../src/summaries/statistics.ts";
import { form, report } from "./fixtures.ts";

const reports = [
  report({
    partnership: "Bodø kommune",
    category: "Kommune",
    answers: {
      q1: { value: 0 },
      q2: { value: 250000 },
      q3: { value: ["kartlegging", "annet"], other: "Evaluering" },
      q4: { value: "i-noen-grad" },
      q5: { value: true },
      q6: { value: "Mål B" },
      q8: { value: { season: "Vår", year: 2022 } },
    },
  }),
  report({
    partnership: "Alta kommune",
    category: "Kommune",
    answers: {
      q1: { value: 3 },
      q2: { value: 100000 },
      q3: { value: ["kartlegging", "planlegging"] },
      q4: { value: "i-stor-grad", comment: "Tospråklig materiell" },
      q5: { value: true },
      q6: { value: "Mål A" },
      q7: { value: "" },
      q8: { value: { season: "Høst", year: 2021 } },
    },
  }),
  report({
    partnership: "Nord universitet",
    category: "Universitet / Høgskole",
    answers: {
      q1: { value: 5 },
      q2: { value: 0 },
      q3: { value: ["gjennomforing"] },
      q4: { value: "i-stor-grad" },
      q5: { value: false },
      q6: { value: "Mål C" },
      q7: { value: "Mer info" },
      q8: { value: { season: "Høst", year: 2022 } },
    },
  }),
  report({
    partnership: "Privat skole AS",
    category: "Skole",
    sector: "Privat",
    answers: {
      q1: { value: 2 },
      q3: { value: ["kartlegging"] },
      q5: { value: true },
      q6: { value: "Mål D" },
      q7: { value: "   " },
    },
  }),
  report({
    partnership: "Utkast kommune",
    category: "Kommune",
    status: "draft",
    answers: {
      q1: { value: 100 },
      q2: { value: 999999 },
      q3: { value: ["planlegging"] },
      q6: { value: "Utkast" },
    },
  }),
  report({ partnership: "Forening", category: "Organisasjon", sector: "Privat", status: "draft" }),
];

const stats = questionStats(form, reports);
function byId<K extends QuestionStats["kind"]>(id: string, kind: K): Extract<QuestionStats, { kind: K }> {
  const s = stats.find((q) => q.question.id === id);
  if (!s || s.kind !== kind) throw new Error(`no ${kind} stats for ${id}`);
  return s as Extract<QuestionStats, { kind: K }>;
}

describe("questionStats", () => {
  it("should give every question of the form in form order with its section", () => {
    expect(stats.map((s) => s.question.id)).toEqual(["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]);
    expect(stats.map((s) => s.kind)).toEqual([
      "number",
      "number",
      "choice",
      "choice",
      "choice",
      "text",
      "text",
      "text",
    ]);
    expect(stats[2]?.sectionId).toBe("s2");
  });

  it("should count only submitted reports", () => {
    for (const s of stats) expect(s.respondents).toBe(4);
    const goal = byId("q6", "text");
    expect(goal.answers.map((a) => a.text)).not.toContain("Utkast");
  });

  it("should compute integer statistics with zeros counted", () => {
    // values Bodø 0, Alta 3, Nord 5, Privat 2 (draft 100 ignored)
    // N 4, sum 10, mean 2.5, median (2+3)/2 = 2.5
    // deviations -2.5, .5, 2.5, -.5 -> squares 6.25+.25+6.25+.25 = 13; /3 = 4.333…; stdev 2.0817
    const q1: NumberQuestionStats = byId("q1", "number");
    expect(q1.n).toBe(4);
    expect(q1.stats).toMatchObject({ n: 4, sum: 10, mean: 2.5, median: 2.5 });
    expect(q1.stats?.stdev).toBeCloseTo(Math.sqrt(13 / 3), 12);
    // The county shows whole numbers for counts too, half up: 2.5 -> 3, 2.08 -> 2.
    expect(q1.display).toEqual({ n: "4", sum: "10", mean: "3", median: "3", stdev: "2" });
    expect(q1.notAnswered).toEqual([]);
  });

  it("should compute krone statistics in whole kroner and list who did not answer", () => {
    // Bodø 250 000, Alta 100 000, Nord 0; Privat skole left it empty
    // N 3, sum 350 000, mean 116 666.67 -> "116 667", median 100 000
    const q2 = byId("q2", "number");
    expect(q2.stats).toMatchObject({ n: 3, sum: 350000, median: 100000 });
    expect(q2.stats?.mean).toBeCloseTo(350000 / 3, 9);
    const mean = 350000 / 3;
    const expectedStdev = Math.sqrt(((250000 - mean) ** 2 + (100000 - mean) ** 2 + (0 - mean) ** 2) / 2);
    expect(q2.stats?.stdev).toBeCloseTo(expectedStdev, 6); // 125 830.57…
    expect(q2.display).toEqual({
      n: "3",
      sum: "350 000",
      mean: "116 667",
      median: "100 000",
      stdev: "125 831",
    });
    expect(q2.notAnswered.map((r) => r.partnership)).toEqual(["Privat skole AS"]);
  });

  it("should list number values per respondent category with partnership and sector", () => {
    const q1 = byId("q1", "number");
    expect(
      q1.byCategory.map((g) => [
        g.category,
        g.entries.map((e) => [e.respondent.partnership, e.respondent.sector, e.value]),
      ]),
    ).toEqual([
      [
        "Kommune",
        [
          ["Alta kommune", "Offentlig", 3],
          ["Bodø kommune", "Offentlig", 0],
        ],
      ],
      ["Universitet / Høgskole", [["Nord universitet", "Offentlig", 5]]],
      ["Skole", [["Privat skole AS", "Privat", 2]]],
    ]);
  });

  it("should count multichoice overall and per category, with Annet and its texts", () => {
    // 4 respondents: Kartlegging Bodø, Alta, Privat = 3 (75 %); Planlegging Alta = 1 (25 %);
    // Gjennomføring Nord = 1 (25 %); Annet Bodø = 1 (25 %) -> 150 % in all
    const q3: ChoiceQuestionStats = byId("q3", "choice");
    expect(q3.n).toBe(4);
    expect(q3.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["kartlegging", 3, "75 %"],
      ["planlegging", 1, "25 %"],
      ["gjennomforing", 1, "25 %"],
      ["annet", 1, "25 %"],
    ]);
    expect(q3.options.reduce((sum, o) => sum + o.percent, 0)).toBe(150);
    expect(q3.otherTexts.map((t) => [t.respondent.partnership, t.text])).toEqual([
      ["Bodø kommune", "Evaluering"],
    ]);
    // The free-text option is shown under the county's name for it, never as the category "Annet".
    expect(q3.options.map((o) => o.label)).toEqual([
      "Kartlegging",
      "Planlegging",
      "Gjennomføring",
      "Andre svar",
    ]);
    // Kommune: 2 respondents ticked 4 times; per category the county divides by ticks:
    // Kartlegging 2 of 4 (50 %), Planlegging 1 of 4 (25 %), Annet 1 of 4 (25 %).
    expect(q3.byCategory.map((c) => c.category)).toEqual(["Kommune", "Universitet / Høgskole", "Skole"]);
    const kommune = q3.byCategory[0];
    expect(kommune?.n).toBe(2);
    expect(kommune?.ticks).toBe(4);
    expect(kommune?.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["kartlegging", 2, "50 %"],
      ["planlegging", 1, "25 %"],
      ["gjennomforing", 0, "0 %"],
      ["annet", 1, "25 %"],
    ]);
  });

  it("should give choice percentages of those who answered and collect comments", () => {
    // Alta and Nord "I stor grad" (2 of 3 -> 67 %), Bodø "I noen grad" (1 of 3 -> 33 %); Privat skole empty
    const q4 = byId("q4", "choice");
    expect(q4.n).toBe(3);
    expect(q4.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["i-stor-grad", 2, "67 %"],
      ["i-noen-grad", 1, "33 %"],
      ["i-liten-grad", 0, "0 %"],
    ]);
    expect(q4.notAnswered.map((r) => r.partnership)).toEqual(["Privat skole AS"]);
    expect(q4.comments.map((c) => [c.respondent.partnership, c.text])).toEqual([
      ["Alta kommune", "Tospråklig materiell"],
    ]);
    expect(q4.commentsByCategory.map((g) => g.category)).toEqual(["Kommune"]);
  });

  it("should count yes/no as Ja/Nei", () => {
    // Ja: Bodø, Alta, Privat = 3 of 4 (75 %); Nei: Nord = 1 (25 %)
    const q5 = byId("q5", "choice");
    expect(q5.options.map((o) => [o.option, o.count, o.display])).toEqual([
      ["Ja", 3, "75 %"],
      ["Nei", 1, "25 %"],
    ]);
  });

  it("should group text answers by category", () => {
    const q6: TextQuestionStats = byId("q6", "text");
    expect(q6.n).toBe(4);
    expect(q6.byCategory.map((g) => [g.category, g.entries.map((e) => e.text)])).toEqual([
      ["Kommune", ["Mål A", "Mål B"]],
      ["Universitet / Høgskole", ["Mål C"]],
      ["Skole", ["Mål D"]],
    ]);
  });

  it("should list who left an optional text empty as Ikke angitt", () => {
    // Only Nord answered; Alta gave "", Bodø nothing, Privat skole only spaces -> Ikke angitt (3 Svar)
    const q7 = byId("q7", "text");
    expect(q7.n).toBe(1);
    expect(q7.answers.map((a) => a.text)).toEqual(["Mer info"]);
    expect(q7.notAnswered.length).toBe(3);
    expect(q7.notAnswered.map((r) => [r.category, r.partnership])).toEqual([
      ["Kommune", "Alta kommune"],
      ["Kommune", "Bodø kommune"],
      ["Skole", "Privat skole AS"],
    ]);
  });

  it("should write season and year answers as text", () => {
    const q8 = byId("q8", "text");
    expect(q8.answers.map((a) => a.text).sort()).toEqual(["Høst 2021", "Høst 2022", "Vår 2022"]);
    expect(q8.notAnswered.map((r) => r.partnership)).toEqual(["Privat skole AS"]);
  });

  it("should give empty statistics when nothing is submitted", () => {
    const none = questionStats(
      form,
      reports.filter((r) => r.status === "draft"),
    );
    const q1 = none.find((s) => s.question.id === "q1") as NumberQuestionStats;
    expect(q1.n).toBe(0);
    expect(q1.stats).toBeUndefined();
    expect(q1.display).toBeUndefined();
    const q3 = none.find((s) => s.question.id === "q3") as ChoiceQuestionStats;
    expect(q3.options.every((o) => o.count === 0 && o.display === "0 %")).toBe(true);
    expect(q3.byCategory).toEqual([]);
  });
});

describe("progress", () => {
  it("should count reports of the round, submitted and per category", () => {
    // 6 reports, 4 submitted; Kommune 3 (2 submitted), Universitet / Høgskole 1/1, Skole 1/1, Organisasjon 1/0
    expect(progress(reports)).toEqual({
      total: 6,
      submitted: 4,
      byCategory: {
        Kommune: { total: 3, submitted: 2 },
        Fylkeskommune: { total: 0, submitted: 0 },
        "Universitet / Høgskole": { total: 1, submitted: 1 },
        Skole: { total: 1, submitted: 1 },
        Organisasjon: { total: 1, submitted: 0 },
        Annet: { total: 0, submitted: 0 },
      },
    });
  });

  it("should count two reports of one partnership as two", () => {
    const two = [
      report({ partnership: "Alta kommune", tiltak: "Lesing" }),
      report({ partnership: "Alta kommune", tiltak: "Regning", status: "draft" }),
    ];
    expect(progress(two)).toMatchObject({
      total: 2,
      submitted: 1,
      byCategory: { Kommune: { total: 2, submitted: 1 } },
    });
  });

  it("should give zeros for no reports", () => {
    expect(progress([])).toMatchObject({
      total: 0,
      submitted: 0,
      byCategory: { Annet: { total: 0, submitted: 0 } },
    });
  });
});
