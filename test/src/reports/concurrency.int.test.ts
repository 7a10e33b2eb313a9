/**
 * Concurrent editing against the local Cosmos-protocol server: two editors each save 50 different
 * answers at the same moment, every card made before any of the saves. ETag If-Match with retry
 * and merging at the level of single answers must keep all 100.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { fingerprint } from "../../../src/questionnaire/fingerprint.ts";
import type { Form, Question } from "../../../src/questionnaire/types.ts";
import { ReportService } from "../../../src/reports/report-service.ts";
import type { Actor, ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";

const questions: Question[] = Array.from({ length: 100 }, (_, i) => ({
  id: `q${String(i + 1).padStart(3, "0")}`,
  text: `Spørsmål ${i + 1}`,
  help: null,
  type: "text",
  options: null,
  allowOther: false,
  comment: false,
  maxLength: 200,
  commentMaxLength: null,
  required: false,
}));
const form: Form = {
  id: "conc",
  title: "Samtidighet",
  reportingYear: "2025",
  guidance: [],
  sections: [{ id: "s1", title: "Alt", intro: null, questions }],
  confirmationQuestionId: null,
  periodPairs: [],
};

const contact: Actor = { id: "aad-contact", name: "Kari Kontakt" };
const coEditor: Actor = { id: "aad-co", name: "Per Partner", email: "per@example.com" };

describe("two editors saving the same report at the same moment", () => {
  let local: LocalCosmos;
  let store: CosmosStore;
  let repo: ReportRepo;
  beforeAll(async () => {
    local = await startLocalCosmos({ port: 0, database: "conc" });
    store = await openCosmos({ endpoint: local.endpoint, key: local.key, database: "conc" });
    repo = new ReportRepo(store.containers.reports);
    const doc: ReportDoc = {
      id: "r1",
      roundId: "round",
      formId: "conc",
      partnership: { id: "p", name: "P", category: "Kommune", sector: "Offentlig" },
      tiltak: { id: "r1", name: "T" },
      contact: { name: contact.name, email: "kari@example.com", aadObjectId: contact.id },
      coEditors: [{ email: "per@example.com", invitedAt: "2025-12-01T00:00:00Z", invitedBy: contact.id }],
      status: "draft",
      revision: 0,
      answers: {},
      createdAt: "2025-12-01T00:00:00Z",
      updatedAt: "2025-12-01T00:00:00Z",
    };
    await repo.create(doc);
  });
  afterAll(async () => {
    store?.dispose();
    await local?.stop();
  });

  it("should keep all 100 answers of 2 editors x 50 simultaneous saves", async () => {
    const service = new ReportService({
      reports: repo,
      forms: new Map([["conc", form]]),
      staffIds: [],
      clock: fixedClock("2025-12-10T10:00:00Z"),
    });
    // Every card was rendered at revision 0, when nothing was answered.
    const base = Object.fromEntries(questions.map((q) => [q.id, fingerprint(q, {})]));
    const saves = questions.map((q, i) =>
      service.saveSection(
        i < 50 ? contact : coEditor,
        { roundId: "round", reportId: "r1" },
        {
          sectionId: "s1",
          revision: 0,
          nav: "pause",
          raw: { [q.id]: `svar ${q.id}` },
          base,
        },
      ),
    );
    const outcomes = await Promise.all(saves);
    expect(outcomes.map((o) => o.kind)).toEqual(questions.map(() => "saved"));
    const stored = (await repo.get("round", "r1"))?.doc;
    expect(Object.keys(stored?.answers ?? {}).sort()).toEqual(questions.map((q) => q.id));
    for (const [i, q] of questions.entries()) {
      expect(stored?.answers[q.id]?.value).toBe(`svar ${q.id}`);
      expect(stored?.answers[q.id]?.by.name).toBe(i < 50 ? contact.name : coEditor.name);
    }
    expect(stored?.revision).toBe(100);
  });

  it("should call it stale, and write nothing, when both changed the same answer", async () => {
    const service = new ReportService({
      reports: repo,
      forms: new Map([["conc", form]]),
      staffIds: [],
      clock: fixedClock("2025-12-10T11:00:00Z"),
    });
    const q = questions[0] as Question;
    const before = (await repo.get("round", "r1"))?.doc as ReportDoc;
    const shown = { [q.id]: fingerprint(q, { [q.id]: `svar ${q.id}` }) };
    const first = await service.saveSection(
      contact,
      { roundId: "round", reportId: "r1" },
      {
        sectionId: "s1",
        revision: before.revision,
        nav: "pause",
        raw: { [q.id]: "kontaktens versjon" },
        base: shown,
      },
    );
    expect(first.kind).toBe("saved");
    const second = await service.saveSection(
      coEditor,
      { roundId: "round", reportId: "r1" },
      {
        sectionId: "s1",
        revision: before.revision,
        nav: "pause",
        raw: { [q.id]: "partnerens versjon" },
        base: shown,
      },
    );
    expect(second.kind).toBe("stale");
    expect((await repo.get("round", "r1"))?.doc.answers[q.id]?.value).toBe("kontaktens versjon");
  });

  it("should never refuse on a remembered copy when another instance changed the report", async () => {
    // Two bot instances: each ReportRepo remembers the last version it saw (to write without a read).
    const a = new ReportRepo(store.containers.reports);
    const b = new ReportRepo(store.containers.reports);
    const service = new ReportService({
      reports: a,
      forms: new Map([["conc", form]]),
      staffIds: [],
      clock: fixedClock("2025-12-10T12:00:00Z"),
    });
    await a.get("round", "r1"); // instance A remembers a version without Lise
    const lise: Actor = { id: "aad-lise", name: "Lise Ny", email: "lise@example.com" };
    await b.updateWithRetry("round", "r1", (d) => ({
      ...d,
      coEditors: [
        ...d.coEditors,
        { email: "lise@example.com", invitedAt: "2025-12-10T11:59:00Z", invitedBy: contact.id },
      ],
      revision: d.revision + 1,
    }));
    const q = questions[99] as Question;
    const before = (await b.get("round", "r1"))?.doc as ReportDoc;
    const saved = await service.saveSection(
      lise,
      { roundId: "round", reportId: "r1" },
      {
        sectionId: "s1",
        revision: before.revision,
        nav: "pause",
        raw: { [q.id]: "fra Lise" },
        base: { [q.id]: fingerprint(q, { [q.id]: `svar ${q.id}` }) },
      },
    );
    expect(saved.kind).toBe("saved");
    expect((await b.get("round", "r1"))?.doc.answers[q.id]?.value).toBe("fra Lise");
  });

  it("should save through a stale remembered copy by reading again after the 412", async () => {
    const a = new ReportRepo(store.containers.reports);
    const b = new ReportRepo(store.containers.reports);
    await a.get("round", "r1");
    await b.updateWithRetry("round", "r1", (d) => ({
      ...d,
      revision: d.revision + 1,
      updatedAt: "2025-12-10T12:30:00Z",
    }));
    const result = await a.updateWithRetry("round", "r1", (d) => ({
      ...d,
      revision: d.revision + 1,
      tiltak: { ...d.tiltak, name: "Nytt navn" },
    }));
    expect(result.written).toBe(true);
    const stored = (await b.get("round", "r1"))?.doc;
    expect(stored?.tiltak.name).toBe("Nytt navn");
    expect(stored?.updatedAt).toBe("2025-12-10T12:30:00Z"); // B's write was not lost
  });
});
