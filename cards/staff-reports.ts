/** County staff's list of a round's reports: who has submitted, who is working, and a way to read each. */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Form } from "../src/questionnaire/types.ts";
import { sectionsDone } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { displayText } from "../src/text/typed-text.ts";
import { ownRun, personRun, reportTitleRuns } from "./person-text.ts";
import { type CardJson, render } from "./render.ts";
import template from "./staff-reports.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

export function staffReportsCard(
  round: RoundDoc,
  form: Form,
  reports: ReportDoc[],
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const t = texts(lang).staff.reports;
  const submitted = reports.filter((r) => r.status === "submitted").length;
  return render(template, {
    heading: [
      personRun(round.county, { weight: "Bolder", size: "Medium" }),
      ownRun(t.heading(round.reportingYear), { weight: "Bolder", size: "Medium" }),
    ],
    progress: t.progress(submitted, reports.length, formatOsloTime(new Date(round.deadline), lang)),
    reports: reports.map((r) => {
      const done = sectionsDone(form, r);
      const state =
        r.status === "submitted"
          ? t.submitted(formatOsloTime(new Date(r.submittedAt ?? r.updatedAt), lang))
          : t.draft(r.reopened !== undefined, done, form.sections.length);
      return {
        title: reportTitleRuns(r, { weight: "Bolder" }),
        details: [
          ownRun(t.contact(state), { isSubtle: true }),
          personRun(r.contact.name, { isSubtle: true }),
        ],
        button: t.see(displayText(r.tiltak.name)),
        roundId: r.roundId,
        reportId: r.id,
      };
    }),
  });
}
