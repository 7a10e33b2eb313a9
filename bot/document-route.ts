/**
 * GET /api/documents/<token> — a report's PDF or a round's zip of PDFs, for whoever got a signed,
 * short-lived link in Teams (access was decided when the link was made, src/documents/document-service.ts).
 * Bad, tampered, expired and unknown tokens all get the same 404 without detail.
 */
import { pipeline } from "node:stream/promises";
import type restify from "restify";
import type { EdgeApp } from "../src/app.ts";
import { DOCUMENT_ROUTE_PREFIX, safeFileName } from "../src/documents/document-link.ts";
import { DEFAULT_LANG } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";

/** A download link is opened in a browser, outside any turn: bokmål. */
const dt = texts(DEFAULT_LANG).botDocuments;

import { DOWNLOAD_HEADERS, sendText } from "./download-response.ts";

/** `attachment; filename="ascii"; filename*=UTF-8''<the real name>`. */
function contentDisposition(name: string): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const ascii = `${safeFileName(dot > 0 ? name.slice(0, dot) : name, "vedlegg")}${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerDocumentRoute(server: restify.Server, app: EdgeApp): void {
  // A wildcard, not ":token": restify refuses parameters longer than 100 characters.
  server.get(`${DOCUMENT_ROUTE_PREFIX}*`, async (req, res) => {
    const param: unknown = req.params?.["*"];
    const token = typeof param === "string" ? param : "";
    try {
      const file = await app.documents.download(token);
      if (file === undefined) {
        sendText(res, 404, dt.linkInvalid);
        return;
      }
      if ("stream" in file) {
        // An attachment: a person's file name (RFC 6266 filename* for the real name), streamed from the blob.
        res.writeHead(200, {
          ...DOWNLOAD_HEADERS,
          "Content-Type": file.contentType,
          "Content-Disposition": contentDisposition(file.fileName),
          "Content-Length": file.bytes,
        });
        await pipeline(file.stream, res);
        app.log.info({ contentType: file.contentType, bytes: file.bytes }, "attachment downloaded");
        return;
      }
      res.writeHead(200, {
        ...DOWNLOAD_HEADERS,
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Content-Length": file.body.length,
      });
      res.end(file.body);
      app.log.info({ contentType: file.contentType, bytes: file.body.length }, "document downloaded");
    } catch (err) {
      app.log.error({ err }, "document download failed");
      if (!res.headersSent) sendText(res, 500, dt.documentFailed);
    }
  });
}
