/**
 * The shape of an official report form (questionnaire) and of the answers stored for it.
 * Pure types: no I/O. The forms themselves live as JSON in ./forms and are validated by form.ts.
 */

export const QUESTION_TYPES = [
  "text",
  "longtext",
  "integer",
  "amount_nok",
  "email",
  "phone",
  "yesno",
  "choice",
  "multichoice",
  "season_year",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * One option of a choice/multichoice/season_year question. `id` is short ASCII kebab-case ("skoleeier",
 * "uh", "1-ar"), derived once from the bokmål text and never changed after: stored answers hold it, so
 * the texts may be corrected or translated without touching stored reports. Unique within the question;
 * "annet" is reserved for the free-text option of questions with allowOther.
 */
export interface ChoiceOption {
  id: string;
  /** The official option text (bokmål). */
  text: string;
  /** The nynorsk text (our translation of the official form); absent = show the bokmål text. */
  nn?: string;
}

/** The option id stored for the free-text option ("Annet") of questions with allowOther. */
export const OTHER_OPTION_ID = "annet";

/** What an option id looks like: lower-case ASCII letters and digits in dash-separated words. */
export const OPTION_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface Question {
  /** Stable id within the form, e.g. "2.1" (2021 form) or "q01" (2024/2025 form). */
  id: string;
  /** The official question text (Norwegian). */
  text: string;
  /** Official help text shown under the question, if the form has one. */
  help: string | null;
  type: QuestionType;
  /** Options for choice/multichoice/season_year, each with a stable id (what choice answers store). */
  options: ChoiceOption[] | null;
  /** multichoice/choice: an extra "Annet" option with its own text field. */
  allowOther: boolean;
  /** An extra free-text comment field belongs to the question. */
  comment: boolean;
  /** Max characters of the main text answer (null = no limit from the form). */
  maxLength: number | null;
  /** Max characters of the comment field (null = no limit from the form). */
  commentMaxLength: number | null;
  required: boolean;
  /** A few words naming the question where its full text is too long (error banners, lists). */
  shortLabel?: string;
  /** What the county already knows that pre-fills this question (editable; stored once saved). */
  prefill?: PrefillSource;
  /** The answer rarely changes from year to year: last round's answer is offered (marked for checking). */
  carryOver?: boolean;
}

/** Known data a question can be pre-filled from (the import's contact, workplace and case number). */
export const PREFILL_SOURCES = [
  "contactName",
  "contactEmail",
  "contactPhone",
  "workplace",
  "caseNumber",
  "contactSummary",
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface Section {
  id: string;
  title: string;
  /** Intro/help text for the whole section, if any. */
  intro: string | null;
  questions: Question[];
}

export interface Form {
  id: string;
  title: string;
  /** As printed on the form: "2021" or "2024/2025". */
  reportingYear: string;
  guidance: string[];
  sections: Section[];
  /** The yes/no question that must be "yes" before sending (2021: "2.4"), if the form has one. */
  confirmationQuestionId: string | null;
  /** season_year questions whose values must satisfy start <= end (2021: 6.2 <= 6.3). */
  periodPairs: { start: string; end: string }[];
}

export type Season = "Vår" | "Høst";
export interface SeasonYear {
  season: Season;
  year: number;
}

/**
 * A validated answer value, by question type:
 * text/longtext/email/phone -> string; integer/amount_nok -> number (whole, >= 0);
 * yesno -> boolean; choice -> string (the option id, or "annet" for the free-text option);
 * multichoice -> string[] (option ids in form order, "annet" last when ticked); season_year -> SeasonYear.
 * Option ids are language-free, so bokmål and nynorsk answers count together.
 */
export type AnswerValue = string | number | boolean | string[] | SeasonYear;

/** The parts of an answer that come from the person (no bookkeeping). */
export interface AnswerContent {
  value: AnswerValue;
  /** Text of "Annet" (choice/multichoice with allowOther). */
  other?: string;
  /** The question's extra comment field. */
  comment?: string;
}
