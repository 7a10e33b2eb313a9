/**
 * "Les hele rapporteringen": the whole report, every question with its answer in full and its
 * comment, section by section. Person-typed text is in TextRun (no Markdown). A long report is
 * split over several cards, each under CARD_BUDGET_UTF16 measured as Teams does
 * (Buffer.byteLength(JSON.stringify(card), "utf16le")); one very long answer is split over blocks.
 */
import { onlyFilesText } from "../src/attachments/attachment-rules.ts";
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { formatAnswer } from "../src/questionnaire/answers.ts";
import { formIn } from "../src/questionnaire/form-lang.ts";
import type { Form, Question } from "../src/questionnaire/types.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { approvalLineRuns } from "./approval-blocks.ts";
import { type CardJson, fits } from "./render.ts";
import { formatOsloTime } from "./time.ts";

/** Per card, in UTF-16 bytes: under Teams' limit with margin (the issue asks < 60 KB). */
export const CARD_BUDGET_UTF16 = 50 * 1024;
/** One TextRun holds at most this many characters; longer answers continue in the next block. */
const RUN_MAX_CHARS = 6_000;

type FullTexts = ReturnType<typeof texts>["summaryCard"]["full"];

type Element = Record<string, unknown>;

const utf16 = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf16le");

const run = (text: string, extra: Record<string, unknown> = {}) => ({ type: "TextRun", text, ...extra });
const rich = (inlines: object[], extra: Record<string, unknown> = {}): Element => ({
  type: "RichTextBlock",
  inlines,
  ...extra,
});

/** Text in pieces of at most RUN_MAX_CHARS, cut at a space where there is one. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > RUN_MAX_CHARS) {
    const cut = rest.lastIndexOf(" ", RUN_MAX_CHARS);
    const at = cut > RUN_MAX_CHARS * 0.6 ? cut + 1 : RUN_MAX_CHARS;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
}

/** "6.4 Hvordan …" where the form numbers its questions (2021); the text alone for internal ids ("q17"). */
const questionLabel = (q: Question): string => (/^\d/.test(q.id) ? `${q.id} ${q.text}` : q.text);

/** The blocks of one question: its text, then the answer in full, then the comment in full. */
function questionBlocks(q: Question, report: ReportDoc, lang: Lang, t: FullTexts): Element[] {
  const answer = report.answers[q.id];
  const blocks: Element[] = [rich([run(questionLabel(q), { weight: "Bolder" })], { spacing: "Medium" })];
  if (answer === undefined) {
    const text = onlyFilesText(q, report, lang) ?? t.unanswered;
    blocks.push(rich([run(text, { isSubtle: true, italic: true })], { spacing: "None" }));
    return blocks;
  }
  for (const piece of pieces(formatAnswer(q, answer, lang)))
    blocks.push(rich([run(piece)], { spacing: "None" }));
  if (answer.comment)
    pieces(answer.comment).forEach((piece, i) => {
      blocks.push(
        rich(i === 0 ? [run(t.comment, { italic: true }), run(piece)] : [run(piece)], {
          spacing: "None",
        }),
      );
    });
  return blocks;
}

function subheading(report: ReportDoc, deadline: string | undefined, lang: Lang, t: FullTexts): string {
  const parts: string[] = [];
  if (report.status === "submitted") {
    const at = report.submittedAt ?? report.updatedAt;
    parts.push(
      t.submitted(formatOsloTime(new Date(at), lang), report.submittedBy?.name ?? report.contact.name),
    );
    if (deadline !== undefined && at > deadline) parts.push(t.late);
  } else parts.push(t.draft);
  if (report.tiltak.caseNumber) parts.push(t.caseNumber(report.tiltak.caseNumber));
  parts.push(texts(lang).overview.categories[report.partnership.category]);
  return parts.join(" · ");
}

/**
 * After the form: the files sent (names; the links come from «Last ned vedlegg», after a staff check) and
 * the partners' approvals with their comments (as the review, the receipt and the PDF show them).
 */
function closingBlocks(report: ReportDoc, lang: Lang): Element[] {
  const title = (text: string): Element => ({
    type: "TextBlock",
    text,
    weight: "Bolder",
    wrap: true,
    separator: true,
    spacing: "Large",
  });
  const out: Element[] = [];
  const files = report.attachments ?? [];
  if (files.length > 0) {
    out.push(title(texts(lang).documents.attachmentsHeading(files.length)));
    for (const f of files) out.push(rich([run(f.name)], { spacing: "None" }));
  }
  if ((report.approvers ?? []).length > 0) {
    out.push(title(texts(lang).approvals.receiptTitle));
    for (const line of approvalLineRuns(report, true, lang)) out.push(rich(line.runs, { spacing: "Small" }));
  }
  return out;
}

function card(body: Element[]): CardJson {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  };
}

/**
 * The whole report as one or more cards. `deadline` (the round's, ISO) marks a late submission; `lang`
 * is the reader's written standard (questions, fixed texts, dates and the category).
 */
export function fullReportCards(
  bokmalForm: Form,
  report: ReportDoc,
  deadline?: string,
  lang: Lang = DEFAULT_LANG,
): CardJson[] {
  const t = texts(lang).summaryCard.full;
  const form = formIn(bokmalForm, lang);
  const heading = (label: string): Element[] => [
    { type: "TextBlock", text: label, isSubtle: true, size: "Small", wrap: true },
    rich([run(`${report.partnership.name} – ${report.tiltak.name}`, { weight: "Bolder", size: "Medium" })], {
      spacing: "None",
    }),
    rich([run(subheading(report, deadline, lang, t), { isSubtle: true })], { spacing: "None" }),
  ];
  const headerSize = utf16(heading(t.part(99, 99)));
  const budget = CARD_BUDGET_UTF16 - utf16(card([])) - headerSize;

  // Pack the sections' blocks into pages greedily; a section title goes with its first question.
  const pages: Element[][] = [[]];
  let used = 0;
  const place = (group: Element[]) => {
    const size = group.reduce((n, e) => n + utf16(e) + 2, 0);
    if (used + size > budget && (pages.at(-1)?.length ?? 0) > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)?.push(...group);
    used += size;
  };
  for (const section of form.sections) {
    section.questions.forEach((q, i) => {
      const blocks = questionBlocks(q, report, lang, t);
      const title: Element[] =
        i === 0
          ? [
              {
                type: "TextBlock",
                text: section.title,
                weight: "Bolder",
                wrap: true,
                separator: true,
                spacing: "Large",
              },
            ]
          : [];
      // A question too long for one page goes block by block.
      const whole = [...title, ...blocks];
      if (whole.reduce((n, e) => n + utf16(e) + 2, 0) <= budget) place(whole);
      else for (const block of whole) place([block]);
    });
  }
  const after = closingBlocks(report, lang);
  if (after.reduce((n, e) => n + utf16(e) + 2, 0) <= budget) place(after);
  else for (const block of after) place([block]);
  const parts = pages.length;
  return pages.map((page, i) =>
    fits(card([...heading(parts === 1 ? t.whole : t.part(i + 1, parts)), ...page])),
  );
}
