/**
 * Statistics of a reporting round, computed the way the county's survey tool does (see SUMMARY-SPEC):
 * - only SUBMITTED reports count; N of a question is the number of submitted reports that answered it;
 * - an integer/krone answer of 0 is an answer (in N, Sum, Snitt, Median, Standardavvik);
 * - Snitt = Sum / N; Median = middle value, or the mean of the two middle values for even N;
 * - Standardavvik is the sample standard deviation (N - 1), 0 for N = 1;
 * - choice percentages are of the respondents who answered the question (not of ticks), so multichoice
 *   percentages may sum to more than 100 %;
 * - raw values are kept unrounded; rounding (half up) happens only in the display strings.
 * Pure functions, no I/O.
 */
import type { AnswerContent, Form, Question } from "../questionnaire/types.ts";
import {
  RESPONDENT_CATEGORIES,
  type ReportDoc,
  type RespondentCategory,
  type Sector,
} from "../reports/types.ts";
import {
  answerText,
  isAnswered,
  NO_TEXT,
  numberValue,
  OTHER_OPTION,
  selectedOptions,
  YES_TEXT,
} from "./answer-text.ts";
import { formatNumber, formatPercent, percentOf } from "./number-format.ts";

// ---------------------------------------------------------------------------------------------------------
// Numbers

export interface NumericStats {
  n: number;
  sum: number;
  /** Sum / N, unrounded. */
  mean: number;
  median: number;
  /** Sample standard deviation (divides by N - 1); 0 when N = 1. */
  stdev: number;
}

/** N, Sum, Snitt, Median and sample Standardavvik of the values; undefined when there are none. */
export function numericStats(values: readonly number[]): NumericStats | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sum = values.reduce((acc, v) => acc + v, 0);
  const mean = sum / n;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(n / 2);
  const median =
    n % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const squares = values.reduce((acc, v) => acc + (v - mean) ** 2, 0);
  const stdev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return { n, sum, mean, median, stdev };
}

/** The statistics as display strings ("2 760 491"), each rounded half up. */
export interface NumericDisplay {
  n: string;
  sum: string;
  mean: string;
  median: string;
  stdev: string;
}

/**
 * Decimals shown for Snitt, Median and Standardavvik: krone amounts in whole kroner (210 062,5 -> 210 063);
 * counts (integer questions, usually small numbers of schools) with at most one decimal ("2,5", "3").
 * N and Sum are always whole numbers.
 */
export const DISPLAY_DECIMALS: Record<"integer" | "amount_nok", number> = { amount_nok: 0, integer: 1 };

export function formatNumericStats(stats: NumericStats, decimals = 0): NumericDisplay {
  const fmt = (x: number) => formatNumber(x, { decimals, trimZeros: true });
  return {
    n: formatNumber(stats.n),
    sum: formatNumber(stats.sum),
    mean: fmt(stats.mean),
    median: fmt(stats.median),
    stdev: fmt(stats.stdev),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Respondents

/** Who answered: one report (one tiltak of a partnership). */
export interface Respondent {
  reportId: string;
  partnership: string;
  tiltak: string;
  category: RespondentCategory;
  sector: Sector;
}

export interface NumberEntry {
  respondent: Respondent;
  value: number;
}

export interface TextEntry {
  respondent: Respondent;
  text: string;
}

export interface CategoryGroup<T> {
  category: RespondentCategory;
  entries: T[];
}

export function respondentOf(report: ReportDoc): Respondent {
  return {
    reportId: report.id,
    partnership: report.partnership.name,
    tiltak: report.tiltak.name,
    category: report.partnership.category,
    sector: report.partnership.sector,
  };
}

const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

function compareRespondents(a: Respondent, b: Respondent): number {
  return (
    collator.compare(a.partnership, b.partnership) ||
    collator.compare(a.tiltak, b.tiltak) ||
    collator.compare(a.reportId, b.reportId)
  );
}

/** Rank of a category in the county's order; unknown categories last. */
function categoryRank(category: RespondentCategory): number {
  const index = RESPONDENT_CATEGORIES.indexOf(category);
  return index < 0 ? RESPONDENT_CATEGORIES.length : index;
}

/**
 * Groups entries by respondent category in the county's order (Kommune, Fylkeskommune, Universitet / Høgskole,
 * Skole, Organisasjon, Annet); empty categories are left out. Within a category, entries are sorted by
 * partnership and tiltak name.
 */
export function groupByCategory<T extends { respondent: Respondent }>(
  entries: readonly T[],
): CategoryGroup<T>[] {
  const groups = new Map<RespondentCategory, T[]>();
  for (const entry of entries) {
    const list = groups.get(entry.respondent.category) ?? [];
    list.push(entry);
    groups.set(entry.respondent.category, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b))
    .map(([category, list]) => ({
      category,
      entries: list.sort((a, b) => compareRespondents(a.respondent, b.respondent)),
    }));
}

// ---------------------------------------------------------------------------------------------------------
// Choices

export interface OptionStat {
  option: string;
  /** Respondents who chose the option. */
  count: number;
  /** Percent of the respondents who answered the question, unrounded (37.5 for 6 of 16). */
  percent: number;
  /** Rounded half up: "38 %". */
  display: string;
}

export interface ChoiceStats {
  /** Respondents who answered the question. */
  n: number;
  options: OptionStat[];
}

/**
 * The options counted for a question: Ja/Nei for yesno; the form's options plus "Annet" (when allowOther)
 * for choice/multichoice; [] for other types.
 */
export function choiceOptions(question: Question): string[] {
  if (question.type === "yesno") return [YES_TEXT, NO_TEXT];
  if (question.type !== "choice" && question.type !== "multichoice") return [];
  const options = [...(question.options ?? [])];
  if (question.allowOther && !options.includes(OTHER_OPTION)) options.push(OTHER_OPTION);
  return options;
}

/** The options an answer ticks (each at most once); yesno gives "Ja" or "Nei". */
function ticked(question: Question, answer: AnswerContent | undefined): string[] {
  if (!isAnswered(question, answer)) return [];
  if (question.type === "yesno") return [answer?.value === true ? YES_TEXT : NO_TEXT];
  return [...new Set(selectedOptions(answer))];
}

/**
 * Count and percentage per option over the given answers (one per respondent; unanswered ones are skipped).
 * Percentages are of respondents who answered, so a multichoice question may sum to more than 100 %.
 * Values that are not among the form's options (e.g. from an older form) are counted as extra options, last.
 */
export function choiceStats(
  question: Question,
  answers: readonly (AnswerContent | undefined)[],
): ChoiceStats {
  const counts = new Map<string, number>(choiceOptions(question).map((o) => [o, 0]));
  let n = 0;
  for (const answer of answers) {
    const options = ticked(question, answer);
    if (options.length === 0) continue;
    n += 1;
    for (const option of options) counts.set(option, (counts.get(option) ?? 0) + 1);
  }
  return {
    n,
    options: [...counts.entries()].map(([option, count]) => ({
      option,
      count,
      percent: percentOf(count, n),
      display: formatPercent(count, n),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Per question over a round

interface QuestionStatsBase {
  question: Question;
  sectionId: string;
  /** Submitted reports considered (the population). */
  respondents: number;
  /** N: submitted reports that answered the question. */
  n: number;
  /** "Ikke angitt": submitted reports that left the question empty, sorted like the groups. */
  notAnswered: Respondent[];
  /** The question's extra comment field, when the form has one (non-empty comments only). */
  comments: TextEntry[];
  commentsByCategory: CategoryGroup<TextEntry>[];
}

export interface NumberQuestionStats extends QuestionStatsBase {
  kind: "number";
  /** Undefined when nobody answered. */
  stats: NumericStats | undefined;
  display: NumericDisplay | undefined;
  values: NumberEntry[];
  byCategory: CategoryGroup<NumberEntry>[];
}

export interface CategoryChoiceStats extends ChoiceStats {
  category: RespondentCategory;
}

export interface ChoiceQuestionStats extends QuestionStatsBase {
  kind: "choice";
  options: OptionStat[];
  /** Per respondent category (only categories with answers); percentages are of that category's N. */
  byCategory: CategoryChoiceStats[];
  /** The texts given with "Annet". */
  otherTexts: TextEntry[];
}

export interface TextQuestionStats extends QuestionStatsBase {
  /** text, longtext, email, phone and season_year ("Høst 2021"). */
  kind: "text";
  answers: TextEntry[];
  byCategory: CategoryGroup<TextEntry>[];
}

export type QuestionStats = NumberQuestionStats | ChoiceQuestionStats | TextQuestionStats;

export function submittedReports(reports: readonly ReportDoc[]): ReportDoc[] {
  return reports.filter((r) => r.status === "submitted");
}

function sortRespondents(list: Respondent[]): Respondent[] {
  return list.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || compareRespondents(a, b));
}

function statsForQuestion(
  question: Question,
  sectionId: string,
  reports: readonly ReportDoc[],
): QuestionStats {
  const answered: { respondent: Respondent; answer: AnswerContent }[] = [];
  const notAnswered: Respondent[] = [];
  const comments: TextEntry[] = [];
  for (const report of reports) {
    const respondent = respondentOf(report);
    const answer = report.answers[question.id];
    if (answer && isAnswered(question, answer)) answered.push({ respondent, answer });
    else notAnswered.push(respondent);
    const comment = question.comment ? answer?.comment?.trim() : undefined;
    if (comment) comments.push({ respondent, text: comment });
  }
  const base: QuestionStatsBase = {
    question,
    sectionId,
    respondents: reports.length,
    n: answered.length,
    notAnswered: sortRespondents(notAnswered),
    comments,
    commentsByCategory: groupByCategory(comments),
  };

  switch (question.type) {
    case "integer":
    case "amount_nok": {
      const values = answered.map(({ respondent, answer }) => ({
        respondent,
        value: numberValue(answer) as number,
      }));
      const stats = numericStats(values.map((v) => v.value));
      return {
        ...base,
        kind: "number",
        stats,
        display: stats ? formatNumericStats(stats, DISPLAY_DECIMALS[question.type]) : undefined,
        values,
        byCategory: groupByCategory(values),
      };
    }
    case "yesno":
    case "choice":
    case "multichoice": {
      const overall = choiceStats(
        question,
        answered.map((a) => a.answer),
      );
      const byCategory = RESPONDENT_CATEGORIES.flatMap((category) => {
        const inCategory = answered.filter((a) => a.respondent.category === category);
        if (inCategory.length === 0) return [];
        const stats = choiceStats(
          question,
          inCategory.map((a) => a.answer),
        );
        return [{ category, ...stats }];
      });
      const otherTexts = answered.flatMap(({ respondent, answer }) => {
        const other = answer.other?.trim();
        return other && selectedOptions(answer).includes(OTHER_OPTION) ? [{ respondent, text: other }] : [];
      });
      return { ...base, kind: "choice", options: overall.options, byCategory, otherTexts };
    }
    case "text":
    case "longtext":
    case "email":
    case "phone":
    case "season_year": {
      const answers = answered.map(({ respondent, answer }) => ({
        respondent,
        text: answerText(question, answer),
      }));
      return { ...base, kind: "text", answers, byCategory: groupByCategory(answers) };
    }
  }
}

/**
 * Statistics for every question of the form, in form order, over the SUBMITTED reports only.
 * Callers pass the reports of one round (all of the given form).
 */
export function questionStats(form: Form, reports: readonly ReportDoc[]): QuestionStats[] {
  const submitted = submittedReports(reports);
  return form.sections.flatMap((section) =>
    section.questions.map((question) => statsForQuestion(question, section.id, submitted)),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Progress

export interface ProgressCount {
  total: number;
  submitted: number;
}

export interface Progress extends ProgressCount {
  /** Every respondent category, zeros included. */
  byCategory: Record<RespondentCategory, ProgressCount>;
}

/** "12 av 16 levert": counts reports (one per tiltak) of the round, not people. */
export function progress(reports: readonly ReportDoc[]): Progress {
  const byCategory = Object.fromEntries(
    RESPONDENT_CATEGORIES.map((c) => [c, { total: 0, submitted: 0 }]),
  ) as Record<RespondentCategory, ProgressCount>;
  let submitted = 0;
  for (const report of reports) {
    const isSubmitted = report.status === "submitted";
    if (isSubmitted) submitted += 1;
    const bucket = byCategory[report.partnership.category];
    if (bucket) {
      bucket.total += 1;
      if (isSubmitted) bucket.submitted += 1;
    }
  }
  return { total: reports.length, submitted, byCategory };
}
