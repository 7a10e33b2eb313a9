/**
 * One section of a report as an Adaptive Card: header with progress, every question of the
 * section with its saved (or just typed) value, errors at the fields, and navigation.
 */
import { inputId, toRawInputs } from "../src/questionnaire/answers.ts";
import { fingerprint } from "../src/questionnaire/fingerprint.ts";
import type { Form, Question } from "../src/questionnaire/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { encodeFingerprints } from "./fingerprints.ts";
import { type CardJson, escapeMarkdown, render, shorten } from "./render.ts";
import template from "./report-section.card.json" with { type: "json" };
import { cardText } from "./strings.ts";
import { formatOsloTime } from "./time.ts";

/** Labels longer than this are shortened, with the full question text shown above the input. */
const LABEL_MAX = 120;
/** Single choice with more options than this is a dropdown instead of radio buttons. */
const RADIO_MAX = 5;
/** Hard cap for text inputs without a limit in the form (the server enforces the same). */
const TEXT_CAP = 4000;

/**
 * What a section card shows of a report: its ids, revision and stored answers, and the names for the
 * heading. `names` is absent when the report cannot be read (storage down): the card then shows the
 * typed values under a neutral heading.
 */
export interface SectionReport extends Pick<ReportDoc, "id" | "roundId" | "revision" | "answers"> {
  partnership?: { name: string };
  tiltak?: { name: string };
}

export interface SectionCardInput {
  form: Form;
  report: SectionReport;
  sectionIndex: number;
  /** Values as typed by the person (input id -> raw string), kept when something was wrong. */
  typed?: Record<string, unknown>;
  /** Errors by input id. */
  errors?: Record<string, string>;
  notice?: { text: string; style: "attention" | "good" | "warning" | "accent" };
  /**
   * Fingerprints to carry instead of those of the stored values (a card shown again after a failed
   * save must keep what the person's original card showed).
   */
  base?: Record<string, string>;
}

function sectionHeading(form: Form, index: number): string {
  const s = form.sections[index];
  return `Del ${index + 1} av ${form.sections.length} – ${s?.title ?? ""}`;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

function questionData(q: Question, input: SectionCardInput) {
  const stored = input.report.answers[q.id];
  const fromStore = stored === undefined ? {} : toRawInputs(q, stored);
  const typed = input.typed ?? {};
  const raw = (part?: "other" | "comment" | "season" | "year") => {
    const key = inputId(q.id, part);
    return key in typed ? str(typed[key]) : (fromStore[key] ?? "");
  };
  const errors = input.errors ?? {};
  const err = (part?: "other" | "comment" | "season" | "year") => errors[inputId(q.id, part)] ?? "";
  const mark = q.required ? " *" : "";
  const long = q.text.length > LABEL_MAX;
  const label = `${long ? shorten(q.text, LABEL_MAX) : q.text}${mark}`;
  const options = q.type === "yesno" ? ["Ja", "Nei"] : (q.options ?? []);
  const choices = options.map((title, i) => ({
    title,
    value: q.type === "yesno" ? (i === 0 ? "true" : "false") : String(i),
  }));
  if (q.allowOther) choices.push({ title: "Annet", value: String(options.length) });

  let kind: string;
  let textStyle = "text";
  let placeholder = "";
  switch (q.type) {
    case "longtext":
      kind = "multiline";
      break;
    case "integer":
      kind = "line";
      placeholder = "Heltall, f.eks. 12";
      break;
    case "amount_nok":
      kind = "line";
      placeholder = "Hele kroner, f.eks. 160 000";
      break;
    case "email":
      kind = "line";
      textStyle = "email";
      placeholder = "navn@eksempel.no";
      break;
    case "phone":
      kind = "line";
      textStyle = "tel";
      placeholder = "8 sifre, f.eks. 912 34 567";
      break;
    case "yesno":
    case "choice":
      kind = "choice";
      break;
    case "multichoice":
      kind = "multichoice";
      break;
    case "season_year":
      kind = "season_year";
      break;
    default:
      kind = "line";
  }
  const maxLength = q.maxLength ?? TEXT_CAP;
  const limitNote =
    q.maxLength !== null && (q.type === "text" || q.type === "longtext") ? `Høyst ${q.maxLength} tegn.` : "";
  return {
    id: inputId(q.id),
    kind,
    label,
    fullText: long ? q.text : "",
    help: [q.help ?? "", limitNote].filter((s) => s !== "").join(" "),
    value: raw(),
    textStyle,
    placeholder,
    maxLength,
    choiceStyle:
      q.type === "yesno" || options.length + (q.allowOther ? 1 : 0) <= RADIO_MAX ? "expanded" : "compact",
    choices,
    seasonId: inputId(q.id, "season"),
    seasonValue: raw("season"),
    yearId: inputId(q.id, "year"),
    yearLabel: `Årstall (${shorten(q.text, 60)})`,
    yearValue: raw("year"),
    error: [...new Set([err(), err("season")].filter((e) => e !== ""))].join(" "),
    yearError: err("year"),
    otherId: q.allowOther ? inputId(q.id, "other") : "",
    otherLabel: `Annet (${shorten(q.text, 60)}): beskriv`,
    otherValue: q.allowOther ? raw("other") : "",
    otherError: q.allowOther ? err("other") : "",
    commentId: q.comment ? inputId(q.id, "comment") : "",
    commentLabel: `Kommentar (${shorten(q.text, 60)})`,
    commentValue: q.comment ? raw("comment") : "",
    commentMaxLength: q.commentMaxLength ?? TEXT_CAP,
    commentError: q.comment ? err("comment") : "",
    changedBy:
      stored === undefined
        ? ""
        : `Sist endret av ${escapeMarkdown(stored.by.name)}, ${formatOsloTime(new Date(stored.at))}`,
  };
}

export function sectionCard(input: SectionCardInput): CardJson {
  const { form, report, sectionIndex } = input;
  const section = form.sections[sectionIndex];
  if (section === undefined) throw new Error(`Section ${sectionIndex} out of range for ${form.id}`);
  const isLast = sectionIndex === form.sections.length - 1;
  return render(template, {
    heading: sectionHeading(form, sectionIndex),
    subheading:
      report.partnership !== undefined && report.tiltak !== undefined
        ? `${escapeMarkdown(report.partnership.name)} – ${escapeMarkdown(report.tiltak.name)}`
        : cardText.sectionUnsaved,
    notice: input.notice?.text ?? "",
    noticeStyle: input.notice?.style ?? "default",
    intro: section.intro ?? "",
    questions: section.questions.map((q) => questionData(q, input)),
    nextTitle: isLast ? "Lagre og se gjennom" : "Lagre og fortsett",
    hasBack: sectionIndex > 0,
    isLast,
    roundId: report.roundId,
    reportId: report.id,
    sectionId: section.id,
    revision: report.revision,
    base: encodeFingerprints(
      Object.fromEntries(
        section.questions.map((q) => {
          const carried = input.base?.[q.id];
          if (carried !== undefined) return [q.id, carried];
          const stored = report.answers[q.id];
          return [q.id, fingerprint(q, stored === undefined ? {} : toRawInputs(q, stored))];
        }),
      ),
    ),
  });
}
