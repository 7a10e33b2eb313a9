/** The receipt after sending: time in Europe/Oslo and a reference. */
import type { ReportDoc } from "../src/reports/types.ts";
import { type CardJson, escapeMarkdown, render } from "./render.ts";
import template from "./report-receipt.card.json" with { type: "json" };
import { formatOsloTime } from "./time.ts";

export function receiptCard(report: ReportDoc): CardJson {
  return render(template, {
    subheading: `${escapeMarkdown(report.partnership.name)} – ${escapeMarkdown(report.tiltak.name)}`,
    time: formatOsloTime(new Date(report.submittedAt ?? report.updatedAt)),
    by: escapeMarkdown(report.submittedBy?.name ?? ""),
    receipt: report.receipt ?? "",
    roundId: report.roundId,
    reportId: report.id,
  });
}
