/**
 * Sections split into pages of at most MAX_PAGE_INPUTS inputs, so no card asks for more than a few
 * things at once ("Del 2 av 6 · side 1 av 2"). Pure, decided from the form alone (never from card
 * data): the server knows which questions a page holds from the form id, section and page number.
 *
 * An input is one thing a person fills or ticks: a text/number field, each radio button or checkbox of
 * an expanded choice set, a compact (dropdown) choice set as one, and the "Annet" and comment fields.
 */
import type { Form, Question, Section } from "./types.ts";

/** No page holds more inputs than this. */
export const MAX_PAGE_INPUTS = 10;
/** A choice set with more choices than this is one compact (dropdown) input instead of buttons. */
const EXPANDED_MAX_CHOICES = 5;

export interface Page {
  sectionIndex: number;
  /** 0-based page within the section. */
  index: number;
  /** Pages in the section. */
  count: number;
  questions: Question[];
  /** The section restricted to this page's questions (what a page card may submit and is parsed as). */
  part: Section;
}

/** Where a person is in a report: a page of a section; sectionIndex = sections.length means the review. */
export interface Position {
  sectionIndex: number;
  page: number;
}

/** Choices a choice set shows (yes/no: 2; "Annet" counts). 0 for other question types. */
function choiceCount(q: Question): number {
  if (q.type === "yesno") return 2;
  if (q.type !== "choice" && q.type !== "multichoice") return 0;
  return (q.options?.length ?? 0) + (q.allowOther ? 1 : 0);
}

/** How a question's choice set is shown: buttons for a few choices, one compact input for more. */
export function choiceStyle(q: Question): "expanded" | "compact" {
  return choiceCount(q) <= EXPANDED_MAX_CHOICES ? "expanded" : "compact";
}

/** The inputs a question puts on a card, counting every radio/checkbox of an expanded set. */
export function inputWeight(q: Question): number {
  let main = 1;
  if (q.type === "season_year") main = (q.options?.length ?? 2) + 1;
  else if (choiceCount(q) > 0) main = choiceStyle(q) === "expanded" ? choiceCount(q) : 1;
  const other = q.allowOther ? 1 : 0;
  const comment = q.comment ? 1 : 0;
  return main + other + comment;
}

/**
 * Splits questions into pages in form order, never splitting a question, each page as full as allowed.
 * Page sizes are then evened out (same number of pages, smaller largest page), so a section of 12 inputs
 * becomes 6 + 6 rather than 10 + 2.
 */
export function splitQuestions(questions: readonly Question[], max = MAX_PAGE_INPUTS): Question[][] {
  const greedy = (limit: number): Question[][] => {
    const pages: Question[][] = [];
    let current: Question[] = [];
    let used = 0;
    for (const q of questions) {
      const w = inputWeight(q);
      if (current.length > 0 && used + w > limit) {
        pages.push(current);
        current = [];
        used = 0;
      }
      current.push(q);
      used += w;
    }
    if (current.length > 0) pages.push(current);
    return pages;
  };
  const best = greedy(max);
  // The smallest limit that still gives the same number of pages evens them out.
  const heaviest = Math.max(0, ...questions.map(inputWeight));
  for (let limit = heaviest; limit < max; limit++) {
    const pages = greedy(limit);
    if (pages.length <= best.length) return pages;
  }
  return best;
}

const cache = new WeakMap<Form, Page[][]>();

/** Every page of every section of the form (computed once per form object). */
export function formPages(form: Form): Page[][] {
  let pages = cache.get(form);
  if (pages === undefined) {
    pages = form.sections.map((section, sectionIndex) => {
      const split = splitQuestions(section.questions);
      return split.map((questions, index) => ({
        sectionIndex,
        index,
        count: split.length,
        questions,
        part: split.length === 1 ? section : { ...section, questions },
      }));
    });
    cache.set(form, pages);
  }
  return pages;
}

/** The pages of one section ([] when there is no such section). */
export const sectionPages = (form: Form, sectionIndex: number): Page[] => formPages(form)[sectionIndex] ?? [];

/** The page at a position, with the page number clamped into the section; undefined for no section. */
export function pageAt(form: Form, sectionIndex: number, page = 0): Page | undefined {
  const pages = sectionPages(form, sectionIndex);
  if (pages.length === 0) return undefined;
  return pages[Math.min(Math.max(page, 0), pages.length - 1)];
}

/**
 * The whole section as one page: what a card without a page number (posted before sections had pages)
 * may submit. Still decided from the form, by section.
 */
export function wholeSection(form: Form, sectionIndex: number): Page | undefined {
  const section = form.sections[sectionIndex];
  if (section === undefined) return undefined;
  return { sectionIndex, index: 0, count: 1, questions: section.questions, part: section };
}

/** The page that holds a question. */
export function pageOfQuestion(form: Form, questionId: string): Page | undefined {
  return formPages(form)
    .flat()
    .find((p) => p.questions.some((q) => q.id === questionId));
}

/** The next page (or the review after the last page), and the previous page (or the first page). */
export function step(form: Form, at: Position, direction: "next" | "back"): Position {
  const flat = formPages(form).flat();
  const i = flat.findIndex((p) => p.sectionIndex === at.sectionIndex && p.index === at.page);
  if (i === -1) return { sectionIndex: Math.min(at.sectionIndex, form.sections.length), page: 0 };
  const target = direction === "next" ? flat[i + 1] : flat[Math.max(i - 1, 0)];
  return target === undefined
    ? { sectionIndex: form.sections.length, page: 0 }
    : { sectionIndex: target.sectionIndex, page: target.index };
}
