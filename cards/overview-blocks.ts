/**
 * The card elements of one question of the round overview (SUMMARY-SPEC §2), cut into small units that the
 * pager (overview.ts) packs into cards. A unit never splits: a heading travels with the first thing under it.
 *
 * Every text a person typed (answers, comments, "Annet" texts, partnership and tiltak names) is shortened
 * and Markdown-escaped; form texts are escaped too. Charts always carry a FactSet fallback with the same
 * numbers for clients that do not render charts.
 */
import type { Question } from "../src/questionnaire/types.ts";
import type { RespondentCategory } from "../src/reports/types.ts";
import { formatKroner, formatNumber } from "../src/summaries/number-format.ts";
import {
  type CategoryGroup,
  type ChoiceQuestionStats,
  groupByCategory,
  type NumberQuestionStats,
  type OptionStat,
  type QuestionStats,
  type Respondent,
  type TextEntry,
  type TextQuestionStats,
} from "../src/summaries/statistics.ts";
import { overviewText as T } from "./overview-strings.ts";
import { escapeMarkdown, shorten } from "./render.ts";

export type Element = Record<string, unknown>;

/** Elements that must stay on the same card, with their size in the card's JSON (UTF-8 bytes, + commas). */
export interface Unit {
  elements: Element[];
  bytes: number;
}

export interface QuestionBlocks {
  question: Question;
  /** "2.1" (2021 form) or "1." (2024/2025 form: ids q01, q02, ...). */
  label: string;
  /** Repeated at the top of a card when the question goes on from the previous card. */
  continuation: Element;
  units: Unit[];
}

/** Longest answer text shown; the export has the whole answer. */
const ANSWER_MAX = 300;
const QUESTION_MAX = 300;
const NAME_MAX = 80;
const OPTION_MAX = 120;
const LEGEND_MAX = 60;
const CONTINUATION_MAX = 120;
/** Facts per FactSet in per-respondent lists (keeps every unit far below the card limit). */
const FACTS_PER_SET = 20;
/** Names per TextBlock in "Ikke angitt" lists. */
const NAMES_PER_BLOCK = 25;
/** With more options than this, options nobody in a category chose are left out of that category. */
const ALL_OPTIONS_MAX = 10;

export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

/**
 * One line of user text (whitespace runs as one space), shortened and escaped. Only the head of a long
 * text is looked at, since a 1,000-report round has thousands of long answers.
 */
function userText(text: string, max: number): string {
  const headLength = max * 4;
  const cut = text.length > headLength;
  let line = oneLine(cut ? text.slice(0, headLength) : text);
  if (cut && line.length <= max) line = oneLine(text); // mostly blanks: look at all of it
  return escapeMarkdown(shorten(line, max));
}

/** Whitespace runs as one space. The test first: plain prose (the common case) skips the slow replace. */
function oneLine(text: string): string {
  return (/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}

/** The number people know a question by: "2.1" (2021 form ids) or "1" (2024/2025 form ids q01, q02, ...). */
export function questionNumber(question: Question): string {
  return /^q0*(\d+)$/i.exec(question.id)?.[1] ?? question.id;
}

/** The number as printed before the question text: "2.1" or "1.". */
function questionLabel(question: Question): string {
  const n = questionNumber(question);
  return n === question.id ? n : `${n}.`;
}

export function textBlock(text: string, extra: Element = {}): Element {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

function factSet(facts: { title: string; value: string }[], extra: Element = {}): Element {
  return { type: "FactSet", facts, ...extra };
}

function respondentLabel(r: Respondent, withSector: boolean): string {
  const name = `${userText(r.partnership, NAME_MAX)} – ${userText(r.tiltak, NAME_MAX)}`;
  return withSector ? `${name} (${r.sector})` : name;
}

function groupHeading(category: RespondentCategory, n: number): Element {
  return textBlock(T.group(category, n), { weight: "Bolder", spacing: "Medium" });
}

function subHeading(text: string): Element {
  return textBlock(text, { weight: "Bolder", spacing: "Medium", isSubtle: true });
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Units: a flat list of elements where headings "keep with next"

class UnitBuilder {
  readonly units: Unit[] = [];
  private pending: Element[] = [];

  /** A heading: goes on the card of whatever follows it. */
  head(element: Element): this {
    this.pending.push(element);
    return this;
  }

  /** Content: closes a unit with any headings before it. */
  add(element: Element): this {
    const elements = [...this.pending, element];
    this.pending = [];
    this.units.push({ elements, bytes: elements.reduce((acc, e) => acc + byteSize(e) + 1, 0) });
    return this;
  }

  done(): Unit[] {
    if (this.pending.length > 0) throw new Error("overview: heading without content");
    return this.units;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Choice charts

function optionFacts(options: readonly OptionStat[]) {
  return options.map((o) => ({
    title: escapeMarkdown(shorten(o.option, OPTION_MAX)),
    value: T.countAndPercent(formatNumber(o.count), o.display),
  }));
}

/**
 * Donut for single choice and yes/no, horizontal bars for multichoice; the fallback is a FactSet with the
 * same counts and percentages. Legends and bar labels carry the percentage, so the chart reads alone.
 */
function choiceChart(stats: ChoiceQuestionStats): Element {
  const fallback = factSet(optionFacts(stats.options));
  const label = (o: OptionStat) => `${shorten(o.option, LEGEND_MAX)} (${o.display})`;
  if (stats.question.type === "multichoice") {
    return {
      type: "Chart.HorizontalBar",
      displayMode: "AbsoluteNoAxis",
      data: stats.options.map((o) => ({ x: label(o), y: o.count })),
      fallback,
    };
  }
  return {
    type: "Chart.Donut",
    data: stats.options.map((o) => ({ legend: `${label(o)}: ${formatNumber(o.count)}`, value: o.count })),
    fallback,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Per kind

function numberUnits(stats: NumberQuestionStats, units: UnitBuilder): void {
  const isAmount = stats.question.type === "amount_nok";
  const money = (formatted: string) => (isAmount ? T.kroner(formatted) : formatted);
  const d = stats.display;
  if (!d) {
    units.add(textBlock(T.noAnswers, { isSubtle: true }));
    return;
  }
  units.add(
    factSet([
      { title: T.stat.n, value: d.n },
      { title: T.stat.sum, value: money(d.sum) },
      { title: T.stat.mean, value: money(d.mean) },
      { title: T.stat.median, value: money(d.median) },
      { title: T.stat.stdev, value: money(d.stdev) },
    ]),
  );
  for (const group of stats.byCategory) {
    units.head(groupHeading(group.category, group.entries.length));
    for (const part of chunks(group.entries, FACTS_PER_SET)) {
      units.add(
        factSet(
          part.map((e) => ({
            title: respondentLabel(e.respondent, true),
            value: isAmount ? formatKroner(e.value) : formatNumber(e.value),
          })),
          { spacing: "Small" },
        ),
      );
    }
  }
}

function choiceUnits(stats: ChoiceQuestionStats, units: UnitBuilder): void {
  if (stats.n === 0) {
    units.add(textBlock(T.noAnswers, { isSubtle: true }));
    return;
  }
  units.add(choiceChart(stats));
  if (stats.question.type === "multichoice") {
    units.add(textBlock(T.multichoiceNote(stats.n), { size: "Small", isSubtle: true, spacing: "Small" }));
  }
  const leaveOutZeros = stats.options.length > ALL_OPTIONS_MAX;
  for (const group of stats.byCategory) {
    units.head(groupHeading(group.category, group.n));
    const shown = leaveOutZeros ? group.options.filter((o) => o.count > 0) : group.options;
    units.add(factSet(optionFacts(shown), { spacing: "Small" }));
  }
  if (leaveOutZeros && stats.byCategory.length > 0) {
    units.add(textBlock(T.zeroOptionsLeftOut, { size: "Small", isSubtle: true, spacing: "Small" }));
  }
  textGroupUnits(T.otherTexts(stats.otherTexts.length), groupByCategory(stats.otherTexts), units);
}

/** A titled list of texts grouped by category: "**Partnerskap – Tiltak (Offentlig):** svar". */
function textGroupUnits(
  title: string | undefined,
  groups: readonly CategoryGroup<TextEntry>[],
  units: UnitBuilder,
) {
  if (groups.length === 0) return;
  if (title !== undefined) units.head(subHeading(title));
  for (const group of groups) {
    units.head(groupHeading(group.category, group.entries.length));
    for (const entry of group.entries) {
      units.add(
        textBlock(`**${respondentLabel(entry.respondent, true)}:** ${userText(entry.text, ANSWER_MAX)}`, {
          spacing: "Small",
        }),
      );
    }
  }
}

function textUnits(stats: TextQuestionStats, units: UnitBuilder): void {
  if (stats.n === 0) {
    units.add(textBlock(T.noAnswers, { isSubtle: true }));
    return;
  }
  textGroupUnits(undefined, stats.byCategory, units);
}

function notAnsweredUnits(stats: QuestionStats, units: UnitBuilder): void {
  if (stats.notAnswered.length === 0 || stats.respondents === 0) return;
  units.head(subHeading(T.notAnswered(stats.notAnswered.length)));
  for (const part of chunks(stats.notAnswered, NAMES_PER_BLOCK)) {
    units.add(
      textBlock(part.map((r) => respondentLabel(r, false)).join("; "), { size: "Small", spacing: "Small" }),
    );
  }
}

/** Everything the overview shows for one question, as units in reading order. */
export function questionBlocks(stats: QuestionStats): QuestionBlocks {
  const label = questionLabel(stats.question);
  const heading = textBlock(
    `${label} ${escapeMarkdown(shorten(stats.question.text, QUESTION_MAX))} ${T.answers(stats.n)}`,
    { weight: "Bolder", separator: true, spacing: "Large" },
  );
  const units = new UnitBuilder().head(heading);
  switch (stats.kind) {
    case "number":
      numberUnits(stats, units);
      break;
    case "choice":
      choiceUnits(stats, units);
      break;
    case "text":
      textUnits(stats, units);
      break;
  }
  textGroupUnits(T.comments(stats.comments.length), stats.commentsByCategory, units);
  notAnsweredUnits(stats, units);
  const continuation = textBlock(
    `${label} ${escapeMarkdown(shorten(stats.question.text, CONTINUATION_MAX))} ${T.continued}`,
    { weight: "Bolder", isSubtle: true },
  );
  return { question: stats.question, label, continuation, units: units.done() };
}
