/**
 * The staff channel through the real bot: overview (one headline card, a section card per button), export
 * links (given in personal chat only, each for the round it names), the typing indicator, refusal for
 * non-staff, and the digest: binding by @mention in a channel, the digest job posting once per schedule
 * slot (also when four runs race), and updating the same card in place at the next slot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { activityBase, type Harness, startHarness, TENANT, type TestUser } from "../support/bot-harness.ts";

const SECRET = "digest-test-secret-0123456789";
const staff: TestUser = {
  id: "user-id-9",
  aadObjectId: "00000000-0000-0000-0000-0000000000099",
  name: "Siri Saksbehandler",
};
const CHANNEL = "19:general@thread.tacv2";

describe("the channel digest", () => {
  let h: Harness;
  const job = () =>
    fetch(`${h.running.server.url}/api/jobs/digest?wait=1`, {
      method: "POST",
      headers: { "x-jobs-secret": SECRET },
    });

  const inChannel = (user: TestUser, text: string, extra: Record<string, unknown> = {}) =>
    h.post({
      ...activityBase(h.connector.url, user),
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
      ...extra,
    });

  /** Remove the ledger claim of the slot last posted, as if it had been claimed a week ago. */
  const forgetSlotClaim = async (slot: string | undefined) => {
    if (slot === undefined) return;
    await h.running.app.repos.ledger.releaseDigestSlot(DEMO_ROUND_ID, CHANNEL, slot);
  };

  const executeInChannel = (user: TestUser, verb: string, data: Record<string, unknown>) =>
    h.post({
      ...activityBase(h.connector.url, user),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
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
    });

  beforeAll(async () => {
    // Monday 12 January 2026 09:05 Oslo, the last week before the demo round's deadline (15 January).
    h = await startHarness({
      env: {
        STAFF_AAD_IDS: staff.aadObjectId,
        JOBS_SECRET: SECRET,
        SCHEDULES: "off",
        CLOCK_NOW: "2026-01-12T08:05:00.000Z",
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("should refuse the job without the secret", async () => {
    const res = await fetch(`${h.running.server.url}/api/jobs/digest?wait=1`, { method: "POST" });
    expect(res.status).toBe(401);
  });

  it("should bind the channel, post one digest per slot, and update it in place at the next slot", async () => {
    const bind = await inChannel(staff, "bruk denne kanalen", {
      entities: [
        { type: "mention", mentioned: { id: "28:bot", name: "Test Bot" }, text: "<at>Test Bot</at>" },
      ],
    });
    expect(bind.status).toBe(200);
    const round = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    expect(round?.staffChannel?.conversationId).toBe(CHANNEL);

    const mark = h.connector.calls().length;
    const first = await job();
    expect(((await first.json()) as { summary: { posted: number } }).summary.posted).toBe(1);
    const sent = h.connector.calls().filter((c) => c.seq > mark && c.conversationId === CHANNEL);
    // botbuilder's proactive send posts to the conversation "in reply to" its own continuation event id.
    expect(sent.map((c) => c.operation)).toEqual(["reply"]);
    expect(JSON.stringify(sent[0]?.body)).toContain("0 av 3 levert");

    const second = await job();
    expect(((await second.json()) as { summary: { posted: number } }).summary.posted).toBe(0);

    // The next slot (pretend the last one was a week earlier, and its claim in the ledger was for
    // that week: issue 13 claims each slot there first): the same card is updated, not reposted.
    const bound = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    if (bound?.staffChannel === undefined) throw new Error("not bound");
    await forgetSlotClaim(bound.staffChannel.lastDigestSlot);
    await h.running.app.repos.rounds.upsert({
      ...bound,
      staffChannel: { ...bound.staffChannel, lastDigestSlot: "2026-01-05T08:00:00.000Z" },
    });
    const mark2 = h.connector.calls().length;
    const third = await job();
    expect(((await third.json()) as { summary: { posted: number } }).summary.posted).toBe(1);
    const calls = h.connector.calls().filter((c) => c.seq > mark2 && c.conversationId === CHANNEL);
    expect(calls.map((c) => c.operation)).toEqual(["update"]);
    expect(calls[0]?.activityId).toBe(
      sent[0] === undefined ? "" : (bound.staffChannel.digestActivityId ?? ""),
    );
  });

  it("should post a slot's digest once when four runs race for it", async () => {
    const bound = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    if (bound?.staffChannel === undefined) throw new Error("not bound");
    await forgetSlotClaim(bound.staffChannel.lastDigestSlot);
    const { digestActivityId: _card, ...channel } = bound.staffChannel;
    await h.running.app.repos.rounds.upsert({
      ...bound,
      staffChannel: { ...channel, lastDigestSlot: "2026-01-05T08:00:00.000Z" },
    });
    const mark = h.connector.calls().length;
    const runs = await Promise.all([job(), job(), job(), job()]);
    const posted = await Promise.all(
      runs.map(async (r) => ((await r.json()) as { summary: { posted: number } }).summary.posted),
    );
    expect(posted.reduce((a, b) => a + b, 0)).toBe(1);
    const cards = h.connector
      .calls()
      .filter((c) => c.seq > mark && c.conversationId === CHANNEL && c.operation !== "members");
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]?.body)).toContain("av 3 levert");
  });

  it("should show the typing indicator at once while a channel command is built", async () => {
    const mark = h.connector.calls().length;
    await inChannel(staff, "status");
    const inThread = h.connector
      .calls()
      .filter((c) => c.seq > mark && c.conversationId?.startsWith(CHANNEL) && c.operation !== "member");
    expect((inThread[0]?.body as { type?: string } | undefined)?.type).toBe("typing");
    expect(JSON.stringify(inThread.slice(1).map((c) => c.body))).toContain("av 3 levert");
  });

  it("should answer oversikt, and give export links only in personal chat, each for its own round", async () => {
    const mark = h.connector.calls().length;
    await inChannel(staff, "oversikt");
    expect(h.sentTexts(mark).join()).toContain("Oversikt – Nordland 2025");

    // Without a personal chat with the bot, the channel is told to open one, and no link goes anywhere.
    const mark1 = h.connector.calls().length;
    await inChannel(staff, "eksport");
    expect(h.sentTexts(mark1).join()).toContain("Åpne en personlig chat med meg først");
    expect(h.sentTexts(mark1).join()).not.toContain("/api/export/");

    await h.message(staff, "hei"); // the personal chat: the bot stores where to reach her
    const mark2 = h.connector.calls().length;
    await inChannel(staff, "eksport");
    const inChannelText = h.connector
      .calls()
      .filter((c) => c.seq > mark2 && c.conversationId?.startsWith(CHANNEL))
      .map((c) => JSON.stringify(c.body ?? ""))
      .join();
    expect(inChannelText).toContain("personlig chat");
    expect(inChannelText).not.toContain("/api/export/");
    const personal = h.connector
      .calls()
      .filter((c) => c.seq > mark2 && c.conversationId === `personal-${staff.id}`)
      .map((c) => JSON.stringify(c.body ?? ""))
      .join();
    const sent = personal;
    const link = /http:\/\/localhost:\d+\/api\/export\/[A-Za-z0-9_.-]+/.exec(sent)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link as string);
    const res = await fetch(`${h.running.server.url}${url.pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain(`dekom-${DEMO_ROUND_ID}-`);
    const tampered = await fetch(`${h.running.server.url}${url.pathname.slice(0, -2)}xx`);
    expect(tampered.status).toBe(404);

    // The link names its round inside the signed payload: pointing it at another round breaks it.
    const [payload = "", signature = ""] = decodeURIComponent(url.pathname.split("/").pop() ?? "").split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(claims.r).toBe(DEMO_ROUND_ID);
    const other = Buffer.from(JSON.stringify({ ...claims, r: "troms-2025" }), "utf8").toString("base64url");
    const moved = await fetch(`${h.running.server.url}/api/export/${other}.${signature}`);
    expect(moved.status).toBe(404);
  });

  it("should post one headline card for oversikt and a section card per button, for staff only", async () => {
    // Submit one demo report so the overview has figures.
    const [first] = await h.running.app.repos.reports.listByRound(DEMO_ROUND_ID);
    if (first === undefined) throw new Error("no demo report");
    await h.running.app.repos.reports.upsert({
      ...first,
      status: "submitted",
      submittedAt: "2026-01-11T10:00:00.000Z",
      revision: first.revision + 1,
    });
    const mark = h.connector.calls().length;
    await inChannel(staff, "oversikt");
    // (Issue 13: the typing indicator comes first; it is not a card.)
    const sent = h.connector
      .calls()
      .filter(
        (c) =>
          c.seq > mark &&
          (c.operation === "send" || c.operation === "reply") &&
          (c.body as { type?: string } | undefined)?.type !== "typing",
      );
    expect(sent).toHaveLength(1);
    const card = JSON.stringify(sent[0]?.body);
    expect(card).toContain("Oversikt – Nordland 2025: 1 av 3 levert");
    const buttons = [
      ...card.matchAll(/"verb":"overview\.section","roundId":"([^"]+)","sectionId":"([^"]+)"/g),
    ];
    expect(buttons.length).toBeGreaterThan(1);
    const [, roundId = "", sectionId = ""] = buttons[0] ?? [];
    expect(roundId).toBe(DEMO_ROUND_ID);

    const pressed = h.connector.calls().length;
    const res = await executeInChannel(staff, "overview.section", { roundId, sectionId });
    expect(res.status).toBe(200);
    const section = h.sentTexts(pressed).join();
    expect(section).toContain("Oversikt – Nordland 2025: Partnerskap og deltakelse");
    expect(section).toContain("Ikke angitt: 1"); // the submitted demo report left these questions empty

    const outsider: TestUser = {
      id: "user-id-0",
      aadObjectId: "00000000-0000-0000-0000-0000000000020",
      name: "Alex Wilber",
    };
    const refused = h.connector.calls().length;
    const answers = [
      await executeInChannel(outsider, "overview.section", { roundId, sectionId }),
      await executeInChannel(staff, "overview.section", { roundId: "another-round", sectionId }),
    ];
    // Refusals come back in the invoke response; no section card is posted.
    expect(h.sentTexts(refused).join()).not.toContain("Ikke angitt");
    for (const answer of answers) expect(JSON.stringify(answer.body)).toContain("bare for Statsforvalterens");
    // As a message response: a card response would replace the shared channel card for whoever clicked.
    for (const answer of answers)
      expect((answer.body as { type?: string }).type).toBe("application/vnd.microsoft.activity.message");

    // A section id the form does not have, of any shape, is not found (issue 14), not «noe gikk galt».
    for (const odd of ["s99", "x".repeat(300), "a/b", 7]) {
      const r = await executeInChannel(staff, "overview.section", { roundId, sectionId: odd });
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toContain("finner ikke den delen");
    }
  });

  it("should refuse channel commands from someone who is not staff", async () => {
    const contact: TestUser = {
      id: "user-id-0",
      aadObjectId: "00000000-0000-0000-0000-0000000000020",
      name: "Alex Wilber",
    };
    const mark = h.connector.calls().length;
    await inChannel(contact, "eksport");
    const sent = h.sentTexts(mark).join();
    expect(sent).toContain("bare for Statsforvalterens");
    expect(sent).not.toContain("/api/export/");
  });
});
