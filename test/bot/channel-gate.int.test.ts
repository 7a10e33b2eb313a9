/**
 * The first gate of every turn: the bot serves Teams only (channelId "msteams"). Through the real bot
 * on a real port (local Cosmos server, loopback connector): an activity from any other channel gets no
 * reply (messages) or 403 (invokes), and nothing is stored, not even the person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDoc } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { activityBase, type Harness, startHarness, type TestUser } from "../support/bot-harness.ts";

/** The demo round's contact of t-salten-lesing (as the Playground's default user). */
const alex: TestUser = {
  id: "user-id-0",
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  name: "Alex Wilber",
};
const LESING = { roundId: DEMO_ROUND_ID, reportId: "t-salten-lesing" };

describe("the Teams-only channel check", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const read = async (): Promise<ReportDoc | undefined> =>
    (await h.running.app.repos.reports.get(LESING.roundId, LESING.reportId))?.doc;
  const fromChannel = (channelId: string) => ({ ...activityBase(h.connector.url, alex), channelId });

  it("should refuse a message, a card action and a conversation update from another channel, storing nothing", async () => {
    const before = await read();
    const mark = h.connector.calls().length;
    for (const channelId of ["webchat", "directline", "slack"]) {
      const msg = await h.post({ ...fromChannel(channelId), type: "message", text: "hei" });
      expect(msg.status).toBe(200);
      const submit = await h.post({
        ...fromChannel(channelId),
        type: "message",
        value: { verb: "report.open", ...LESING },
      });
      expect(submit.status).toBe(200);
      const inv = await h.post({
        ...fromChannel(channelId),
        type: "invoke",
        name: "adaptiveCard/action",
        value: {
          action: {
            type: "Action.Execute",
            verb: "section.save",
            data: { ...LESING, sectionId: "s1", revision: 1, nav: "pause", q01: "Fra feil kanal" },
          },
        },
      });
      expect(inv.status).toBe(403);
      expect(JSON.stringify(inv.body)).toContain("bare tilgjengelig i Microsoft Teams");
      const update = await h.post({
        ...fromChannel(channelId),
        type: "conversationUpdate",
        membersAdded: [],
      });
      expect(update.status).toBe(200);
    }
    expect(h.connector.calls().length).toBe(mark); // no reply, no member lookup, nothing sent
    expect(await h.running.app.repos.people.get(alex.aadObjectId)).toBeUndefined();
    expect(await read()).toEqual(before);
  });

  it("should answer the same activities from Teams (the control)", async () => {
    const mark = h.connector.calls().length;
    const msg = await h.message(alex, "hei");
    expect(msg.status).toBe(200);
    expect(h.connector.calls().length).toBeGreaterThan(mark);
    expect((await h.running.app.repos.people.get(alex.aadObjectId))?.target?.channelId).toBe("msteams");
    const inv = await h.execute(alex, "report.open", LESING);
    expect(inv.status).toBe(200);
  });
});
