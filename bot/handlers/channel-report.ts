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
import { botText, langOf, staffLangOf } from "../lang.ts";
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
  const round = await app.channel.roundFacts(o.report.roundId);
  // Staff read in their own choice, else the round's (as the summary); contacts and co-editors as in their chat.
  const lang = o.role === "staff" ? staffLangOf(actor, round) : langOf(actor, o.report);
  const [card, ...extraCards] = fullReportCards(o.form, o.report, round.deadline, lang);
  if (card === undefined) return { text: t.internalError };
  return { card, ...(extraCards.length > 0 ? { extraCards } : {}) };
}
