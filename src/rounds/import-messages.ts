/**
 * The import's plan in words: one line per change of a plan, and the summaries, in the reader's
 * language (texts in src/i18n/<lang>/imports.ts; bokmål by default).
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { loadForms } from "../questionnaire/form.ts";
import { formIn } from "../questionnaire/form-lang.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ImportPlan, ImportSummary, ReportChange } from "./import-plan.ts";
import { formatDeadline } from "./round.ts";

function title(change: ReportChange): string {
  const r = change.kind === "create" || change.kind === "missing" ? change.report : change.item;
  return `${r.partnership.name} – ${r.tiltak.name}`;
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

let forms: Map<string, Form> | undefined;
/** A form's title in the reader's language; its id when the form is unknown. */
function formTitle(formId: string, lang: Lang): string {
  forms ??= loadForms();
  const form = forms.get(formId);
  return form === undefined ? formId : formIn(form, lang).title;
}

/** "Salten regionråd – Lesing i alle fag (saksnr. 2024/1234)": what staff know a tiltak by. */
function cardTitle(change: ReportChange, lang: Lang): string {
  const r = change.kind === "create" || change.kind === "missing" ? change.report : change.item;
  const caseNumber = r.tiltak.caseNumber;
  return caseNumber ? texts(lang).imports.card.withCase(title(change), caseNumber) : title(change);
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
    const what = cardTitle(change, lang);
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
