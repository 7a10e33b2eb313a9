/**
 * Contacts the bot has never met, through the real bot: POST /api/jobs/reach installs the app for the
 * imported contact through Microsoft Graph, opens the personal chat with Bot Connector
 * createConversation (botbuilder's createConversationAsync against the loopback connector), and the next
 * reminder run delivers the first reminder there. A refused install (403) shows in the staff status.
 *
 * No Microsoft Graph emulator exists: test/support/graph-server.ts is a small local server that
 * implements exactly the calls the product makes, with the request and response shapes of the Graph
 * v1.0 documentation. The Bot Connector is test/support/loopback-connector.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReport, makeRound } from "../src/storage/fixtures.ts";
import { activityBase, type Harness, startHarness, TENANT, type TestUser } from "../support/bot-harness.ts";
import { type LocalGraph, startLocalGraph } from "../support/graph-server.ts";

const SECRET = "reach-test-secret-0123456789";
const APP = "0f0e0d0c-aaaa-4bbb-8ccc-000000000001";
const KARI = "aaaaaaaa-0000-0000-0000-00000000000a"; // a guest account in the host tenant
const OLA = "aaaaaaaa-0000-0000-0000-00000000000b";
const ROUND = "vestland-2026";
const staff: TestUser = {
  id: "user-id-9",
  aadObjectId: "00000000-0000-0000-0000-0000000000099",
  name: "Siri",
};
const CHANNEL = "19:general@thread.tacv2";

/** Every TextBlock text of the Adaptive Cards in a connector call's activity body. */
function cardText(body: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if ((o.type === "TextBlock" || o.type === "TextRun") && typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(body);
  return out.join("\n");
}

describe("reaching contacts who never opened the bot", () => {
  let graph: LocalGraph;
  let h: Harness;
  const job = async (name: string) => {
    const res = await fetch(`${h.running.server.url}/api/jobs/${name}?wait=1`, {
      method: "POST",
      headers: { "x-jobs-secret": SECRET },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { summary: Record<string, unknown> }).summary;
  };

  beforeAll(async () => {
    graph = await startLocalGraph({
      apps: { [APP]: "manifest-app-id" },
      users: [
        {
          id: KARI,
          mail: "kari@kommune.no",
          userPrincipalName: "kari_kommune.no#EXT#@fylke.onmicrosoft.com",
          userType: "Guest",
        },
        {
          id: OLA,
          mail: "ola@uit.no",
          userPrincipalName: "ola_uit.no#EXT#@fylke.onmicrosoft.com",
          userType: "Guest",
        },
      ],
    });
    graph.failInstall(OLA, 403, "Forbidden");
    // Thursday 8 January 2027 09:30 Oslo: a week before the round's deadline, a reminder is due.
    h = await startHarness({
      env: {
        SEED_DEMO: "false",
        SCHEDULES: "off",
        JOBS_SECRET: SECRET,
        STAFF_AAD_IDS: staff.aadObjectId,
        MICROSOFT_APP_TENANT_ID: TENANT,
        CLOCK_NOW: "2027-01-08T08:30:00.000Z",
        REACH_CONTACTS: "on",
        TEAMS_APP_CATALOG_ID: APP,
        GRAPH_BASE_URL: graph.url,
      },
      graphToken: async () => "local-graph-token",
    });
    const { rounds, reports } = h.running.app.repos;
    await rounds.create(
      makeRound({
        id: ROUND,
        formId: "dekom-2024-2025",
        reportingYear: 2026,
        deadline: "2027-01-15T22:59:00.000Z",
        staffIds: [],
      }),
    );
    await reports.upsert(
      makeReport({
        id: "t-kari",
        roundId: ROUND,
        formId: "dekom-2024-2025",
        contact: { name: "Kari", email: "kari@kommune.no" },
      }),
    );
    await reports.upsert(
      makeReport({
        id: "t-ola",
        roundId: ROUND,
        formId: "dekom-2024-2025",
        contact: { name: "Ola", email: "ola@uit.no" },
      }),
    );
  });
  afterAll(async () => {
    await h?.close();
    await graph?.close();
  });

  it("should have no way to remind them before the reach job", async () => {
    expect(await job("reminders")).toMatchObject({ sent: 0, noConversation: 2 });
  });

  it("should install the app, open the chat, and deliver the first reminder there", async () => {
    expect(await job("reach")).toEqual({ candidates: 2, reached: 1, failed: 1 });
    expect(graph.installed.get(KARI)?.has(APP)).toBe(true);

    const create = h.connector.calls().filter((c) => c.operation === "create");
    expect(create).toHaveLength(1);
    expect(create[0]?.body).toMatchObject({ isGroup: false, members: [{ id: KARI }], tenantId: TENANT });
    const person = await h.running.app.people.find(KARI);
    expect(person?.target?.conversationId).toMatch(/^conv-/);

    const mark = h.connector.calls().length;
    expect(await job("reminders")).toMatchObject({ sent: 1, noConversation: 1 });
    const sent = h.connector.calls().filter((c) => c.seq > mark && c.operation !== "create");
    expect(sent.map((c) => c.conversationId)).toEqual([person?.target?.conversationId]);
    expect(cardText(sent[0]?.body)).toContain("Tiltak t-kari");
    expect(cardText(sent[0]?.body)).toContain("Påminnelse om rapportering");
  });

  it("should show the refused install in the staff status, and Kari as reachable", async () => {
    const inChannel = (text: string, extra: Record<string, unknown> = {}) =>
      h.post({
        ...activityBase(h.connector.url, staff),
        type: "message",
        text: `<at>Test Bot</at> ${text}`,
        conversation: {
          id: `${CHANNEL};messageid=2`,
          conversationType: "channel",
          tenantId: TENANT,
          isGroup: true,
        },
        channelData: {
          tenant: { id: TENANT },
          team: { id: "19:team@thread.tacv2" },
          channel: { id: CHANNEL, name: "General" },
        },
        entities: [
          { type: "mention", mentioned: { id: "28:bot", name: "Test Bot" }, text: "<at>Test Bot</at>" },
        ],
        ...extra,
      });
    expect((await inChannel("bruk denne kanalen")).status).toBe(200);
    const mark = h.connector.calls().length;
    expect((await inChannel("status")).status).toBe(200);
    const status = h.connector
      .calls()
      .filter((c) => c.seq > mark)
      .map((c) => cardText(c.body))
      .join("\n");
    expect(status).toContain("0 av 2 levert");
    // Literal in a TextRun (issue 14 item 9; it was Markdown-escaped, "uit\\.no", before).
    expect(status).toContain(
      "Ola (ola@uit.no) – ⚠ når ikke kontaktpersonen i Teams: appen kunne ikke installeres for personen (HTTP 403 Forbidden)",
    );
    expect(status).toContain("Kari (kari@kommune.no)\n");
    expect(status).toContain("1 kontaktperson kan ikke nås");
  });

  it("should refuse the job without the secret", async () => {
    const res = await fetch(`${h.running.server.url}/api/jobs/reach?wait=1`, { method: "POST" });
    expect(res.status).toBe(401);
  });
});
