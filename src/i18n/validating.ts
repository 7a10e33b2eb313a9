/**
 * The language of one synchronous validation call. Zod schemas are built once (building costs more
 * than running), so their messages are looked up when a value fails, in the language set for that one
 * synchronous call by `validatingIn(lang, run)`; outside it, bokmål. Shared by the questionnaire, the
 * round import and the approval rules, so nested calls agree.
 */
import { DEFAULT_LANG, type Lang } from "./lang.ts";

let current: Lang = DEFAULT_LANG;

/** Runs a synchronous validation with its messages in `lang`. */
export function validatingIn<T>(lang: Lang, run: () => T): T {
  const before = current;
  current = lang;
  try {
    return run();
  } finally {
    current = before;
  }
}

/** The language of the validation running now (bokmål outside `validatingIn`). */
export function validationLang(): Lang {
  return current;
}
