/** The section cards of the round overview: the county's figures per question, no text questions. */
import { describe, expect, it } from "vitest";
import { overviewCards } from "../../cards/overview.ts";
import { shorten } from "../../cards/render.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { questionStats } from "../../src/summaries/statistics.ts";
import {
  bothForms,
  completeContents,
  form2021,
  form2024,
  stored,
  validRaw,
} from "../src/reports/fixtures.ts";
import {
  bodyOf,
  bytesOf,
  expectHealthy,
  factsOf,
  isChart,
  isQuestionHeading,
  NOW,
  type Node,
  questionElements,
  questionOf,
  reportOf,
  roundOf,
  sectionCard,
  sectionOf,
  textOf,
  texts,
  walk,
} from "./overview-support.ts";

describe("overviewSectionCard", () => {
  it("should compute Svar, Sum, Snitt, Median and Standardavvik of an amount question by hand", () => {
    const form = form2024;
    const amounts = [0, 100_000, 250_000, 1_300_000];
    const reports = amounts.map((value, i) => reportOf(form, i, { q11: { value } }, { category: "Kommune" }));
    // A draft is in the progress count but never in the statistics.
    reports.push(reportOf(form, 9, { q11: { value: 999_999 } }, { status: "draft", category: "Skole" }));
    const card = sectionCard(form, reports, "s3");
    expectHealthy([card]);
    expect(textOf(bodyOf(card)[0])).toBe("Oversikt – Nordland 2025: Egenfinansiering, tilskudd og periode");
    const q = questionElements(card, "11.");
    // "11." is escaped, or Markdown would make it a numbered list.
    expect(textOf(q[0])).toMatch(/^11\. .* \(4 Svar\)$/);
    // Sum 1 650 000; Snitt 1 650 000 / 4 = 412 500; Median (100 000 + 250 000) / 2 = 175 000.
    // Deviations from 412 500: -412 500, -312 500, -162 500, 887 500; squares sum to 1 081 875 000 000;
    // / (N - 1 = 3) = 360 625 000 000; sqrt = 600 520.6… -> 600 521 (half up).
    expect(factsOf(q[1])).toEqual({
      Svar: "4",
      Sum: "1 650 000 kr",
      Snitt: "412 500 kr",
      Median: "175 000 kr",
      Standardavvik: "600 521 kr",
    });
    // One category only: no per-category line, and never a list of respondents.
    expect(q.filter((n) => n.type === "FactSet")).toHaveLength(1);
    expect(JSON.stringify(card)).not.toContain("Partnerskap");
  });

  it("should give choice percentages of respondents overall and of ticks per category, half up", () => {
    const form = form2021;
    const picks = [
      ...Array(6).fill("I stor grad"),
      ...Array(5).fill("I noen grad"),
      ...Array(4).fill("I liten grad"),
      "Ikke i det hele tatt",
    ] as string[];
    const reports = picks.map((value, i) =>
      reportOf(form, i, { "5.3": { value } }, { category: i < 8 ? "Kommune" : "Skole" }),
    );
    const card = sectionCard(form, reports, sectionOf(form, "5.3"));
    expectHealthy([card]);
    const q = questionElements(card, "5.3");
    expect(textOf(q[0])).toMatch(/\(16 Svar\)$/);
    const chart = q[1] as Node;
    // Bars, not a donut: a donut's long legends fold into an English "+2 items".
    expect(chart.type).toBe("Chart.HorizontalBar");
    expect(chart.data).toEqual([
      { x: "I stor grad (38 %)", y: 6 },
      { x: "I noen grad (31 %)", y: 5 },
      { x: "I liten grad (25 %)", y: 4 },
      { x: "Ikke i det hele tatt (6 %)", y: 1 },
    ]);
    expect(factsOf(chart.fallback as Node)).toEqual({
      "I stor grad": "6 (38 %)",
      "I noen grad": "5 (31 %)",
      "I liten grad": "4 (25 %)",
      "Ikke i det hele tatt": "1 (6 %)",
    });
    // Kommune: reports 0-7 -> 6 "I stor grad", 2 "I noen grad" of 8; Skole: 3 noen, 4 liten, 1 ikke of 8.
    expect(factsOf(q[2])).toEqual({
      "Kommune (8 Svar)": "I stor grad 6 (75 %) · I noen grad 2 (25 %)",
      "Skole (8 Svar)": "I liten grad 4 (50 %) · I noen grad 3 (38 %) · Ikke i det hele tatt 1 (13 %)",
    });
  });

  it("should draw multichoice as horizontal bars with a fallback, per category of ticks", () => {
    const form = form2024;
    const options = questionOf(form, "q17").options ?? [];
    const [a = "", b = ""] = options.map((o) => o.text);
    const [idA = "", idB = ""] = options.map((o) => o.id);
    // Kommune: 3 respondents tick a+b, a+b, a (5 ticks: a 3 = 60 %, b 2 = 40 %); overall a 4 of 4, b 3 of 4.
    const reports = [0, 1, 2, 3].map((i) =>
      reportOf(
        form,
        i,
        { q17: { value: i < 2 ? [idA, idB] : [idA] } },
        { category: i < 3 ? "Kommune" : "Skole" },
      ),
    );
    (reports[3] as ReportDoc).answers.q17 = stored({ q17: { value: [idA, idB] } })
      .q17 as ReportDoc["answers"][string];
    const card = sectionCard(form, reports, "s3");
    expectHealthy([card]);
    const q = questionElements(card, "17.");
    const chart = q[1] as Node;
    expect(chart.type).toBe("Chart.HorizontalBar");
    expect((chart.data as Node[]).map((d) => d.y)).toEqual([4, 3, 0, 0]);
    expect(Object.values(factsOf(chart.fallback as Node))).toEqual([
      "4 (100 %)",
      "3 (75 %)",
      "0 (0 %)",
      "0 (0 %)",
    ]);
    const perCategory = factsOf(q[2]);
    // Category lines shorten long option names (32 characters).
    expect(perCategory["Kommune (3 Svar)"]).toBe(`${shorten(a, 32)} 3 (60 %) · ${shorten(b, 32)} 2 (40 %)`);
    expect(texts(card).some((t) => t.includes("over 100 %") && t.includes("andel av kryssene"))).toBe(true);
  });

  it("should show a long option list as the chosen options by count with the rest summed", () => {
    const form = form2024;
    const q08 = questionOf(form, "q08").options ?? [];
    const municipalities = q08.map((o) => o.text);
    // 12 reports tick 9 different municipalities: m0 x5, m1 x4, m2 x3, m3..m8 once each (+ every report ticks m0..).
    const picks: string[][] = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
      [0, 1],
      [0, 3],
      [4],
      [5],
      [6],
      [7],
      [8],
      [],
      [],
    ].map((list) => list.map((i) => q08[i]?.id ?? ""));
    const reports = picks.map((value, i) => reportOf(form, i, value.length > 0 ? { q08: { value } } : {}));
    const card = sectionCard(form, reports, "s2");
    expectHealthy([card]);
    const q = questionElements(card, "8.");
    const chart = q[1] as Node;
    const m = (i: number) => municipalities[i] ?? "";
    // 10 answered; the 6 most chosen shown (ties in form order), the other 3 (one tick each) summed in a line.
    expect(factsOf(chart.fallback as Node)).toEqual({
      [m(0)]: "5 (50 %)",
      [m(1)]: "4 (40 %)",
      [m(2)]: "3 (30 %)",
      [m(3)]: "1 (10 %)",
      [m(4)]: "1 (10 %)",
      [m(5)]: "1 (10 %)",
    });
    expect(q[2]?.text).toBe("Øvrige 3 valgte alternativer: 3 valg til sammen.");
    expect((chart.data as Node[]).length).toBeLessThanOrEqual(6);
    expect(JSON.stringify(card)).not.toContain(m(20)); // never a 0 % row for the 32 municipalities nobody chose
    expect(texts(card)).toContain("Ikke angitt: 2");
  });

  it("should name the free-text option 'Andre svar' and leave its texts to the export", () => {
    const form = form2024;
    const options = (questionOf(form, "q19").options ?? []).map((o) => o.id);
    const reports = [0, 1, 2].map((i) =>
      reportOf(form, i, {
        q19:
          i === 0
            ? { value: [options[0] ?? "", "annet"], other: "Hemmelig fritekst", comment: "Kommentar" }
            : { value: [options[0] ?? ""] },
      }),
    );
    const card = sectionCard(form, reports, "s4");
    const q = questionElements(card, "19.");
    expect(Object.keys(factsOf((q[1] as Node).fallback as Node))).toContain("Andre svar");
    expect(JSON.stringify(card)).not.toContain("Hemmelig fritekst");
    expect(texts(card)).toContain("1 fritekst under «Andre svar» og 1 kommentar – se eksporten.");
  });

  it.each(bothForms)(
    "should show every number and choice question of $id once and no text question",
    (form) => {
      const reports = Array.from({ length: 24 }, (_, i) =>
        reportOf(
          form,
          i,
          completeContents(form, (q) => validRaw(q, i)),
          { status: i < 20 ? "submitted" : "draft" },
        ),
      );
      const cards = overviewCards({ round: roundOf(form), form, reports, now: NOW });
      expectHealthy(cards);
      const headings = cards
        .slice(1)
        .flatMap(bodyOf)
        .filter((n) => isQuestionHeading(n) && /\(\d+ Svar\)$/.test(textOf(n)))
        .map(textOf);
      const questions = form.sections.flatMap((s) => s.questions);
      const statistic = questions.filter((q) =>
        ["integer", "amount_nok", "yesno", "choice", "multichoice"].includes(q.type),
      );
      expect(headings).toHaveLength(statistic.length);
      for (const [i, q] of statistic.entries()) {
        expect(headings[i]).toMatch(/\(20 Svar\)$/);
        // The form's text shows literally: a TextRun (isQuestionHeading), never Markdown or escapes.
        expect(headings[i]).toContain(q.text.slice(0, 40));
      }
      // No answer text of a text question (e.g. "Svar på q01, versjon 0") anywhere.
      expect(JSON.stringify(cards)).not.toMatch(/Svar på /);
    },
  );

  it.each(bothForms)(
    "should keep every card of a 1,000-report round of $id under 60 KB in UTF-16",
    (form) => {
      const variants = Array.from({ length: 7 }, (_, v) => completeContents(form, (q) => validRaw(q, v)));
      const reports = Array.from({ length: 1_000 }, (_, i) => reportOf(form, i, variants[i % 7] ?? {}));
      const stats = questionStats(form, reports);
      const cards = overviewCards({ round: roundOf(form), form, reports, stats, now: NOW });
      // The headline card and one card per section with figures.
      expect(cards.length).toBe(
        1 + new Set(stats.filter((x) => x.kind !== "text").map((x) => x.sectionId)).size,
      );
      expectHealthy(cards);
      expect(Math.max(...cards.map(bytesOf))).toBeLessThan(60_000);
    },
  );

  it("should write no English in charts", () => {
    const form = form2024;
    const reports = Array.from({ length: 30 }, (_, i) =>
      reportOf(
        form,
        i,
        completeContents(form, (q) => validRaw(q, i)),
      ),
    );
    const cards = overviewCards({ round: roundOf(form), form, reports, now: NOW });
    for (const chart of [...walk(cards)].filter(isChart)) {
      expect((chart.data as Node[]).length).toBeLessThanOrEqual(6);
      expect(JSON.stringify(chart)).not.toMatch(/\b(items?|Other|more)\b/);
      // A donut whose legends do not fit one row folds them into "+2 items" (seen in the Playground).
      if (chart.type === "Chart.Donut") {
        const legends = (chart.data as Node[]).map((d) => String(d.legend));
        expect(legends.join("").length, legends.join(" | ")).toBeLessThanOrEqual(50);
      }
    }
  });
});
