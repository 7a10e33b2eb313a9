/**
 * Binding the staff channel and recording a digest both write the same round document. Through the
 * real @azure/cosmos SDK against the local Cosmos-protocol server, each write is made to land between
 * the other's read and write (a read hook on the real RoundRepo, no fake): both changes must survive.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { PersonService } from "../../../src/people/person-service.ts";
import { loadForms } from "../../../src/questionnaire/form.ts";
import type { BindOutcome } from "../../../src/reports/staff-service.ts";
import { StaffService } from "../../../src/reports/staff-service.ts";
import type { Actor } from "../../../src/reports/types.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";
import type { Versioned } from "../../../src/storage/cosmos.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { LedgerRepo } from "../../../src/storage/ledger-repo.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { ChannelService, type StaffChannel } from "../../../src/summaries/channel-service.ts";
import { makeRound, uid } from "../storage/fixtures.ts";

/** The real repository; `beforeNextReturn` runs once, after a read and before its caller sees it. */
class RoundsWithReadHook extends RoundRepo {
  beforeNextReturn: (() => Promise<unknown>) | undefined;
  reads = 0;
  override async read(id: string): Promise<Versioned<RoundDoc> | undefined> {
    const result = await super.read(id);
    this.reads++;
    const hook = this.beforeNextReturn;
    this.beforeNextReturn = undefined;
    if (hook !== undefined) await hook();
    return result;
  }
}

const STAFF: Actor = { id: "staff-1", name: "Saksbehandler" };
const channelOf = (conversationId: string): StaffChannel => ({
  serviceUrl: "https://smba.example/emea/",
  channelId: "msteams",
  conversationId,
});

let server: LocalCosmos;
let store: CosmosStore;
let rounds: RoundsWithReadHook;
let staff: StaffService;
let channels: ChannelService;

beforeAll(async () => {
  server = await startLocalCosmos({ database: "channel-race-test" });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "channel-race-test" });
  rounds = new RoundsWithReadHook(store.containers.rounds);
  const reports = new ReportRepo(store.containers.reports);
  const people = new PeopleRepo(store.containers.people);
  const forms = loadForms();
  const clock = fixedClock("2025-12-01T08:00:00Z");
  const deps = { rounds, reports, people, forms, staffIds: [STAFF.id], clock };
  staff = new StaffService({ ...deps, notify: async () => false });
  const ledger = new LedgerRepo(store.containers.ledger);
  channels = new ChannelService({ ...deps, ledger, staff, people: new PersonService({ people, clock }) });
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

/** A round bound to a channel, with a digest already posted there for an earlier slot. */
async function boundRound(): Promise<{ id: string; channel: StaffChannel }> {
  const id = uid("race");
  const channel = channelOf(`19:${id}@thread.tacv2`);
  await rounds.create(
    makeRound({
      id,
      staffChannel: { ...channel, digestActivityId: "old", lastDigestSlot: "2025-11-30T08:00:00.000Z" },
    }),
  );
  return { id, channel };
}

const SLOT = new Date("2025-12-01T08:00:00.000Z");
const bind = (roundId: string, channel: StaffChannel) =>
  staff.bindChannel(STAFF, { ...channel, channelName: "Rapportering" }, roundId);

describe("a staff-channel bind racing a digest write on the same round", () => {
  it("should keep the bind when it lands between the digest's read and write", async () => {
    const { id, channel } = await boundRound();
    let bound: BindOutcome | undefined;
    rounds.beforeNextReturn = async () => {
      bound = await bind(id, channel);
    };
    const readsBefore = rounds.reads;
    expect(await channels.recordDigest(id, channel, SLOT, "new-digest")).toBe(true);
    expect(bound?.kind).toBe("bound"); // the bind really ran in between
    expect(rounds.reads - readsBefore).toBeGreaterThanOrEqual(3); // digest, bind, digest again after 412

    const stored = await rounds.get(id);
    // Issue 13: the team's members are no longer copied into the round's staff list.
    expect(stored?.staffIds).toEqual(["staff-1"]);
    expect(stored?.staffChannel).toMatchObject({
      channelName: "Rapportering",
      lastDigestSlot: SLOT.toISOString(),
      digestActivityId: "new-digest",
    });
  });

  it("should keep the digest when it lands between the bind's read and write", async () => {
    const { id, channel } = await boundRound();
    rounds.beforeNextReturn = async () => {
      expect(await channels.recordDigest(id, channel, SLOT, "new-digest")).toBe(true);
    };
    const bound = await bind(id, channel);
    expect(bound.kind === "bound" ? bound.round.id : undefined).toBe(id);

    const stored = await rounds.get(id);
    expect(stored?.staffIds).toEqual(["staff-1"]);
    // Binding anew starts a new digest card, but the slot just posted is remembered (not posted twice).
    expect(stored?.staffChannel?.channelName).toBe("Rapportering");
    expect(stored?.staffChannel?.lastDigestSlot).toBe(SLOT.toISOString());
    expect(stored?.staffChannel?.digestActivityId).toBeUndefined();
  });

  it("should lose the bind with the unconditional write it replaces (the race is real)", async () => {
    const { id, channel } = await boundRound();
    const stale = await rounds.get(id);
    await bind(id, channel);
    expect((await rounds.get(id))?.staffChannel?.channelName).toBe("Rapportering");
    if (stale?.staffChannel === undefined) throw new Error("round without channel");
    await rounds.upsert({
      ...stale,
      staffChannel: { ...stale.staffChannel, lastDigestSlot: SLOT.toISOString() },
    });
    // The bind's channel name is gone: the stale unconditional write replaced the bound round.
    expect((await rounds.get(id))?.staffChannel?.channelName).toBeUndefined();
  });

  it("should not record a digest on a round bound to another channel meanwhile", async () => {
    const { id, channel } = await boundRound();
    const other = channelOf(`19:other-${id}@thread.tacv2`);
    rounds.beforeNextReturn = async () => {
      await bind(id, other);
    };
    expect(await channels.recordDigest(id, channel, SLOT, "new-digest")).toBe(false);
    const stored = await rounds.get(id);
    expect(stored?.staffChannel?.conversationId).toBe(other.conversationId);
    expect(stored?.staffChannel?.digestActivityId).toBeUndefined();
  });
});
