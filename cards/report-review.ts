/**
 * Review before sending: every answer in full (with its comment) per section with "Endre", the
 * plausibility warnings to confirm ("Stemmer") or fix ("Endre"), the deadline, and "Send inn" only
 * for the contact person when nothing blocks. Long reports are split over pages ("Side 1 av 3",
 * "Neste side") so each card stays well under Teams' size limit. The same card shows a submitted
 * report read-only. Person-typed text is in TextRuns (no Markdown).
 */
import { onlyFilesText } from "../src/attachments/attachment-rules.ts";
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Role } from "../src/people/access.ts";
import { formatAnswer } from "../src/questionnaire/answers.ts";
import { formIn } from "../src/questionnaire/form-lang.ts";
import type { Form, Question } from "../src/questionnaire/types.ts";
import { warningsFor } from "../src/reports/plausibility.ts";
import { submitBlockers } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { displayText } from "../src/text/typed-text.ts";
import { type ApproverInput, approvalReviewData } from "./approval-blocks.ts";
import { attachmentItems } from "./attachment-cards.ts";
import { cardBytes } from "./card-size.ts";
import { deadlineLine, isPastDeadline } from "./deadline.ts";
import { type CardJson, CardTooLargeError, render } from "./render.ts";
import template from "./report-review.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

/** Size budget per review page (Teams counts UTF-16: 2 bytes per character); the limit is ~100 KB. */
export const REVIEW_PAGE_BYTES = 40 * 1024;

export interface ReviewCardInput {
  form: Form;
  report: ReportDoc;
  role: Role;
  notice?: { text: string; style: "attention" | "good" | "warning" | "accent" };
  /** Staff reopening: the typed reason and its error, kept when something was wrong. */
  reopen?: { reason: string; error: string };
  /** Page of a long review (0-based); out of range shows the last page. */
  page?: number;
  /** The round's deadline (ISO) and the time now, for the deadline line. */
  deadline?: string;
  now?: Date;
  /** The reader's written standard (bokmål when absent). */
  lang?: Lang;
  /** An approver's typed comment and its error (approval before sending). */
  approver?: ApproverInput;
}

interface AnswerItem {
  question: string;
  answer: string;
  color: string;
  comment: string;
  commentLabel: string;
  by: string;
}
interface Block {
  sectionIndex: number;
  continued: boolean;
  answers: AnswerItem[];
}

/** Teams' size of a value; a card render() returned is not encoded again (card-size.ts). */
const bytes = cardBytes;

/** What an unanswered question says: missing, not answered, or (the attachments question) the files. */
function unanswered(q: Question, report: ReportDoc, lang: Lang): string {
  const t = texts(lang).review;
  return onlyFilesText(q, report, lang) ?? (q.required ? t.missing : t.notAnswered);
}

/** Every answer of the report, in form order, as card data. */
function answerItems(form: Form, report: ReportDoc, lang: Lang): AnswerItem[][] {
  const t = texts(lang).review;
  const shown = formIn(form, lang);
  const editors = new Set(Object.values(report.answers).map((a) => a.by.id));
  const showBy = editors.size > 1;
  return form.sections.map((s, si) =>
    s.questions.map((q, qi) => {
      const a = report.answers[q.id];
      return {
        question: shown.sections[si]?.questions[qi]?.text ?? q.text,
        answer: a === undefined ? unanswered(q, report, lang) : formatAnswer(q, a, lang),
        color: a === undefined && q.required ? "Attention" : "Default",
        comment: a?.comment ?? "",
        commentLabel: t.commentLabel,
        by: a !== undefined && showBy ? t.lastChangedBy(a.by.name, formatOsloTime(new Date(a.at), lang)) : "",
      };
    }),
  );
}

/** Packs the answers into pages under the size budget; a section may continue on the next page. */
function paginate(sections: AnswerItem[][], budget: { first: number; rest: number }): Block[][] {
  const pages: Block[][] = [[]];
  let used = 0;
  sections.forEach((answers, sectionIndex) => {
    let block: Block | undefined;
    answers.forEach((item, i) => {
      const size = bytes(item) + 1200; // the elements around the item's values
      if (used + size > (pages.length === 1 ? budget.first : budget.rest) && used > 0) {
        pages.push([]);
        used = 0;
        block = undefined;
      }
      if (block === undefined) {
        block = { sectionIndex, continued: i > 0, answers: [] };
        pages.at(-1)?.push(block);
        used += 800; // the section header
      }
      block.answers.push(item);
      used += size;
    });
  });
  return pages;
}

/** The review card for one page of the report. */
export function reviewCard(input: ReviewCardInput): CardJson {
  const { form, report } = input;
  const items = answerItems(form, report, input.lang ?? DEFAULT_LANG);
  // What a page costs without its answers (header, warnings, footer, actions), measured on page 1.
  const whole = renderIfFits(cardData(input, onePage(items), 0, 1));
  if (whole !== undefined) return whole;
  const pages = pagesOf(input, items);
  const page = Math.min(Math.max(input.page ?? 0, 0), pages.length - 1);
  return render(template, cardData(input, pages[page] ?? [], page, pages.length));
}

/** The rendered card when it is within the page budget, else undefined. */
function renderIfFits(data: object): CardJson | undefined {
  try {
    const card = render(template, data);
    return bytes(card) <= REVIEW_PAGE_BYTES ? card : undefined;
  } catch (err) {
    if (err instanceof CardTooLargeError) return undefined;
    throw err;
  }
}

/** Every answer on one page. */
const onePage = (items: AnswerItem[][]): Block[] =>
  items.flatMap((answers, sectionIndex) =>
    answers.length > 0 ? [{ sectionIndex, continued: false, answers }] : [],
  );

/** The pages of a review too long for one card. */
function pagesOf(input: ReviewCardInput, items: AnswerItem[][]): Block[][] {
  // What a page costs without its answers: the first page has the warnings, attachments and approvals;
  // the others are measured on a middle and on the last one (who has not approved, the approver's
  // buttons, the footer), whichever is larger.
  const first = bytes(render(template, cardData(input, [], 0, 2)));
  const rest = Math.max(
    bytes(render(template, cardData(input, [], 1, 3))),
    bytes(render(template, cardData(input, [], 2, 3))),
  );
  return paginate(items, { first: REVIEW_PAGE_BYTES - first, rest: REVIEW_PAGE_BYTES - rest });
}

/** The template data of one page. */
function cardData(input: ReviewCardInput, blocks: Block[], page: number, pageCount: number) {
  const { form, report, role, notice, reopen } = input;
  const lang = input.lang ?? DEFAULT_LANG;
  const t = texts(lang).review;
  const shown = formIn(form, lang);
  const submitted = report.status === "submitted";
  const editable = !submitted && (role === "contact" || role === "coeditor");
  const blockers = submitBlockers(form, report);
  const ready = blockers.missing.length === 0 && !blockers.unconfirmed && !blockers.periodInvalid;
  const last = page === pageCount - 1;
  const canSubmit = editable && role === "contact" && ready && last;

  let footer: string;
  if (submitted) {
    // The submitter's name is person text: the footer is a literal TextRun (report-review.card.json).
    const by = report.submittedBy?.name ? ` av ${displayText(report.submittedBy.name)}` : "";
    footer = t.submittedFooter(
      `${formatOsloTime(new Date(report.submittedAt ?? report.updatedAt), lang)}${by}`,
      report.receipt ?? "",
    );
  } else if (!ready) {
    const parts: string[] = [];
    if (blockers.missing.length > 0) parts.push(t.missingCount(blockers.missing.length));
    if (blockers.periodInvalid) parts.push(t.periodInvalid);
    if (blockers.unconfirmed) parts.push(t.unconfirmed);
    footer = t.beforeSubmit(parts);
  } else if (role !== "contact") footer = t.onlyContact;
  else footer = last ? t.ready : t.readyMorePages;

  const sectionOf = new Map(form.sections.map((s, i) => [s.id, i]));
  const warnings = submitted ? [] : warningsFor(form, report, report.tiltak.grant, lang);
  const now = input.now ?? new Date();
  const ref = { roundId: report.roundId, reportId: report.id };
  return {
    t: t.card,
    heading: submitted ? t.headingSubmitted : t.heading,
    subheading: `${report.partnership.name} – ${report.tiltak.name}`,
    deadline: input.deadline !== undefined && !submitted ? deadlineLine(input.deadline, now, lang) : "",
    deadlineColor:
      input.deadline !== undefined && isPastDeadline(input.deadline, now) ? "Attention" : "Default",
    pageText: pageCount > 1 ? t.page(page + 1, pageCount) : "",
    notice: notice?.text ?? "",
    noticeStyle: notice?.style ?? "default",
    warningsTitle: t.warningsTitle,
    warningsIntro: t.warningsIntro,
    warnings: (page === 0 ? warnings : []).map((w) => {
      const by = report.plausibility?.[w.rule]?.by.name ?? "";
      return {
        ...ref,
        rule: w.rule,
        text: w.text,
        confirmedText: w.confirmed ? t.confirmedBy(by) : "",
        canConfirm: editable && !w.confirmed,
        confirmTitle: t.confirm,
        editTitle: t.change,
        index: sectionOf.get(w.sectionId) ?? 0,
      };
    }),
    sections: blocks.map((b) => {
      const s = shown.sections[b.sectionIndex];
      const n = b.sectionIndex + 1;
      return {
        ...ref,
        title: b.continued ? t.sectionTitleContinued(n, s?.title ?? "") : t.sectionTitle(n, s?.title ?? ""),
        editable,
        editTitle: t.editSection(n),
        index: b.sectionIndex,
        answers: b.answers,
      };
    }),
    reopenedLabel: report.reopened ? t.reopenedLabel(formatOsloTime(new Date(report.reopened.at), lang)) : "",
    reopenedReason: !submitted && report.reopened ? report.reopened.reason : "",
    // Attachments on the first page (with the warnings): removable by the report's editors until it is sent.
    attachmentsHeading: texts(lang).documents.attachmentsHeading(report.attachments?.length ?? 0),
    attachments:
      page === 0 ? attachmentItems(report, { canRemove: editable, view: "review", page, lang }) : [],
    footer,
    canSubmit,
    canReopen: submitted && role === "staff",
    reopenReason: reopen?.reason ?? "",
    reopenError: reopen?.error ?? "",
    editableReport: editable,
    hasNext: !last,
    hasPrev: page > 0,
    nextTitle: t.nextPage,
    prevTitle: t.prevPage,
    nextPage: page + 1,
    prevPage: page - 1,
    ...approvalReviewData(report, role, { first: page === 0, last }, input.approver, lang),
    ...ref,
    revision: report.revision,
  };
}

/** How many pages the review of this report has. */
export function reviewPageCount(input: ReviewCardInput): number {
  const items = answerItems(input.form, input.report, input.lang ?? DEFAULT_LANG);
  if (renderIfFits(cardData(input, onePage(items), 0, 1)) !== undefined) return 1;
  return pagesOf(input, items).length;
}
