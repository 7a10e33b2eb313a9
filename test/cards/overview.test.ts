import { describe, expect, it } from "vitest";
import { exportLinksCard, osloClockTime } from "../../cards/export-links.ts";
import {
  OVERVIEW_MAX_BYTES,
  overviewCards,
  overviewHeadlineCard,
  overviewSectionCard,
} from "../../cards/overview.ts";
import { type CardJson, escapeMarkdown, shorten } from "../../cards/render.ts";
import { Verb } from "../../cards/verbs.ts";
import { findQuestion } from "../../src/questionnaire/form.ts";
import type { AnswerContent, Form, Question } from "../../src/questionnaire/types.ts";
import { RESPONDENT_CATEGORIES, type ReportDoc, type RespondentCategory } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { questionStats } from "../../src/summaries/statistics.ts";
import {
  bothForms,
  completeContents,
  form2021,
  form2024,
  makeReport,
  stored,
  validRaw,
} from "../src/reports/fixtures.ts";
import { cardProblems as checkCard } from "../support/adaptive-cards.ts";

// ---- Builders -------------------------------------------------------------------------------------

function roundOf(form: Form): RoundDoc {
  return {
    id: `nordland-${form.id}`,
    county: "Nordland",
    formId: form.id,
    reportingYear: 2025,
    deadline: "2026-01-15T22:59:00.000Z",
    staffIds: [],
    createdAt: "2025-09-01T10:00:00.000Z",
  };
}

interface Who {
  partnership?: string;
  tiltak?: string;
  category?: RespondentCategory;
  status?: ReportDoc["status"];
}

function reportOf(form: Form, i: number, contents: Record<string, AnswerContent>, who: Who = {}): ReportDoc {
  const category = who.category ?? RESPONDENT_CATEGORIES[i % RESPONDENT_CATEGORIES.length] ?? "Annet";
  const status = who.status ?? "submitted";
  return makeReport(form, {
    id: `r-${i}`,
    roundId: roundOf(form).id,
    partnership: {
      id: `p-${i}`,
      name: who.partnership ?? `Partnerskap ${i}`,
      category,
      sector: i % 3 === 0 ? "Privat" : "Offentlig",
    },
    tiltak: { id: `t-${i}`, name: who.tiltak ?? `Tiltak ${i}` },
    coEditors: [],
    status,
    revision: 3,
    answers: stored(contents),
    ...(status === "submitted" ? { submittedAt: "2026-01-10T10:00:00.000Z" } : {}),
  });
}

function questionOf(form: Form, id: string): Question {
  const q = findQuestion(form, id);
  if (!q) throw new Error(`test bug: no question ${id} in ${form.id}`);
  return q;
}

// ---- Card inspection ------------------------------------------------------------------------------

type Node = Record<string, unknown>;

const bytesOf = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), "utf16le");

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item);
  } else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* walk(v);
  }
}

const bodyOf = (card: CardJson): Node[] => card.body as Node[];
const isChart = (n: Node): boolean => typeof n.type === "string" && n.type.startsWith("Chart.");

/** The card as a client without charts sees it: every chart replaced by its fallback. */
function withoutCharts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCharts);
  if (typeof value !== "object" || value === null) return value;
  const node = value as Node;
  if (isChart(node)) return withoutCharts(node.fallback);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withoutCharts(v)]));
}

/** Parse problems other than "unknown chart type, fallback used", and anything lost on a round trip. */
const cardProblems = (json: CardJson) =>
  checkCard(json, {
    ignore: /^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used/,
    expected: withoutCharts,
  });

/** Every chart has a FactSet fallback with one fact per data point and the same counts. */
function chartProblems(card: CardJson): string[] {
  const problems: string[] = [];
  for (const node of walk(card)) {
    if (!isChart(node)) continue;
    const fallback = node.fallback as Node | undefined;
    const data = node.data as Node[];
    const facts = (fallback?.facts ?? []) as { title: string; value: string }[];
    if (fallback?.type !== "FactSet") problems.push(`${node.type} without FactSet fallback`);
    else if (facts.length !== data.length)
      problems.push(`${node.type}: ${data.length} points, ${facts.length} facts`);
    data.forEach((point, i) => {
      const count = Number(point.value ?? point.y);
      const shown = Number(/^[\d ]+/.exec(String(facts[i]?.value ?? ""))?.[0]?.replace(/ /g, ""));
      if (shown !== count) {
        problems.push(`${node.type} point ${i}: ${count} vs fact ${facts[i]?.value}`);
      }
    });
  }
  return problems;
}

/** Backslash-escaped Markdown/HTML characters only: the text shows literally. */
function unescapedMarkup(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if ("*_[]()<>`#~|".includes(text[i] ?? "")) found.push(`${text[i]} at ${i}`);
  }
  return found;
}

/** The elements shown for one question in a section card (its heading up to the next heading). */
function questionElements(card: CardJson | undefined, label: string): Node[] {
  if (!card) throw new Error("no section card");
  const flat = bodyOf(card);
  const start = flat.findIndex(
    (n) => n.separator === true && String(n.text).startsWith(`${escapeMarkdown(label)} `),
  );
  if (start < 0) throw new Error(`question ${label} not found`);
  const end = flat.findIndex((n, i) => i > start && n.type === "TextBlock" && n.separator === true);
  return flat.slice(start, end < 0 ? undefined : end);
}

const NOW = new Date("2026-01-20T10:00:00.000Z"); // after the round's deadline

function sectionCard(form: Form, reports: ReportDoc[], sectionId: string, round = roundOf(form)): CardJson {
  const card = overviewSectionCard({ round, form, reports, sectionId, now: NOW });
  if (!card) throw new Error(`no section ${sectionId}`);
  return card;
}

function sectionOf(form: Form, questionId: string): string {
  const section = form.sections.find((s) => s.questions.some((q) => q.id === questionId));
  if (!section) throw new Error(`test bug: no section for ${questionId}`);
  return section.id;
}

const factsOf = (n: Node | undefined): Record<string, string> =>
  Object.fromEntries(((n?.facts ?? []) as { title: string; value: string }[]).map((f) => [f.title, f.value]));

function expectHealthy(cards: CardJson[]): void {
  for (const [i, card] of cards.entries()) {
    expect(bytesOf(card), `card ${i + 1} size`).toBeLessThan(OVERVIEW_MAX_BYTES);
    expect(cardProblems(card), `card ${i + 1}`).toEqual([]);
    expect(chartProblems(card), `card ${i + 1}`).toEqual([]);
  }
}

// ---- Tests ----------------------------------------------------------------------------------------

const texts = (card: CardJson): string[] =>
  [...walk(card)].flatMap((n) => (typeof n.text === "string" ? [n.text] : []));

describe("overviewHeadlineCard", () => {
  it("should show progress per category, late reports, the headline sums with a chart and a button per section", () => {
    const form = form2024;
    const reports = [
      reportOf(
        form,
        0,
        { q11: { value: 100_000 }, q13: { value: 400_000 }, q14: { value: 50_000 } },
        { category: "Kommune" },
      ),
      reportOf(
        form,
        1,
        { q11: { value: 0 }, q13: { value: 250_000 }, q14: { value: 0 } },
        { category: "Kommune" },
      ),
      reportOf(form, 2, { q11: { value: 20_000 } }, { category: "Skole" }),
      reportOf(form, 3, {}, { category: "Skole", status: "draft" }),
    ];
    // Report 2 came in after the deadline (2026-01-15 23:59 Oslo).
    const late = reports[2] as ReportDoc;
    late.submittedAt = "2026-01-16T08:00:00.000Z";
    const card = overviewHeadlineCard({ round: roundOf(form), form, reports, now: NOW });
    expectHealthy([card]);
    const body = bodyOf(card);
    expect(body[0]?.text).toBe("Oversikt – Nordland 2025: 3 av 4 levert");
    expect(texts(card)).toContain("1 rapportering er forsinket. 1 rapportering er levert etter fristen.");
    const facts = [...walk(card)].filter((n) => n.type === "FactSet").map(factsOf);
    expect(facts).toContainEqual({ Kommune: "2 av 2 levert", Skole: "1 av 2 levert" });
    expect(facts).toContainEqual({
      Egenfinansiering: "120 000 kr (3 Svar)",
      "Tilskudd skoleeier": "650 000 kr (2 Svar)",
      "Tilskudd UH": "50 000 kr (2 Svar)",
    });
    // 120 000 + 650 000 + 50 000 = 820 000: shares 14.6 -> 15 %, 79.3 -> 79 %, 6.1 -> 6 %.
    const sumsChart = body.filter((n) => n.type === "Chart.Donut")[1];
    expect(sumsChart?.data).toEqual([
      { legend: "Egenfinansiering", value: 15 },
      { legend: "Tilskudd skoleeier", value: 79 },
      { legend: "Tilskudd UH", value: 6 },
    ]);
    expect(factsOf(sumsChart?.fallback as Node)).toEqual({
      Egenfinansiering: "15 % av beløpene",
      "Tilskudd skoleeier": "79 % av beløpene",
      "Tilskudd UH": "6 % av beløpene",
    });
    // A button per section with figures; Kontaktinformasjon (s1) and Tilleggsinformasjon (s6) are text only.
    const actions = [...walk(card)].filter((n) => n.type === "Action.Execute");
    expect(actions.map((a) => a.data)).toEqual(
      ["s2", "s3", "s4", "s5"].map((sectionId) => ({
        verb: Verb.OverviewSection,
        roundId: roundOf(form).id,
        sectionId,
      })),
    );
    for (const a of actions) expect((a.fallback as Node).type).toBe("Action.Submit");
    // Nothing a person typed, and no statistics of text questions, on the headline card.
    expect(JSON.stringify(card)).not.toContain("Partnerskap 0");
  });

  it("should agree in number: 2 rapporteringer, and nothing about lateness before the deadline", () => {
    const form = form2021;
    const reports = [0, 1, 2].map((i) => reportOf(form, i, {}, { status: i === 0 ? "submitted" : "draft" }));
    const after = overviewHeadlineCard({ round: roundOf(form), form, reports, now: NOW });
    expect(texts(after)).toContain("2 rapporteringer er forsinket.");
    const before = overviewHeadlineCard({
      round: roundOf(form),
      form,
      reports,
      now: new Date("2026-01-10T10:00:00.000Z"),
    });
    expect(texts(before).some((t) => t.includes("forsinket") || t.includes("etter fristen"))).toBe(false);
  });

  it("should give one card saying nothing is submitted yet when no report is submitted", () => {
    const form = form2021;
    const reports = [0, 1].map((i) => reportOf(form, i, {}, { status: "draft" }));
    const cards = overviewCards({ round: roundOf(form), form, reports, now: NOW });
    expect(cards).toHaveLength(1);
    expectHealthy(cards);
    const shown = texts(cards[0] as CardJson);
    expect(shown[0]).toBe("Oversikt – Nordland 2025: 0 av 2 levert");
    expect(shown.some((t) => t.startsWith("Ingen rapporter er levert ennå"))).toBe(true);
    expect([...walk(cards[0])].some((n) => n.type === "Action.Execute")).toBe(false);
  });

  it("should escape the county name", () => {
    const form = form2024;
    const card = overviewHeadlineCard({
      round: { ...roundOf(form), county: "Nord*land*" },
      form,
      reports: [reportOf(form, 0, {})],
      now: NOW,
    });
    expect(bodyOf(card)[0]?.text).toBe("Oversikt – Nord\\*land\\* 2025: 1 av 1 levert");
  });
});

describe("overviewSectionCard", () => {
  it("should compute Svar, Sum, Snitt, Median and Standardavvik of an amount question by hand", () => {
    const form = form2024;
    const amounts = [0, 100_000, 250_000, 1_300_000];
    const reports = amounts.map((value, i) => reportOf(form, i, { q11: { value } }, { category: "Kommune" }));
    // A draft is in the progress count but never in the statistics.
    reports.push(reportOf(form, 9, { q11: { value: 999_999 } }, { status: "draft", category: "Skole" }));
    const card = sectionCard(form, reports, "s3");
    expectHealthy([card]);
    expect(bodyOf(card)[0]?.text).toBe("Oversikt – Nordland 2025: Egenfinansiering, tilskudd og periode");
    const q = questionElements(card, "11.");
    // "11." is escaped, or Markdown would make it a numbered list.
    expect(String(q[0]?.text)).toMatch(/^11\\\. .* \(4 Svar\)$/);
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
    expect(String(q[0]?.text)).toMatch(/\(16 Svar\)$/);
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
    const [a = "", b = ""] = options;
    // Kommune: 3 respondents tick a+b, a+b, a (5 ticks: a 3 = 60 %, b 2 = 40 %); overall a 4 of 4, b 3 of 4.
    const reports = [0, 1, 2, 3].map((i) =>
      reportOf(form, i, { q17: { value: i < 2 ? [a, b] : [a] } }, { category: i < 3 ? "Kommune" : "Skole" }),
    );
    (reports[3] as ReportDoc).answers.q17 = stored({ q17: { value: [a, b] } })
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
    expect(perCategory["Kommune (3 Svar)"]).toBe(
      `${escapeMarkdown(shorten(a, 32))} 3 (60 %) · ${escapeMarkdown(shorten(b, 32))} 2 (40 %)`,
    );
    expect(texts(card).some((t) => t.includes("over 100 %") && t.includes("andel av kryssene"))).toBe(true);
  });

  it("should show a long option list as the chosen options by count with the rest summed", () => {
    const form = form2024;
    const municipalities = questionOf(form, "q08").options ?? [];
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
    ].map((list) => list.map((i) => municipalities[i] ?? ""));
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
    const options = questionOf(form, "q19").options ?? [];
    const reports = [0, 1, 2].map((i) =>
      reportOf(form, i, {
        q19:
          i === 0
            ? { value: [options[0] ?? "", "Annet"], other: "Hemmelig fritekst", comment: "Kommentar" }
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
        .filter((n) => n.type === "TextBlock" && n.separator === true && /\(\d+ Svar\)$/.test(String(n.text)))
        .map((n) => String(n.text));
      const questions = form.sections.flatMap((s) => s.questions);
      const statistic = questions.filter((q) =>
        ["integer", "amount_nok", "yesno", "choice", "multichoice"].includes(q.type),
      );
      expect(headings).toHaveLength(statistic.length);
      for (const [i, q] of statistic.entries()) {
        expect(headings[i]).toMatch(/\(20 Svar\)$/);
        expect(headings[i]).toContain(escapeMarkdown(q.text.slice(0, 40)));
        // The form's text shows literally: every Markdown character escaped.
        expect(unescapedMarkup(String(headings[i]).replace(/ \(20 Svar\)$/, ""))).toEqual([]);
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

describe("exportLinksCard", () => {
  it("should offer the three downloads and say when the links expire in Norwegian time", () => {
    const expiresAt = Date.parse("2026-01-14T13:20:00.000Z"); // 14:20 in Oslo (winter time)
    const card = exportLinksCard({
      round: roundOf(form2024),
      xlsxUrl: "https://bot.example/api/export/a.b",
      csvUrl: "https://bot.example/api/export/c.d",
      docxUrl: "https://bot.example/api/export/e.f",
      expiresAt,
    });
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Last ned Excel (.xlsx)", url: "https://bot.example/api/export/a.b" },
      { type: "Action.OpenUrl", title: "Last ned CSV", url: "https://bot.example/api/export/c.d" },
      {
        type: "Action.OpenUrl",
        title: "Dokument til samarbeidsforum (.docx)",
        url: "https://bot.example/api/export/e.f",
      },
    ]);
    const shown = bodyOf(card).map((n) => String(n.text));
    expect(
      shown.some((t) => t.includes("kl. 14:20") && t.includes("bare for Statsforvalterens ansatte")),
    ).toBe(true);
    expect(osloClockTime(Date.parse("2026-07-01T22:05:00.000Z"))).toBe("00:05"); // summer time
  });
});
