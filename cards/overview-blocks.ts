/**
 * The card elements of one question in a section card of the round overview (SUMMARY-SPEC §2): the
 * county's figures, read in a minute. Numbers: Svar, Sum, Snitt, Median, Standardavvik (whole numbers,
 * half up) and one line per respondent category. Choices: a chart of the chosen options (long lists: the
 * most chosen, the rest summed) with a FactSet fallback, and one line per respondent category (share of
 * that category's ticks). Only form texts and figures appear here; what people typed stays in the export
 * and the per-report summaries.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { type Texts, texts } from "../src/i18n/texts.ts";
import { formatNumber, formatPercent } from "../src/summaries/number-format.ts";
import {
  type ChoiceQuestionStats,
  formatNumericStats,
  type NumberQuestionStats,
  numericStats,
  type OptionStat,
  type StatisticStats,
  type TopOptions,
  topOptions,
} from "../src/summaries/statistics.ts";
import { literalLine } from "./person-text.ts";
import { shorten } from "./render.ts";

/** The overview's texts in the staff's language (the round's setting, or the staff member's choice). */
type OverviewTexts = Texts["overview"];

export type Element = Record<string, unknown>;

const QUESTION_MAX = 250;
const OPTION_MAX = 120;
/** Chart labels are short: a long label is cut by the chart itself, unreadably. */
const LABEL_MAX = 50;
/** Bars in a chart: a long option list shows its most chosen options, the rest summed in a line. */
const CHART_POINTS_MAX = 6;
/** Options named per category line, and their label length; the rest are summed. */
const CATEGORY_OPTIONS_MAX = 3;
const CATEGORY_LABEL_MAX = 32;

export function textBlock(text: string, extra: Element = {}): Element {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

function factSet(facts: { title: string; value: string }[], extra: Element = {}): Element {
  return { type: "FactSet", facts, ...extra };
}

/** The number people know a question by: "2.1" (2021 form ids) or "1" (2024/2025 form ids q01, q02, ...). */
function questionNumber(id: string): string {
  return /^q0*(\d+)$/i.exec(id)?.[1] ?? id;
}

/** The number as printed before the question text: "2.1" or "1.". */
function questionLabel(id: string): string {
  const n = questionNumber(id);
  return n === id ? n : `${n}.`;
}

/** A form option (the form's own text, kept free of Markdown syntax by test/cards/form-markdown.test.ts). */
const optionName = (label: string, max: number) => shorten(label, max);

// ---------------------------------------------------------------------------------------------------------
// Numbers

function numberElements(stats: NumberQuestionStats, T: OverviewTexts): Element[] {
  const isAmount = stats.question.type === "amount_nok";
  const money = (formatted: string) => (isAmount ? T.kroner(formatted) : formatted);
  const d = stats.display;
  if (!d) return [textBlock(T.noAnswers, { isSubtle: true, spacing: "Small" })];
  const out: Element[] = [
    factSet(
      [
        { title: T.stat.n, value: d.n },
        { title: T.stat.sum, value: money(d.sum) },
        { title: T.stat.mean, value: money(d.mean) },
        { title: T.stat.median, value: money(d.median) },
        { title: T.stat.stdev, value: money(d.stdev) },
      ],
      { spacing: "Small" },
    ),
  ];
  if (stats.byCategory.length > 1) {
    out.push(
      factSet(
        stats.byCategory.flatMap((group) => {
          const s = numericStats(group.entries.map((e) => e.value));
          if (!s) return [];
          const g = formatNumericStats(s);
          return [
            {
              title: T.group(T.categories[group.category], s.n),
              value: T.categorySums(money(g.sum), money(g.mean)),
            },
          ];
        }),
        { spacing: "Small", separator: true },
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Choices

interface Point {
  label: string;
  count: number;
  percent: string;
}

/**
 * The chart's points: every option of a short list (zeros too), or, for a long list, the most chosen ones;
 * the rest (summed) is said in a line under the chart, not drawn as a bar that would dwarf the others.
 */
function chartPoints(stats: ChoiceQuestionStats): { points: Point[]; rest: TopOptions["rest"] } {
  const all = stats.options;
  const points = (list: readonly OptionStat[]) =>
    list.map((o) => ({ label: o.label, count: o.count, percent: o.display }));
  if (all.length <= CHART_POINTS_MAX) return { points: points(all), rest: undefined };
  const top = topOptions(all, CHART_POINTS_MAX);
  return { points: points(top.shown), rest: top.rest };
}

/**
 * Horizontal bars, one per option with its label and percentage above it: they read alone and, unlike a
 * donut's legend, never fold into an English "+2 items". The fallback is a FactSet with the same counts and
 * percentages.
 */
function choiceChart(stats: ChoiceQuestionStats, T: OverviewTexts): Element[] {
  const { points, rest } = chartPoints(stats);
  const fallback = factSet(
    points.map((p) => ({
      title: optionName(p.label, OPTION_MAX),
      value: T.countAndPercent(formatNumber(p.count), p.percent),
    })),
    { spacing: "Small" },
  );
  const chart = {
    type: "Chart.HorizontalBar",
    displayMode: "AbsoluteNoAxis",
    data: points.map((p) => ({ x: `${shorten(p.label, LABEL_MAX)} (${p.percent})`, y: p.count })),
    fallback,
  };
  if (rest === undefined) return [chart];
  return [
    chart,
    textBlock(T.restLine(rest.options, rest.count), { size: "Small", isSubtle: true, spacing: "Small" }),
  ];
}

/** One line per respondent category: its chosen options by count, percent of the category's ticks. */
function categoryFacts(stats: ChoiceQuestionStats, T: OverviewTexts): Element | undefined {
  if (stats.byCategory.length === 0) return undefined;
  const facts = stats.byCategory.map((c) => {
    const top = topOptions(c.options, CATEGORY_OPTIONS_MAX);
    const parts = top.shown.map((o) =>
      T.optionInline(optionName(o.label, CATEGORY_LABEL_MAX), formatNumber(o.count), o.display),
    );
    if (top.rest) {
      const percent = formatPercent(top.rest.count, c.ticks);
      parts.push(T.optionInline(T.rest(top.rest.options), formatNumber(top.rest.count), percent));
    }
    return { title: T.group(T.categories[c.category], c.n), value: parts.join(" · ") };
  });
  return factSet(facts, { spacing: "Small", separator: true });
}

function choiceElements(stats: ChoiceQuestionStats, T: OverviewTexts): Element[] {
  if (stats.n === 0) return [textBlock(T.noAnswers, { isSubtle: true, spacing: "Small" })];
  const out: Element[] = choiceChart(stats, T);
  const facts = categoryFacts(stats, T);
  if (facts) out.push(facts);
  const note = stats.question.type === "multichoice" ? T.multichoiceNote(stats.n) : undefined;
  if (note && facts) out.push(textBlock(note, { size: "Small", isSubtle: true, spacing: "Small" }));
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Everything the section card shows for one question, in reading order, in `lang` (the stats' question
 * and option labels are already in it: questionStats(formIn(form, lang), reports, lang)).
 */
export function questionElements(stats: StatisticStats, lang: Lang = DEFAULT_LANG): Element[] {
  const T = texts(lang).overview;
  // A run, not a TextBlock: "1. Hvor mange …" would be a numbered list in Markdown.
  const heading = literalLine(
    `${questionLabel(stats.question.id)} ${shorten(stats.question.text, QUESTION_MAX)} ${T.answers(stats.n)}`,
    { weight: "Bolder" },
    { separator: true, spacing: "Large" },
  );
  const body = stats.kind === "number" ? numberElements(stats, T) : choiceElements(stats, T);
  const notes: string[] = [];
  if (stats.respondents > 0 && stats.notAnswered.length > 0)
    notes.push(T.notAnswered(stats.notAnswered.length));
  const otherTexts = stats.kind === "choice" ? stats.otherTexts.length : 0;
  if (otherTexts > 0 || stats.comments.length > 0)
    notes.push(T.textsInExport(otherTexts, stats.comments.length));
  const tail =
    notes.length > 0 ? [textBlock(notes.join(" "), { size: "Small", isSubtle: true, spacing: "Small" })] : [];
  return [heading, ...body, ...tail];
}
