import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { ConcurrencyError, ConflictError, NotFoundError } from "../../../src/storage/errors.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { makeReport, uid } from "./fixtures.ts";

let server: LocalCosmos;
let store: CosmosStore;
let repo: ReportRepo;

beforeAll(async () => {
  server = await startLocalCosmos({ port: 0, database: "reports-test" });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "reports-test" });
  repo = new ReportRepo(store.containers.reports);
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

function answer(value: string) {
  return { value, by: { id: "u-1", name: "Kari" }, at: "2026-11-02T10:00:00.000Z", rev: 1 };
}

describe("ReportRepo", () => {
  it("should create, read, replace and upsert a report without system fields", async () => {
    const roundId = uid("round");
    const created = await repo.create(makeReport({ id: "r1", roundId }));
    expect(created.etag).toBeTruthy();
    expect(created.doc).not.toHaveProperty("_rid");
    expect(created.doc).not.toHaveProperty("_etag");

    const read = await repo.get(roundId, "r1");
    expect(read?.doc).toEqual(created.doc);
    expect(read?.etag).toBe(created.etag);

    const replaced = await repo.replace({ ...created.doc, revision: 1, status: "submitted" }, created.etag);
    expect(replaced.doc.status).toBe("submitted");
    expect(replaced.etag).not.toBe(created.etag);

    const upserted = await repo.upsert({ ...replaced.doc, revision: 2 });
    expect((await repo.get(roundId, "r1"))?.doc.revision).toBe(2);
    expect(upserted.etag).not.toBe(replaced.etag);
  });

  it("should return undefined for a missing report, also in another partition", async () => {
    const roundId = uid("round");
    await repo.create(makeReport({ id: "only", roundId }));
    expect(await repo.get(roundId, "missing")).toBeUndefined();
    expect(await repo.get(uid("other-round"), "only")).toBeUndefined();
  });

  it("should throw ConflictError on a duplicate create", async () => {
    const roundId = uid("round");
    await repo.create(makeReport({ id: "dup", roundId }));
    const err = await repo.create(makeReport({ id: "dup", roundId })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: "storage_conflict", status: 409 });
  });

  it("should throw ConcurrencyError when replacing with a stale etag", async () => {
    const roundId = uid("round");
    const first = await repo.create(makeReport({ id: "c1", roundId }));
    await repo.replace({ ...first.doc, revision: 1 }, first.etag);
    const err = await repo.replace({ ...first.doc, revision: 2 }, first.etag).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrencyError);
    expect(err).toMatchObject({ code: "storage_concurrency", status: 412 });
    expect((await repo.get(roundId, "c1"))?.doc.revision).toBe(1);
  });

  it("should throw NotFoundError when replacing a report that does not exist", async () => {
    const doc = makeReport({ id: "ghost", roundId: uid("round") });
    await expect(repo.replace(doc, '"whatever"')).rejects.toBeInstanceOf(NotFoundError);
  });

  describe("updateWithRetry", () => {
    it("should keep every change of 20 concurrent mutators", async () => {
      const roundId = uid("round");
      await repo.create(makeReport({ id: "hot", roundId }));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          repo.updateWithRetry(
            roundId,
            "hot",
            (doc) => ({
              ...doc,
              revision: doc.revision + 1,
              answers: { ...doc.answers, [`q${i}`]: answer(`svar ${i}`) },
            }),
            20, // n concurrent writers need at most n attempts: every lost race means another won
          ),
        ),
      );
      expect(results.every((r) => r.written)).toBe(true);
      expect(results.some((r) => r.attempts > 1)).toBe(true);
      const final = await repo.get(roundId, "hot");
      expect(Object.keys(final?.doc.answers ?? {}).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `q${i}`).sort(),
      );
      expect(final?.doc.revision).toBe(20);
    });

    it("should not write when mutate returns undefined", async () => {
      const roundId = uid("round");
      const created = await repo.create(makeReport({ id: "noop", roundId }));
      const result = await repo.updateWithRetry(roundId, "noop", () => undefined);
      expect(result).toMatchObject({ written: false, attempts: 1, etag: created.etag });
      expect((await repo.get(roundId, "noop"))?.etag).toBe(created.etag);
    });

    it("should not leak in-place changes of a mutate that then declines", async () => {
      const roundId = uid("round");
      await repo.create(makeReport({ id: "leak", roundId }));
      const result = await repo.updateWithRetry(roundId, "leak", (doc) => {
        doc.status = "submitted";
        return undefined;
      });
      expect(result.doc.status).toBe("draft");
    });

    it("should throw NotFoundError for a missing report", async () => {
      await expect(repo.updateWithRetry(uid("round"), "none", (d) => d)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("should give up with ConcurrencyError after maxAttempts lost races", async () => {
      // Another writer slips in between every read and write of ours.
      class RacedRepo extends ReportRepo {
        override async get(roundId: string, id: string) {
          const current = await super.get(roundId, id);
          if (current) await repo.upsert({ ...current.doc, revision: current.doc.revision + 100 });
          return current;
        }
      }
      const roundId = uid("round");
      await repo.create(makeReport({ id: "contended", roundId }));
      let calls = 0;
      const raced = new RacedRepo(store.containers.reports);
      const err = await raced
        .updateWithRetry(
          roundId,
          "contended",
          (doc) => {
            calls += 1;
            return { ...doc, revision: doc.revision + 1 };
          },
          3,
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConcurrencyError);
      expect(calls).toBe(3);
      expect((await repo.get(roundId, "contended"))?.doc.revision).toBe(300);
    });
  });

  it("should list every report of a round across pages, and only that round", async () => {
    const roundId = uid("round");
    const other = uid("round");
    const docs = Array.from({ length: 130 }, (_, i) => makeReport({ id: `p${i}`, roundId }));
    for (let i = 0; i < docs.length; i += 26) {
      await Promise.all(docs.slice(i, i + 26).map((d) => repo.create(d)));
    }
    await repo.create(makeReport({ id: "p0", roundId: other }));

    const listed = await repo.listByRound(roundId);
    expect(listed).toHaveLength(130);
    expect(new Set(listed.map((d) => d.id)).size).toBe(130);
    expect(listed.every((d) => d.roundId === roundId && !("_etag" in d))).toBe(true);
    expect(await repo.listByRound(other)).toHaveLength(1);
    expect(await repo.listByRound(uid("empty"))).toEqual([]);
  });

  describe("listForPerson", () => {
    const personId = uid("aad");
    const ids = (docs: ReportDoc[]) => docs.map((d) => d.id).sort();

    beforeAll(async () => {
      const roundA = uid("round");
      const roundB = uid("round");
      const coEditor = { invitedAt: "2026-11-01T00:00:00.000Z", invitedBy: "someone" };
      await Promise.all([
        repo.create(
          makeReport({
            id: "by-id",
            roundId: roundA,
            contact: { name: "Ola", email: "ola@example.com", aadObjectId: personId },
          }),
        ),
        repo.create(
          makeReport({
            id: "by-email",
            roundId: roundB,
            contact: { name: "Ola", email: "Ola.Nordmann@Example.COM" },
          }),
        ),
        repo.create(
          makeReport({
            id: "co-by-id",
            roundId: roundA,
            coEditors: [
              { ...coEditor, email: "x@example.com" },
              { ...coEditor, email: "y@example.com", aadObjectId: personId },
            ],
          }),
        ),
        repo.create(
          makeReport({
            id: "co-by-email",
            roundId: roundB,
            coEditors: [{ ...coEditor, email: "OLA.nordmann@example.com" }],
          }),
        ),
        repo.create(makeReport({ id: "someone-else", roundId: roundA })),
        repo.create(
          makeReport({
            id: "other-co",
            roundId: roundB,
            coEditors: [{ ...coEditor, email: "z@example.com", aadObjectId: "aad-other" }],
          }),
        ),
      ]);
    });

    it("should find reports by Entra id as contact and as co-editor", async () => {
      expect(ids(await repo.listForPerson({ id: personId }))).toEqual(["by-id", "co-by-id"]);
    });

    it("should find reports by e-mail case-insensitively, as contact and as co-editor", async () => {
      const found = await repo.listForPerson({ id: uid("unknown"), email: " ola.NORDMANN@example.com " });
      expect(ids(found)).toEqual(["by-email", "co-by-email"]);
    });

    it("should combine id and e-mail matches", async () => {
      const found = await repo.listForPerson({ id: personId, email: "ola.nordmann@example.com" });
      expect(ids(found)).toEqual(["by-email", "by-id", "co-by-email", "co-by-id"]);
    });

    it("should find nothing for a stranger", async () => {
      expect(await repo.listForPerson({ id: uid("stranger"), email: "nobody@example.com" })).toEqual([]);
    });
  });
});
