/**
 * The forms' texts in nynorsk: our translation of the official bokmål forms (forms/nn/*.json, each
 * saying so in `translation`), with the same section, question and option ids. `formIn(form, "nn")`
 * gives the form with its titles, question texts, help texts and short labels in nynorsk; ids, types,
 * limits and options are the official form's, so answers are the same whatever the language. The option
 * labels are set on the loaded forms' options themselves (`nn`, by option id: `withOptionTranslations`,
 * called by form.ts), so `optionTextsIn` gives them wherever a question is at hand. A text the
 * translation lacks stays bokmål. Pure apart from the JSON imports.
 */
import { z } from "zod";
import type { Lang } from "../i18n/lang.ts";
import nn2024 from "./forms/nn/dekom-2024-2025.json" with { type: "json" };
import nn2021 from "./forms/nn/dekom-skole-2021.json" with { type: "json" };
import type { Form, Question, Section } from "./types.ts";

const text = z.string().trim().min(1);

const translationSchema = z.strictObject({
  formId: text,
  lang: z.literal("nn"),
  /** Says that this is our translation of the official bokmål form. */
  translation: text,
  title: text,
  guidance: z.array(text),
  sections: z.record(z.string(), z.strictObject({ title: text, intro: text.nullable() })),
  questions: z.record(
    z.string(),
    z.strictObject({
      text,
      help: text.nullable(),
      shortLabel: text.max(40).optional(),
      /** The option labels by option id. */
      options: z.record(z.string(), text).optional(),
    }),
  ),
});
export type FormTranslation = z.infer<typeof translationSchema>;

const TRANSLATIONS: ReadonlyMap<string, FormTranslation> = new Map(
  [nn2024, nn2021].map((raw) => {
    const t = translationSchema.parse(raw);
    return [t.formId, t] as const;
  }),
);

function optionProblems(
  id: string,
  official: Question,
  labels: Record<string, string> | undefined,
): string[] {
  if (labels === undefined) return [];
  const ids = new Set(official.options?.map((o) => o.id));
  return [
    ...Object.keys(labels)
      .filter((o) => !ids.has(o))
      .map((o) => `question "${id}": unknown option "${o}"`),
    ...[...ids]
      .filter((o) => labels[o] === undefined)
      .map((o) => `question "${id}": option "${o}" not translated`),
  ];
}

/** Where a translation does not match its form (unknown or missing ids); empty when it fits. */
export function translationProblems(form: Form, t: FormTranslation): string[] {
  const problems: string[] = [];
  const questions = new Map(form.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const sections = new Set(form.sections.map((s) => s.id));
  for (const id of Object.keys(t.sections)) if (!sections.has(id)) problems.push(`unknown section "${id}"`);
  for (const [id, q] of Object.entries(t.questions)) {
    const official = questions.get(id);
    if (official === undefined) problems.push(`unknown question "${id}"`);
    else problems.push(...optionProblems(id, official, q.options));
  }
  for (const id of questions.keys())
    if (t.questions[id] === undefined) problems.push(`question "${id}" not translated`);
  for (const id of sections)
    if (t.sections[id] === undefined) problems.push(`section "${id}" not translated`);
  if (t.guidance.length !== form.guidance.length) problems.push("guidance has another number of paragraphs");
  return problems;
}

/** The translation of a form, if there is one. */
export function translationOf(formId: string): FormTranslation | undefined {
  return TRANSLATIONS.get(formId);
}

function checked(form: Form): FormTranslation | undefined {
  const t = TRANSLATIONS.get(form.id);
  if (t === undefined) return undefined;
  const problems = translationProblems(form, t);
  if (problems.length > 0) throw new Error(`nynorsk form ${form.id}: ${problems.join("; ")}`);
  return t;
}

/** The form with each option's nynorsk label (`nn`) from its translation; the texts stay bokmål. */
export function withOptionTranslations(form: Form): Form {
  const t = checked(form);
  if (t === undefined) return form;
  const question = (q: Question): Question => {
    const labels = t.questions[q.id]?.options;
    if (labels === undefined || q.options === null) return q;
    return { ...q, options: q.options.map((o) => ({ ...o, nn: labels[o.id] ?? o.nn ?? o.text })) };
  };
  return { ...form, sections: form.sections.map((s) => ({ ...s, questions: s.questions.map(question) })) };
}

/** The option labels of a question in the reader's language, in form order ([] when it has none). */
export function optionTextsIn(q: Question, lang: Lang): string[] {
  return q.options?.map((o) => (lang === "nn" ? (o.nn ?? o.text) : o.text)) ?? [];
}

function translate(form: Form, t: FormTranslation): Form {
  const question = (q: Question): Question => {
    const x = t.questions[q.id];
    if (x === undefined) return q;
    return {
      ...q,
      text: x.text,
      help: x.help,
      ...(x.shortLabel !== undefined ? { shortLabel: x.shortLabel } : {}),
    };
  };
  const section = (s: Section): Section => {
    const x = t.sections[s.id];
    return { ...s, ...(x ? { title: x.title, intro: x.intro } : {}), questions: s.questions.map(question) };
  };
  return { ...form, title: t.title, guidance: t.guidance, sections: form.sections.map(section) };
}

const translated = new WeakMap<Form, Form>();

/** The form as the reader sees it: bokmål as it is, nynorsk from the translation (made once per form). */
export function formIn(form: Form, lang: Lang): Form {
  if (lang === "nb") return form;
  const t = checked(form);
  if (t === undefined) return form;
  let shown = translated.get(form);
  if (shown === undefined) {
    shown = translate(form, t);
    translated.set(form, shown);
  }
  return shown;
}
