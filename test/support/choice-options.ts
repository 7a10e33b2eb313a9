/**
 * Options for hand-made test questions: `testOptions("I stor grad", "Annen, med komma")` gives
 * { id, text } pairs whose ids are the texts as lower-case ASCII kebab-case ("i-stor-grad",
 * "annen-med-komma"), the way the form data's ids were made.
 */
import type { ChoiceOption } from "../../src/questionnaire/types.ts";

function optionId(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function testOptions(...texts: string[]): ChoiceOption[] {
  return texts.map((text) => ({ id: optionId(text), text }));
}
