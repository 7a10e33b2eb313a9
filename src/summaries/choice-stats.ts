/**
 * Counts and percentages of choice, multichoice and yes/no questions, the way the county's survey tool
 * computes them (SUMMARY-SPEC §2):
 * - overall, an option's percentage is of the RESPONDENTS who answered the question (6 of 16 -> 38 %), so
 *   multichoice percentages may sum to more than 100 %;
 * - in the breakdown by respondent category, an option's percentage is its share of all TICKS given in that
 *   category (5 respondents ticking 3, 1, 4, 2 times -> the first shows 30 %), so each row sums to ~100 %;
 * - percentages are kept unrounded; the display rounds half up to whole percent.
 * Options are counted by their stable id (so bokmål and nynorsk answers count together) and labelled in
 * the reader's language (optionLabel). The free-text option of a question with allowOther is stored as
 * "annet" but shown under the county's name for it, "Andre svar", so it is never confused with the
 * respondent category "Annet".
 * Pure functions, no I/O.
 */
import { optionIds, optionLabel } from "../questionnaire/options.ts";
import { type AnswerContent, OTHER_OPTION_ID, type Question } from "../questionnaire/types.ts";
import type { Lang } from "../text/lang.ts";
import { isAnswered, NO_TEXT, selectedOptions, YES_TEXT } from "./answer-text.ts";
import { formatPercent, percentOf } from "./number-format.ts";

/** The county tool's name of the free-text option ("Andre svar"). */
const OTHER_OPTION_LABEL = "Andre svar";

export interface OptionStat {
  /** The stored option id ("annet" for the free-text option; "Ja"/"Nei" for yes/no). */
  option: string;
  /** What staff read: the option text, or "Andre svar" for the free-text option. */
  label: string;
  /** Respondents who chose the option. */
  count: number;
  /** Percent of the base (respondents overall, ticks per category), unrounded (37.5 for 6 of 16). */
  percent: number;
  /** Rounded half up: "38 %". */
  display: string;
}

export interface ChoiceStats {
  /** Respondents who answered the question. */
  n: number;
  /** Options ticked in all (equals n for single choice and yes/no). */
  ticks: number;
  options: OptionStat[];
}

/**
 * The options counted for a question: Ja/Nei for yesno; the form's option ids plus "annet" (when
 * allowOther) for choice/multichoice; [] for other types.
 */
export function choiceOptions(question: Question): string[] {
  if (question.type === "yesno") return [YES_TEXT, NO_TEXT];
  if (question.type !== "choice" && question.type !== "multichoice") return [];
  return optionIds(question);
}

/** The name staff read for an option of the question, in their language. */
function staffLabel(question: Question, option: string, lang: Lang): string {
  if (question.type === "yesno") return option;
  return question.allowOther && option === OTHER_OPTION_ID
    ? OTHER_OPTION_LABEL
    : optionLabel(question, option, lang);
}

/** The options an answer ticks (each at most once); yesno gives "Ja" or "Nei". */
function ticked(question: Question, answer: AnswerContent | undefined): string[] {
  if (!isAnswered(question, answer)) return [];
  if (question.type === "yesno") return [answer?.value === true ? YES_TEXT : NO_TEXT];
  return [...new Set(selectedOptions(answer))];
}

/** Which base the percentages are of. */
export type PercentBase = "respondents" | "ticks";

/**
 * Count and percentage per option over the given answers (one per respondent; unanswered ones are skipped).
 * `base` "respondents" (overall row, default): percent of respondents who answered, so a multichoice
 * question may sum past 100 %. "ticks" (per category row): percent of all ticks given.
 * Values that are not among the form's option ids (e.g. from an older form) are counted as extra options,
 * last, labelled as stored. `lang` is the language of the labels.
 */
export function choiceStats(
  question: Question,
  answers: readonly (AnswerContent | undefined)[],
  base: PercentBase = "respondents",
  lang: Lang = "nb",
): ChoiceStats {
  const counts = new Map<string, number>(choiceOptions(question).map((o) => [o, 0]));
  let n = 0;
  let ticks = 0;
  for (const answer of answers) {
    const options = ticked(question, answer);
    if (options.length === 0) continue;
    n += 1;
    ticks += options.length;
    for (const option of options) counts.set(option, (counts.get(option) ?? 0) + 1);
  }
  const of = base === "ticks" ? ticks : n;
  return {
    n,
    ticks,
    options: [...counts.entries()].map(([option, count]) => ({
      option,
      label: staffLabel(question, option, lang),
      count,
      percent: percentOf(count, of),
      display: formatPercent(count, of),
    })),
  };
}

export interface TopOptions {
  /** The chosen options (count > 0), most chosen first (ties in form order), at most `max`. */
  shown: OptionStat[];
  /** The other chosen options summed; undefined when every chosen option is shown. */
  rest: { options: number; count: number } | undefined;
}

/**
 * For long option lists (e.g. 41 municipalities): the options that were chosen, ordered by count, the
 * first `max` of them, and the rest summed. Options nobody chose are left out.
 */
export function topOptions(options: readonly OptionStat[], max: number): TopOptions {
  const chosen = options
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.count > 0)
    .sort((a, b) => b.o.count - a.o.count || a.i - b.i)
    .map(({ o }) => o);
  if (chosen.length <= max) return { shown: chosen, rest: undefined };
  const hidden = chosen.slice(max);
  return {
    shown: chosen.slice(0, max),
    rest: { options: hidden.length, count: hidden.reduce((acc, o) => acc + o.count, 0) },
  };
}
