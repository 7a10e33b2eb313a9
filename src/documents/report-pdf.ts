/**
 * A report as a PDF, for the partners' approval and the county governor's case archive: the form's
 * questions and answers in order, with partnership, tiltak, case number, status, who submitted and when,
 * and the receipt reference. Pure: in go a form and a report, out come the PDF bytes (pdfkit, DejaVu
 * Sans embedded so Norwegian characters are right).
 */
import PDFDocument from "pdfkit";
import { onlyFilesText, sizeText } from "../attachments/attachment-rules.ts";
import { DEFAULT_LANG } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import { formatAnswer } from "../questionnaire/answers.ts";
import { formIn } from "../questionnaire/form-lang.ts";
import type { Form, Question } from "../questionnaire/types.ts";
import { approvalLines } from "../reports/approvals.ts";
import type { Answer, ReportDoc } from "../reports/types.ts";
import type { Lang } from "../text/lang.ts";
import { pdfFonts } from "./fonts.ts";

/** The PDF's own texts in the requester's language. */
type PdfTexts = ReturnType<typeof texts>["pdf"];

export interface ReportPdfInput {
  form: Form;
  report: ReportDoc;
  /** When the PDF is made (shown in the footer and stored as the creation date). */
  generatedAt: Date;
  /** The language of option texts and labels (default bokmål). */
  lang?: Lang;
}

const MARGIN = 56;
const COLOR = { text: "#1a1a1a", subtle: "#555555", rule: "#bbbbbb" } as const;

const osloTime = new Intl.DateTimeFormat("nb-NO", {
  timeZone: "Europe/Oslo",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "15. januar 2026 kl. 14:05" in Europe/Oslo. */
function formatOslo(d: Date): string {
  const p = Object.fromEntries(osloTime.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}. ${p.month} ${p.year} kl. ${p.hour}:${p.minute}`;
}

/** The header rows: label and value, in the order they are printed. */
function reportFacts(report: ReportDoc, pdfText: PdfTexts): [string, string][] {
  const submitted = report.status === "submitted";
  const rows: [string, string][] = [
    [pdfText.partnership, report.partnership.name],
    [pdfText.tiltak, report.tiltak.name],
    [pdfText.caseNumber, report.tiltak.caseNumber ?? pdfText.none],
    [pdfText.status, submitted ? pdfText.statusSubmitted : pdfText.statusDraft],
  ];
  if (submitted && report.submittedAt !== undefined)
    rows.push([
      pdfText.submitted,
      pdfText.submittedValue(formatOslo(new Date(report.submittedAt)), report.submittedBy?.name ?? ""),
    ]);
  rows.push([pdfText.receipt, report.receipt ?? pdfText.none]);
  return rows;
}

/** Who was asked to approve, and whether they approved this version (approval before sending). */
function approvalRows(
  report: ReportDoc,
  pdfText: PdfTexts,
): { who: string; state: string; comment?: string }[] {
  return approvalLines(report).map((l) => {
    const at = l.approvedAt !== undefined ? formatOslo(new Date(l.approvedAt)) : "";
    const state =
      l.state === "approved"
        ? pdfText.approved(at)
        : l.state === "stale"
          ? pdfText.approvedEarlier(at)
          : pdfText.notApproved;
    const c = l.comment;
    return {
      who: pdfText.approvalWho(l.name, l.email),
      state,
      ...(c !== undefined
        ? { comment: `${pdfText.approvalComment(formatOslo(new Date(c.at)), c.stale)}: ${c.text}` }
        : {}),
    };
  });
}

function answerLines(
  q: Question,
  a: Answer | undefined,
  report: ReportDoc,
  lang: Lang,
): { answer: string; comment?: string } {
  if (a === undefined) return { answer: onlyFilesText(q, report, lang) ?? texts(lang).pdf.notAnswered };
  const comment = a.comment !== undefined && a.comment !== "" ? a.comment : undefined;
  return { answer: formatAnswer(q, a, lang), ...(comment !== undefined ? { comment } : {}) };
}

/** The PDF bytes of one report (draft or submitted). */
export function reportPdf({
  form: official,
  report,
  generatedAt,
  lang = DEFAULT_LANG,
}: ReportPdfInput): Promise<Buffer> {
  const pdfText = texts(lang).pdf;
  // Titles, section and question texts in the reader's language (ids and answers are the same).
  const form = formIn(official, lang);
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${form.title} – ${report.tiltak.name}`,
      Author: report.partnership.name,
      Subject: report.tiltak.caseNumber ?? "",
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.fillColor(COLOR.text).font("bold").fontSize(16).text(form.title);
  doc.moveDown(0.6);
  for (const [label, value] of reportFacts(report, pdfText)) {
    doc.font("bold").fontSize(10).text(`${label}: `, { continued: true });
    doc.font("regular").text(value);
  }

  const approvals = approvalRows(report, pdfText);
  if (approvals.length > 0) {
    doc.moveDown(0.6);
    doc.font("bold").fontSize(11).text(pdfText.approvals);
    for (const a of approvals) {
      doc.moveDown(0.15);
      doc.font("bold").fontSize(10).text(`${a.who}: `, { continued: true });
      doc.font("regular").text(a.state);
      if (a.comment !== undefined) doc.fillColor(COLOR.subtle).text(a.comment).fillColor(COLOR.text);
    }
  }

  // The files sent with the report (the archive files them beside the PDF): name, size, who, when.
  const files = report.attachments ?? [];
  if (files.length > 0) {
    doc.moveDown(0.6);
    doc.font("bold").fontSize(11).text(texts(lang).documents.attachmentsHeading(files.length));
    for (const f of files) {
      doc.moveDown(0.15);
      doc
        .font("regular")
        .fontSize(10)
        .text(pdfText.attachmentLine(f.name, sizeText(f.bytes), f.by.name));
    }
  }

  form.sections.forEach((section, index) => {
    doc.moveDown(1);
    const y = doc.y;
    doc
      .moveTo(MARGIN, y)
      .lineTo(doc.page.width - MARGIN, y)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.moveDown(0.4);
    doc
      .fillColor(COLOR.text)
      .font("bold")
      .fontSize(13)
      .text(pdfText.section(index + 1, section.title));
    for (const q of section.questions) {
      const { answer, comment } = answerLines(q, report.answers[q.id], report, lang);
      doc.moveDown(0.6);
      doc.font("bold").fontSize(10).fillColor(COLOR.text).text(`${q.id} ${q.text}`);
      doc.moveDown(0.15);
      doc.font("regular").fontSize(10).text(answer);
      if (comment !== undefined) {
        doc.moveDown(0.15);
        doc.fillColor(COLOR.subtle).text(`${pdfText.comment}: ${comment}`).fillColor(COLOR.text);
      }
    }
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    const footerY = doc.page.height - bottom / 2 - 6;
    doc.font("regular").fontSize(8).fillColor(COLOR.subtle);
    doc.text(pdfText.generated(formatOslo(generatedAt)), MARGIN, footerY, { lineBreak: false });
    const pageLabel = pdfText.page(i - range.start + 1, range.count);
    doc.text(pageLabel, doc.page.width - MARGIN - doc.widthOfString(pageLabel), footerY, {
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
