/**
 * What a card pre-fills for questions nobody has answered yet: what the county already knows (the
 * import's contact name, e-mail, phone, workplace and case number; see `Question.prefill`) and, for
 * questions that rarely change (`Question.carryOver`), the same tiltak's answer from an earlier round.
 * A pre-filled value is only a suggestion: it becomes an answer when the person saves the page. Pure.
 */
import { optionIds } from "../questionnaire/options.ts";
import type { AnswerContent, PrefillSource, Question } from "../questionnaire/types.ts";
import type { ReportDoc } from "./types.ts";

export type PrefillKind = "known" | "previous";

/** What pre-fills are made from: the stored answers, what the import knows, last round's answers. */
export interface PrefillReport {
  answers: ReportDoc["answers"];
  cleared?: ReportDoc["cleared"] | undefined;
  contact?: ReportDoc["contact"] | undefined;
  tiltak?: { caseNumber?: string | undefined } | undefined;
  previous?: ReportDoc["previous"] | undefined;
}

export interface Prefill {
  content: AnswerContent;
  kind: PrefillKind;
}

/** "+4791234567" -> "912 34 567" (as a person writes it in the 2021 form's free-text contact line). */
function phoneText(stored: string): string {
  const d = /^\+47(\d{8})$/.exec(stored)?.[1];
  if (d === undefined) return stored;
  return /^[49]/.test(d)
    ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}

/** The value a known-data source gives for this report, or undefined when the county does not know it. */
function knownValue(source: PrefillSource, report: PrefillReport): string | undefined {
  const c = report.contact;
  if (c === undefined)
    return source === "caseNumber" ? report.tiltak?.caseNumber?.trim() || undefined : undefined;
  const nonEmpty = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim());
  switch (source) {
    case "contactName":
      return nonEmpty(c.name);
    case "contactEmail":
      return nonEmpty(c.email);
    case "contactPhone":
      return nonEmpty(c.phone);
    case "workplace":
      return nonEmpty(c.workplace);
    case "caseNumber":
      return nonEmpty(report.tiltak?.caseNumber);
    case "contactSummary": {
      const parts = [nonEmpty(c.name), nonEmpty(c.workplace), c.phone ? phoneText(c.phone) : undefined];
      const known = parts.filter((p): p is string => p !== undefined);
      return known.length === 0 ? undefined : known.join(", ");
    }
  }
}

/** Last year's answer fits this year's question only when it is still a valid value of it. */
function fitsQuestion(q: Question, content: AnswerContent): boolean {
  const v = content.value;
  if (q.type === "multichoice") {
    const allowed = new Set(optionIds(q));
    return Array.isArray(v) && v.length > 0 && v.every((o) => allowed.has(o));
  }
  if (q.type === "choice") return typeof v === "string" && optionIds(q).includes(v);
  if (q.type === "integer" || q.type === "amount_nok") return typeof v === "number";
  if (q.type === "yesno") return typeof v === "boolean";
  if (q.type === "season_year") return typeof v === "object" && v !== null && !Array.isArray(v);
  return typeof v === "string" && v !== "";
}

/** The pre-fill of one question, or undefined (answered, cleared on purpose, or nothing known). */
export function prefillOf(q: Question, report: PrefillReport): Prefill | undefined {
  if (report.answers[q.id] !== undefined || report.cleared?.[q.id] !== undefined) return undefined;
  if (q.prefill !== undefined) {
    const value = knownValue(q.prefill, report);
    if (value !== undefined) return { content: { value }, kind: "known" };
  }
  if (q.carryOver) {
    const last = report.previous?.answers[q.id];
    if (last !== undefined && fitsQuestion(q, last)) return { content: last, kind: "previous" };
  }
  return undefined;
}
