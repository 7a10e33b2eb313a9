/**
 * ReachService against the real @azure/cosmos SDK (local Cosmos-protocol server) and a local Microsoft
 * Graph (test/support/graph-server.ts: no Graph emulator exists, so that server implements exactly the
 * calls used, with the documented request and response shapes). The conversation opener is a plain
 * object here; test/bot/reach.int.test.ts runs the real one (createConversation) end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.ts";
import { GraphClient } from "../../../src/people/graph-client.ts";
import { type ConversationOpener, ReachService, reachDocId } from "../../../src/people/reach-service.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { ReachRepo } from "../../../src/storage/reach-repo.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { type LocalGraph, startLocalGraph } from "../../support/graph-server.ts";
import { makePerson, makeReport, makeRound } from "../storage/fixtures.ts";

const TENANT = "11111111-1111-1111-1111-111111111111";
const APP = "catalog-app-1";
const NOW = new Date("2026-12-01T09:00:00.000Z");
const KARI = "aaaaaaaa-0000-0000-0000-000000000001"; // guest account in the host tenant
const OLA = "aaaaaaaa-0000-0000-0000-000000000002"; // install refused
const SIV = "aaaaaaaa-0000-0000-0000-000000000003"; // app already installed

let cosmos: LocalCosmos;
let store: CosmosStore;
let graph: LocalGraph;
let service: ReachService;
let people: PeopleRepo;
let records: ReachRepo;
const opened: Array<{ id: string; tenantId: string }> = [];

const opener: ConversationOpener = {
  async openPersonal(user) {
    opened.push(user);
    return {
      ok: true,
      target: {
        serviceUrl: "http://connector",
        channelId: "msteams",
        conversationId: `a:${user.id}`,
        tenantId: user.tenantId,
      },
    };
  },
};

beforeAll(async () => {
  cosmos = await startLocalCosmos({ database: "reach-test" });
  store = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: "reach-test" });
  graph = await startLocalGraph({
    apps: { [APP]: "manifest-id" },
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
      { id: SIV, mail: "siv@fylke.no", userPrincipalName: "siv@fylke.no", userType: "Member" },
    ],
  });
  graph.failInstall(OLA, 403, "Forbidden");
  graph.installed.set(SIV, new Set([APP]));
  const rounds = new RoundRepo(store.containers.rounds);
  const reports = new ReportRepo(store.containers.reports);
  people = new PeopleRepo(store.containers.people);
  records = new ReachRepo(store.containers.people);
  await rounds.upsert(makeRound({ id: "r-open", deadline: "2027-01-15T22:59:00.000Z" }));
  await rounds.upsert(makeRound({ id: "r-past", deadline: "2026-01-15T22:59:00.000Z" }));
  const contact = (name: string, email: string) => ({ contact: { name, email } });
  await reports.upsert(makeReport({ id: "k1", roundId: "r-open", ...contact("Kari", "Kari@Kommune.no") }));
  await reports.upsert(makeReport({ id: "k2", roundId: "r-open", ...contact("Kari", "kari@kommune.no") }));
  await reports.upsert(makeReport({ id: "o1", roundId: "r-open", ...contact("Ola", "ola@uit.no") }));
  await reports.upsert(makeReport({ id: "s1", roundId: "r-open", ...contact("Siv", "siv@fylke.no") }));
  await reports.upsert(makeReport({ id: "n1", roundId: "r-open", ...contact("Nils", "nils@nowhere.no") }));
  await reports.upsert(makeReport({ id: "m1", roundId: "r-open", ...contact("Met", "met@fylke.no") }));
  await reports.upsert(
    makeReport({ id: "d1", roundId: "r-open", status: "submitted", ...contact("Done", "done@fylke.no") }),
  );
  await reports.upsert(makeReport({ id: "p1", roundId: "r-past", ...contact("Past", "past@fylke.no") }));
  // Met has opened the bot: a stored conversation.
  await people.upsert(
    makePerson({
      id: "met-id",
      email: "met@fylke.no",
      target: { serviceUrl: "x", channelId: "msteams", conversationId: "c" },
    }),
  );
  service = new ReachService({
    rounds,
    reports,
    people,
    store: records,
    graph: new GraphClient(graph.url, async () => "test-token"),
    opener,
    appCatalogId: APP,
    tenantId: TENANT,
    clock: () => NOW,
    log: createLogger("silent"),
  });
});

afterAll(async () => {
  await graph?.close();
  store?.dispose();
  await cosmos?.stop();
});

describe("ReachService", () => {
  it("should pick the open rounds' unsent contacts without a stored conversation, once each", async () => {
    const list = await service.candidates(NOW);
    expect(list.map((c) => [c.email, c.reportIds.sort()]).sort()).toEqual([
      ["kari@kommune.no", ["k1", "k2"]],
      ["nils@nowhere.no", ["n1"]],
      ["ola@uit.no", ["o1"]],
      ["siv@fylke.no", ["s1"]],
    ]);
  });

  it("should install, open the chat and store it; record a refused install and an unknown user", async () => {
    expect(await service.run()).toEqual({ candidates: 4, reached: 2, failed: 2 });

    const kari = await people.get(KARI);
    expect(kari?.target?.conversationId).toBe(`a:${KARI}`);
    expect(kari?.email).toBe("kari@kommune.no");
    expect((await people.findByEmail("kari@kommune.no"))?.id).toBe(KARI);
    expect(graph.installed.get(KARI)?.has(APP)).toBe(true);
    expect(await records.get(reachDocId({ email: "kari@kommune.no" }))).toMatchObject({
      outcome: "reached",
      userId: KARI,
      steps: [
        { step: "lookup", outcome: "ok" },
        { step: "install", outcome: "ok" },
        { step: "conversation", outcome: "ok" },
      ],
    });

    const ola = await records.get(reachDocId({ email: "ola@uit.no" }));
    expect(ola).toMatchObject({ outcome: "failed", failedStep: "install", userId: OLA });
    expect(ola?.steps[1]).toEqual({ step: "install", outcome: "failed", status: 403, code: "Forbidden" });
    expect(await people.get(OLA)).toBeUndefined();

    expect((await records.get(reachDocId({ email: "siv@fylke.no" })))?.steps[1]).toEqual({
      step: "install",
      outcome: "already",
    });
    expect(await records.get(reachDocId({ email: "nils@nowhere.no" }))).toMatchObject({
      outcome: "failed",
      failedStep: "lookup",
      steps: [{ step: "lookup", outcome: "not_found" }],
    });
    expect(opened.map((o) => o.id).sort()).toEqual([KARI, SIV].sort());
    expect(opened.every((o) => o.tenantId === TENANT)).toBe(true);
  });

  it("should call Graph exactly as documented: the filter, the expand and the bind", () => {
    const install = graph.calls.find(
      (c) => c.method === "POST" && c.path === `/users/${KARI}/teamwork/installedApps`,
    );
    expect(install?.body).toEqual({ "teamsApp@odata.bind": `${graph.url}/appCatalogs/teamsApps/${APP}` });
    expect(install?.status).toBe(201);
    const check = graph.calls.find(
      (c) => c.method === "GET" && c.path === `/users/${KARI}/teamwork/installedApps`,
    );
    expect(check?.query).toEqual({ $expand: "teamsApp", $filter: `teamsApp/id eq '${APP}'` });
    expect(graph.calls.filter((c) => c.status === 400)).toEqual([]);
  });

  it("should leave reached contacts alone on the next run and try the failed ones again", async () => {
    const before = graph.calls.length;
    expect((await service.candidates(NOW)).map((c) => c.email).sort()).toEqual([
      "nils@nowhere.no",
      "ola@uit.no",
    ]);
    expect(await service.run()).toEqual({ candidates: 2, reached: 0, failed: 2 });
    expect(graph.calls.slice(before).some((c) => c.path.includes(KARI))).toBe(false);
  });

  it("should refuse a call without a token (the local Graph checks what Graph checks)", async () => {
    const client = new GraphClient(graph.url, async () => "");
    expect(await client.hasApp(KARI, APP)).toEqual({
      ok: false,
      status: 401,
      code: "InvalidAuthenticationToken",
    });
  });
});
