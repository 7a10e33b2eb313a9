import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { makePerson, makeRound } from "./fixtures.ts";

let server: LocalCosmos;
let store: CosmosStore;

beforeAll(async () => {
  server = await startLocalCosmos({ database: "rounds-people-test" });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "rounds-people-test" });
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

describe("RoundRepo", () => {
  it("should upsert, read and list rounds, newest year first, optionally by county", async () => {
    const rounds = new RoundRepo(store.containers.rounds);
    expect(await rounds.get("vestland-2025")).toBeUndefined();
    const saved = await rounds.upsert(makeRound({ id: "vestland-2025" }));
    expect(saved).not.toHaveProperty("_etag");
    await rounds.upsert(makeRound({ id: "vestland-2026", reportingYear: 2026 }));
    await rounds.upsert(makeRound({ id: "rogaland-2025", county: "Rogaland" }));
    await rounds.upsert(makeRound({ id: "vestland-2025", staffIds: ["staff-1", "staff-2"] }));

    expect((await rounds.get("vestland-2025"))?.staffIds).toEqual(["staff-1", "staff-2"]);
    expect((await rounds.list()).map((r) => r.id)).toEqual([
      "vestland-2026",
      "rogaland-2025",
      "vestland-2025",
    ]);
    expect((await rounds.list({ county: "Vestland" })).map((r) => r.id)).toEqual([
      "vestland-2026",
      "vestland-2025",
    ]);
    expect(await rounds.list({ county: "Agder" })).toEqual([]);
  });
});

describe("PeopleRepo", () => {
  it("should upsert and read a person with a conversation target", async () => {
    const people = new PeopleRepo(store.containers.people);
    expect(await people.get("aad-1")).toBeUndefined();
    const target = {
      serviceUrl: "http://localhost:56150/_connector",
      channelId: "msteams",
      conversationId: "c-1",
    };
    await people.upsert(makePerson({ id: "aad-1", email: "Kari@Example.com", target }));
    const read = await people.get("aad-1");
    expect(read?.target).toEqual(target);
    expect(read).not.toHaveProperty("_rid");
  });

  it("should find a person by e-mail case-insensitively, the most recently updated when several match", async () => {
    const people = new PeopleRepo(store.containers.people);
    await people.upsert(
      makePerson({ id: "old", email: "per@example.com", updatedAt: "2026-01-01T00:00:00.000Z" }),
    );
    await people.upsert(
      makePerson({ id: "new", email: "Per@Example.com", updatedAt: "2026-06-01T00:00:00.000Z" }),
    );
    await people.upsert(makePerson({ id: "no-mail" }));

    expect((await people.findByEmail(" PER@example.COM "))?.id).toBe("new");
    expect(await people.findByEmail("nobody@example.com")).toBeUndefined();
    expect(await people.findByEmail("  ")).toBeUndefined();
  });
});
