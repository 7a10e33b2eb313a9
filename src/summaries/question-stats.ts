/**
 * Statistics per question of a round, over the SUBMITTED reports only (SUMMARY-SPEC §2). N of a question
 * is the number of submitted reports that answered it. Numeric questions get N/Sum/Snitt/Median/
 * Standardavvik (numeric-stats.ts), choice questions counts and percentages (choice-stats.ts), and text
 * questions (names, phones, e-mail, free text, season) their answers: those are not statistics, and the
 * overview leaves them to the export and the per-report summaries. Pure functions, no I/O.
 */
import { type AnswerContent, type Form, OTHER_OPTION_ID, type Question } from "../questionnaire/types.ts";
import { RESPONDENT_CATEGORIES, type ReportDoc, type RespondentCategory } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";
import { answerText, isAnswered, numberValue, selectedOptions } from "./answer-text.ts";
import { type ChoiceStats, choiceStats, type OptionStat } from "./choice-stats.ts";
import { formatNumericStats, type NumericDisplay, type NumericStats, numericStats } from "./numeric-stats.ts";
import {
  type CategoryGroup,
  groupByCategory,
  type NumberEntry,
  type Respondent,
  respondentOf,
  sortRespondents,
  type TextEntry,
} from "./respondents.ts";

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
  /** Whole numbers rounded half up, for every numeric question. */
  display: NumericDisplay | undefined;
  values: NumberEntry[];
  byCategory: CategoryGroup<NumberEntry>[];
}

export interface CategoryChoiceStats extends ChoiceStats {
  category: RespondentCategory;
}

export interface ChoiceQuestionStats extends QuestionStatsBase {
  kind: "choice";
  /** Percentages of the respondents who answered. */
  options: OptionStat[];
  /** Per respondent category (only categories with answers); percentages are of that category's ticks. */
  byCategory: CategoryChoiceStats[];
  /** The texts given with the free-text option ("Andre svar"). */
  otherTexts: TextEntry[];
}

export interface TextQuestionStats extends QuestionStatsBase {
  /** text, longtext, email, phone and season_year ("Høst 2021"). */
  kind: "text";
  answers: TextEntry[];
  byCategory: CategoryGroup<TextEntry>[];
}

export type QuestionStats = NumberQuestionStats | ChoiceQuestionStats | TextQuestionStats;

/** Number and choice questions: what the overview shows as statistics. */
export type StatisticStats = NumberQuestionStats | ChoiceQuestionStats;

export function isStatistic(stats: QuestionStats): stats is StatisticStats {
  return stats.kind !== "text";
}

export function submittedReports(reports: readonly ReportDoc[]): ReportDoc[] {
  return reports.filter((r) => r.status === "submitted");
}

type Answered = { respondent: Respondent; answer: AnswerContent };

function numberStats(base: QuestionStatsBase, answered: Answered[]): NumberQuestionStats {
  const values = answered.map(({ respondent, answer }) => ({
    respondent,
    value: numberValue(answer) as number,
  }));
  const stats = numericStats(values.map((v) => v.value));
  return {
    ...base,
    kind: "number",
    stats,
    display: stats ? formatNumericStats(stats) : undefined,
    values,
    byCategory: groupByCategory(values),
  };
}

function choiceQuestionStats(
  question: Question,
  base: QuestionStatsBase,
  answered: Answered[],
  lang: Lang,
): ChoiceQuestionStats {
  const overall = choiceStats(
    question,
    answered.map((a) => a.answer),
    "respondents",
    lang,
  );
  const byCategory = RESPONDENT_CATEGORIES.flatMap((category) => {
    const inCategory = answered.filter((a) => a.respondent.category === category);
    if (inCategory.length === 0) return [];
    const stats = choiceStats(
      question,
      inCategory.map((a) => a.answer),
      "ticks",
      lang,
    );
    return [{ category, ...stats }];
  });
  const otherTexts = answered.flatMap(({ respondent, answer }) => {
    const other = answer.other?.trim();
    return other && selectedOptions(answer).includes(OTHER_OPTION_ID) ? [{ respondent, text: other }] : [];
  });
  return { ...base, kind: "choice", options: overall.options, byCategory, otherTexts };
}

function statsForQuestion(
  question: Question,
  sectionId: string,
  reports: readonly ReportDoc[],
  lang: Lang,
): QuestionStats {
  const answered: Answered[] = [];
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
    case "amount_nok":
      return numberStats(base, answered);
    case "yesno":
    case "choice":
    case "multichoice":
      return choiceQuestionStats(question, base, answered, lang);
    case "text":
    case "longtext":
    case "email":
    case "phone":
    case "season_year": {
      const answers = answered.map(({ respondent, answer }) => ({
        respondent,
        text: answerText(question, answer, lang),
      }));
      return { ...base, kind: "text", answers, byCategory: groupByCategory(answers) };
    }
  }
}

/**
 * Statistics for every question of the form, in form order, over the SUBMITTED reports only.
 * Callers pass the reports of one round (all of the given form). Options are counted by id and labelled
 * in `lang`.
 */
export function questionStats(form: Form, reports: readonly ReportDoc[], lang: Lang = "nb"): QuestionStats[] {
  const submitted = submittedReports(reports);
  return form.sections.flatMap((section) =>
    section.questions.map((question) => statsForQuestion(question, section.id, submitted, lang)),
  );
}
