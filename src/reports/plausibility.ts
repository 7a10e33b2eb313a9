/**
 * Plausibility warnings (pure: no I/O). A warning never blocks sending: the person confirms it
 * ("Stemmer") or changes the answer. Each rule names the questions it is about (the warning is shown
 * at the first of them and collected on the review), and a signature of the values it looked at, so
 * a confirmation stops counting as soon as one of those values changes.
 *
 * Rules (question ids of the 2021 form / the 2024/2025 form):
 * - phases-over-grant: 4.4 + 4.5 + 4.6 above the grant received (4.1 + 4.3). (2021 only.)
 * - grant-owners / grant-uh: the reported grant (4.1 / q13, 4.3 / q14) differs from the allocation
 *   in the import, when the import has amounts.
 * - no-coordinator-with-reasons: "Har ikke koordinatorfunksjon" ticked with reasons for one (q12).
 * - schools-vs-owners: counts of municipal schools that contradict the named municipalities
 *   (3.4 vs 3.1 / q06 vs q08), and private owners named with no private schools (3.2 vs 3.5 + 3.7 /
 *   q07 vs q04).
 * - uh-grant-no-uh: a UH grant (4.3 / q14 > 0) with no UH named (3.3 / q09).
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import type { AnswerValue, Form } from "../questionnaire/types.ts";
import type { Allocation, PlausibilityConfirmation, ReportDoc } from "./types.ts";

export type { Allocation, PlausibilityConfirmation };

export const PLAUSIBILITY_RULES = [
  "phases-over-grant",
  "grant-owners",
  "grant-uh",
  "no-coordinator-with-reasons",
  "schools-vs-owners",
  "private-owners-no-schools",
  "uh-grant-no-uh",
] as const;
export type PlausibilityRule = (typeof PLAUSIBILITY_RULES)[number];

export interface PlausibilityWarning {
  rule: PlausibilityRule;
  /** The question the warning is shown at (the first of `questionIds` in form order). */
  questionId: string;
  /** The section holding `questionId` (where "Endre" goes). */
  sectionId: string;
  questionIds: string[];
  text: string;
  /** The values the rule looked at; a confirmation counts while it is unchanged. */
  signature: string;
  /** Confirmed by someone on the report with the same signature. */
  confirmed: boolean;
}

/** Question ids per form; a rule whose questions a form lacks does not apply to it. */
const IDS: Record<string, Partial<Record<string, string>>> = {
  "dekom-skole-2021": {
    grantOwners: "4.1",
    grantUh: "4.3",
    phase1: "4.4",
    phase2: "4.5",
    phase3: "4.6",
    municipalityNames: "3.1",
    privateOwnerNames: "3.2",
    uhNames: "3.3",
    municipalSchools: "3.4",
    privateSchools: "3.5",
    privateUpperSchools: "3.7",
  },
  "dekom-2024-2025": {
    grantOwners: "q13",
    grantUh: "q14",
    coordinatorReasons: "q12",
    municipalityChoices: "q08",
    privateOwnerNames: "q07",
    uhNames: "q09",
    municipalSchools: "q06",
    privateUpperSchools: "q04",
  },
};

/** The option id of "Har ikke koordinatorfunksjon" (q12). */
export const NO_COORDINATOR = "ikke-koordinatorfunksjon";

interface Found {
  rule: PlausibilityRule;
  questionIds: string[];
  text: string;
}

/** Every plausibility warning of a report, in form order, with whether it was confirmed. */
export function warningsFor(
  form: Form,
  report: Pick<ReportDoc, "answers"> & { plausibility?: Record<string, PlausibilityConfirmation> },
  allocation: Allocation = {},
  lang: Lang = DEFAULT_LANG,
): PlausibilityWarning[] {
  const t = texts(lang).plausibility;
  const ids = IDS[form.id] ?? {};
  const order = new Map<string, { index: number; sectionId: string }>();
  for (const s of form.sections)
    for (const q of s.questions) order.set(q.id, { index: order.size, sectionId: s.id });
  const id = (key: string): string | undefined => {
    const qid = ids[key];
    return qid !== undefined && order.has(qid) ? qid : undefined;
  };
  const value = (key: string): AnswerValue | undefined => {
    const qid = id(key);
    return qid === undefined ? undefined : report.answers[qid]?.value;
  };
  const num = (key: string): number | undefined => {
    const v = value(key);
    return typeof v === "number" ? v : undefined;
  };
  const named = (key: string): boolean | undefined => {
    const v = value(key);
    if (v === undefined) return undefined;
    return Array.isArray(v) ? v.length > 0 : typeof v === "string" && !isNone(v);
  };
  const qids = (...keys: string[]) => keys.map(id).filter((x): x is string => x !== undefined);
  const found: Found[] = [];
  const add = (rule: PlausibilityRule, keys: string[], text: string) =>
    found.push({ rule, questionIds: qids(...keys), text });

  // Phase amounts above the grant received (2021: 4.4-4.6 against 4.1 + 4.3).
  const phases = ["phase1", "phase2", "phase3"].map(num).filter((n): n is number => n !== undefined);
  const grants = [num("grantOwners"), num("grantUh")].filter((n): n is number => n !== undefined);
  if (phases.length > 0 && grants.length > 0) {
    const phaseSum = phases.reduce((a, b) => a + b, 0);
    const grantSum = grants.reduce((a, b) => a + b, 0);
    if (phaseSum > grantSum) {
      add(
        "phases-over-grant",
        ["phase1", "phase2", "phase3", "grantOwners", "grantUh"],
        t.phasesOverGrant(phaseSum, grantSum),
      );
    }
  }

  // Reported grant against the allocation in the import.
  const owners = num("grantOwners");
  if (owners !== undefined && allocation.owners !== undefined && owners !== allocation.owners) {
    add("grant-owners", ["grantOwners"], t.grantDiffersFromAllocation("eiere", owners, allocation.owners));
  }
  const uh = num("grantUh");
  if (uh !== undefined && allocation.uh !== undefined && uh !== allocation.uh) {
    add("grant-uh", ["grantUh"], t.grantDiffersFromAllocation("UH", uh, allocation.uh));
  }

  // "No coordinator function" together with reasons for one.
  const reasons = value("coordinatorReasons");
  if (
    Array.isArray(reasons) &&
    reasons.includes(NO_COORDINATOR) &&
    reasons.some((r) => r !== NO_COORDINATOR)
  ) {
    add("no-coordinator-with-reasons", ["coordinatorReasons"], t.noCoordinatorWithReasons);
  }

  // Municipal school counts against the named municipalities.
  const schools = num("municipalSchools");
  const choices = value("municipalityChoices");
  const municipalities = Array.isArray(choices) ? choices.length : undefined;
  const ownersNamed = municipalities !== undefined ? municipalities > 0 : named("municipalityNames");
  const ownerKey = id("municipalityChoices") !== undefined ? "municipalityChoices" : "municipalityNames";
  if (schools !== undefined && ownersNamed !== undefined) {
    if (schools > 0 && !ownersNamed)
      add("schools-vs-owners", [ownerKey, "municipalSchools"], t.schoolsButNoOwners);
    else if (schools === 0 && ownersNamed)
      add("schools-vs-owners", [ownerKey, "municipalSchools"], t.ownersButNoSchools);
    else if (municipalities !== undefined && schools > 0 && schools < municipalities) {
      add(
        "schools-vs-owners",
        [ownerKey, "municipalSchools"],
        t.fewerSchoolsThanMunicipalities(schools, municipalities),
      );
    }
  }

  // Private owners named, but no private schools counted.
  const privateCounts = [num("privateSchools"), num("privateUpperSchools")].filter(
    (n): n is number => n !== undefined,
  );
  if (
    named("privateOwnerNames") === true &&
    privateCounts.length > 0 &&
    privateCounts.every((n) => n === 0)
  ) {
    add(
      "private-owners-no-schools",
      ["privateOwnerNames", "privateSchools", "privateUpperSchools"],
      t.privateOwnersButNoSchools,
    );
  }

  // A UH grant with no UH named.
  if (uh !== undefined && uh > 0 && named("uhNames") !== true) {
    add("uh-grant-no-uh", ["uhNames", "grantUh"], t.uhGrantButNoUh);
  }

  return found
    .map((f) => {
      const sorted = [...f.questionIds].sort(
        (a, b) => (order.get(a)?.index ?? 0) - (order.get(b)?.index ?? 0),
      );
      const first = sorted[0] as string;
      const signature = signatureOf(report, f.rule, sorted, allocation);
      const stored = report.plausibility?.[f.rule];
      return {
        rule: f.rule,
        questionId: first,
        sectionId: order.get(first)?.sectionId ?? "",
        questionIds: sorted,
        text: f.text,
        signature,
        confirmed: stored?.signature === signature,
      };
    })
    .sort((a, b) => (order.get(a.questionId)?.index ?? 0) - (order.get(b.questionId)?.index ?? 0));
}

/** Warnings by the question they are shown at (for the section cards). */
export function warningsByQuestion(
  warnings: readonly PlausibilityWarning[],
): Map<string, PlausibilityWarning[]> {
  const map = new Map<string, PlausibilityWarning[]>();
  for (const w of warnings) map.set(w.questionId, [...(map.get(w.questionId) ?? []), w]);
  return map;
}

/** "Ingen", "nei", "-" and blanks count as nothing named. */
function isNone(text: string): boolean {
  return /^\s*(?:-+|ingen|nei|ikke aktuelt|0)?\s*\.?\s*$/i.test(text);
}

/** The signature a confirmation of `rule` holds: the values of its questions (and the allocation it compares). */
export function signatureOf(
  report: Pick<ReportDoc, "answers">,
  rule: PlausibilityRule,
  questionIds: string[],
  allocation: Allocation,
): string {
  const values = questionIds.map((q) => report.answers[q]?.value ?? null);
  const alloc = rule === "grant-owners" ? allocation.owners : rule === "grant-uh" ? allocation.uh : undefined;
  return JSON.stringify(alloc === undefined ? values : [...values, alloc]);
}
