/** Builders and card inspection shared by the overview card tests. */
import { expect } from "vitest";
import { OVERVIEW_MAX_BYTES, overviewSectionCard } from "../../cards/overview.ts";
import type { CardJson } from "../../cards/render.ts";
import { findQuestion } from "../../src/questionnaire/form.ts";
import type { AnswerContent, Form, Question } from "../../src/questionnaire/types.ts";
import { RESPONDENT_CATEGORIES, type ReportDoc, type RespondentCategory } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { makeReport, stored } from "../src/reports/fixtures.ts";
import { cardProblems as checkCard } from "../support/adaptive-cards.ts";

// ---- Builders -------------------------------------------------------------------------------------

export function roundOf(form: Form): RoundDoc {
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

export interface Who {
  partnership?: string;
  tiltak?: string;
  category?: RespondentCategory;
  status?: ReportDoc["status"];
}

export function reportOf(
  form: Form,
  i: number,
  contents: Record<string, AnswerContent>,
  who: Who = {},
): ReportDoc {
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

export function questionOf(form: Form, id: string): Question {
  const q = findQuestion(form, id);
  if (!q) throw new Error(`test bug: no question ${id} in ${form.id}`);
  return q;
}

// ---- Card inspection ------------------------------------------------------------------------------

export type Node = Record<string, unknown>;

export const bytesOf = (card: CardJson): number => Buffer.byteLength(JSON.stringify(card), "utf16le");

export function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item);
  } else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* walk(v);
  }
}

export const bodyOf = (card: CardJson): Node[] => card.body as Node[];

/** The text a block shows: a TextBlock's text or a RichTextBlock's runs joined. */
export const textOf = (n: Node | undefined): string =>
  typeof n?.text === "string"
    ? n.text
    : Array.isArray(n?.inlines)
      ? (n.inlines as Node[]).map((i) => String(i.text)).join("")
      : "";

/** A question's heading in a section card: a RichTextBlock (literal, never Markdown) with a separator. */
export const isQuestionHeading = (n: Node): boolean => n.type === "RichTextBlock" && n.separator === true;
export const isChart = (n: Node): boolean => typeof n.type === "string" && n.type.startsWith("Chart.");

/** The card as a client without charts sees it: every chart replaced by its fallback. */
function withoutCharts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCharts);
  if (typeof value !== "object" || value === null) return value;
  const node = value as Node;
  if (isChart(node)) return withoutCharts(node.fallback);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withoutCharts(v)]));
}

/** Parse problems other than "unknown chart type, fallback used", and anything lost on a round trip. */
export const cardProblems = (json: CardJson) =>
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

/** The elements shown for one question in a section card (its heading up to the next heading). */
export function questionElements(card: CardJson | undefined, label: string): Node[] {
  if (!card) throw new Error("no section card");
  const flat = bodyOf(card);
  const start = flat.findIndex((n) => isQuestionHeading(n) && textOf(n).startsWith(`${label} `));
  if (start < 0) throw new Error(`question ${label} not found`);
  const end = flat.findIndex((n, i) => i > start && isQuestionHeading(n));
  return flat.slice(start, end < 0 ? undefined : end);
}

export const NOW = new Date("2026-01-20T10:00:00.000Z"); // after the round's deadline

export function sectionCard(
  form: Form,
  reports: ReportDoc[],
  sectionId: string,
  round = roundOf(form),
): CardJson {
  const card = overviewSectionCard({ round, form, reports, sectionId, now: NOW });
  if (!card) throw new Error(`no section ${sectionId}`);
  return card;
}

export function sectionOf(form: Form, questionId: string): string {
  const section = form.sections.find((s) => s.questions.some((q) => q.id === questionId));
  if (!section) throw new Error(`test bug: no section for ${questionId}`);
  return section.id;
}

export const factsOf = (n: Node | undefined): Record<string, string> =>
  Object.fromEntries(((n?.facts ?? []) as { title: string; value: string }[]).map((f) => [f.title, f.value]));

export function expectHealthy(cards: CardJson[]): void {
  for (const [i, card] of cards.entries()) {
    expect(bytesOf(card), `card ${i + 1} size`).toBeLessThan(OVERVIEW_MAX_BYTES);
    expect(cardProblems(card), `card ${i + 1}`).toEqual([]);
    expect(chartProblems(card), `card ${i + 1}`).toEqual([]);
  }
}

// ---- Tests ----------------------------------------------------------------------------------------

export const texts = (card: CardJson): string[] =>
  [...walk(card)].flatMap((n) => (typeof n.text === "string" ? [n.text] : []));
