/**
 * Builders for report tests: valid raw card inputs per question type, complete answer sets for a whole
 * form (parsed by the product's own parser, so they are what a real card would store), and report docs.
 */

import { groupDigits } from "../../../src/i18n/digits.ts";
import {
  AMOUNT_MAX,
  INTEGER_MAX,
  OTHER_MAX_LENGTH,
  parseSection,
  TEXT_BYTES_PER_CHAR,
  TEXT_HARD_CAP,
  YEAR_MAX,
} from "../../../src/questionnaire/answers.ts";
import { getForm, loadForms } from "../../../src/questionnaire/form.ts";
import { inputId } from "../../../src/questionnaire/input-ids.ts";
import { optionIds } from "../../../src/questionnaire/options.ts";
import type { AnswerContent, Form, Question, Section } from "../../../src/questionnaire/types.ts";
import type { Actor, Answer, ReportDoc } from "../../../src/reports/types.ts";
import { encodedBytes } from "../../../src/text/encoded-size.ts";

export const forms = loadForms();
export const form2021 = getForm(forms, "dekom-skole-2021");
export const form2024 = getForm(forms, "dekom-2024-2025");
export const bothForms = [form2021, form2024] as const;

export const NOW = "2026-11-02T10:00:00.000Z";

export const contactActor: Actor = { id: "aad-contact", name: "Kari Kontakt", email: "kari@example.com" };
export const coEditorActor: Actor = { id: "aad-coeditor", name: "Ola Medredaktør", email: "ola@example.com" };
export const staffActor: Actor = { id: "aad-staff", name: "Siri Statsforvalter", email: "siri@sf.no" };
export const strangerActor: Actor = { id: "aad-stranger", name: "Per Fremmed", email: "per@example.com" };

/** The option ids a choice/multichoice card offers, in form order, "annet" included (last). */
const idsOf = (q: Question): string[] => optionIds(q);
/** The plain option ids (never "annet", so no other text is needed). */
const plainIdsOf = (q: Question): string[] => q.options?.map((o) => o.id) ?? [];

/**
 * Valid raw card inputs for one question (every part it has). `variant` changes the value so that two
 * calls with different variants give different answers (yes/no only has two values).
 */
export function validRaw(q: Question, variant = 0): Record<string, string> {
  const out: Record<string, string> = {};
  const main = inputId(q.id);
  switch (q.type) {
    case "text":
    case "longtext":
      out[main] = `Svar på ${q.id}, versjon ${variant}`;
      break;
    case "integer":
      out[main] = String(10 + variant);
      break;
    case "amount_nok":
      out[main] = groupDigits(160_000 + variant);
      break;
    case "email":
      out[main] = `person${variant}@example.com`;
      break;
    case "phone":
      out[main] = `912 34 ${String(500 + (variant % 500)).padStart(3, "0")}`;
      break;
    case "yesno":
      out[main] = variant % 2 === 0 ? "true" : "false";
      break;
    case "choice":
      // Never "Annet" here, so no other text is needed.
      out[main] = plainIdsOf(q)[variant % plainIdsOf(q).length] ?? "";
      break;
    case "multichoice":
      out[main] = [0, 1].map((i) => plainIdsOf(q)[(i + variant) % plainIdsOf(q).length]).join(",");
      break;
    case "season_year":
      out[inputId(q.id, "season")] = variant % 2 === 0 ? "Vår" : "Høst";
      out[inputId(q.id, "year")] = String(2020 + (variant % 5));
      break;
  }
  if (q.comment) out[inputId(q.id, "comment")] = `Kommentar til ${q.id}, versjon ${variant}`;
  return out;
}

/** An e-mail address of exactly 254 characters (the longest the parser accepts). */
function longestEmail(): string {
  const local = "a".repeat(64);
  const labels = ["b".repeat(63), "c".repeat(63), "d".repeat(58)];
  const email = `${local}@${labels.join(".")}.no`;
  if (email.length !== 254) throw new Error(`test bug: e-mail has ${email.length} characters`);
  return email;
}

/**
 * Raw inputs with every field at its longest: text at maxLength (or the hard cap), comments at their
 * limit, every multichoice option ticked, "Annet" texts at their limit, the largest numbers. `fill` is the
 * character repeated in free text (one code point; a multi-byte one makes the card bigger).
 */
export function maxRaw(q: Question, fill = "ø"): Record<string, string> {
  // The longest text the parser accepts: the character limit, or the byte budget (UTF-16 JSON) for heavy characters.
  const longest = (limit: number) =>
    fill.repeat(Math.min(limit, Math.floor((limit * TEXT_BYTES_PER_CHAR) / encodedBytes(fill))));
  const out: Record<string, string> = {};
  const main = inputId(q.id);
  switch (q.type) {
    case "text":
    case "longtext":
      out[main] = longest(q.maxLength ?? TEXT_HARD_CAP);
      break;
    case "integer":
      out[main] = groupDigits(INTEGER_MAX);
      break;
    case "amount_nok":
      out[main] = groupDigits(AMOUNT_MAX);
      break;
    case "email":
      out[main] = longestEmail();
      break;
    case "phone":
      out[main] = "912 34 567";
      break;
    case "yesno":
      out[main] = "true";
      break;
    case "choice":
      out[main] = idsOf(q).at(-1) ?? "";
      break;
    case "multichoice":
      out[main] = idsOf(q).join(",");
      break;
    case "season_year":
      out[inputId(q.id, "season")] = "Høst";
      out[inputId(q.id, "year")] = String(YEAR_MAX);
      break;
  }
  if (q.allowOther) out[inputId(q.id, "other")] = longest(OTHER_MAX_LENGTH);
  if (q.comment) out[inputId(q.id, "comment")] = longest(q.commentMaxLength ?? TEXT_HARD_CAP);
  return out;
}

/** Raw inputs of a whole section, one question at a time. */
export function sectionRaw(section: Section, rawOf: (q: Question) => Record<string, string>) {
  return Object.assign({}, ...section.questions.map((q) => rawOf(q))) as Record<string, string>;
}

/**
 * Every question of the form answered, parsed by the product's parser as if sent with "next".
 * Throws when the parser refuses any of it (a bug in the builder, not in the product).
 */
export function completeContents(
  form: Form,
  rawOf: (q: Question) => Record<string, string> = (q) => validRaw(q),
): Record<string, AnswerContent> {
  const contents: Record<string, AnswerContent> = {};
  for (const section of form.sections) {
    const parsed = parseSection(section, sectionRaw(section, rawOf), { requireAnswer: true });
    if (Object.keys(parsed.errors).length > 0) {
      throw new Error(`test bug: ${form.id}/${section.id} refused: ${JSON.stringify(parsed.errors)}`);
    }
    for (const [qid, content] of Object.entries(parsed.answers)) {
      if (content === null) throw new Error(`test bug: ${qid} parsed as empty`);
      contents[qid] = content;
    }
  }
  return contents;
}

/** Stored answers (with bookkeeping) from answer contents. */
export function stored(
  contents: Record<string, AnswerContent>,
  by: Actor = contactActor,
  rev = 1,
  at = NOW,
): Record<string, Answer> {
  return Object.fromEntries(
    Object.entries(contents).map(([qid, c]) => [qid, { ...c, by: { id: by.id, name: by.name }, at, rev }]),
  );
}

/** A draft report of the form with a contact (by Entra id) and one co-editor (by Entra id). */
export function makeReport(form: Form, overrides: Partial<ReportDoc> = {}): ReportDoc {
  const id = overrides.id ?? "r-1";
  return {
    id,
    roundId: "round-2025",
    formId: form.id,
    partnership: { id: "p-1", name: "Kulturnettverket", category: "Kommune", sector: "Offentlig" },
    tiltak: { id: `t-${id}`, name: `Tiltak ${id}` },
    contact: { name: contactActor.name, email: "kari@example.com", aadObjectId: contactActor.id },
    coEditors: [
      {
        email: "ola@example.com",
        name: coEditorActor.name,
        aadObjectId: coEditorActor.id,
        invitedAt: NOW,
        invitedBy: contactActor.id,
      },
    ],
    status: "draft",
    revision: 0,
    answers: {},
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}
