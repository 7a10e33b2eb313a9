/**
 * GET /api/export/<token> — a round's export (.xlsx, .csv) or samarbeidsforum document (.docx) as a file
 * download, for county staff who got a signed, short-lived link in Teams (cards/export-links.ts). The token alone authorises the download: bad,
 * tampered, expired and unknown-round tokens all get the same 404 without detail.
 */
import type restify from "restify";
import type { EdgeApp } from "../src/app.ts";
import { EXPORT_ATTACHMENT_LINK_TTL_MS } from "../src/documents/document-service.ts";
import { DEFAULT_LANG } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { formIn } from "../src/questionnaire/form-lang.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { buildCsv, buildWorkbook } from "../src/summaries/export.ts";
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_ROUTE_PREFIX,
  exportFileName,
  verifyExportToken,
} from "../src/summaries/export-link.ts";
import type { buildSamarbeidsforumDoc as SamarbeidsforumDoc } from "../src/summaries/samarbeidsforum-doc.ts";
import { questionStats } from "../src/summaries/statistics.ts";
import { DOWNLOAD_HEADERS, sendText } from "./download-response.ts";

/** A download link is opened in a browser, outside any turn: bokmål. */
const t = texts(DEFAULT_LANG).bot;

export interface ExportRouteDeps {
  app: EdgeApp;
  /** The key export links are signed with (the same one the link builder uses). */
  secret: Buffer | string;
}

const NOT_FOUND = t.exportLinkInvalid;
const FAILED = t.exportFailed;

/** The docx library is large: loaded on the first document download, not at start-up. */
async function samarbeidsforumDoc(...args: Parameters<typeof SamarbeidsforumDoc>): Promise<Buffer> {
  const { buildSamarbeidsforumDoc } = await import("../src/summaries/samarbeidsforum-doc.ts");
  return buildSamarbeidsforumDoc(...args);
}

/** The «Vedlegg» cell: one "name: link" line per attachment; links signed for staff, valid for days. */
function attachmentLines(app: EdgeApp) {
  return (report: ReportDoc): string | undefined => {
    const urls = new Map(
      app.documents.attachmentLinks(report, EXPORT_ATTACHMENT_LINK_TTL_MS).map((l) => [l.id, l.url]),
    );
    const lines = (report.attachments ?? []).map((a) => `${a.name}: ${urls.get(a.id) ?? ""}`);
    return lines.length > 0 ? lines.join("\n") : undefined;
  };
}

export function registerExportRoute(server: restify.Server, deps: ExportRouteDeps): void {
  const { app, secret } = deps;
  // A wildcard, not ":token": restify's router refuses parameters longer than 100 characters with a 404,
  // and a token for a long round id is longer than that.
  server.get(`${EXPORT_ROUTE_PREFIX}*`, async (req, res) => {
    const param: unknown = req.params?.["*"];
    const token = typeof param === "string" ? param : "";
    const now = app.clock();
    const claims = verifyExportToken(token, secret, now.getTime());
    if (!claims) {
      sendText(res, 404, NOT_FOUND);
      return;
    }
    try {
      const data = await app.channel.exportData(claims.roundId);
      if (data === undefined) {
        app.log.warn({ roundId: claims.roundId }, "export link for a missing round or form");
        sendText(res, 404, NOT_FOUND);
        return;
      }
      const { round, form, reports } = data;
      const extras = { attachments: attachmentLines(app) };
      // In the language of the staff member the links were sent to (signed into the token).
      const lang = claims.lang ?? DEFAULT_LANG;
      const body =
        claims.format === "xlsx"
          ? await buildWorkbook(form, reports, questionStats(formIn(form, lang), reports, lang), extras, lang)
          : claims.format === "docx"
            ? await samarbeidsforumDoc(round, form, reports, now, lang)
            : buildCsv(form, reports, extras, lang);
      const fileName = exportFileName(round.id, claims.format, now);
      res.writeHead(200, {
        ...DOWNLOAD_HEADERS,
        "Content-Type": EXPORT_CONTENT_TYPES[claims.format],
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Content-Length": body.length,
      });
      res.end(body);
      app.log.info(
        { roundId: round.id, format: claims.format, reports: reports.length },
        "export downloaded",
      );
    } catch (err) {
      app.log.error({ err, roundId: claims.roundId }, "export failed");
      if (!res.headersSent) sendText(res, 500, FAILED);
    }
  });
}
