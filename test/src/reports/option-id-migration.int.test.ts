/**
 * The one-time migration to option ids on a copy of stored documents, through the real @azure/cosmos SDK
 * against the embedded Cosmos-protocol server: a dry run writes nothing, the first run converts, the
 * second changes nothing. Stored documents are written as the bot stored them before the ids (option
 * texts, "Annet", an old card's indices), straight into the container.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadForms } from "../../../src/questionnaire/form.ts";
import { migrateOptionIds } from "../../../src/reports/option-id-migration.ts";
import { signatureOf, warningsFor } from "../../../src/reports/plausibility.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { form2021, form2024, makeReport, stored } from "./fixtures.ts";

let server: LocalCosmos;
let store: CosmosStore;
let repos: { rounds: RoundRepo; reports: ReportRepo };
const forms = loadForms();

beforeAll(async () => {
  server = await startLocalCosmos({ port: 0, database: "option-id-migration" });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "option-id-migration" });
  repos = {
    rounds: new RoundRepo(store.containers.rounds),
    reports: new ReportRepo(store.containers.reports),
  };
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

function round(id: string, formId: string) {
  return {
    id,
    county: "Nordland",
    formId,
    reportingYear: 2025,
    deadline: "2026-01-15T22:59:00.000Z",
    staffIds: [],
    createdAt: "2025-09-01T10:00:00.000Z",
  };
}

/** The stored documents as the bot wrote them before option ids. */
function legacyDocuments(): ReportDoc[] {
  const noCoordinator = makeReport(form2024, {
    id: "r-texts",
    roundId: "r2025",
    status: "submitted",
    answers: stored({
      q08: { value: ["Bodø", "Fauske - Fuosko"] },
      q10: { value: ["Vikarutgifter", "Annet"], other: "Kurs" },
      q12: { value: ["Partnerskapet omfatter mange skoler", "Har ikke koordinatorfunksjon"] },
      q15: { value: "2 år" },
    }),
    previous: { roundId: "r2024", reportId: "r-old", answers: { q20: { value: ["Læringsmiljø"] } } },
  });
  noCoordinator.plausibility = {
    "no-coordinator-with-reasons": {
      signature: signatureOf(noCoordinator, "no-coordinator-with-reasons", ["q12"], {}),
      by: { id: "aad-contact", name: "Kari" },
      at: "2026-01-10T10:00:00.000Z",
    },
  };
  return [
    noCoordinator,
    makeReport(form2024, {
      id: "r-indices",
      roundId: "r2025",
      answers: stored({ q17: { value: ["0", "3"] }, q15: { value: "3" } }),
    }),
    makeReport(form2024, {
      id: "r-already",
      roundId: "r2025",
      answers: stored({ q17: { value: ["kartlegging"] }, q01: { value: "Kari" } }),
    }),
    makeReport(form2024, { id: "r-unknown", roundId: "r2025", answers: stored({ q15: { value: "10 år" } }) }),
    makeReport(form2021, {
      id: "r-2021",
      roundId: "r2021",
      status: "submitted",
      answers: stored({ "5.3": { value: "I noen grad", comment: "Litt" }, "2.1": { value: "Kari" } }),
    }),
    { ...makeReport(form2024, { id: "r-other-form", roundId: "r2021" }), formId: "gammelt-skjema" },
  ];
}

/** Every stored report document with its ETag, by id. */
async function storedDocs(): Promise<Map<string, { etag: string; doc: ReportDoc }>> {
  const { resources } = await store.containers.reports.items
    .query<ReportDoc & { _etag: string }>("SELECT * FROM c")
    .fetchAll();
  return new Map(resources.map((r) => [r.id, { etag: r._etag, doc: r }]));
}

describe("migrateOptionIds", () => {
  beforeAll(async () => {
    await store.containers.rounds.items.create(round("r2025", "dekom-2024-2025"));
    await store.containers.rounds.items.create(round("r2021", "dekom-skole-2021"));
    for (const doc of legacyDocuments()) await store.containers.reports.items.create(doc);
  });

  it("should write nothing on a dry run and say what it would change", async () => {
    const before = await storedDocs();
    const result = await migrateOptionIds({ ...repos, forms }, { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, rounds: 2, reports: 6 });
    expect(result.changed.map((c) => c.reportId)).toEqual(["r-2021", "r-indices", "r-texts"]);
    expect(result.changed.every((c) => !c.written)).toBe(true);
    expect(result.unresolvedOnly.map((c) => [c.reportId, c.conversion.unresolved])).toEqual([
      ["r-unknown", [{ questionId: "q15", where: "answers", value: "10 år" }]],
    ]);
    expect(result.unknownForm).toEqual([
      { roundId: "r2021", reportId: "r-other-form", formId: "gammelt-skjema" },
    ]);
    const texts = result.changed.find((c) => c.reportId === "r-texts")?.conversion;
    expect(texts?.changes.find((c) => c.questionId === "q10")).toEqual({
      questionId: "q10",
      where: "answers",
      from: ["Vikarutgifter", "Annet"],
      to: ["vikarutgifter", "annet"],
    });
    const after = await storedDocs();
    for (const [id, { etag, doc }] of before) {
      expect(after.get(id)?.etag, id).toBe(etag);
      expect(after.get(id)?.doc, id).toEqual(doc);
    }
  });

  it("should convert every choice answer once, keep the rest, and change nothing on a second run", async () => {
    const first = await migrateOptionIds({ ...repos, forms }, { dryRun: false });
    expect(first.changed.map((c) => [c.reportId, c.written])).toEqual([
      ["r-2021", true],
      ["r-indices", true],
      ["r-texts", true],
    ]);
    const docs = await storedDocs();
    const texts = docs.get("r-texts")?.doc as ReportDoc;
    expect(texts.answers.q08?.value).toEqual(["bodo", "fauske"]);
    expect(texts.answers.q10).toMatchObject({ value: ["vikarutgifter", "annet"], other: "Kurs", rev: 1 });
    expect(texts.answers.q15?.value).toBe("2-ar");
    expect(texts.previous?.answers.q20?.value).toEqual(["laeringsmiljo"]);
    expect(texts.status).toBe("submitted");
    expect(texts.revision).toBe(legacyDocuments()[0]?.revision);
    const warning = warningsFor(form2024, texts).find((w) => w.rule === "no-coordinator-with-reasons");
    expect(warning?.confirmed).toBe(true);
    expect(docs.get("r-indices")?.doc.answers.q17?.value).toEqual(["kartlegging", "kombinasjon"]);
    expect(docs.get("r-indices")?.doc.answers.q15?.value).toBe("mer-enn-3-ar");
    expect(docs.get("r-2021")?.doc.answers["5.3"]).toMatchObject({ value: "noen-grad", comment: "Litt" });
    expect(docs.get("r-unknown")?.doc.answers.q15?.value).toBe("10 år");

    const second = await migrateOptionIds({ ...repos, forms }, { dryRun: false });
    expect(second.changed).toEqual([]);
    expect(second.reports).toBe(6);
    const again = await storedDocs();
    for (const [id, { etag }] of docs) expect(again.get(id)?.etag, id).toBe(etag);
  });
});
