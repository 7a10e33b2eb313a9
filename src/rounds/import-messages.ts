/**
 * The import's plan in words: one line per change of a plan, and the summaries, in the reader's
 * language (texts in src/i18n/<lang>/imports.ts; bokmål by default).
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { formTitle, tiltakName, tiltakTitle } from "./import-names.ts";
import type { ImportPlan, ImportSummary, ReportChange } from "./import-plan.ts";
import { formatDeadline } from "./round.ts";

/** The tiltak a change is about (the stored report, or the file's row). */
function subject(change: ReportChange) {
  return change.kind === "create" || change.kind === "missing" ? change.report : change.item;
}

function title(change: ReportChange): string {
  return tiltakName(subject(change));
}

/** One line per change: "+" new, "~" changed, "=" unchanged, "!" only in the database. */
export function planLines(plan: ImportPlan, lang: Lang = DEFAULT_LANG): string[] {
  const t = texts(lang).imports;
  const lines: string[] = [];
  const { round } = plan;
  const r = round.round;
  const about = t.about(r.county, r.reportingYear, r.formId, formatDeadline(r.deadline));
  if (round.kind === "create") lines.push(t.newRound(r.id, about));
  else if (round.kind === "update") {
    lines.push(t.changedRound(r.id, round.fields.map((f) => t.roundFields[f]).join(", "), about));
  } else lines.push(t.unchangedRound(r.id, about));

  for (const change of plan.reports) {
    switch (change.kind) {
      case "create":
        lines.push(t.newReport(change.report.id, title(change)));
        break;
      case "update":
        lines.push(
          t.changedReport(change.id, change.fields.map((f) => t.reportFields[f]).join(", "), title(change)),
        );
        break;
      case "unchanged":
        lines.push(t.unchangedReport(change.id, title(change)));
        break;
      case "missing":
        lines.push(t.missingReport(change.id, title(change)));
        break;
    }
  }
  return lines;
}

/**
 * The plan for staff in Teams (cards/import-plan.ts): the same lines as planLines, in words and without
 * our internal ids (tiltak and round ids, form ids), which the command line keeps.
 */
export function planCardLines(plan: ImportPlan, lang: Lang = DEFAULT_LANG): string[] {
  const t = texts(lang).imports.card;
  const { round } = plan;
  const r = round.round;
  const about = t.about(r.county, r.reportingYear, formTitle(r.formId, lang), formatDeadline(r.deadline));
  const fieldNames = texts(lang).imports;
  const lines: string[] = [];
  if (round.kind === "create") lines.push(t.newRound(about));
  else if (round.kind === "update")
    lines.push(t.changedRound(round.fields.map((f) => fieldNames.roundFields[f]).join(", "), about));
  else lines.push(t.unchangedRound(about));
  for (const change of plan.reports) {
    const what = tiltakTitle(subject(change), lang);
    if (change.kind === "create") lines.push(t.newReport(what));
    else if (change.kind === "update")
      lines.push(t.changedReport(change.fields.map((f) => fieldNames.reportFields[f]).join(", "), what));
    else if (change.kind === "unchanged") lines.push(t.unchangedReport(what));
    else lines.push(t.missingReport(what));
  }
  return lines;
}

/** "ny runde; 10 nye, 0 endret, 0 uendret rapporteringer; 0 bare i databasen (ikke slettet)" */
export function summaryText(s: ImportSummary, lang: Lang = DEFAULT_LANG): string {
  const t = texts(lang).imports;
  return t.summary(t.roundSummary[s.round], s);
}
