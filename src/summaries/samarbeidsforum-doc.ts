/**
 * The samarbeidsforum document of a round: every submitted report as one .docx, in the style the counties
 * write by hand (reference/tiltak-summaries-troms-finnmark-2021.txt): a title, then per tiltak a numbered
 * heading "<partnership> - <tiltak>" and its labelled paragraphs ("Mål for tiltaket: …"). Built with the
 * `docx` library. Pure: returns a Buffer.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { texts } from "../i18n/texts.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import type { RoundDoc } from "../rounds/types.ts";
import type { Lang } from "../text/lang.ts";
import { sortReports } from "./export-columns.ts";
import { formatOsloTime } from "./oslo-time.ts";
import { submittedReports } from "./question-stats.ts";
import { summaryTexts } from "./summary-text.ts";

const NUMBERING = "tiltak";

/** Removes characters that are not allowed in XML 1.0 (they would corrupt the .docx file). */
function xmlSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the control characters is the point.
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/** Text with its line breaks kept as breaks within one run sequence. */
function runs(value: string): TextRun[] {
  return xmlSafe(value)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function reportParagraphs(form: Form, report: ReportDoc, lang: Lang): Paragraph[] {
  const text = texts(lang).exports.doc;
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      numbering: { reference: NUMBERING, level: 0 },
      children: [new TextRun(xmlSafe(text.heading(report.partnership.name, report.tiltak.name)))],
    }),
  ];
  if (report.tiltak.caseNumber) {
    out.push(
      new Paragraph({
        children: [new TextRun({ text: xmlSafe(text.caseNumber(report.tiltak.caseNumber)), italics: true })],
      }),
    );
  }
  for (const { label, parts } of summaryTexts(form, report, lang)) {
    const [first = "", ...rest] = parts;
    out.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(first)],
      }),
    );
    for (const part of rest) out.push(new Paragraph({ spacing: { after: 120 }, children: runs(part) }));
  }
  return out;
}

/** All SUBMITTED reports of the round, sorted by partnership and tiltak, as one .docx document. */
export async function buildSamarbeidsforumDoc(
  round: RoundDoc,
  form: Form,
  reports: readonly ReportDoc[],
  now: Date,
  lang: Lang = "nb",
): Promise<Buffer> {
  const text = texts(lang).exports.doc;
  const submitted = sortReports(submittedReports(reports));
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(xmlSafe(text.title(round.county, round.reportingYear)))],
    }),
    new Paragraph({ children: [new TextRun(text.intro)] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({
          text:
            submitted.length > 0
              ? text.basis(submitted.length, formatOsloTime(now.toISOString()))
              : text.none,
          italics: true,
        }),
      ],
    }),
    ...submitted.flatMap((r) => reportParagraphs(form, r, lang)),
  ];
  const doc = new Document({
    creator: "Dekom rapportering",
    title: text.title(round.county, round.reportingYear),
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
