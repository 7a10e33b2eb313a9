/**
 * Export and erasure through the real @azure/cosmos SDK against a local Cosmos-protocol server: the
 * library functions, then `npm run personal-data` as a child process pointed at the same server.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyErasure,
  ERASED,
  erasedEmail,
  exportOf,
  loadHoldings,
  type PersonalDataExport,
  type PersonalDataStores,
  planErasure,
} from "../../../src/people/personal-data.ts";
import { reachDocId } from "../../../src/people/reach-service.ts";
import { recipientKey } from "../../../src/reminders/recipients.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { LedgerRepo } from "../../../src/storage/ledger-repo.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { ReachRepo } from "../../../src/storage/reach-repo.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { makePerson, makeReport, makeRound } from "../storage/fixtures.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DATABASE = "personal-data";
const NOW = new Date("2026-12-01T12:00:00.000Z");
const KARI = { id: "aad-kari", name: "Kari Nordmann", email: "kari@example.com", phone: "+4791234567" };
const answer = (value: string, by: { id: string; name: string }) => ({
  value,
  by,
  at: "2026-11-03T09:00:00.000Z",
  rev: 1,
});

describe("personal data through Cosmos", () => {
  let cosmos: LocalCosmos;
  let store: CosmosStore;
  let st: PersonalDataStores;

  /** Kari: contact of r-1 (two rounds), co-editor of r-2; Ola: contact of r-2. Every call makes a fresh set. */
  async function seed(round: string): Promise<void> {
    await st.rounds.upsert(makeRound({ id: round }));
    await st.people.upsert(
      makePerson({ id: KARI.id, name: KARI.name, email: KARI.email, target: conversation("a:kari") }),
    );
    await st.people.upsert(makePerson({ id: "aad-ola", name: "Ola", email: "ola@example.com" }));
    await st.reports.upsert(
      makeReport({
        id: "r-1",
        roundId: round,
        contact: { name: KARI.name, email: KARI.email, phone: KARI.phone, aadObjectId: KARI.id },
        answers: {
          q01: answer(KARI.name, KARI),
          q03: answer(KARI.phone, KARI),
          q09: answer("Nord universitet", { id: "aad-ola", name: "Ola" }),
        },
      }),
    );
    await st.reports.upsert(
      makeReport({
        id: "r-2",
        roundId: round,
        contact: { name: "Ola", email: "ola@example.com", aadObjectId: "aad-ola" },
        coEditors: [{ email: KARI.email, invitedAt: NOW.toISOString(), invitedBy: "aad-ola" }],
        answers: { q02: answer("Salten", KARI) },
      }),
    );
    const key = recipientKey({ aadObjectId: KARI.id });
    // The reach job's record of trying to reach Kari (and one of Ola's, which must stay).
    for (const [id, userId] of [
      [KARI.id, KARI.id],
      ["aad-ola", "aad-ola"],
    ] as const)
      await st.reach.put({
        id: reachDocId({ aadObjectId: id }),
        kind: "reach",
        userId,
        reportIds: ["r-1"],
        outcome: "reached",
        steps: [{ step: "lookup", outcome: "ok" }],
        at: NOW.toISOString(),
      });
    await st.ledger.claim({
      roundId: round,
      reportId: "r-1",
      recipient: key,
      recipientRole: "contact",
      stage: "first",
      stageKind: "before",
      dueAt: NOW.toISOString(),
      owner: "run-1",
      claimedAt: NOW.toISOString(),
      attempts: 1,
      updatedAt: NOW.toISOString(),
    });
    await st.ledger.updateRecipient(round, "r-1", key, { optedOutAt: NOW.toISOString() }, NOW.toISOString());
    await st.ledger.updateRecipient(
      round,
      "r-2",
      recipientKey({ aadObjectId: "aad-ola" }),
      { includeCoEditors: true },
      NOW.toISOString(),
    );
  }

  const conversation = (conversationId: string) => ({
    serviceUrl: "https://smba.example",
    channelId: "msteams",
    conversationId,
    userId: "29:kari",
  });

  const { LOG_LEVEL: _level, ...env } = process.env;
  const cli = (...args: string[]) =>
    promisify(execFile)(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/personal-data.ts", ...args], {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: "test",
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: DATABASE,
        CLOCK_NOW: NOW.toISOString(),
      },
    });

  const read = async (roundId: string, id: string): Promise<ReportDoc> => {
    const found = await st.reports.get(roundId, id);
    if (!found) throw new Error(`${roundId}/${id} missing`);
    return found.doc;
  };

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: DATABASE });
    store = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: DATABASE });
    st = {
      reports: new ReportRepo(store.containers.reports),
      rounds: new RoundRepo(store.containers.rounds),
      people: new PeopleRepo(store.containers.people),
      ledger: new LedgerRepo(store.containers.ledger),
      reach: new ReachRepo(store.containers.people),
      containers: { people: store.containers.people, ledger: store.containers.ledger },
    };
  });
  afterAll(async () => {
    store?.dispose();
    await cosmos?.stop();
  });

  it("should export and then erase everything about the person, and find nothing afterwards", async () => {
    await seed("round-a");
    const before = await loadHoldings(st, "Kari@Example.com");
    const x = exportOf("Kari@Example.com", before, NOW);
    expect(x.people.map((p) => p.id)).toEqual([KARI.id]);
    expect(x.people[0]).not.toHaveProperty("_etag");
    expect(x.reports.map((r) => `${r.reportId}:${r.roles.join("+")}`).sort()).toEqual([
      "r-1:contact+author",
      "r-2:coeditor+author",
    ]);
    expect(x.reminders.map((d) => d.kind).sort()).toEqual(["recipient", "reminder"]);
    expect(x.reach.map((d) => d.userId)).toEqual([KARI.id]);

    const plan = planErasure("kari@example.com", before, NOW);
    expect(await applyErasure(st, plan, NOW)).toEqual({
      peopleDeleted: 1,
      reachDeleted: 1,
      reportsChanged: 2,
      ledgerDeleted: 2,
    });

    const r1 = await read("round-a", "r-1");
    expect(r1.contact).toEqual({ name: ERASED, email: erasedEmail("r-1") });
    expect(r1.answers.q01).toMatchObject({ value: ERASED, by: { id: ERASED, name: ERASED } });
    expect(r1.answers.q09).toMatchObject({ value: "Nord universitet", by: { id: "aad-ola" } });
    const r2 = await read("round-a", "r-2");
    expect(r2.coEditors).toEqual([]);
    expect(r2.answers.q02).toMatchObject({ value: "Salten", by: { id: ERASED } });
    expect(await st.people.get(KARI.id)).toBeUndefined();
    expect(await st.people.get("aad-ola")).toBeDefined();
    expect(await st.reach.get(reachDocId({ aadObjectId: KARI.id }))).toBeUndefined();
    expect(await st.reach.get(reachDocId({ aadObjectId: "aad-ola" }))).toBeDefined();
    const ledger = await st.ledger.listByRound("round-a");
    expect(ledger.reminders).toEqual([]);
    expect(ledger.recipients.map((d) => d.reportId)).toEqual(["r-2"]);

    const after = await loadHoldings(st, "kari@example.com");
    const again = planErasure("kari@example.com", after, NOW);
    expect(again.people.length + again.reports.length + again.ledger.length + again.reach.length).toBe(0);
    const { email: _asked, subject: _subject, ...rest } = exportOf("kari@example.com", after, NOW);
    expect(JSON.stringify(rest)).not.toMatch(/kari|91234567|aad-kari/i);
    // Running the same plan twice is harmless.
    expect(await applyErasure(st, plan, NOW)).toEqual({
      peopleDeleted: 0,
      reachDeleted: 0,
      reportsChanged: 0,
      ledgerDeleted: 0,
    });
  });

  it("should export as JSON, show a dry run that changes nothing, and erase with --yes (npm run personal-data)", {
    timeout: 90_000,
  }, async () => {
    await seed("round-b");

    const exported = JSON.parse((await cli("export", "--email", KARI.email)).stdout) as PersonalDataExport;
    expect(exported.email).toBe(KARI.email);
    expect(exported.reports.some((r) => r.roundId === "round-b" && r.contact?.phone === KARI.phone)).toBe(
      true,
    );

    const before = await read("round-b", "r-1");
    const dry = await cli("erase", "--email", KARI.email);
    expect(dry.stdout).toContain("prøvekjøring");
    expect(dry.stdout).toContain("reports/round-b/r-1");
    expect(dry.stdout).toContain("siste forsøk på å nå personen");
    expect(dry.stdout).toContain("Kjør på nytt med --yes");
    expect(await read("round-b", "r-1")).toEqual(before);

    const done = await cli("erase", "--email", KARI.email, "--yes");
    expect(done.stdout).toContain("Ferdig: 1 personpost(er) og 1 kontaktforsøk slettet");
    expect((await read("round-b", "r-1")).contact.name).toBe(ERASED);
    expect((await cli("erase", "--email", KARI.email)).stdout).toContain("Fant ingen personopplysninger");

    await expect(cli("erase")).rejects.toMatchObject({ code: 2 });
  });

  it("should delete a whole round with delete-round --yes, after a dry run that changes nothing", {
    timeout: 90_000,
  }, async () => {
    await seed("round-c");
    const dry = await cli("delete-round", "--round", "round-c");
    expect(dry.stdout).toContain("2 rapportering(er) slettes (0 levert, 2 ikke levert)");
    expect(dry.stdout).toContain("prøvekjøring");
    expect(await st.rounds.get("round-c")).toBeDefined();

    const done = await cli("delete-round", "--round", "round-c", "--yes");
    expect(done.stdout).toContain("Ferdig: 6 dokument(er) slettet.");
    expect(await st.rounds.get("round-c")).toBeUndefined();
    expect(await st.reports.listByRound("round-c")).toEqual([]);
    expect(await st.ledger.listByRound("round-c")).toEqual({ reminders: [], recipients: [] });
    expect(await st.people.get("aad-ola")).toBeDefined();
    expect((await cli("delete-round", "--round", "round-c")).stdout).toContain("Fant ingen runde round-c");
  });
});
