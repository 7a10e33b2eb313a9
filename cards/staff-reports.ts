/** County staff's list of a round's reports: who has submitted, who is working, and a way to read each. */
import type { Form } from "../src/questionnaire/types.ts";
import { sectionsDone } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { type CardJson, escapeMarkdown, render } from "./render.ts";
import template from "./staff-reports.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

export function staffReportsCard(round: RoundDoc, form: Form, reports: ReportDoc[]): CardJson {
  const submitted = reports.filter((r) => r.status === "submitted").length;
  return render(template, {
    heading: `${escapeMarkdown(round.county)} – rapportering ${round.reportingYear}`,
    progress: `${submitted} av ${reports.length} levert · frist ${formatOsloTime(new Date(round.deadline))}`,
    reports: reports.map((r) => {
      const done = sectionsDone(form, r);
      const state =
        r.status === "submitted"
          ? `Levert ${formatOsloTime(new Date(r.submittedAt ?? r.updatedAt))}`
          : `${r.reopened ? "Gjenåpnet · " : ""}utkast, ${done} av ${form.sections.length} deler besvart`;
      return {
        title: `${escapeMarkdown(r.partnership.name)} – ${escapeMarkdown(r.tiltak.name)}`,
        details: `${state} · kontakt: ${escapeMarkdown(r.contact.name)}`,
        button: `Se «${r.tiltak.name}»`,
        roundId: r.roundId,
        reportId: r.id,
      };
    }),
  });
}
