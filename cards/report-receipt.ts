/**
 * The receipt after sending: time in Europe/Oslo and a reference to read out ("DEKOM-2025-0007").
 * Values are TextRuns: a date such as "1. desember" at the start of a Markdown TextBlock or FactSet
 * value is read as a numbered list.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { receiptApprovalData } from "./approval-blocks.ts";
import { type CardJson, render } from "./render.ts";
import template from "./report-receipt.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

export function receiptCard(report: ReportDoc, lang: Lang = DEFAULT_LANG): CardJson {
  const t = texts(lang).receipt;
  return render(template, {
    t: t.card,
    subheading: `${report.partnership.name} – ${report.tiltak.name}`,
    sentLabel: t.sentLabel,
    byLabel: t.byLabel,
    referenceLabel: t.referenceLabel,
    time: formatOsloTime(new Date(report.submittedAt ?? report.updatedAt), lang),
    by: report.submittedBy?.name ?? "",
    receipt: report.receipt ?? "",
    thanks: t.thanks,
    attachments: t.attachments(report.tiltak.caseNumber),
    ...receiptApprovalData(report, lang),
    roundId: report.roundId,
    reportId: report.id,
  });
}
