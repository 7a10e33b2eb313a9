/** Fetching a sent file under the download policy: hosts, schemes, redirects, the size cap while streaming. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DownloadPolicy, downloadFile, urlAllowed } from "../../../src/attachments/file-download.ts";

const production: DownloadPolicy = { hosts: ["sharepoint.com"], allowLocalHttp: false, timeoutMs: 2_000 };
const local: DownloadPolicy = { hosts: ["sharepoint.com"], allowLocalHttp: true, timeoutMs: 2_000 };

describe("urlAllowed", () => {
  it("should allow https to the configured host and its sub-domains only", () => {
    expect(urlAllowed("https://contoso-my.sharepoint.com/personal/x/download.aspx?a=1", production)).toBe(
      true,
    );
    expect(urlAllowed("https://sharepoint.com/x", production)).toBe(true);
    expect(urlAllowed("https://evilsharepoint.com/x", production)).toBe(false);
    expect(urlAllowed("https://sharepoint.com.evil.no/x", production)).toBe(false);
    expect(urlAllowed("http://contoso.sharepoint.com/x", production)).toBe(false);
    expect(urlAllowed("https://user:pw@contoso.sharepoint.com/x", production)).toBe(false);
    expect(urlAllowed("https://10.0.0.4/x", { ...production, hosts: [] })).toBe(false);
    expect(urlAllowed("file:///etc/passwd", local)).toBe(false);
    expect(urlAllowed("not a url", local)).toBe(false);
  });

  it("should allow plain http only to this machine, and only when the configuration says so", () => {
    expect(urlAllowed("http://127.0.0.1:1234/f", production)).toBe(false);
    expect(urlAllowed("http://localhost:1234/f", production)).toBe(false);
    expect(urlAllowed("http://127.0.0.1:1234/f", local)).toBe(true);
    expect(urlAllowed("http://[::1]:1234/f", local)).toBe(true);
    expect(urlAllowed("http://192.168.1.9/f", local)).toBe(false);
  });
});

describe("downloadFile", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/small") res.writeHead(200, { "content-length": "5" }).end("hallo");
      else if (req.url === "/chunked-big") {
        // No Content-Length: the cap must hold while the body streams in.
        res.writeHead(200);
        let sent = 0;
        const push = (): void => {
          while (sent < 50_000) {
            sent += 1000;
            if (!res.write(Buffer.alloc(1000, 1))) {
              res.once("drain", push);
              return;
            }
          }
          res.end();
        };
        push();
      } else if (req.url === "/declared-big") res.writeHead(200, { "content-length": "999999" }).end("x");
      else if (req.url === "/redirect-local") res.writeHead(302, { location: "/small" }).end();
      else if (req.url === "/redirect-away") res.writeHead(302, { location: "http://192.168.1.9/x" }).end();
      else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end("late"), 5_000);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("should fetch a small file", async () => {
    const got = await downloadFile(`${base}/small`, 100, local);
    expect(got.kind === "ok" && got.body.toString()).toBe("hallo");
  });

  it("should stop at the cap while streaming, and on a declared size over it", async () => {
    expect((await downloadFile(`${base}/chunked-big`, 10_000, local)).kind).toBe("too_big");
    expect((await downloadFile(`${base}/chunked-big`, 60_000, local)).kind).toBe("ok");
    expect((await downloadFile(`${base}/declared-big`, 10_000, local)).kind).toBe("too_big");
  });

  it("should check every redirect against the policy", async () => {
    expect((await downloadFile(`${base}/redirect-local`, 100, local)).kind).toBe("ok");
    expect((await downloadFile(`${base}/redirect-away`, 100, local)).kind).toBe("refused");
  });

  it("should refuse a local URL in production, fail on 404, and give up at the timeout", async () => {
    expect((await downloadFile(`${base}/small`, 100, production)).kind).toBe("refused");
    expect(await downloadFile(`${base}/nothing`, 100, local)).toEqual({ kind: "failed", status: 404 });
    const started = Date.now();
    expect((await downloadFile(`${base}/slow`, 100, { ...local, timeoutMs: 300 })).kind).toBe("failed");
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
