import { describe, expect, it } from "vitest";
import { exportLinksCard, osloClockTime } from "../../cards/export-links.ts";
import { overviewCards } from "../../cards/overview.ts";
import { type CardJson, escapeMarkdown, MAX_CARD_BYTES } from "../../cards/render.ts";
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

const bytesOf = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), "utf8");

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
      if (!String(facts[i]?.value ?? "").startsWith(String(count))) {
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

/** The elements shown for one question, across cards (page headers and "(forts.)" headings left out). */
function questionElements(cards: CardJson[], label: string): Node[] {
  const flat = cards.slice(1).flatMap((card) =>
    bodyOf(card)
      .slice(1)
      .filter((n) => !(n.isSubtle === true && String(n.text).endsWith("(forts.)"))),
  );
  const start = flat.findIndex((n) => n.separator === true && String(n.text).startsWith(`${label} `));
  if (start < 0) throw new Error(`question ${label} not found`);
  const end = flat.findIndex((n, i) => i > start && n.separator === true);
  return flat.slice(start, end < 0 ? undefined : end);
}

const factsOf = (n: Node | undefined): Record<string, string> =>
  Object.fromEntries(((n?.facts ?? []) as { title: string; value: string }[]).map((f) => [f.title, f.value]));

function expectHealthy(cards: CardJson[]): void {
  for (const [i, card] of cards.entries()) {
    expect(bytesOf(card), `card ${i + 1} size`).toBeLessThan(MAX_CARD_BYTES);
    expect(cardProblems(card), `card ${i + 1}`).toEqual([]);
    expect(chartProblems(card), `card ${i + 1}`).toEqual([]);
  }
}

// ---- Tests ----------------------------------------------------------------------------------------

describe("overviewCards", () => {
  it("should compute Svar, Sum, Snitt, Median and Standardavvik of an amount question by hand", () => {
    const form = form2024;
    const amounts = [0, 100_000, 250_000, 1_300_000];
    const reports = amounts.map((value, i) => reportOf(form, i, { q11: { value } }, { category: "Kommune" }));
    // A draft is in the progress count but never in the statistics.
    reports.push(reportOf(form, 9, { q11: { value: 999_999 } }, { status: "draft" }));
    const cards = overviewCards({ round: roundOf(form), form, reports });
    expectHealthy(cards);

    expect(bodyOf(cards[0] as CardJson)[0]?.text).toBe("Oversikt – Nordland 2025: 4 av 5 levert");
    const q = questionElements(cards, "11.");
    expect(String(q[0]?.text)).toMatch(/^11\. .* \(4 Svar\)$/);
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
    expect(q[2]?.text).toBe("Kommune (4 Svar)");
    expect(factsOf(q[3])).toEqual({
      "Partnerskap 0 – Tiltak 0 (Privat)": "0 kr",
      "Partnerskap 1 – Tiltak 1 (Offentlig)": "100 000 kr",
      "Partnerskap 2 – Tiltak 2 (Offentlig)": "250 000 kr",
      "Partnerskap 3 – Tiltak 3 (Privat)": "1 300 000 kr",
    });
  });

  it("should give choice percentages of respondents, half up (6 of 16 -> 38 %), overall and per category", () => {
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
    const cards = overviewCards({ round: roundOf(form), form, reports });
    expectHealthy(cards);

    const q = questionElements(cards, "5.3");
    expect(String(q[0]?.text)).toMatch(/\(16 Svar\)$/);
    const chart = q[1] as Node;
    expect(chart.type).toBe("Chart.Donut");
    expect(chart.data).toEqual([
      { legend: "I stor grad (38 %): 6", value: 6 },
      { legend: "I noen grad (31 %): 5", value: 5 },
      { legend: "I liten grad (25 %): 4", value: 4 },
      { legend: "Ikke i det hele tatt (6 %): 1", value: 1 },
    ]);
    expect(factsOf(chart.fallback as Node)).toEqual({
      "I stor grad": "6 (38 %)",
      "I noen grad": "5 (31 %)",
      "I liten grad": "4 (25 %)",
      "Ikke i det hele tatt": "1 (6 %)",
    });
    // Kommune: reports 0-7 -> 6 "I stor grad", 2 "I noen grad" of 8.
    expect(q[2]?.text).toBe("Kommune (8 Svar)");
    expect(factsOf(q[3])).toEqual({
      "I stor grad": "6 (75 %)",
      "I noen grad": "2 (25 %)",
      "I liten grad": "0 (0 %)",
      "Ikke i det hele tatt": "0 (0 %)",
    });
    expect(q[4]?.text).toBe("Skole (8 Svar)");
  });

  it("should draw multichoice as horizontal bars with a fallback, percentages summing past 100 %", () => {
    const form = form2024;
    const options = questionOf(form, "q17").options ?? [];
    const reports = [0, 1, 2, 3].map((i) =>
      reportOf(form, i, {
        q17: { value: i < 3 ? [options[0] ?? "", options[1] ?? ""] : [options[0] ?? ""] },
      }),
    );
    const cards = overviewCards({ round: roundOf(form), form, reports });
    expectHealthy(cards);
    const q = questionElements(cards, "17.");
    const chart = q[1] as Node;
    expect(chart.type).toBe("Chart.HorizontalBar");
    expect((chart.data as Node[]).map((d) => d.y)).toEqual([4, 3, 0, 0]);
    expect(Object.values(factsOf(chart.fallback as Node))).toEqual([
      "4 (100 %)",
      "3 (75 %)",
      "0 (0 %)",
      "0 (0 %)",
    ]);
    expect(String(q[2]?.text)).toContain("over 100 %");
  });

  it.each(bothForms)("should show every question of $id once, fit and parse cleanly", (form) => {
    const reports = Array.from({ length: 24 }, (_, i) =>
      reportOf(
        form,
        i,
        completeContents(form, (q) => validRaw(q, i)),
        { status: i < 20 ? "submitted" : "draft" },
      ),
    );
    const cards = overviewCards({ round: roundOf(form), form, reports });
    expectHealthy(cards);
    const first = bodyOf(cards[0] as CardJson);
    expect(first[0]?.text).toBe("Oversikt – Nordland 2025: 20 av 24 levert");
    expect(first.some((n) => n.type === "Chart.Donut")).toBe(true);

    const headings = cards
      .slice(1)
      .flatMap(bodyOf)
      .filter((n) => n.separator === true)
      .map((n) => String(n.text));
    const questions = form.sections.flatMap((s) => s.questions);
    expect(headings).toHaveLength(questions.length);
    for (const [i, q] of questions.entries()) {
      expect(headings[i]).toMatch(/\(20 Svar\)$/);
      expect(headings[i]).toContain(escapeMarkdown(q.text.slice(0, 40)));
    }
    // The index on the first card names a card for every section.
    const index = factsOf(first.at(-1));
    expect(Object.keys(index)).toEqual(form.sections.map((s) => escapeMarkdown(s.title)));
    for (const value of Object.values(index)) expect(value).toMatch(/ · kort \d+(–\d+)?$/);
  });

  it("should split a large round (1,000 reports with long texts) into several cards under the limit", () => {
    const form = form2024;
    const long = (q: Question, i: number) =>
      `Svar ${i} på ${q.id}: ${"Tiltaket har styrket det profesjonelle læringsfellesskapet på skolen. ".repeat(30)}`;
    const variants = Array.from({ length: 5 }, (_, v) =>
      completeContents(form, (q) => {
        const raw = validRaw(q, v);
        if (q.type === "longtext" || q.type === "text") raw[`${Object.keys(raw)[0]}`] = long(q, v);
        return raw;
      }),
    );
    const reports = Array.from({ length: 1_000 }, (_, i) => reportOf(form, i, variants[i % 5] ?? {}));
    const started = performance.now();
    const stats = questionStats(form, reports);
    const cards = overviewCards({ round: roundOf(form), form, reports, stats });
    const elapsed = performance.now() - started;
    expect(cards.length).toBeGreaterThan(10);
    expectHealthy(cards);
    // Every card after the first says where it is.
    cards.slice(1).forEach((card, i) => {
      expect(bodyOf(card)[0]?.text).toBe(`Oversikt – Nordland 2025 (kort ${i + 2} av ${cards.length})`);
    });
    // A question that goes on over several cards repeats its heading with "(forts.)".
    const continued = cards.slice(1).filter((c) => String(bodyOf(c)[1]?.text).endsWith("(forts.)"));
    expect(continued.length).toBeGreaterThan(0);
    // Long answers are shortened.
    const answer = questionElements(cards, "23.").find((n) => String(n.text).includes("Svar 0 på q23"));
    expect(String(answer?.text)).toMatch(/…$/);
    expect(String(answer?.text).length).toBeLessThan(500);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("should escape Markdown in answers, comments and names", () => {
    const form = form2024;
    const nasty = "**fet** _kursiv_ [lenke](https://evil.example) <b>html</b> # overskrift | `kode` ~x~";
    const optionsQ19 = questionOf(form, "q19").options ?? [];
    const reports = [0, 1].map((i) =>
      reportOf(
        form,
        i,
        {
          q09: { value: nasty },
          q11: { value: 1000 * (i + 1) },
          q19: { value: [optionsQ19[0] ?? "", "Annet"], other: nasty, comment: nasty },
        },
        { partnership: `_Salten_ [${i}]`, tiltak: "*Lesing* <i>" },
      ),
    );
    const cards = overviewCards({ round: { ...roundOf(form), county: "Nord*land*" }, form, reports });
    expectHealthy(cards);
    expect(bodyOf(cards[0] as CardJson)[0]?.text).toBe("Oversikt – Nord\\*land\\* 2025: 2 av 2 levert");

    const texts = [...walk(cards)].filter((n) => n.type === "TextBlock").map((n) => String(n.text));
    const answers = texts.filter((t) => t.includes("fet"));
    // q09 answer, q19 "Annet" text and q19 comment, for each of the two reports.
    expect(answers).toHaveLength(6);
    for (const text of answers) {
      expect(text).toContain(escapeMarkdown(nasty));
      // Our own bold label "**<names> (<sector>):** " is the only Markdown.
      const end = text.indexOf(":** ");
      expect(text.startsWith("**") && end > 0).toBe(true);
      const label = text.slice(2, end).replace(/ \((Offentlig|Privat)\)$/, "");
      expect(unescapedMarkup(label + text.slice(end + 4))).toEqual([]);
    }
    const titles = [...walk(cards)]
      .filter((n) => n.type === "FactSet")
      .flatMap((n) => (n.facts as { title: string }[]).map((f) => f.title));
    const names = titles.filter((t) => t.includes("Salten"));
    expect(names.length).toBeGreaterThan(0);
    for (const t of names) expect(unescapedMarkup(t.replace(/ \((Offentlig|Privat)\)$/, ""))).toEqual([]);
  });

  it("should list respondents who left an optional question empty under 'Ikke angitt (N Svar)'", () => {
    const form = form2024;
    const reports = [0, 1, 2].map((i) =>
      reportOf(form, i, i === 0 ? { q25: { value: "En kommentar" } } : {}),
    );
    const cards = overviewCards({ round: roundOf(form), form, reports });
    const q = questionElements(cards, "25.");
    expect(String(q[0]?.text)).toMatch(/\(1 Svar\)$/);
    const texts = q.map((n) => String(n.text));
    const at = texts.indexOf("Ikke angitt (2 Svar)");
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toBe("Partnerskap 1 – Tiltak 1; Partnerskap 2 – Tiltak 2");
  });

  it("should give one card saying nothing is submitted yet when no report is submitted", () => {
    const form = form2021;
    const reports = [0, 1].map((i) => reportOf(form, i, {}, { status: "draft" }));
    const cards = overviewCards({ round: roundOf(form), form, reports });
    expect(cards).toHaveLength(1);
    expectHealthy(cards);
    const texts = bodyOf(cards[0] as CardJson).map((n) => String(n.text));
    expect(texts[0]).toBe("Oversikt – Nordland 2025: 0 av 2 levert");
    expect(texts.some((t) => t.startsWith("Ingen rapporter er levert ennå"))).toBe(true);
  });
});

describe("exportLinksCard", () => {
  it("should offer both downloads and say when the links expire in Norwegian time", () => {
    const expiresAt = Date.parse("2026-01-14T13:20:00.000Z"); // 14:20 in Oslo (winter time)
    const card = exportLinksCard({
      round: roundOf(form2024),
      xlsxUrl: "https://bot.example/api/export/a.b",
      csvUrl: "https://bot.example/api/export/c.d",
      expiresAt,
    });
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Last ned Excel (.xlsx)", url: "https://bot.example/api/export/a.b" },
      { type: "Action.OpenUrl", title: "Last ned CSV", url: "https://bot.example/api/export/c.d" },
    ]);
    const texts = bodyOf(card).map((n) => String(n.text));
    expect(
      texts.some((t) => t.includes("kl. 14:20") && t.includes("bare for Statsforvalterens ansatte")),
    ).toBe(true);
    expect(osloClockTime(Date.parse("2026-07-01T22:05:00.000Z"))).toBe("00:05"); // summer time
  });
});
