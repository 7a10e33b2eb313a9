/**
 * The overview of a round for county staff (SUMMARY-SPEC §2): a first card with the headline
 * ("Oversikt – Nordland 2025: 12 av 16 levert"), progress per respondent category and an index of which
 * card holds which questions; then the statistics of every question in form order, packed into as many
 * cards as needed so that each stays under MAX_CARD_BYTES.
 *
 * Built as JSON directly rather than through a template: the packing measures every element once (sizes
 * add up exactly in JSON), which keeps a 1,000-report round fast and every card provably under the limit.
 */
import type { Form } from "../src/questionnaire/types.ts";
import { RESPONDENT_CATEGORIES, type ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { progress, type QuestionStats, questionStats } from "../src/summaries/statistics.ts";
import {
  byteSize,
  type Element,
  type QuestionBlocks,
  questionBlocks,
  questionNumber,
  textBlock,
} from "./overview-blocks.ts";
import { overviewText as T } from "./overview-strings.ts";
import { type CardJson, CardTooLargeError, escapeMarkdown, MAX_CARD_BYTES } from "./render.ts";
import { formatOsloTime } from "./time.ts";

export interface OverviewInput {
  round: RoundDoc;
  form: Form;
  /** Every report of the round (all statuses: progress counts them all, statistics only submitted ones). */
  reports: ReportDoc[];
  /** questionStats(form, reports), when the caller has it already. */
  stats?: QuestionStats[];
}

/** Room kept free on every card for its page header ("kort 12 av 40"), added once the count is known. */
const HEADER_RESERVE = 1024;
const BUDGET = MAX_CARD_BYTES - HEADER_RESERVE;

function cardOf(body: Element[]): CardJson {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  };
}

const SHELL_BYTES = byteSize(cardOf([]));

interface Page {
  body: Element[];
  bytes: number;
  /** Ids of the questions with something on this page. */
  questionIds: Set<string>;
}

/** Packs the questions' units into pages in order; a question that goes on repeats its heading. */
function paginate(questions: readonly QuestionBlocks[]): Page[] {
  const pages: Page[] = [];
  let page: Page | undefined;
  const newPage = (): Page => {
    const fresh: Page = { body: [], bytes: SHELL_BYTES, questionIds: new Set() };
    pages.push(fresh);
    return fresh;
  };
  for (const q of questions) {
    q.units.forEach((unit, index) => {
      if (page === undefined || (page.body.length > 0 && page.bytes + unit.bytes > BUDGET)) {
        page = newPage();
        if (index > 0) {
          page.body.push(q.continuation);
          page.bytes += byteSize(q.continuation) + 1;
        }
      }
      page.body.push(...unit.elements);
      page.bytes += unit.bytes;
      page.questionIds.add(q.question.id);
    });
  }
  return pages;
}

function header(text: string): Element {
  return textBlock(text, { weight: "Bolder", size: "Medium", style: "heading" });
}

/** The first card: headline, progress per category, and where each section's questions are. */
function firstCard(input: OverviewInput, pages: readonly Page[]): CardJson {
  const { round, form, reports } = input;
  const county = escapeMarkdown(round.county);
  const p = progress(reports);
  const body: Element[] = [
    header(T.headline(county, round.reportingYear, p.submitted, p.total)),
    textBlock(T.formLine(escapeMarkdown(form.title), formatOsloTime(new Date(round.deadline))), {
      isSubtle: true,
      spacing: "None",
    }),
  ];
  if (p.total > 0) {
    const facts = [
      { title: T.submitted, value: String(p.submitted) },
      { title: T.notSubmitted, value: String(p.total - p.submitted) },
    ];
    body.push({
      type: "Chart.Donut",
      data: [
        { legend: `${T.submitted}: ${p.submitted}`, value: p.submitted },
        { legend: `${T.notSubmitted}: ${p.total - p.submitted}`, value: p.total - p.submitted },
      ],
      fallback: { type: "FactSet", facts },
    });
    body.push({
      type: "FactSet",
      facts: RESPONDENT_CATEGORIES.flatMap((c) => {
        const count = p.byCategory[c];
        return count.total > 0 ? [{ title: c, value: T.categoryProgress(count.submitted, count.total) }] : [];
      }),
    });
  }
  if (p.submitted === 0) {
    body.push(textBlock(T.noneSubmitted, { spacing: "Medium" }));
    return cardOf(body);
  }
  body.push(textBlock(T.basis(p.submitted), { size: "Small", isSubtle: true, spacing: "Medium" }));

  // Index: per section, its questions and the cards they are on (this card is number 1).
  const cardsOf = (questionId: string) =>
    pages.flatMap((page, i) => (page.questionIds.has(questionId) ? [i + 2] : []));
  const facts = form.sections.flatMap((section) => {
    const first = section.questions[0];
    const last = section.questions.at(-1);
    const cards = section.questions.flatMap((q) => cardsOf(q.id));
    if (!first || !last || cards.length === 0) return [];
    return [
      {
        title: escapeMarkdown(section.title),
        value: T.indexValue(
          escapeMarkdown(questionNumber(first)),
          escapeMarkdown(questionNumber(last)),
          Math.min(...cards),
          Math.max(...cards),
        ),
      },
    ];
  });
  if (facts.length > 0 && pages.length > 0) {
    body.push(textBlock(T.indexHeading(2, pages.length + 1), { weight: "Bolder", spacing: "Medium" }));
    body.push({ type: "FactSet", facts });
  }
  return cardOf(body);
}

/**
 * The overview of a round as cards: the first card with the headline and index, then the per-question
 * statistics over SUBMITTED reports in form order. Every card is under MAX_CARD_BYTES (checked; throws
 * CardTooLargeError if that ever fails).
 */
export function overviewCards(input: OverviewInput): CardJson[] {
  const submitted = input.reports.some((r) => r.status === "submitted");
  const stats = submitted ? (input.stats ?? questionStats(input.form, input.reports)) : [];
  const pages = paginate(stats.map(questionBlocks));
  const county = escapeMarkdown(input.round.county);
  const total = pages.length + 1;
  const cards = [
    firstCard(input, pages),
    ...pages.map((page, i) =>
      cardOf([header(T.pageHeader(county, input.round.reportingYear, i + 2, total)), ...page.body]),
    ),
  ];
  for (const [i, card] of cards.entries()) {
    const bytes = byteSize(card);
    if (bytes > MAX_CARD_BYTES) {
      throw new CardTooLargeError(`Overview card ${i + 1} is ${bytes} bytes (limit ${MAX_CARD_BYTES})`);
    }
  }
  return cards;
}
