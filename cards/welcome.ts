/** The first card: which reports (tiltak) this person can work on, with progress and the deadline. */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Form } from "../src/questionnaire/types.ts";
import { sectionsDone } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { deadlineLine, isPastDeadline } from "./deadline.ts";
import { type CardJson, render } from "./render.ts";
import { formatOsloTime } from "./time.ts";
import template from "./welcome.card.json" with { type: "json" };

export interface WelcomeItem {
  report: ReportDoc;
  form: Form;
  isContact: boolean;
  /** Asked to approve it (read only), not a contact or co-editor. */
  approver?: boolean;
  /** The round's deadline (ISO), when known. */
  deadline?: string;
}

export function welcomeCard(
  name: string,
  items: WelcomeItem[],
  now: Date = new Date(),
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const t = texts(lang).welcome;
  const approvalText = texts(lang).approvals;
  const first = name.trim().split(" ")[0] ?? "";
  const deadlines = new Set(items.map((i) => i.deadline ?? ""));
  // One deadline for all (the usual case) goes under the intro; different ones go under each tiltak.
  const shared = deadlines.size === 1 ? (items[0]?.deadline ?? "") : "";
  const line = (d: string | undefined) => (d ? deadlineLine(d, now, lang) : "");
  return render(template, {
    heading: first === "" ? t.helloNoName : t.hello(first),
    intro: items.length === 1 ? t.introOne : t.introMany(items.length),
    deadline: line(shared),
    deadlineColor: shared !== "" && isPastDeadline(shared, now) ? "Attention" : "Default",
    reports: items.map(({ report, form, isContact, approver, deadline }) => {
      const done = sectionsDone(form, report);
      const submitted = report.status === "submitted";
      const state = submitted
        ? t.submitted(report.submittedAt ? formatOsloTime(new Date(report.submittedAt), lang) : "")
        : t.progress(done, form.sections.length);
      const role = isContact ? "" : approver ? approvalText.welcomeSuffix : t.coEditorSuffix;
      return {
        title: report.tiltak.name,
        details: `${report.partnership.name} · ${state}${role}`,
        deadline: shared === "" && !submitted ? line(deadline) : "",
        button: submitted
          ? t.see(report.tiltak.name)
          : approver
            ? approvalText.welcomeOpen(report.tiltak.name)
            : t.open(report.tiltak.name),
        isContact: isContact && !submitted,
        coEditorsTitle: t.coEditors(report.coEditors.length),
        roundId: report.roundId,
        reportId: report.id,
      };
    }),
    footer: t.footer,
    // The other written standard, one press away (stored on the person).
    langOther: t.langOther,
    otherLang: lang === "nn" ? "nb" : "nn",
  });
}
