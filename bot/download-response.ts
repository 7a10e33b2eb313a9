/** What every download route (exports, documents) answers with: no caching, no sniffing, no referrer. */
import type restify from "restify";

export const DOWNLOAD_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export function sendText(res: restify.Response, status: number, body: string): void {
  res.writeHead(status, {
    ...DOWNLOAD_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body, "utf8"),
  });
  res.end(body);
}
