/**
 * What staff know the things of an import by, in the reader's language: a form by its title, a tiltak
 * by its partnership, name and case number (saksnr.). Our ids stay on the command line's plan lines.
 */
import type { Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { loadForms } from "../questionnaire/form.ts";
import { formIn } from "../questionnaire/form-lang.ts";
import type { Form } from "../questionnaire/types.ts";

let forms: Map<string, Form> | undefined;

/** A form's title in the reader's language; its id when the form is unknown. */
export function formTitle(formId: string, lang: Lang): string {
  forms ??= loadForms();
  const form = forms.get(formId);
  return form === undefined ? formId : formIn(form, lang).title;
}

/** "Salten regionråd – Lesing i alle fag" */
export function tiltakName(r: { partnership: { name: string }; tiltak: { name: string } }): string {
  return `${r.partnership.name} – ${r.tiltak.name}`;
}

/** "Salten regionråd – Lesing i alle fag (saksnr. 2024/1234)" */
export function tiltakTitle(
  r: { partnership: { name: string }; tiltak: { name: string; caseNumber?: string | undefined } },
  lang: Lang,
): string {
  const caseNumber = r.tiltak.caseNumber;
  return caseNumber ? texts(lang).imports.card.withCase(tiltakName(r), caseNumber) : tiltakName(r);
}
