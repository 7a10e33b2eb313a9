/**
 * The validation messages of the questionnaire in the language of the save being validated, and the
 * stored value of the "Annet" option. The texts themselves are in src/i18n/<lang>/questionnaire.ts.
 *
 * Validation is synchronous and its zod schemas are built once (building costs more than running), so
 * the messages are looked up when a value fails, in the language set for that one synchronous call by
 * `validatingIn(lang, run)`; outside it, bokmål.
 */
import { type Texts, texts } from "../i18n/texts.ts";
import { validatingIn, validationLang } from "../i18n/validating.ts";

/** Runs a synchronous validation with its messages in `lang` (src/i18n/validating.ts). */
export { validatingIn };

type Messages = Texts["messages"];

/** The messages in the current validation's language (read when a message is needed, not when a schema is built). */
export const messages: Messages = new Proxy({} as Messages, {
  get: (_, key) => texts(validationLang()).messages[key as keyof Messages],
  ownKeys: () => Reflect.ownKeys(texts(validationLang()).messages),
  getOwnPropertyDescriptor: (_, key) => {
    const value = texts(validationLang()).messages[key as keyof Messages];
    return value === undefined ? undefined : { value, enumerable: true, configurable: true };
  },
});
