/**
 * Pure rules of a report: progress, what is missing, stale-card detection, applying answers.
 * No I/O.
 */
import { isDeepStrictEqual } from "node:util";
import { checkPeriodPairs } from "../questionnaire/answers.ts";
import { formPages, type Position } from "../questionnaire/pages.ts";
import type { AnswerContent, Form, Section } from "../questionnaire/types.ts";
import type { Actor, Answer, ReportDoc } from "./types.ts";

export interface SectionProgress {
  sectionId: string;
  title: string;
  answered: number;
  requiredMissing: string[];
  complete: boolean;
}

export function sectionProgress(section: Section, report: ReportDoc): SectionProgress {
  const answered = section.questions.filter((q) => report.answers[q.id] !== undefined).length;
  const requiredMissing = section.questions
    .filter((q) => q.required && report.answers[q.id] === undefined)
    .map((q) => q.id);
  return {
    sectionId: section.id,
    title: section.title,
    answered,
    requiredMissing,
    complete: requiredMissing.length === 0,
  };
}

export const reportProgress = (form: Form, report: ReportDoc): SectionProgress[] =>
  form.sections.map((s) => sectionProgress(s, report));

/** Index of the first section with unanswered required questions; the last section when all are done. */
export function resumeSectionIndex(form: Form, report: ReportDoc): number {
  const i = form.sections.findIndex((s) => !sectionProgress(s, report).complete);
  return i === -1 ? form.sections.length - 1 : i;
}

/**
 * The page where the person should resume: the first page with an unanswered required question; the
 * last page of the form when everything required is answered.
 */
export function resumePosition(form: Form, report: ReportDoc): Position {
  const flat = formPages(form).flat();
  const open = flat.find((p) => p.questions.some((q) => q.required && report.answers[q.id] === undefined));
  const at = open ?? flat[flat.length - 1];
  return { sectionIndex: at?.sectionIndex ?? 0, page: at?.index ?? 0 };
}

/** Everything that stops the report from being sent, as question ids. */
export function submitBlockers(
  form: Form,
  report: ReportDoc,
): { missing: string[]; unconfirmed: boolean; periodInvalid: boolean } {
  const missing = form.sections.flatMap((s) => sectionProgress(s, report).requiredMissing);
  const qid = form.confirmationQuestionId;
  const unconfirmed = qid !== null && report.answers[qid]?.value !== true;
  const periodInvalid = Object.keys(checkPeriodPairs(form, report.answers)).length > 0;
  return { missing, unconfirmed, periodInvalid };
}

const contentOf = (a: Answer | undefined): AnswerContent | null =>
  a === undefined
    ? null
    : {
        value: a.value,
        ...(a.other !== undefined ? { other: a.other } : {}),
        ...(a.comment !== undefined ? { comment: a.comment } : {}),
      };

/** The question ids whose submitted content differs from what is stored. */
function changedQuestions(report: ReportDoc, answers: Record<string, AnswerContent | null>): string[] {
  return Object.entries(answers)
    .filter(([qid, content]) => !isDeepStrictEqual(contentOf(report.answers[qid]), content))
    .map(([qid]) => qid);
}

/**
 * A card is stale when it would change an answer that someone saved after the card was made.
 * Answers that equal what is stored never make a card stale (a double click is harmless).
 */
export function staleQuestions(
  report: ReportDoc,
  answers: Record<string, AnswerContent | null>,
  cardRevision: number,
): string[] {
  return changedQuestions(report, answers).filter(
    (qid) => Math.max(report.answers[qid]?.rev ?? 0, report.cleared?.[qid] ?? 0) > cardRevision,
  );
}

/**
 * Apply answers (null = clear) to the report. Returns undefined when nothing changes.
 * Only the changed answers get the actor and time, so "who changed it last" stays true.
 */
export function applyAnswers(
  report: ReportDoc,
  answers: Record<string, AnswerContent | null>,
  actor: Actor,
  now: Date,
): ReportDoc | undefined {
  const changed = changedQuestions(report, answers);
  if (changed.length === 0) return undefined;
  const revision = report.revision + 1;
  const at = now.toISOString();
  const next: Record<string, Answer> = { ...report.answers };
  const cleared: Record<string, number> = { ...report.cleared };
  for (const qid of changed) {
    const content = answers[qid];
    if (content === null || content === undefined) {
      delete next[qid];
      cleared[qid] = revision;
    } else {
      next[qid] = { ...content, by: { id: actor.id, name: actor.name }, at, rev: revision };
      delete cleared[qid];
    }
  }
  return { ...report, answers: next, cleared, revision, updatedAt: at };
}

/**
 * Sections a person would call done: every required answer given and something answered (a section
 * of optional questions only is not "done" just because nothing in it is required).
 */
export function sectionsDone(form: Form, report: ReportDoc): number {
  return reportProgress(form, report).filter((p) => p.complete && p.answered > 0).length;
}

/** Season/year pairs: a side on a card is checked against the stored other side (errors for the sides it changes). */
export function periodErrors(
  form: Form,
  report: ReportDoc,
  answers: Record<string, AnswerContent | null>,
): Record<string, string> {
  const values: Record<string, AnswerContent | null | undefined> = {};
  for (const pair of form.periodPairs) {
    for (const qid of [pair.start, pair.end]) {
      values[qid] = qid in answers ? answers[qid] : (report.answers[qid] ?? null);
    }
  }
  const errs = checkPeriodPairs(form, values);
  // Refuse whichever side(s) this card changes: the stored pair must never end up inverted.
  const out: Record<string, string> = {};
  for (const pair of form.periodPairs) {
    const message = errs[pair.end];
    if (message === undefined) continue;
    for (const side of [pair.start, pair.end]) if (side in answers) out[side] = message;
  }
  return out;
}
