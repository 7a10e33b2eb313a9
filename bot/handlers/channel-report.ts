/**
 * "Les hele rapporteringen" on a summary in the staff channel (and anywhere a report may be read):
 * the whole report, every answer in full with its comment, in as many cards as it needs. Access is
 * decided by ReportService from the stored report and the Teams identity (staff of the round, the
 * contact or a co-editor), never from the ids in the card.
 */
import { fullReportCards } from "../../cards/report-summary-full.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Actor } from "../../src/reports/types.ts";
import { botText } from "../lang.ts";
import type { Reply } from "../reply.ts";

export async function readReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.ReadReport>,
): Promise<Reply> {
  const t = botText(actor);
  const o = await app.reports.open(actor, data);
  if (o.kind === "not_found") return { text: t.notFound };
  if (o.kind !== "ok") return { text: t.forbidden };
  const deadline = await app.channel.deadlineOf(o.report.roundId);
  const [card, ...extraCards] = fullReportCards(o.form, o.report, deadline);
  if (card === undefined) return { text: t.internalError };
  return { card, ...(extraCards.length > 0 ? { extraCards } : {}) };
}
