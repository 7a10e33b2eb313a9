/**
 * Norwegian texts of the import: one line per change of a plan, and the summaries.
 */
import type { ImportPlan, ImportSummary, ReportChange, ReportField, RoundField } from "./import-plan.ts";
import { formatDeadline } from "./round.ts";

const ROUND_FIELD_NAMES: Record<RoundField, string> = {
  county: "fylke",
  formId: "skjema",
  deadline: "frist",
  staffIds: "ansatte",
  malform: "målform",
};

const REPORT_FIELD_NAMES: Record<ReportField, string> = {
  formId: "skjema",
  partnership: "partnerskap",
  tiltak: "tiltak",
  contact: "kontaktperson",
  previous: "svar fra fjorårets rapportering",
};

function title(change: ReportChange): string {
  const r = change.kind === "create" || change.kind === "missing" ? change.report : change.item;
  return `${r.partnership.name} – ${r.tiltak.name}`;
}

/** One line per change: "+" new, "~" changed, "=" unchanged, "!" only in the database. */
export function planLines(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const { round } = plan;
  const r = round.round;
  const about = `${r.county} ${r.reportingYear}, skjema ${r.formId}, frist ${formatDeadline(r.deadline)}`;
  if (round.kind === "create") lines.push(`+ ny runde ${r.id}: ${about}`);
  else if (round.kind === "update") {
    lines.push(
      `~ endret runde ${r.id}: ${round.fields.map((f) => ROUND_FIELD_NAMES[f]).join(", ")} (${about})`,
    );
  } else lines.push(`= uendret runde ${r.id}: ${about}`);

  for (const change of plan.reports) {
    switch (change.kind) {
      case "create":
        lines.push(`+ ny rapportering ${change.report.id}: ${title(change)}`);
        break;
      case "update":
        lines.push(
          `~ endret ${change.id}: ${change.fields.map((f) => REPORT_FIELD_NAMES[f]).join(", ")} (${title(change)})`,
        );
        break;
      case "unchanged":
        lines.push(`= uendret ${change.id}: ${title(change)}`);
        break;
      case "missing":
        lines.push(`! ${change.id} (${title(change)}) finnes i databasen, men ikke i filen — ikke slettet`);
        break;
    }
  }
  return lines;
}

const ROUND_SUMMARY: Record<ImportSummary["round"], string> = {
  create: "ny runde",
  update: "runden endret",
  unchanged: "runden uendret",
};

/** "ny runde; 10 nye, 0 endret, 0 uendret rapporteringer; 0 bare i databasen" */
export function summaryText(s: ImportSummary): string {
  return (
    `${ROUND_SUMMARY[s.round]}; ${s.created} nye, ${s.updated} endret, ${s.unchanged} uendret ` +
    `rapporteringer; ${s.missing} bare i databasen (ikke slettet)`
  );
}

export const IMPORT_TEXT = {
  usage: "Bruk: npm run import -- <fil.xlsx|fil.csv|fil.json> [--dry-run]",
  unknownOption: (option: string) => `Ukjent valg «${option}».`,
  cannotRead: (file: string, reason: string) => `Kan ikke lese «${file}»: ${reason}`,
  invalid: (file: string, count: number) => `«${file}» har ${count} feil. Ingenting er lagret.`,
  refused: "Importen stoppes. Ingenting er lagret.",
  dryRun: (summary: string) => `Tørrkjøring: ingenting er lagret. Dette ville blitt gjort: ${summary}.`,
  done: (summary: string) => `Import fullført: ${summary}.`,
  embeddedStore: (dataDir: string) =>
    `Bruker den innebygde lokale databasen (lagres i ${dataDir}). Stopp «npm run dev» før import, ` +
    "ellers kan endringene bli overskrevet.",
} as const;
