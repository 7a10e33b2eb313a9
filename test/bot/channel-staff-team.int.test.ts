/**
 * Staff rights that follow the bound staff team, through the real bot: team members from the
 * county's tenant are staff while they are members (asked of Teams with getTeamMember), guests and
 * other tenants never are, someone removed from the team is refused at once, and binding with several
 * rounds asks which one. Teams' roster is the loopback connector's (the documented "get single
 * member" / "get paged members" shapes); storage is the local Cosmos-protocol server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { activityBase, type Harness, startHarness, TENANT, type TestUser } from "../support/bot-harness.ts";
import type { TeamMemberRecord } from "../support/loopback-connector.ts";

const TEAM = "19:staffteam@thread.tacv2";
const CHANNEL = "19:staffchannel@thread.tacv2";
const OTHER_TENANT = "00000000-0000-0000-0000-00000000ffff";
const binder: TestUser = {
  id: "29:binder",
  aadObjectId: "00000000-0000-0000-0000-00000000b001",
  name: "Berit",
};
const mia: TestUser = { id: "29:mia", aadObjectId: "00000000-0000-0000-0000-00000000b002", name: "Mia" };
/** A guest account Teams reports without userRole, recognisable by its #EXT# UPN. */
const external: TestUser = {
  id: "29:ext",
  aadObjectId: "00000000-0000-0000-0000-00000000b005",
  name: "Ekstern",
};
const guest: TestUser = {
  id: "29:gjest",
  aadObjectId: "00000000-0000-0000-0000-00000000b003",
  name: "Gjest",
};
const outsider: TestUser = {
  id: "29:annen",
  aadObjectId: "00000000-0000-0000-0000-00000000b004",
  name: "Annen",
  tenantId: OTHER_TENANT,
};

const record = (u: TestUser, extra: Partial<TeamMemberRecord> = {}): TeamMemberRecord => ({
  id: u.id,
  name: u.name,
  aadObjectId: u.aadObjectId,
  userPrincipalName: `${u.name.toLowerCase()}@statsforvalteren.no`,
  tenantId: u.tenantId ?? TENANT,
  userRole: "user",
  ...extra,
});
const ROSTER: TeamMemberRecord[] = [
  record(binder),
  record(mia),
  record(guest, { userRole: "guest" }),
  record(external, { userPrincipalName: "ekstern_example.com#EXT#@statsforvalteren.no" }),
  record(outsider),
];

describe("staff access that follows the bound team", () => {
  let h: Harness;
  const channelData = {
    tenant: { id: TENANT },
    team: { id: TEAM },
    channel: { id: CHANNEL, name: "Saksbehandling" },
  };
  const conversation = (u: TestUser) => ({
    id: `${CHANNEL};messageid=7`,
    conversationType: "channel",
    tenantId: u.tenantId ?? TENANT,
    isGroup: true,
  });
  const inChannel = (u: TestUser, text: string) =>
    h.post({
      ...activityBase(h.connector.url, u),
      type: "message",
      text: `<at>Test Bot</at> ${text}`,
      conversation: conversation(u),
      channelData: { ...channelData, tenant: { id: u.tenantId ?? TENANT } },
    });
  const clickInChannel = (u: TestUser, verb: string, data: Record<string, unknown>) =>
    h.post({
      ...activityBase(h.connector.url, u),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data: { verb, ...data } } },
      conversation: conversation(u),
      channelData,
    });
  /** What the bot answered in the channel since `mark`. */
  const channelSaid = (mark: number) =>
    h.connector
      .calls()
      .filter((c) => c.seq > mark && c.conversationId?.startsWith(CHANNEL))
      .map((c) => JSON.stringify(c.body ?? ""))
      .join("\n");
  const teamEvent = (removed: TestUser[], added: TestUser[] = []) =>
    h.post({
      ...activityBase(h.connector.url, binder),
      type: "conversationUpdate",
      conversation: { id: CHANNEL, conversationType: "channel", tenantId: TENANT, isGroup: true },
      ...(removed.length > 0 ? { membersRemoved: removed.map((u) => ({ id: u.id })) } : {}),
      ...(added.length > 0
        ? { membersAdded: added.map((u) => ({ id: u.id, aadObjectId: u.aadObjectId })) }
        : {}),
      channelData: {
        ...channelData,
        eventType: removed.length > 0 ? "teamMemberRemoved" : "teamMemberAdded",
      },
    });

  beforeAll(async () => {
    h = await startHarness({
      env: { STAFF_AAD_IDS: binder.aadObjectId, SCHEDULES: "off", CLOCK_NOW: "2026-01-12T08:05:00.000Z" },
      connector: { teams: { [TEAM]: ROSTER } },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("should bind the only round without copying the team's members into the round", async () => {
    const before = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    const mark = h.connector.calls().length;
    await inChannel(binder, "bruk denne kanalen");
    const round = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    expect(round?.staffChannel?.conversationId).toBe(CHANNEL);
    expect(round?.staffChannel?.teamId).toBe(TEAM);
    expect(round?.staffIds).toEqual(before?.staffIds);
    // Binder and Mia count; the guest and the other tenant's member do not.
    expect(channelSaid(mark)).toContain("Teamets 2 medlemmer fra egen organisasjon");
  });

  it("should make a current county member staff, and never a guest or another tenant's member", async () => {
    let mark = h.connector.calls().length;
    await inChannel(mia, "status");
    expect(channelSaid(mark)).toContain("av 3 levert");
    // Teams was asked about Mia by her Entra object id.
    expect(
      h.connector.calls().some((c) => c.seq > mark && c.path.endsWith(`/members/${mia.aadObjectId}`)),
    ).toBe(true);
    for (const u of [guest, external, outsider]) {
      mark = h.connector.calls().length;
      await inChannel(u, "status");
      const said = channelSaid(mark);
      expect(said, u.name).toContain("bare for Statsforvalterens");
      expect(said, u.name).not.toContain("levert");
      const listed = await h.execute(u, "staff.reports", { roundId: DEMO_ROUND_ID });
      expect(JSON.stringify(listed.body), u.name).not.toContain("Vurdering for læring");
      const read = await h.execute(u, "report.read", {
        roundId: DEMO_ROUND_ID,
        reportId: "t-salten-vurdering",
      });
      expect(JSON.stringify(read.body), u.name).toContain("Du har ikke tilgang");
    }
    // A team member reads a whole report ("Les hele rapporteringen").
    const read = await h.execute(mia, "report.read", {
      roundId: DEMO_ROUND_ID,
      reportId: "t-salten-vurdering",
    });
    expect(JSON.stringify(read.body)).toContain("Hele rapporteringen");
    expect(JSON.stringify(read.body)).toContain("Salten regionråd – Vurdering for læring");
  });

  it("should refuse a member's next staff-only action once she is removed from the team", async () => {
    const listed = await h.execute(mia, "staff.reports", { roundId: DEMO_ROUND_ID });
    expect(JSON.stringify(listed.body)).toContain("Vurdering for læring");

    h.connector.setTeamMembers(
      TEAM,
      ROSTER.filter((m) => m.aadObjectId !== mia.aadObjectId),
    );
    expect((await teamEvent([mia])).status).toBe(200);
    const stamped = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    expect(stamped?.staffChannel?.membersVersion).toBeGreaterThan(1);

    const refused = await h.execute(mia, "staff.reports", { roundId: DEMO_ROUND_ID });
    expect(JSON.stringify(refused.body)).not.toContain("Vurdering for læring");
    expect(JSON.stringify(refused.body)).toContain("bare for Statsforvalterens");
    const mark = h.connector.calls().length;
    await inChannel(mia, "status");
    expect(channelSaid(mark)).toContain("bare for Statsforvalterens");

    // Added back: staff again at once.
    h.connector.setTeamMembers(TEAM, ROSTER);
    await teamEvent([], [mia]);
    const again = await h.execute(mia, "staff.reports", { roundId: DEMO_ROUND_ID });
    expect(JSON.stringify(again.body)).toContain("Vurdering for læring");
  });

  it("should ask which round when there are several, and bind only the one chosen", async () => {
    const demo = await h.running.app.repos.rounds.get(DEMO_ROUND_ID);
    if (demo === undefined) throw new Error("no demo round");
    const { staffChannel: _bound, ...unbound } = demo;
    await h.running.app.repos.rounds.create({
      ...unbound,
      id: "nordland-2026",
      reportingYear: 2026,
      createdAt: "2026-01-10T08:00:00.000Z",
    });
    const mark = h.connector.calls().length;
    await inChannel(binder, "bruk denne kanalen");
    const said = channelSaid(mark);
    expect(said).toContain("Hvilken rapporteringsrunde skal kanalen brukes til?");
    expect(said).toContain("Bruk Nordland 2025");
    expect(said).toContain("Bruk Nordland 2026");
    expect((await h.running.app.repos.rounds.get("nordland-2026"))?.staffChannel).toBeUndefined();

    // Someone who may not bind cannot use the card's button either.
    await clickInChannel(mia, "channel.bind", { roundId: "nordland-2026" });
    expect((await h.running.app.repos.rounds.get("nordland-2026"))?.staffChannel).toBeUndefined();

    const chosen = await clickInChannel(binder, "channel.bind", { roundId: "nordland-2026" });
    expect(chosen.status).toBe(200);
    expect(JSON.stringify(chosen.body)).toContain("Nordland 2026");
    expect((await h.running.app.repos.rounds.get("nordland-2026"))?.staffChannel?.conversationId).toBe(
      CHANNEL,
    );
  });
});
