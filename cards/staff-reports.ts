/** County staff's list of a round's reports: who has submitted, who is working, and a way to read each. */
import type { Form } from "../src/questionnaire/types.ts";
import { sectionsDone } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { displayText } from "../src/text/typed-text.ts";
import { ownRun, personRun, reportTitleRuns } from "./person-text.ts";
import { type CardJson, render } from "./render.ts";
import template from "./staff-reports.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

export function staffReportsCard(round: RoundDoc, form: Form, reports: ReportDoc[]): CardJson {
  const submitted = reports.filter((r) => r.status === "submitted").length;
  return render(template, {
    heading: [
      personRun(round.county, { weight: "Bolder", size: "Medium" }),
      ownRun(` – rapportering ${round.reportingYear}`, { weight: "Bolder", size: "Medium" }),
    ],
    progress: `${submitted} av ${reports.length} levert · frist ${formatOsloTime(new Date(round.deadline))}`,
    reports: reports.map((r) => {
      const done = sectionsDone(form, r);
      const state =
        r.status === "submitted"
          ? `Levert ${formatOsloTime(new Date(r.submittedAt ?? r.updatedAt))}`
          : `${r.reopened ? "Gjenåpnet · " : ""}utkast, ${done} av ${form.sections.length} deler besvart`;
      return {
        title: reportTitleRuns(r, { weight: "Bolder" }),
        details: [
          ownRun(`${state} · kontakt: `, { isSubtle: true }),
          personRun(r.contact.name, { isSubtle: true }),
        ],
        button: `Se «${displayText(r.tiltak.name)}»`,
        roundId: r.roundId,
        reportId: r.id,
      };
    }),
  });
}
