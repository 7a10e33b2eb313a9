/**
 * The options of choice and multichoice questions by their stable id (what answers store), and the one
 * lookup from an option id to the text a reader sees: optionLabel(question, optionId, lang). Pure.
 */

import { texts } from "../i18n/texts.ts";
import type { Lang } from "../text/lang.ts";
import { type ChoiceOption, OTHER_OPTION_ID, type Question } from "./types.ts";

/** The option ids a question accepts, in form order, with "annet" last when it has a free-text option. */
export function optionIds(q: Question): string[] {
  const ids = q.options?.map((o) => o.id) ?? [];
  return q.allowOther ? [...ids, OTHER_OPTION_ID] : ids;
}

/** The form's option with this id, or undefined ("annet" and unknown ids are not form options). */
function findOption(q: Question, optionId: string): ChoiceOption | undefined {
  return q.options?.find((o) => o.id === optionId);
}

/**
 * The text of an option in the reader's language: the form's text (nynorsk when the form has it, else
 * bokmål), "Annet" for the free-text option. An id the form does not know (a value from an older form)
 * is shown as it is stored.
 */
export function optionLabel(q: Question, optionId: string, lang: Lang): string {
  if (q.allowOther && optionId === OTHER_OPTION_ID) return texts(lang).labels.other;
  const option = findOption(q, optionId);
  if (option === undefined) return optionId;
  return lang === "nn" ? (option.nn ?? option.text) : option.text;
}
