/**
 * Reading stored answers for summaries: whether a question counts as answered, and the answer as plain text.
 * Works from the questionnaire types only (the form/answer validators live elsewhere).
 */
import { optionLabel } from "../questionnaire/options.ts";
import {
  type AnswerContent,
  type AnswerValue,
  OTHER_OPTION_ID,
  type Question,
  type SeasonYear,
} from "../questionnaire/types.ts";
import type { Lang } from "../text/lang.ts";

export const YES_TEXT = "Ja";
export const NO_TEXT = "Nei";

function isSeasonYear(value: AnswerValue): value is SeasonYear {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as SeasonYear).season === "string" &&
    typeof (value as SeasonYear).year === "number"
  );
}

/** The whole number of an integer/amount_nok answer, or undefined when the value is not a finite number. */
export function numberValue(answer: AnswerContent | undefined): number | undefined {
  const value = answer?.value;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The ticked option ids of a choice/multichoice answer (choice gives at most one), empty when none. */
export function selectedOptions(answer: AnswerContent | undefined): string[] {
  const value = answer?.value;
  if (typeof value === "string") return value.trim() ? [value] : [];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string" && v.trim() !== "");
  return [];
}

/** "Høst 2021". */
function formatSeasonYear(value: SeasonYear): string {
  return `${value.season} ${value.year}`;
}

/**
 * Whether the answer counts as given for this question. An integer 0 and a "Nei" are answers; an empty or
 * whitespace-only text, an empty multichoice and a value of the wrong type are not.
 */
export function isAnswered(question: Question, answer: AnswerContent | undefined): boolean {
  if (!answer) return false;
  const value = answer.value;
  switch (question.type) {
    case "integer":
    case "amount_nok":
      return numberValue(answer) !== undefined;
    case "yesno":
      return typeof value === "boolean";
    case "choice":
    case "multichoice":
      return selectedOptions(answer).length > 0;
    case "season_year":
      return isSeasonYear(value);
    case "text":
    case "longtext":
    case "email":
    case "phone":
      return typeof value === "string" && value.trim() !== "";
  }
}

/**
 * The answer as one line of plain text (without the comment field): multichoice joined with "; ",
 * options by their text in `lang` (optionLabel), yes/no as Ja/Nei, "Annet" followed by its text
 * ("Annet: …"), season_year as "Høst 2021".
 * Returns "" when the question is not answered. Numbers are given without thousands separators.
 */
export function answerText(question: Question, answer: AnswerContent | undefined, lang: Lang = "nb"): string {
  if (!answer || !isAnswered(question, answer)) return "";
  const value = answer.value;
  switch (question.type) {
    case "yesno":
      return value === true ? YES_TEXT : NO_TEXT;
    case "choice":
    case "multichoice":
      return selectedOptions(answer)
        .map((id) => {
          const label = optionLabel(question, id, lang);
          const other = answer.other?.trim();
          return question.allowOther && id === OTHER_OPTION_ID && other ? `${label}: ${other}` : label;
        })
        .join("; ");
    case "season_year":
      return isSeasonYear(value) ? formatSeasonYear(value) : "";
    case "integer":
    case "amount_nok":
      return String(value);
    case "text":
    case "longtext":
    case "email":
    case "phone":
      return typeof value === "string" ? value.trim() : "";
  }
}
