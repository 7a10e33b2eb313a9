/**
 * The sums a county adviser looks for first (the overview's headline card): egenfinansiering, tilskudd to
 * the school owners and tilskudd to the universities/colleges, mapped to the questions of each form.
 * Pure data and functions, no I/O.
 */
import type { NumberQuestionStats, QuestionStats } from "./question-stats.ts";

export type HeadlineKey = "ownFunding" | "ownerGrant" | "uhGrant";

const HEADLINE_LABELS: Record<HeadlineKey, string> = {
  ownFunding: "Egenfinansiering",
  ownerGrant: "Tilskudd skoleeier",
  uhGrant: "Tilskudd UH",
};

const HEADLINE_QUESTIONS: Record<string, Record<HeadlineKey, string>> = {
  "dekom-skole-2021": { ownFunding: "4.2", ownerGrant: "4.1", uhGrant: "4.3" },
  "dekom-2024-2025": { ownFunding: "q11", ownerGrant: "q13", uhGrant: "q14" },
};

export interface HeadlineSum {
  key: HeadlineKey;
  label: string;
  questionId: string;
  /** Reports that answered; 0 gives sum 0. */
  n: number;
  sum: number;
}

/** The headline sums of a form that has them, in the order egenfinansiering, skoleeier, UH. */
export function headlineSums(formId: string, stats: readonly QuestionStats[]): HeadlineSum[] {
  const ids = HEADLINE_QUESTIONS[formId];
  if (ids === undefined) return [];
  return (Object.keys(HEADLINE_LABELS) as HeadlineKey[]).flatMap((key) => {
    const q = stats.find((s): s is NumberQuestionStats => s.kind === "number" && s.question.id === ids[key]);
    if (q === undefined) return [];
    return [{ key, label: HEADLINE_LABELS[key], questionId: q.question.id, n: q.n, sum: q.stats?.sum ?? 0 }];
  });
}
