/**
 * What an import changes, and writing it. `planImport` is pure: it compares a validated file with the
 * stored round and its reports and lists every change. `applyImport` writes a plan: the round conditionally,
 * new reports by create, changed ones by a conditional read-merge-write on the fresh document.
 *
 * An import owns only the description of a report: form, partnership, tiltak and contact. It never
 * touches answers, status, revision, co-editors or submit fields, and never deletes a report: reports
 * of the round that the file lacks are listed and left alone.
 */
import { DEFAULT_LANG } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import type { Contact, ReportDoc } from "../reports/types.ts";
import { ConflictError } from "../storage/errors.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { formTitle, tiltakTitle } from "./import-names.ts";
import type { Previous } from "./import-previous.ts";
import type { ImportedTiltak, ParsedImport } from "./import-schema.ts";
import { defaultDeadline, defaultFormId } from "./round.ts";
import type { RoundDoc } from "./types.ts";

export type RoundField = "county" | "formId" | "deadline" | "staffIds" | "malform";
export type ReportField = "formId" | "partnership" | "tiltak" | "contact" | "previous";

export type RoundChange =
  | { kind: "create"; round: RoundDoc }
  | { kind: "update"; round: RoundDoc; fields: RoundField[] }
  | { kind: "unchanged"; round: RoundDoc };

export type ReportChange =
  | { kind: "create"; report: ReportDoc; item: ImportedTiltak; previous?: Previous | undefined }
  | {
      kind: "update";
      id: string;
      fields: ReportField[];
      item: ImportedTiltak;
      previous?: Previous | undefined;
    }
  | { kind: "unchanged"; id: string; item: ImportedTiltak }
  /** In the database, not in the file: reported, never deleted. */
  | { kind: "missing"; id: string; report: ReportDoc };

export interface ImportPlan {
  roundId: string;
  round: RoundChange;
  reports: ReportChange[];
  /** Reasons the plan must not be applied (in the language planImport was given). Empty when it may. */
  problems: string[];
}

export interface ExistingData {
  round?: RoundDoc;
  /** Every report of the round. */
  reports: readonly ReportDoc[];
  /** Last round's carried-over answers by report id (see import-previous.ts). */
  previous?: ReadonlyMap<string, Previous>;
}

/** Lists what importing `parsed` into `existing` changes, its problems in `lang`. Pure. */
export function planImport(
  parsed: ParsedImport,
  existing: ExistingData,
  now: Date,
  lang = DEFAULT_LANG,
): ImportPlan {
  const at = now.toISOString();
  const round = planRound(parsed, existing.round, at);
  const formId = round.round.formId;
  const problems: string[] = [];
  const stored = new Map(existing.reports.map((r) => [r.id, r]));

  const reports: ReportChange[] = parsed.tiltak.map((item) => {
    const current = stored.get(item.id);
    const previous = existing.previous?.get(item.id);
    if (current === undefined)
      return { kind: "create", report: newReport(item, round.round, at, previous), item, previous };
    const fields = changedFields(current, item, formId, previous);
    return fields.length === 0
      ? { kind: "unchanged", id: item.id, item }
      : { kind: "update", id: item.id, fields, item, previous };
  });
  const inFile = new Set(parsed.tiltak.map((t) => t.id));
  for (const report of existing.reports) {
    if (!inFile.has(report.id)) reports.push({ kind: "missing", id: report.id, report });
  }

  // Answers belong to the form they were given in: a report somebody has started keeps its form.
  const started = reports.flatMap((c) =>
    c.kind === "update" && c.fields.includes("formId") && isStarted(stored.get(c.id) as ReportDoc)
      ? [tiltakTitle(c.item, lang)]
      : [],
  );
  if (started.length > 0)
    problems.push(texts(lang).imports.formLocked(formTitle(formId, lang), started.join(", ")));
  return { roundId: parsed.round.id, round, reports, problems };
}

function isStarted(report: ReportDoc): boolean {
  return report.status === "submitted" || Object.keys(report.answers).length > 0;
}

function planRound(parsed: ParsedImport, current: RoundDoc | undefined, at: string): RoundChange {
  const r = parsed.round;
  if (current === undefined) {
    const round: RoundDoc = {
      id: r.id,
      county: r.county,
      formId: r.formId ?? defaultFormId(r.reportingYear),
      reportingYear: r.reportingYear,
      deadline: r.deadline ?? defaultDeadline(r.reportingYear),
      staffIds: r.staffIds ?? [],
      ...(r.malform !== undefined ? { malform: r.malform } : {}),
      createdAt: at,
    };
    return { kind: "create", round };
  }
  // Absent optional values keep what is stored (they may have been set by hand or by an earlier file).
  const next: RoundDoc = {
    ...current,
    county: r.county,
    formId: r.formId ?? current.formId,
    deadline: r.deadline ?? current.deadline,
    staffIds: r.staffIds ?? current.staffIds,
    ...(r.malform !== undefined ? { malform: r.malform } : {}),
  };
  const fields = (["county", "formId", "deadline", "staffIds", "malform"] as const).filter(
    (f) => JSON.stringify(next[f]) !== JSON.stringify(current[f]),
  );
  return fields.length === 0
    ? { kind: "unchanged", round: current }
    : { kind: "update", round: next, fields };
}

function newReport(item: ImportedTiltak, round: RoundDoc, at: string, previous?: Previous): ReportDoc {
  return {
    ...(previous === undefined ? {} : { previous }),
    id: item.id,
    roundId: round.id,
    formId: round.formId,
    partnership: { ...item.partnership },
    tiltak: { ...item.tiltak },
    contact: { ...item.contact },
    coEditors: [],
    status: "draft",
    revision: 0,
    answers: {},
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The contact after an import: the file's, keeping the stored Entra id when the file gives none and the
 * e-mail is the same (the id then still belongs to this person); a new e-mail drops it.
 */
export function mergeContact(current: Contact, imported: Contact): Contact {
  const next: Contact = { name: imported.name, email: imported.email };
  if (imported.phone !== undefined) next.phone = imported.phone;
  if (imported.workplace !== undefined) next.workplace = imported.workplace;
  const sameEmail = current.email.trim().toLowerCase() === imported.email;
  const aadObjectId = imported.aadObjectId ?? (sameEmail ? current.aadObjectId : undefined);
  if (aadObjectId !== undefined) next.aadObjectId = aadObjectId;
  return next;
}

/**
 * The stored report with the file's description merged in; everything else is kept as it is. Last
 * round's answers are added to a report that has none yet (never replaced).
 */
export function mergeImported(
  current: ReportDoc,
  item: ImportedTiltak,
  formId: string,
  previous?: Previous,
): ReportDoc {
  return {
    ...current,
    ...(current.previous === undefined && previous !== undefined ? { previous } : {}),
    formId,
    partnership: { ...item.partnership },
    tiltak: { ...item.tiltak },
    contact: mergeContact(current.contact, item.contact),
  };
}

/** Which parts of the description differ between the stored report and the file. */
function changedFields(
  current: ReportDoc,
  item: ImportedTiltak,
  formId: string,
  previous?: Previous,
): ReportField[] {
  const next = mergeImported(current, item, formId, previous);
  return (["formId", "partnership", "tiltak", "contact", "previous"] as const).filter(
    (f) => canonical(next[f]) !== canonical(current[f]),
  );
}

/** JSON with sorted keys, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export interface ImportSummary {
  round: RoundChange["kind"];
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
}

export function summarize(plan: ImportPlan): ImportSummary {
  const count = (kind: ReportChange["kind"]) => plan.reports.filter((c) => c.kind === kind).length;
  return {
    round: plan.round.kind,
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    missing: count("missing"),
  };
}

/** Reads what a plan is made against: the round and all its reports. */
export async function loadExisting(
  repos: { rounds: RoundRepo; reports: ReportRepo },
  roundId: string,
): Promise<ExistingData> {
  const [round, reports] = await Promise.all([repos.rounds.get(roundId), repos.reports.listByRound(roundId)]);
  return round === undefined ? { reports } : { round, reports };
}

/**
 * Writes a plan. Changed reports are merged into the document as it is at write time (If-Match, retried
 * on a race), so an answer saved after planning survives. Throws when the plan has problems.
 */
export async function applyImport(
  plan: ImportPlan,
  repos: { rounds: RoundRepo; reports: ReportRepo },
  now: Date,
): Promise<ImportSummary> {
  if (plan.problems.length > 0) throw new Error(`Import refused: ${plan.problems.join(" ")}`);
  const at = now.toISOString();
  if (plan.round.kind !== "unchanged") await writeRound(repos.rounds, plan.round);
  const formId = plan.round.round.formId;
  for (const change of plan.reports) {
    if (change.kind === "create") {
      const exists = await repos.reports.get(plan.roundId, change.report.id);
      if (exists === undefined) await repos.reports.create(change.report);
      else await mergeInto(repos.reports, plan.roundId, change.item, formId, at, change.previous);
    } else if (change.kind === "update") {
      await mergeInto(repos.reports, plan.roundId, change.item, formId, at, change.previous);
    }
  }
  return summarize(plan);
}

/**
 * The round: created when new, else the file's fields merged into the round as it is at write time
 * (If-Match, retried on a race), so a staff channel bound or a digest recorded meanwhile survives.
 */
async function writeRound(rounds: RoundRepo, change: Exclude<RoundChange, { kind: "unchanged" }>) {
  const planned = change.round;
  if (change.kind === "create") {
    try {
      await rounds.create(planned);
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  const fields =
    change.kind === "update"
      ? change.fields
      : (["county", "formId", "deadline", "staffIds", "malform"] as const).filter(
          (f) => planned[f] !== undefined,
        );
  await rounds.updateWithRetry(planned.id, (doc) => ({
    ...doc,
    ...Object.fromEntries(fields.map((f) => [f, planned[f]])),
  }));
}

async function mergeInto(
  reports: ReportRepo,
  roundId: string,
  item: ImportedTiltak,
  formId: string,
  at: string,
  previous?: Previous,
): Promise<void> {
  await reports.updateWithRetry(roundId, item.id, (doc) =>
    changedFields(doc, item, formId, previous).length === 0
      ? undefined
      : { ...mergeImported(doc, item, formId, previous), updatedAt: at },
  );
}
