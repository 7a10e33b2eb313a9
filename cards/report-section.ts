/**
 * One page of a report section as an Adaptive Card: header with progress and the deadline, the page's
 * questions (at most ~10 inputs, see src/questionnaire/pages.ts) with their saved, pre-filled or just
 * typed values, errors at the fields and named in the banner, and navigation.
 *
 * Each question's text appears once, as its input's label; the form's help text sits under it in a
 * smaller, subtle style; "Annet" and comment fields follow right under with short labels.
 */
import { ATTACHMENTS_PER_REPORT, asksForAttachments } from "../src/attachments/attachment-rules.ts";
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { inputId, toRawInputs } from "../src/questionnaire/answers.ts";
import { fingerprint, PREFILL_MARK } from "../src/questionnaire/fingerprint.ts";
import { formIn } from "../src/questionnaire/form-lang.ts";
import { errorsOfQuestion } from "../src/questionnaire/input-ids.ts";
import { optionIds, optionLabel } from "../src/questionnaire/options.ts";
import { choiceStyle, type Page, pageAt } from "../src/questionnaire/pages.ts";
import type { Form, Question } from "../src/questionnaire/types.ts";
import { type Prefill, type PrefillReport, prefillOf } from "../src/reports/prefill.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { confirmationHelpRuns } from "./approval-blocks.ts";
import { attachmentItems, type FileResult, resultLines } from "./attachment-cards.ts";
import { deadlineLine } from "./deadline.ts";
import { encodeFingerprints } from "./fingerprints.ts";
import { personRun } from "./person-text.ts";
import { type CardJson, render, shorten } from "./render.ts";
import template from "./report-section.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

/** Hard cap for text inputs without a limit in the form (the server enforces the same). */
const TEXT_CAP = 4000;
/** Short names in the "Sjekk: …" banner for questions without a shortLabel in the form. */
const SHORT_NAME_MAX = 40;

type SectionTexts = ReturnType<typeof texts>["section"];

/**
 * What a section card shows of a report: its ids, revision and stored answers, and the names for the
 * heading. `names` is absent when the report cannot be read (storage down): the card then shows the
 * typed values under a neutral heading.
 */
export interface SectionReport
  extends Pick<
      ReportDoc,
      "id" | "roundId" | "revision" | "answers" | "approvers" | "cleared" | "attachments"
    >,
    PrefillReport {
  partnership?: { name: string };
  tiltak?: { name: string; caseNumber?: string };
}

export interface SectionCardInput {
  form: Form;
  report: SectionReport;
  sectionIndex: number;
  /** The page within the section (0 when absent; clamped into the section). */
  page?: number;
  /** Values as typed by the person (input id -> raw string), kept when something was wrong. */
  typed?: Record<string, unknown>;
  /** Errors by input id. */
  errors?: Record<string, string>;
  /** `lines` hold person text (what someone typed): literal runs under the notice, never Markdown. */
  notice?: { text: string; style: "attention" | "good" | "warning" | "accent"; lines?: string[] };
  /**
   * Fingerprints to carry instead of those of the stored values (a card shown again after a failed
   * save must keep what the person's original card showed).
   */
  base?: Record<string, string>;
  /** ISO instant of the round's deadline, shown in the header when given. */
  deadline?: string;
  /** "Now" for the days left (defaults to the system clock). */
  now?: Date;
  /** The reader's written standard (bokmål when absent). */
  lang?: Lang;
  /** What happened to files just sent or removed (shown under the notice). */
  fileResults?: readonly FileResult[];
}

export function sectionHeading(form: Form, index: number, page = 0, lang: Lang = DEFAULT_LANG): string {
  const s = form.sections[index];
  const p = pageAt(form, index, page);
  return texts(lang).section.heading(
    index + 1,
    form.sections.length,
    s?.title ?? "",
    (p?.index ?? 0) + 1,
    p?.count ?? 1,
  );
}

/** A question's short name, for the banner that lists what to fix. */
function shortName(q: Question): string {
  return q.shortLabel ?? shorten(q.text.replace(/[:?.]\s*$/, ""), SHORT_NAME_MAX);
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** "Sist endret av …" only says something when more than one person has edited the report. */
function editorCount(report: SectionReport): number {
  return new Set(Object.values(report.answers).map((a) => a.by.id)).size;
}

function kindOf(q: Question, S: SectionTexts): { kind: string; textStyle: string; placeholder: string } {
  const line = (textStyle = "text", placeholder = "") => ({ kind: "line", textStyle, placeholder });
  switch (q.type) {
    case "longtext":
      return { kind: "multiline", textStyle: "text", placeholder: "" };
    case "integer":
      return line("text", S.placeholders.integer);
    case "amount_nok":
      return line("text", S.placeholders.amount);
    case "email":
      return line("email", S.placeholders.email);
    case "phone":
      return line("tel", S.placeholders.phone);
    case "yesno":
    case "choice":
      return { kind: "choice", textStyle: "text", placeholder: "" };
    case "multichoice":
      return { kind: "multichoice", textStyle: "text", placeholder: "" };
    case "season_year":
      return { kind: "season_year", textStyle: "text", placeholder: "" };
    default:
      return line();
  }
}

/** `q` is the official question (values, limits), `shownQ` the same in the reader's language (texts). */
function questionData(
  q: Question,
  shownQ: Question,
  input: SectionCardInput,
  prefill: Prefill | undefined,
  fromStore: Record<string, string>,
  many: boolean,
  S: SectionTexts,
  page: number,
) {
  const lang = input.lang ?? DEFAULT_LANG;
  const asksForFiles = asksForAttachments(q);
  const stored = input.report.answers[q.id];
  const typed = input.typed ?? {};
  const raw = (part?: "other" | "comment" | "season" | "year") => {
    const key = inputId(q.id, part);
    return key in typed ? str(typed[key]) : (fromStore[key] ?? "");
  };
  const errors = input.errors ?? {};
  const err = (part?: "other" | "comment" | "season" | "year") => errors[inputId(q.id, part)] ?? "";
  const choices =
    q.type === "yesno"
      ? [
          { title: S.yes, value: "true" },
          { title: S.no, value: "false" },
        ]
      : optionIds(q).map((id) => ({ title: optionLabel(q, id, lang), value: id }));
  const limitNote =
    q.maxLength !== null && (q.type === "text" || q.type === "longtext") ? S.limit(q.maxLength) : "";
  const typedHere = Object.keys(typed).some((k) => k === q.id || k.startsWith(`${q.id}__`));
  return {
    id: inputId(q.id),
    ...kindOf(q, S),
    label: `${shownQ.text}${q.required ? " *" : ""}`,
    help: [shownQ.help ?? "", limitNote].filter((s) => s !== "").join(" "),
    prefillNote:
      stored === undefined && prefill !== undefined && !typedHere
        ? prefill.kind === "previous"
          ? S.prefilledPrevious
          : S.prefilledKnown
        : "",
    attachNote: asksForFiles
      ? S.attachments(input.report.attachments?.length ?? 0, ATTACHMENTS_PER_REPORT)
      : "",
    attachments: asksForFiles
      ? attachmentItems(input.report, { canRemove: true, view: "section", page, lang })
      : [],
    // The form's own approval question (2021: 2.4): the approvals recorded in the bot, as help only.
    approvalRuns: q.id === input.form.confirmationQuestionId ? confirmationHelpRuns(input.report, lang) : [],
    value: raw(),
    maxLength: q.maxLength ?? TEXT_CAP,
    choiceStyle: choiceStyle(q),
    choices,
    seasonId: inputId(q.id, "season"),
    seasonValue: raw("season"),
    yearId: inputId(q.id, "year"),
    yearLabel: S.yearLabel,
    yearValue: raw("year"),
    error: joinedErrors(err(), err("season")),
    yearError: err("year"),
    otherId: q.allowOther ? inputId(q.id, "other") : "",
    otherLabel: S.otherLabel,
    otherValue: q.allowOther ? raw("other") : "",
    otherError: q.allowOther ? err("other") : "",
    commentId: q.comment ? inputId(q.id, "comment") : "",
    commentLabel: S.commentLabel,
    commentValue: q.comment ? raw("comment") : "",
    commentMaxLength: q.commentMaxLength ?? TEXT_CAP,
    commentError: q.comment ? err("comment") : "",
    changedBy:
      stored === undefined || !many
        ? ""
        : S.changedBy(stored.by.name, formatOsloTime(new Date(stored.at), lang)),
  };
}

/** The main input's error and the season's, each once, space-separated ("" when none). */
function joinedErrors(main: string, season: string): string {
  if (main === "" || season === "" || main === season) return main === "" ? season : main;
  return `${main} ${season}`;
}

/** The inputs a question's card shows from storage: the stored answer, else a pre-fill, else none. */
function shownInputs(q: Question, input: SectionCardInput, prefill: Prefill | undefined) {
  const shown = input.report.answers[q.id] ?? prefill?.content;
  return shown === undefined ? {} : toRawInputs(q, shown);
}

/**
 * What the card's fingerprints say it showed: stored values, or a pre-fill marked as such (`fromStore`:
 * each question's shownInputs).
 */
function baseOf(
  page: Page,
  input: SectionCardInput,
  prefills: Map<string, Prefill>,
  fromStore: Map<string, Record<string, string>>,
): string {
  return encodeFingerprints(
    Object.fromEntries(
      page.questions.map((q) => {
        const carried = input.base?.[q.id];
        if (carried !== undefined) return [q.id, carried];
        const raw = fromStore.get(q.id) ?? {};
        if (input.report.answers[q.id] === undefined && prefills.has(q.id))
          return [q.id, PREFILL_MARK + fingerprint(q, raw)];
        return [q.id, fingerprint(q, raw)];
      }),
    ),
  );
}

export function sectionCard(input: SectionCardInput): CardJson {
  const { report, sectionIndex } = input;
  const lang = input.lang ?? DEFAULT_LANG;
  const S = texts(lang).section;
  const form = input.form;
  // The form's texts in the reader's written standard (same ids, option order and values).
  const shown = formIn(form, lang);
  const shownQ = new Map(shown.sections[sectionIndex]?.questions.map((q) => [q.id, q]));
  const seen = (q: Question): Question => shownQ.get(q.id) ?? q;
  const section = form.sections[sectionIndex];
  const page = pageAt(form, sectionIndex, input.page ?? 0);
  if (section === undefined || page === undefined)
    throw new Error(`Section ${sectionIndex} out of range for ${form.id}`);
  const isLast = sectionIndex === form.sections.length - 1 && page.index === page.count - 1;
  const prefills = new Map(
    page.questions.flatMap((q) => {
      const p = prefillOf(q, report);
      return p === undefined ? [] : [[q.id, p] as const];
    }),
  );
  const fromStore = new Map(page.questions.map((q) => [q.id, shownInputs(q, input, prefills.get(q.id))]));
  const many = editorCount(report) > 1;
  const wrong = page.questions.filter((q) => errorsOfQuestion(q, input.errors ?? {}).length > 0);
  const now = input.now ?? new Date();
  const passed = input.deadline !== undefined && now.getTime() > Date.parse(input.deadline);
  return render(template, {
    t: S.card,
    heading: sectionHeading(shown, sectionIndex, page.index, lang),
    // Names as typed in the import: TextRuns (never Markdown).
    subheading:
      report.partnership !== undefined && report.tiltak !== undefined
        ? `${report.partnership.name} – ${report.tiltak.name}`
        : S.unsaved,
    deadline: input.deadline === undefined ? "" : deadlineLine(input.deadline, now, lang),
    deadlinePassed: passed,
    deadlineColor: passed ? "Attention" : "Default",
    notice: input.notice?.text ?? "",
    noticeLines: (input.notice?.lines ?? []).map((line) => ({ runs: [personRun(line)] })),
    fix: wrong.length > 0 && input.notice !== undefined ? S.fix(wrong.map((q) => shortName(seen(q)))) : "",
    noticeStyle: input.notice?.style ?? "default",
    intro: page.index === 0 ? (shown.sections[sectionIndex]?.intro ?? "") : "",
    fileLines: resultLines(input.fileResults ?? [], lang),
    questions: page.questions.map((q) =>
      questionData(q, seen(q), input, prefills.get(q.id), fromStore.get(q.id) ?? {}, many, S, page.index),
    ),
    nextTitle: isLast ? S.nextLast : S.next,
    hasBack: sectionIndex > 0 || page.index > 0,
    isLast,
    roundId: report.roundId,
    reportId: report.id,
    sectionId: section.id,
    page: page.index,
    revision: report.revision,
    base: baseOf(page, input, prefills, fromStore),
  });
}
