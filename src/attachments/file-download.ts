/**
 * Fetching a file Teams sent (the `content.downloadUrl` of a file.download.info attachment) without
 * trusting the URL: only https to an allowed host (Teams' files live in SharePoint/OneDrive), plain
 * http only to this machine when the configuration allows it (development and tests), no credentials
 * in the URL, every redirect checked the same way; a timeout for the whole download and a size cap
 * counted while the body streams in (a wrong or missing Content-Length cannot get past it).
 */

export interface DownloadPolicy {
  /** Host names allowed over https: the name itself or any sub-domain ("sharepoint.com"). Empty = any. */
  hosts: readonly string[];
  /** Allow http://127.0.0.1 / localhost / [::1] (development and tests only). */
  allowLocalHttp: boolean;
  /** Milliseconds for the whole download. */
  timeoutMs: number;
}

export type Download =
  | { kind: "ok"; body: Buffer }
  | { kind: "too_big" }
  /** The URL is not one we fetch (scheme, host, credentials). */
  | { kind: "refused" }
  | { kind: "failed"; status?: number };

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const MAX_REDIRECTS = 3;

/** Whether the policy lets us fetch this URL. */
export function urlAllowed(raw: string, policy: DownloadPolicy): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== "" || url.password !== "") return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol === "http:") return policy.allowLocalHttp && LOCAL_HOSTS.has(host);
  if (url.protocol !== "https:") return false;
  if (LOCAL_HOSTS.has(host)) return policy.allowLocalHttp;
  // No IP literals in production: Teams' download URLs name their host.
  if (/^[\d.]+$/.test(host) || host.startsWith("[")) return false;
  return policy.hosts.length === 0 || policy.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Download at most `maxBytes` from `url` under the policy. Never throws. */
export async function downloadFile(url: string, maxBytes: number, policy: DownloadPolicy): Promise<Download> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      if (!urlAllowed(current, policy)) return { kind: "refused" };
      const res = await fetch(current, { redirect: "manual", signal });
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location !== null) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { kind: "failed", status: res.status };
        current = new URL(location, current).href;
        continue;
      }
      if (!res.ok || res.body === null) {
        await res.body?.cancel();
        return { kind: "failed", status: res.status };
      }
      const declared = Number(res.headers.get("content-length") ?? "0");
      if (declared > maxBytes) {
        await res.body.cancel();
        return { kind: "too_big" };
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > maxBytes) {
          await reader.cancel();
          return { kind: "too_big" };
        }
        chunks.push(value);
      }
      return { kind: "ok", body: Buffer.concat(chunks) };
    }
  } catch {
    return { kind: "failed" };
  }
}
