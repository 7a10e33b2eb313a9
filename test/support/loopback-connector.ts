/**
 * A loopback Bot Framework connector: a small node:http server that answers the v3 endpoints a bot
 * calls, records every call, and can behave like Teams under load (sliding one-second windows per
 * conversation and per tenant, 429 with Retry-After above them) or fail on purpose (403/404/5xx for
 * chosen conversations). Point a ConversationTarget's serviceUrl at `url`.
 *
 *   POST /v3/conversations                                   create conversation
 *   POST /v3/conversations/:conversationId/activities        send to conversation
 *   POST /v3/conversations/:conversationId/activities/:id    reply to activity
 *   PUT  /v3/conversations/:conversationId/activities/:id    update activity
 *   DELETE /v3/conversations/:conversationId/activities/:id  delete activity
 *   GET  /v3/conversations/:conversationId/members           members (empty list)
 *   GET  /v3/conversations/:teamId/members/:userId           one team member (TeamsChannelAccount; 404 if not)
 *   GET  /v3/conversations/:teamId/pagedmembers              a team's members ({ members, continuationToken })
 *
 * Team rosters (setTeamMembers) follow the documented shapes of Teams' "get single member" and
 * "get paged members" (a member is found by its 29: id or its Entra object id).
 *
 * Only accepted requests count toward the rate limits (a throttled request delivers nothing).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ConnectorOperation =
  | "create"
  | "send"
  | "reply"
  | "update"
  | "delete"
  | "members"
  | "member"
  | "pagedmembers"
  | "unknown";

/** A team member as Teams returns it (TeamsChannelAccount). */
export interface TeamMemberRecord {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName?: string;
  email?: string;
  tenantId?: string;
  userRole?: "user" | "guest" | "anonymous";
}

export interface RecordedCall {
  /** Order of arrival, from 1. */
  seq: number;
  /** ms since the connector started (performance.now based). */
  at: number;
  method: string;
  path: string;
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  tenantId?: string;
  /** Parsed JSON body, if any. */
  body?: unknown;
  status: number;
}

export interface RateLimits {
  /** Accepted requests per conversation per window (Teams: 7 per second). */
  perConversation: number;
  /** Accepted requests per tenant per window (Teams: 50 per second per app per tenant). */
  perTenant: number;
  windowMs: number;
}

const TEAMS_RATE_LIMITS: RateLimits = { perConversation: 7, perTenant: 50, windowMs: 1000 };

export interface InjectedFailure {
  status: number;
  /** Error code in the body, e.g. "MessageWritesBlocked", "ConversationNotFound". */
  code?: string;
  /** Fail only this many times, then behave normally (default: always). */
  times?: number;
  /** For 429: the Retry-After header in seconds. */
  retryAfterSeconds?: number;
}

export interface LoopbackOptions {
  /** Enforce Teams' limits (true = TEAMS_RATE_LIMITS). Default: off. */
  rateLimits?: boolean | RateLimits;
  /** Failures by conversation id. */
  failures?: Record<string, InjectedFailure>;
  /** Artificial latency per request, ms. */
  latencyMs?: number;
  port?: number;
  /** Team rosters by team id (see setTeamMembers). */
  teams?: Record<string, TeamMemberRecord[]>;
}

export interface LoopbackConnector {
  /** The serviceUrl to give the bot (no trailing slash). */
  url: string;
  /** Every call, in arrival order. */
  calls(): readonly RecordedCall[];
  /** Accepted send/reply calls (the messages that were delivered), optionally of one conversation. */
  delivered(conversationId?: string): RecordedCall[];
  /** Counts by status. */
  stats(): {
    total: number;
    accepted: number;
    throttled: number;
    failed: number;
    maxPerTenantWindow: number;
    maxPerConversationWindow: number;
  };
  /** Add, change or (with undefined) remove an injected failure. */
  setFailure(conversationId: string, failure: InjectedFailure | undefined): void;
  /** Set a team's current members (who Teams says is in the team from now on). */
  setTeamMembers(teamId: string, members: TeamMemberRecord[]): void;
  /** Called after every call is answered. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** Forget the recorded calls and windows. */
  reset(): void;
  close(): Promise<void>;
}

const ROUTES: { method: string; pattern: RegExp; operation: ConnectorOperation }[] = [
  { method: "POST", pattern: /^\/v3\/conversations\/?$/, operation: "create" },
  { method: "POST", pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, operation: "send" },
  { method: "POST", pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, operation: "reply" },
  { method: "PUT", pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, operation: "update" },
  { method: "DELETE", pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, operation: "delete" },
  { method: "GET", pattern: /^\/v3\/conversations\/([^/]+)\/members\/?$/, operation: "members" },
  { method: "GET", pattern: /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/, operation: "member" },
  { method: "GET", pattern: /^\/v3\/conversations\/([^/]+)\/pagedmembers\/?$/, operation: "pagedmembers" },
];

/** A sliding window of accepted request times per key. */
class Windows {
  private readonly times = new Map<string, number[]>();
  max = 0;

  constructor(private readonly windowMs: number) {}

  /** How many accepted in (now - window, now], and when the oldest of them leaves the window. */
  count(key: string, now: number): { count: number; freeAt: number } {
    const list = this.times.get(key);
    if (!list) return { count: 0, freeAt: now };
    while (list.length > 0 && (list[0] as number) <= now - this.windowMs) list.shift();
    return { count: list.length, freeAt: (list[0] ?? now) + this.windowMs };
  }

  add(key: string, now: number): void {
    let list = this.times.get(key);
    if (!list) {
      list = [];
      this.times.set(key, list);
    }
    list.push(now);
    this.max = Math.max(this.max, this.count(key, now).count);
  }

  clear(): void {
    this.times.clear();
    this.max = 0;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function tenantOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const b = body as { conversation?: { tenantId?: string }; channelData?: { tenant?: { id?: string } } };
  return b.conversation?.tenantId ?? b.channelData?.tenant?.id;
}

export async function startLoopbackConnector(options: LoopbackOptions = {}): Promise<LoopbackConnector> {
  const limits =
    options.rateLimits === true
      ? TEAMS_RATE_LIMITS
      : options.rateLimits === false
        ? undefined
        : options.rateLimits;
  const failures = new Map(Object.entries(options.failures ?? {}));
  const teams = new Map(Object.entries(options.teams ?? {}));
  const started = performance.now();
  let calls: RecordedCall[] = [];
  const listeners = new Set<(call: RecordedCall) => void>();
  const perConversation = new Windows(limits?.windowMs ?? 1000);
  const perTenant = new Windows(limits?.windowMs ?? 1000);
  let seq = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const text = await readBody(req);
    const now = performance.now() - started;
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    const match = route ? path.match(route.pattern) : null;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const conversationId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
    const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    const tenantId = tenantOf(body);
    const call: RecordedCall = {
      seq: ++seq,
      at: now,
      method: req.method ?? "",
      path,
      operation: route?.operation ?? "unknown",
      ...(conversationId !== undefined ? { conversationId } : {}),
      ...(activityId !== undefined ? { activityId } : {}),
      ...(tenantId !== undefined ? { tenantId } : {}),
      ...(body !== undefined ? { body } : {}),
      status: 200,
    };
    calls.push(call);

    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      const json = payload === undefined ? "" : JSON.stringify(payload);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(json);
      for (const l of listeners) l(call);
    };

    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (!route) {
      answer(404, { error: { code: "NotFound", message: `no route for ${req.method} ${path}` } });
      return;
    }
    const failure = conversationId !== undefined ? failures.get(conversationId) : undefined;
    if (failure && (failure.times === undefined || failure.times > 0)) {
      if (failure.times !== undefined) failure.times--;
      const headers: Record<string, string> =
        failure.status === 429 ? { "retry-after": String(failure.retryAfterSeconds ?? 1) } : {};
      answer(
        failure.status,
        { error: { code: failure.code ?? `Status${failure.status}`, message: "injected" } },
        headers,
      );
      return;
    }
    if (limits && conversationId !== undefined) {
      const tenantKey = tenantId ?? "default";
      const conv = perConversation.count(conversationId, now);
      const ten = perTenant.count(tenantKey, now);
      const over: number[] = [];
      if (conv.count >= limits.perConversation) over.push(conv.freeAt);
      if (ten.count >= limits.perTenant) over.push(ten.freeAt);
      if (over.length > 0) {
        const seconds = Math.max(1, Math.ceil((Math.max(...over) - now) / 1000));
        answer(
          429,
          { error: { code: "TooManyRequests", message: "rate limit exceeded" } },
          { "retry-after": String(seconds) },
        );
        return;
      }
      perConversation.add(conversationId, now);
      perTenant.add(tenantKey, now);
    }
    switch (route.operation) {
      case "create":
        answer(200, { id: `conv-${randomUUID()}`, activityId: randomUUID() });
        return;
      case "members":
        answer(200, []);
        return;
      case "member": {
        // activityId holds the second path segment: here the member's id.
        const found = teams
          .get(conversationId ?? "")
          ?.find((m) => m.id === activityId || m.aadObjectId === activityId);
        if (found) answer(200, found);
        else answer(404, { error: { code: "MemberNotFoundInConversation", message: "member not found" } });
        return;
      }
      case "pagedmembers": {
        const members = teams.get(conversationId ?? "");
        if (members) answer(200, { members });
        else answer(404, { error: { code: "ConversationNotFound", message: "team not found" } });
        return;
      }
      case "delete":
        answer(200, undefined);
        return;
      case "update":
        answer(200, { id: activityId });
        return;
      default:
        answer(200, { id: `act-${call.seq}` });
    }
  };

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "LoopbackError", message: String(err) } }));
    });
  });
  // Like the load balancers in front of Teams, keep idle connections for a while: with Node's
  // default of 5 s a client reusing a socket the server is just closing sees "socket hang up".
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    delivered: (conversationId) =>
      calls.filter(
        (c) =>
          (c.operation === "send" || c.operation === "reply") &&
          c.status >= 200 &&
          c.status < 300 &&
          (conversationId === undefined || c.conversationId === conversationId),
      ),
    stats: () => ({
      total: calls.length,
      accepted: calls.filter((c) => c.status >= 200 && c.status < 300).length,
      throttled: calls.filter((c) => c.status === 429).length,
      failed: calls.filter((c) => c.status >= 400 && c.status !== 429).length,
      maxPerTenantWindow: perTenant.max,
      maxPerConversationWindow: perConversation.max,
    }),
    setTeamMembers(teamId, members) {
      teams.set(
        teamId,
        members.map((m) => ({ ...m })),
      );
    },
    setFailure(conversationId, failure) {
      if (failure) failures.set(conversationId, { ...failure });
      else failures.delete(conversationId);
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      calls = [];
      perConversation.clear();
      perTenant.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
