/**
 * The one-time conversion of stored choice and multichoice answers to option ids (pure, no I/O). Until
 * the option ids existed, answers stored the bokmål option text ("Vikarutgifter", "Annet" for the
 * free-text option), and card values were option indices ("0", "3"); both are turned into the form's
 * option id ("vikarutgifter", "annet"). A value that already is an id is left alone, so running the
 * conversion again changes nothing. A value that matches nothing (an option an older form had) is kept
 * as it is and reported, never dropped: statistics count it as an extra option, as before.
 *
 * Converted: the answers, last year's answers copied by the import (`previous`), and the signatures of
 * confirmed plausibility warnings (they hold the values they were confirmed for, so they are recomputed
 * from the converted answers; a confirmation stays confirmed). The revision is not increased: nothing a
 * person typed changes, and a card that is open keeps working (its untouched questions are left alone).
 */
import { findQuestion } from "../questionnaire/form.ts";
import { optionIds } from "../questionnaire/options.ts";
import {
  type AnswerContent,
  type AnswerValue,
  type Form,
  OTHER_OPTION_ID,
  type Question,
} from "../questionnaire/types.ts";
import { signatureOf, warningsFor } from "./plausibility.ts";
import type { ReportDoc } from "./types.ts";

/** The stored value of the free-text option before the ids. */
const LEGACY_OTHER = "Annet";

/** Texts compared the forgiving way: NFC, whitespace collapsed, trimmed, case-insensitive. */
const loose = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("nb");

/** The option id a stored value means (an id, an option text or an index), or undefined when none. */
export function toOptionId(q: Question, stored: string): string | undefined {
  const ids = optionIds(q);
  if (ids.includes(stored)) return stored;
  const key = loose(stored);
  const byText = q.options?.find((o) => loose(o.text) === key);
  if (byText !== undefined) return byText.id;
  if (q.allowOther && key === loose(LEGACY_OTHER)) return OTHER_OPTION_ID;
  if (/^\d{1,4}$/.test(stored)) return ids[Number(stored)];
  return undefined;
}

export interface ValueConversion {
  value: AnswerValue;
  /** Stored values that match no option of the question (kept as they are). */
  unresolved: string[];
}

/**
 * A choice/multichoice answer value in option ids. Multichoice ids are de-duplicated and put in form
 * order ("annet" last), unresolved values after them in their stored order. Other values are returned
 * unchanged.
 */
export function convertValue(q: Question, value: AnswerValue): ValueConversion {
  if (q.type === "choice" && typeof value === "string") {
    const id = toOptionId(q, value);
    return id === undefined ? { value, unresolved: [value] } : { value: id, unresolved: [] };
  }
  if (q.type === "multichoice" && Array.isArray(value)) {
    const order = optionIds(q);
    const ids = new Set<string>();
    const unresolved: string[] = [];
    for (const v of value) {
      const id = toOptionId(q, v);
      if (id === undefined) unresolved.push(v);
      else ids.add(id);
    }
    const sorted = order.filter((id) => ids.has(id));
    return { value: [...sorted, ...unresolved.filter((v, i) => unresolved.indexOf(v) === i)], unresolved };
  }
  return { value, unresolved: [] };
}

export interface ValueChange {
  questionId: string;
  /** "answers": the report's answer; "previous": last year's answer copied by the import. */
  where: "answers" | "previous";
  from: AnswerValue;
  to: AnswerValue;
}

export interface ReportConversion {
  /** The converted report (a copy; the input is not changed). */
  doc: ReportDoc;
  /** Something is to be written (false: only unresolved values to report). */
  changed: boolean;
  changes: ValueChange[];
  /** Values that match no option, by question (kept as they are). */
  unresolved: { questionId: string; where: ValueChange["where"]; value: string }[];
  /** Plausibility rules whose confirmation signature was recomputed. */
  signatures: string[];
}

const same = (a: AnswerValue, b: AnswerValue): boolean => JSON.stringify(a) === JSON.stringify(b);

function convertAnswers<T extends AnswerContent>(
  form: Form,
  answers: Record<string, T>,
  where: ValueChange["where"],
  out: Pick<ReportConversion, "changes" | "unresolved">,
): Record<string, T> {
  const converted: Record<string, T> = {};
  for (const [questionId, answer] of Object.entries(answers)) {
    const q = findQuestion(form, questionId);
    if (q === undefined || (q.type !== "choice" && q.type !== "multichoice")) {
      converted[questionId] = answer;
      continue;
    }
    const { value, unresolved } = convertValue(q, answer.value);
    for (const v of unresolved) out.unresolved.push({ questionId, where, value: v });
    if (!same(value, answer.value)) out.changes.push({ questionId, where, from: answer.value, to: value });
    converted[questionId] = { ...answer, value };
  }
  return converted;
}

/**
 * The report with its choice answers in option ids, or undefined when there is nothing to change or
 * report (already converted, or no choice answers). `form` is the report's form.
 */
export function convertReport(form: Form, report: ReportDoc): ReportConversion | undefined {
  const out: Pick<ReportConversion, "changes" | "unresolved"> = { changes: [], unresolved: [] };
  const doc: ReportDoc = structuredClone(report);
  doc.answers = convertAnswers(form, report.answers, "answers", out);
  if (report.previous !== undefined) {
    doc.previous = {
      ...report.previous,
      answers: convertAnswers(form, report.previous.answers, "previous", out),
    };
  }
  const signatures: string[] = [];
  if (report.plausibility !== undefined && out.changes.some((c) => c.where === "answers")) {
    // A confirmation counted when it held the values its questions had; it now holds them as ids.
    const allocation = report.tiltak.grant ?? {};
    for (const w of warningsFor(form, doc, allocation)) {
      const stored = doc.plausibility?.[w.rule];
      if (stored === undefined || w.confirmed) continue;
      if (stored.signature === signatureOf(report, w.rule, w.questionIds, allocation)) {
        stored.signature = w.signature;
        signatures.push(w.rule);
      }
    }
  }
  const changed = out.changes.length > 0 || signatures.length > 0;
  if (!changed && out.unresolved.length === 0) return undefined;
  return { doc, changed, ...out, signatures };
}
