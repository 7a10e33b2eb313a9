/**
 * The official report forms as data: the JSON files in ./forms, validated at load with zod and checked
 * for the invariants the rest of the bot relies on. Pure apart from the JSON imports (no fs access), so
 * it works the same under vitest/tsx and from dist/ (tsc copies imported JSON with resolveJsonModule).
 */
import { z } from "zod";
import { withOptionTranslations } from "./form-lang.ts";
import form2024 from "./forms/dekom-2024-2025.json" with { type: "json" };
import form2021 from "./forms/dekom-skole-2021.json" with { type: "json" };
import {
  type ChoiceOption,
  type Form,
  OPTION_ID_PATTERN,
  OTHER_OPTION_ID,
  PREFILL_SOURCES,
  QUESTION_TYPES,
  type Question,
  type Section,
} from "./types.ts";

const SEASONS = ["Vår", "Høst"];
const nonEmpty = z.string().trim().min(1);
const limit = z.int().positive().nullable();

const optionSchema = z.strictObject({
  id: z.string().max(40).regex(OPTION_ID_PATTERN, "option ids are lower-case ASCII kebab-case"),
  text: nonEmpty,
  nn: nonEmpty.optional(),
}) satisfies z.ZodType<ChoiceOption>;

const questionSchema = z.strictObject({
  id: nonEmpty.regex(/^[A-Za-z0-9.]+$/, "question ids may only hold letters, digits and dots"),
  text: nonEmpty,
  help: nonEmpty.nullable(),
  type: z.enum(QUESTION_TYPES),
  options: z.array(optionSchema).min(1).nullable(),
  allowOther: z.boolean(),
  comment: z.boolean(),
  maxLength: limit,
  commentMaxLength: limit,
  required: z.boolean(),
  shortLabel: nonEmpty.max(40).optional(),
  prefill: z.enum(PREFILL_SOURCES).optional(),
  carryOver: z.boolean().optional(),
}) satisfies z.ZodType<Question>;

const sectionSchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  intro: nonEmpty.nullable(),
  questions: z.array(questionSchema).min(1),
}) satisfies z.ZodType<Section>;

const formSchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  reportingYear: nonEmpty,
  guidance: z.array(nonEmpty),
  sections: z.array(sectionSchema).min(1),
  confirmationQuestionId: nonEmpty.nullable(),
  periodPairs: z.array(z.strictObject({ start: nonEmpty, end: nonEmpty })),
}) satisfies z.ZodType<Form>;

/** The values that occur more than once, each named once. */
function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Problems with the question itself (independent of the rest of the form). */
function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  const isChoice = q.type === "choice" || q.type === "multichoice";
  if (isChoice && q.options === null) problems.push(`${q.type} question has no options`);
  if (q.type === "season_year" && q.options !== null && q.options.some((o) => !SEASONS.includes(o.text))) {
    problems.push(`season_year options must be among ${SEASONS.join(", ")}`);
  }
  if (!isChoice && q.type !== "season_year" && q.options !== null) {
    problems.push(`${q.type} question must not have options`);
  }
  const ids = q.options?.map((o) => o.id) ?? [];
  const texts = q.options?.map((o) => o.text) ?? [];
  for (const id of duplicates(ids)) problems.push(`duplicate option id "${id}"`);
  // Digits alone were the card values (indices) before the ids; the migration reads them as indices.
  for (const id of ids.filter((x) => /^\d+$/.test(x))) problems.push(`option id "${id}" is only digits`);
  if (new Set(texts).size !== texts.length) problems.push("duplicate options");
  if (q.allowOther && !isChoice) problems.push("allowOther is only for choice/multichoice");
  if (q.allowOther && texts.includes("Annet")) problems.push('"Annet" must not also be a plain option');
  if (q.allowOther && ids.includes(OTHER_OPTION_ID)) {
    problems.push(`option id "${OTHER_OPTION_ID}" is reserved for the free-text option`);
  }
  if (q.maxLength !== null && q.type !== "text" && q.type !== "longtext") {
    problems.push("maxLength is only for text/longtext");
  }
  if (q.commentMaxLength !== null && !q.comment) problems.push("commentMaxLength without comment");
  return problems.map((p) => `question "${q.id}": ${p}`);
}

/** Problems that involve more than one question or the form's own references. */
function formProblems(form: Form): string[] {
  const problems: string[] = [];
  const sectionIds = new Set<string>();
  const questions = new Map<string, Question>();
  for (const section of form.sections) {
    if (sectionIds.has(section.id)) problems.push(`duplicate section id "${section.id}"`);
    sectionIds.add(section.id);
    for (const q of section.questions) {
      if (questions.has(q.id)) problems.push(`duplicate question id "${q.id}"`);
      questions.set(q.id, q);
      problems.push(...questionProblems(q));
    }
  }
  const cid = form.confirmationQuestionId;
  if (cid !== null && questions.get(cid)?.type !== "yesno") {
    problems.push(`confirmationQuestionId "${cid}" is not a yesno question of the form`);
  }
  for (const { start, end } of form.periodPairs) {
    for (const qid of [start, end]) {
      if (questions.get(qid)?.type !== "season_year") {
        problems.push(`periodPairs: "${qid}" is not a season_year question of the form`);
      }
    }
    if (start === end) problems.push(`periodPairs: start and end are both "${start}"`);
  }
  return problems;
}

/**
 * Validates one form's data (shape and invariants) and returns it typed.
 * Throws an Error naming the form and every problem found.
 */
export function parseForm(data: unknown): Form {
  const name =
    typeof data === "object" && data !== null && "id" in data && typeof data.id === "string"
      ? `"${data.id}"`
      : "(without id)";
  const parsed = formSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`Invalid form ${name}:\n${z.prettifyError(parsed.error)}`);
  }
  const problems = formProblems(parsed.data);
  if (problems.length > 0) {
    throw new Error(`Invalid form ${name}:\n${problems.map((p) => `✖ ${p}`).join("\n")}`);
  }
  return parsed.data;
}

/** The built-in forms, validated, keyed by form id. Throws if any of them is broken. */
export function loadForms(): Map<string, Form> {
  const forms = new Map<string, Form>();
  for (const data of [form2021, form2024] as unknown[]) {
    // Each option also carries its nynorsk label (our translation, forms/nn/; form-lang.ts).
    const form = withOptionTranslations(parseForm(data));
    if (forms.has(form.id)) throw new Error(`Duplicate form id "${form.id}"`);
    forms.set(form.id, form);
  }
  return forms;
}

/** The form with this id; throws when there is none (a stored report pointing at an unknown form is a bug). */
export function getForm(forms: ReadonlyMap<string, Form>, id: string): Form {
  const form = forms.get(id);
  if (form === undefined) throw new Error(`Unknown form "${id}" (known: ${[...forms.keys()].join(", ")})`);
  return form;
}

/** All questions of the form, in form order. */
export function allQuestions(form: Form): Question[] {
  return form.sections.flatMap((s) => s.questions);
}

export function findQuestion(form: Form, questionId: string): Question | undefined {
  for (const section of form.sections) {
    const q = section.questions.find((x) => x.id === questionId);
    if (q !== undefined) return q;
  }
  return undefined;
}

/** The section that holds the question, or undefined when the form has no such question. */
export function sectionOf(form: Form, questionId: string): Section | undefined {
  return form.sections.find((s) => s.questions.some((q) => q.id === questionId));
}
