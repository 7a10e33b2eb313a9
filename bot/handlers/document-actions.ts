/**
 * Card actions on documents: the report's PDF link. Access is decided in src/ (DocumentService) from
 * the Teams identity and the stored report; the card's ids are only a hint of what was clicked.
 */
import { pdfLinkCard } from "../../cards/pdf-link.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Actor } from "../../src/reports/types.ts";
import { botText, langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";

export async function reportPdfLink(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.ReportPdf>,
): Promise<Reply> {
  const t = botText(actor);
  const link = await app.documents.pdfLink(actor, data);
  if (link.kind !== "ok") return { text: link.kind === "not_found" ? t.notFound : t.forbidden };
  app.log.info({ reportId: link.report.id }, "pdf link made");
  return {
    card: pdfLinkCard({ report: link.report, url: link.url, expiresAt: link.expiresAt, lang: langOf(actor) }),
  };
}
