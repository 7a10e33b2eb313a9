/**
 * Review before sending: every answer per section with "Endre", and "Send inn" only for the
 * contact person when nothing blocks. The same card shows a submitted report read-only.
 */
import type { Role } from "../src/people/access.ts";
import { formatAnswer } from "../src/questionnaire/answers.ts";
import type { Form } from "../src/questionnaire/types.ts";
import { submitBlockers } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { type CardJson, escapeMarkdown, render, shorten } from "./render.ts";
import template from "./report-review.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

/** Answers are shortened in the review so the whole report fits one card; "Endre" shows all. */
const ANSWER_MAX = 400;

export interface ReviewCardInput {
  form: Form;
  report: ReportDoc;
  role: Role;
  notice?: { text: string; style: "attention" | "good" | "warning" | "accent" };
  /** Staff reopening: the typed reason and its error, kept when something was wrong. */
  reopen?: { reason: string; error: string };
}

export function reviewCard({ form, report, role, notice, reopen }: ReviewCardInput): CardJson {
  const submitted = report.status === "submitted";
  const editable = !submitted && (role === "contact" || role === "coeditor");
  const blockers = submitBlockers(form, report);
  const ready = blockers.missing.length === 0 && !blockers.unconfirmed && !blockers.periodInvalid;
  const canSubmit = editable && role === "contact" && ready;

  let footer = "";
  if (submitted) {
    footer = `Sendt inn ${formatOsloTime(new Date(report.submittedAt ?? report.updatedAt))} av ${escapeMarkdown(report.submittedBy?.name ?? "")}. Referanse: ${report.receipt ?? ""}.`;
  } else if (!ready) {
    const parts: string[] = [];
    if (blockers.missing.length > 0)
      parts.push(`${blockers.missing.length} obligatoriske spørsmål mangler svar (merket «Mangler svar»).`);
    if (blockers.periodInvalid) parts.push("Sluttidspunktet kan ikke være før oppstartstidspunktet.");
    if (blockers.unconfirmed)
      parts.push("Bekreftelsen om at rapporteringen er gjort i samråd med partnerskapet må være «Ja».");
    footer = `Før rapporteringen kan sendes inn: ${parts.join(" ")}`;
  } else if (role !== "contact") {
    footer = "Alt er besvart. Bare kontaktpersonen kan sende inn rapporteringen.";
  } else {
    footer =
      "Alt er besvart. Når du trykker «Send inn», går rapporteringen til Statsforvalteren og kan ikke lenger endres.";
  }

  return render(template, {
    heading: submitted ? "Innsendt rapportering" : "Se gjennom og send inn",
    subheading: `${escapeMarkdown(report.partnership.name)} – ${escapeMarkdown(report.tiltak.name)}`,
    notice: notice?.text ?? "",
    noticeStyle: notice?.style ?? "default",
    sections: form.sections.map((s, index) => ({
      title: `Del ${index + 1} – ${s.title}`,
      editable,
      editTitle: `Endre del ${index + 1}`,
      index,
      roundId: report.roundId,
      reportId: report.id,
      answers: s.questions.map((q) => {
        const a = report.answers[q.id];
        return {
          question: escapeMarkdown(shorten(q.text, 160)),
          answer:
            a === undefined
              ? q.required
                ? "Mangler svar"
                : "Ikke besvart"
              : escapeMarkdown(shorten(formatAnswer(q, a), ANSWER_MAX)),
          color: a === undefined && q.required ? "Attention" : "Default",
          by:
            a === undefined
              ? ""
              : `Sist endret av ${escapeMarkdown(a.by.name)}, ${formatOsloTime(new Date(a.at))}`,
        };
      }),
    })),
    footer:
      !submitted && report.reopened
        ? `Gjenåpnet av Statsforvalteren ${formatOsloTime(new Date(report.reopened.at))}: ${escapeMarkdown(report.reopened.reason)}\n\n${footer}`
        : footer,
    canSubmit,
    canReopen: submitted && role === "staff",
    reopenReason: reopen?.reason ?? "",
    reopenError: reopen?.error ?? "",
    editableReport: editable,
    roundId: report.roundId,
    reportId: report.id,
    revision: report.revision,
  });
}
