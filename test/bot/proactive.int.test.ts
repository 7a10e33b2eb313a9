/**
 * Proactive sending through botbuilder's CloudAdapter against the loopback connector, and the
 * reminder job route.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import restify from "restify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ProactiveMessenger, parseRetryAfter, registerJobRoutes } from "../../bot/proactive.ts";
import { reminderCard } from "../../cards/reminder.ts";
import { createLogger } from "../../src/log.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { RunSummary } from "../../src/reminders/delivery.ts";
import type { ConversationTarget } from "../../src/reminders/messenger.ts";
import { ReminderService } from "../../src/reminders/reminder-service.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { LedgerRepo } from "../../src/storage/ledger-repo.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../src/storage/people-repo.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { RoundRepo } from "../../src/storage/round-repo.ts";
import { makePerson, makeReport, makeRound } from "../src/storage/fixtures.ts";
import { type LoopbackConnector, startLoopbackConnector } from "../support/loopback-connector.ts";

const log = createLogger("silent");
let connector: LoopbackConnector;
let adapter: CloudAdapter;
let turnErrors = 0;

beforeAll(async () => {
  connector = await startLoopbackConnector({
    failures: {
      blocked: { status: 403, code: "MessageWritesBlocked" },
      gone: { status: 404, code: "ConversationNotFound" },
      busy: { status: 429, retryAfterSeconds: 2 },
      broken: { status: 502, code: "BadGateway" },
    },
  });
  adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "" }),
  );
  adapter.onTurnError = async () => {
    turnErrors++;
  };
});

afterAll(async () => {
  await connector?.close();
});

afterEach(() => {
  connector.reset();
});

const target = (conversationId: string): ConversationTarget => ({
  serviceUrl: connector.url,
  channelId: "msteams",
  conversationId,
  tenantId: "tenant-1",
  botId: "28:bot",
  userId: "29:user",
});
const card = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Hei" }] };

describe("ProactiveMessenger", () => {
  it("should deliver a card to the stored conversation", async () => {
    const result = await new ProactiveMessenger(adapter, "").send(target("conv-1"), card);
    expect(result).toMatchObject({ kind: "ok", activityId: expect.any(String) });
    const [call] = connector.delivered("conv-1");
    expect(call?.tenantId).toBe("tenant-1");
    expect(call?.body).toMatchObject({
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
    });
  });

  it("should map 403, 404, 429 and 5xx, with one request each and no apology to the user", async () => {
    const messenger = new ProactiveMessenger(adapter, "");
    expect(await messenger.send(target("blocked"), card)).toEqual({
      kind: "unreachable",
      status: 403,
      code: "MessageWritesBlocked",
    });
    expect(await messenger.send(target("gone"), card)).toEqual({
      kind: "unreachable",
      status: 404,
      code: "ConversationNotFound",
    });
    expect(await messenger.send(target("busy"), card)).toEqual({ kind: "throttled", retryAfterMs: 2000 });
    expect(await messenger.send(target("broken"), card)).toMatchObject({
      kind: "failed",
      status: 502,
      code: "BadGateway",
    });
    // botbuilder's own retry policy is off: exactly one request per send, and nothing else was sent.
    expect(connector.calls().map((c) => [c.conversationId, c.status])).toEqual([
      ["blocked", 403],
      ["gone", 404],
      ["busy", 429],
      ["broken", 502],
    ]);
    expect(turnErrors).toBe(0);
  });

  it("should tell 'not sent' (refused) from 'no answer' (reset) when there is no HTTP status", async () => {
    const messenger = new ProactiveMessenger(adapter, "");
    const refused = await messenger.send({ ...target("c"), serviceUrl: "http://127.0.0.1:9" }, card);
    expect(refused).toMatchObject({ kind: "failed", code: "ECONNREFUSED" });
    const hangUp = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => hangUp.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(hangUp.address() as AddressInfo).port}`;
      expect(await messenger.send({ ...target("c"), serviceUrl: url }, card)).toMatchObject({
        kind: "unknown",
        code: "ECONNRESET",
      });
    } finally {
      hangUp.close();
    }
  });

  it("should read Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(
      parseRetryAfter("Wed, 21 Oct 2026 07:28:05 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT")),
    ).toBe(5000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("reminders through botbuilder within Teams' limits", () => {
  const FORM: Form = {
    id: "f",
    title: "F",
    reportingYear: "2025",
    guidance: [],
    confirmationQuestionId: null,
    periodPairs: [],
    sections: [{ id: "s1", title: "Del 1", intro: null, questions: [] }],
  };
  let server: LocalCosmos;
  let store: CosmosStore;

  beforeAll(async () => {
    server = await startLocalCosmos({ database: "proactive-test" });
    store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "proactive-test" });
  });

  afterAll(async () => {
    store?.dispose();
    await server?.stop();
  });

  it("should deliver every reminder once, with no 429, when one contact has many reports", async () => {
    const limited = await startLoopbackConnector({ rateLimits: true });
    try {
      const rounds = new RoundRepo(store.containers.rounds);
      const reports = new ReportRepo(store.containers.reports);
      const people = new PeopleRepo(store.containers.people);
      await rounds.upsert(makeRound({ id: "r-limits", formId: "f", deadline: "2026-01-15T22:59:00.000Z" }));
      // One busy contact with 15 reports (7 per second per conversation), and 30 others.
      for (let i = 0; i < 45; i++) {
        const aad = i < 15 ? "busy-contact" : `contact-${i}`;
        const contact = { name: `K ${i}`, email: `${aad}@example.com`, aadObjectId: aad };
        await reports.upsert(makeReport({ id: `rep-${i}`, roundId: "r-limits", formId: "f", contact }));
        await people.upsert(
          makePerson({
            id: aad,
            target: {
              serviceUrl: limited.url,
              channelId: "msteams",
              conversationId: `conv-${aad}`,
              tenantId: "t1",
            },
          }),
        );
      }
      const service = new ReminderService({
        rounds,
        reports,
        people,
        ledger: new LedgerRepo(store.containers.ledger),
        forms: new Map([["f", FORM]]),
        clock: () => new Date("2026-01-08T08:05:00.000Z"),
        log,
      });
      const summary = await service.run(
        { messenger: new ProactiveMessenger(adapter, ""), buildCard: reminderCard },
        { roundIds: ["r-limits"] },
      );
      expect(summary).toMatchObject({ due: 45, sent: 45, throttled: 0, failed: 0 });
      const delivered = limited.delivered();
      expect(delivered).toHaveLength(45);
      expect(limited.stats()).toMatchObject({ throttled: 0 });
      expect(limited.stats().maxPerConversationWindow).toBeLessThanOrEqual(7);
      expect(limited.delivered("conv-busy-contact")).toHaveLength(15);
    } finally {
      await limited.close();
    }
  });
});

describe("loopback connector limits", () => {
  it("should answer 429 with Retry-After above 7 messages per second in a conversation", async () => {
    const limited = await startLoopbackConnector({ rateLimits: true });
    try {
      const messenger = new ProactiveMessenger(adapter, "");
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          messenger.send({ ...target("one"), serviceUrl: limited.url }, card).then((r) => r.kind),
        ),
      );
      expect(results.filter((k) => k === "ok")).toHaveLength(7);
      expect(results.filter((k) => k === "throttled")).toHaveLength(3);
      expect(limited.calls().find((c) => c.status === 429)).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe("POST /api/jobs/reminders", () => {
  const summary = { runId: "run-1", sent: 3 } as RunSummary;
  let triggers = 0;
  const job = {
    trigger: () => {
      triggers++;
      return { started: true, done: Promise.resolve(summary) };
    },
  };

  async function serve(jobsSecret: string | undefined) {
    const server = restify.createServer();
    registerJobRoutes(server, { jobsSecret, log, reminders: job });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${server.address().port}/api/jobs/reminders`;
    return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("should not exist without a configured secret", async () => {
    const s = await serve(undefined);
    try {
      expect((await fetch(s.url, { method: "POST", headers: { "x-jobs-secret": "x" } })).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it("should refuse a missing or wrong secret and start a run with the right one", async () => {
    const secret = "a-long-enough-shared-secret";
    const s = await serve(secret);
    try {
      triggers = 0;
      expect((await fetch(s.url, { method: "POST" })).status).toBe(401);
      expect(
        (await fetch(s.url, { method: "POST", headers: { "x-jobs-secret": `${secret}x` } })).status,
      ).toBe(401);
      expect(triggers).toBe(0);

      const accepted = await fetch(s.url, { method: "POST", headers: { "x-jobs-secret": secret } });
      expect(accepted.status).toBe(202);
      expect(await accepted.json()).toEqual({ started: true });

      const waited = await fetch(`${s.url}?wait=1`, { method: "POST", headers: { "x-jobs-secret": secret } });
      expect(waited.status).toBe(200);
      expect(await waited.json()).toEqual({ started: true, summary });
      expect(triggers).toBe(2);
    } finally {
      await s.close();
    }
  });
});
