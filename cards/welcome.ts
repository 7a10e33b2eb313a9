/** The first card: which reports (tiltak) this person can work on, with progress. */
import type { Form } from "../src/questionnaire/types.ts";
import { sectionsDone } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { type CardJson, escapeMarkdown, render } from "./render.ts";
import { formatOsloTime } from "./time.ts";
import template from "./welcome.card.json" with { type: "json" };

export interface WelcomeItem {
  report: ReportDoc;
  form: Form;
  isContact: boolean;
}

export function welcomeCard(name: string, items: WelcomeItem[]): CardJson {
  const first = name.trim().split(" ")[0] ?? "";
  return render(template, {
    heading: first === "" ? "Hei!" : `Hei, ${escapeMarkdown(first)}!`,
    intro:
      items.length === 1
        ? "Her er rapporteringen du har tilgang til for desentralisert ordning. Trykk på tiltaket for å fortsette."
        : `Du har tilgang til ${items.length} rapporteringer for desentralisert ordning. Hvert kompetansetiltak rapporteres for seg – velg hvilket du vil jobbe med.`,
    reports: items.map(({ report, form, isContact }) => {
      const done = sectionsDone(form, report);
      const state =
        report.status === "submitted"
          ? `Sendt inn ${report.submittedAt ? formatOsloTime(new Date(report.submittedAt)) : ""}`.trim()
          : `${done} av ${form.sections.length} deler besvart`;
      return {
        title: escapeMarkdown(report.tiltak.name),
        details: `${escapeMarkdown(report.partnership.name)} · ${state}${isContact ? "" : " · du er medredaktør"}`,
        button: report.status === "submitted" ? `Se «${report.tiltak.name}»` : `Åpne «${report.tiltak.name}»`,
        isContact: isContact && report.status !== "submitted",
        coEditorsTitle: `Medredaktører (${report.coEditors.length})`,
        roundId: report.roundId,
        reportId: report.id,
      };
    }),
    footer: "Skriv «fortsett» for å gå rett videre, «status» for fremdrift eller «hjelp» for hjelp.",
  });
}
