/**
 * A small local Microsoft Graph for tests. No Graph emulator exists, so this implements exactly the
 * calls src/people/graph-client.ts makes, with the request and response shapes of the Graph v1.0 docs
 * ("List users" with $filter/$select, "List apps installed for user" with
 * $expand=teamsApp&$filter=teamsApp/id eq '...', "Install app for user"):
 *
 *   GET  /users?$filter=mail eq '<x>' or userPrincipalName eq '<x>'&$select=...   200 { value: [user] }
 *   GET  /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '<app>'
 *                                                   200 { value: [{ id, teamsApp: { id, externalId, displayName, distributionMethod } }] }
 *   POST /users/{id}/teamwork/installedApps  { "teamsApp@odata.bind": "<graph>/appCatalogs/teamsApps/<app>" }
 *                                                   201, no body; 409 Conflict when installed already
 *
 * Errors are Graph's `{ error: { code, message, innerError } }`: 401 InvalidAuthenticationToken without
 * a bearer token, 400 BadRequest for a body or filter it does not understand, 404 for an unknown user,
 * and any failure a test injects per user (e.g. 403 Forbidden for a refused install).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface GraphUserFixture {
  id: string;
  mail?: string;
  userPrincipalName: string;
  userType: "Member" | "Guest";
}

export interface GraphCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  status: number;
}

export interface LocalGraph {
  /** Base URL like https://graph.microsoft.com/v1.0 (no trailing slash). */
  url: string;
  calls: GraphCall[];
  /** Installed app ids per user id. */
  installed: Map<string, Set<string>>;
  /** Make installing for this user fail with this status and code. */
  failInstall(userId: string, status: number, code: string): void;
  close(): Promise<void>;
}

const error = (res: ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message, innerError: { "request-id": randomUUID() } } }));
};

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startLocalGraph(opts: {
  users: GraphUserFixture[];
  apps: Record<string, string>;
}): Promise<LocalGraph> {
  const calls: GraphCall[] = [];
  const installed = new Map<string, Set<string>>();
  const failures = new Map<string, { status: number; code: string }>();
  let base = "";

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = url.pathname.replace(/^\/v1\.0/, "");
      const query = Object.fromEntries(url.searchParams.entries());
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const call: GraphCall = {
        method: req.method ?? "",
        path,
        query,
        ...(body !== undefined ? { body } : {}),
        status: 0,
      };
      calls.push(call);
      const send = (status: number, fn: () => void) => {
        call.status = status;
        fn();
      };
      if (!/^Bearer \S+/.test(req.headers.authorization ?? ""))
        return send(401, () => error(res, 401, "InvalidAuthenticationToken", "Access token is empty."));

      if (req.method === "GET" && path === "/users") {
        const m = /^mail eq '((?:[^']|'')*)' or userPrincipalName eq '((?:[^']|'')*)'$/.exec(
          query.$filter ?? "",
        );
        if (m === null) return send(400, () => error(res, 400, "BadRequest", "Invalid filter clause"));
        const wanted = (m[1] as string).replace(/''/g, "'").toLowerCase();
        const found = opts.users.filter(
          (u) => u.mail?.toLowerCase() === wanted || u.userPrincipalName.toLowerCase() === wanted,
        );
        const select = (query.$select ?? "").split(",").filter((s) => s !== "");
        const value = found.map((u) =>
          Object.fromEntries(Object.entries(u).filter(([k]) => select.length === 0 || select.includes(k))),
        );
        return send(200, () => json(res, 200, { "@odata.context": `${base}/$metadata#users`, value }));
      }

      const apps = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
      if (apps !== null) {
        const userId = decodeURIComponent(apps[1] as string);
        if (!opts.users.some((u) => u.id === userId))
          return send(404, () => error(res, 404, "NotFound", `User ${userId} not found`));
        const mine = installed.get(userId) ?? new Set<string>();
        if (req.method === "GET") {
          if (query.$expand !== "teamsApp")
            return send(400, () => error(res, 400, "BadRequest", "expand teamsApp"));
          const f = /^teamsApp\/id eq '([^']+)'$/.exec(query.$filter ?? "");
          if (f === null) return send(400, () => error(res, 400, "BadRequest", "Invalid filter clause"));
          const value = [...mine]
            .filter((id) => id === f[1])
            .map((id) => ({
              id: Buffer.from(`${userId}##${id}`).toString("base64url"),
              teamsApp: {
                id,
                externalId: opts.apps[id],
                displayName: "Dekom-rapport",
                distributionMethod: "organization",
              },
            }));
          return send(200, () =>
            json(res, 200, {
              "@odata.context": `${base}/$metadata#users('${userId}')/teamwork/installedApps(teamsApp())`,
              value,
            }),
          );
        }
        if (req.method === "POST") {
          const bind = (body as Record<string, unknown> | undefined)?.["teamsApp@odata.bind"];
          const b = typeof bind === "string" ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind) : null;
          if (b === null || !bind?.toString().startsWith(base))
            return send(400, () =>
              error(res, 400, "BadRequest", "teamsApp@odata.bind is missing or invalid"),
            );
          const appId = decodeURIComponent(b[1] as string);
          if (!(appId in opts.apps))
            return send(404, () => error(res, 404, "NotFound", "App not found in catalog"));
          const failure = failures.get(userId);
          if (failure !== undefined)
            return send(failure.status, () => error(res, failure.status, failure.code, "Refused"));
          if (mine.has(appId))
            return send(409, () => error(res, 409, "Conflict", "App is already installed"));
          mine.add(appId);
          installed.set(userId, mine);
          return send(201, () => {
            res.writeHead(201);
            res.end();
          });
        }
      }
      send(400, () => error(res, 400, "BadRequest", `Unsupported request ${req.method} ${path}`));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  return {
    url: base,
    calls,
    installed,
    failInstall: (userId, status, code) => failures.set(userId, { status, code }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
