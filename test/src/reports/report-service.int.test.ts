import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { RAW_MAX_LENGTH } from "../../../src/questionnaire/answers.ts";
import { allQuestions } from "../../../src/questionnaire/form.ts";
import type { Form, Section } from "../../../src/questionnaire/types.ts";
import {
  type ReportRef,
  ReportService,
  type SaveInput,
  type SaveOutcome,
  type SubmitOutcome,
} from "../../../src/reports/report-service.ts";
import type { Actor, ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { NORWEGIAN } from "../questionnaire/helpers.ts";
import { uid } from "../storage/fixtures.ts";
import {
  bothForms,
  coEditorActor,
  completeContents,
  contactActor,
  form2021,
  form2024,
  forms,
  makeReport,
  sectionRaw,
  staffActor,
  stored,
  strangerActor,
  validRaw,
} from "./fixtures.ts";

const DATABASE = "report-service-test";
const ROUND = "vestland-2025";
const NOW = "2026-11-20T13:45:00.000Z";

let server: LocalCosmos;
let store: CosmosStore;
let repo: ReportRepo;
let service: ReportService;

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: DATABASE });
  repo = new ReportRepo(store.containers.reports);
  service = new ReportService({ reports: repo, forms, staffIds: [staffActor.id], clock: fixedClock(NOW) });
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

/** Stores a new report and returns its reference. */
async function seed(form: Form, overrides: Partial<ReportDoc> = {}): Promise<ReportRef> {
  const doc = makeReport(form, { id: uid("r"), roundId: ROUND, ...overrides });
  await repo.create(doc);
  return { roundId: doc.roundId, reportId: doc.id };
}

/** A complete report (every question answered with valid values) at revision 1. */
function complete(form: Form, overrides: Partial<ReportDoc> = {}): Partial<ReportDoc> {
  return { revision: 1, answers: stored(completeContents(form), contactActor, 1), ...overrides };
}

/** The stored document and its ETag (a changed ETag means something was written). */
async function read(ref: ReportRef): Promise<{ doc: ReportDoc; etag: string }> {
  const found = await repo.get(ref.roundId, ref.reportId);
  if (found === undefined) throw new Error(`report ${ref.reportId} is gone`);
  return found;
}

function sectionAt(form: Form, index: number): Section {
  const s = form.sections[index];
  if (s === undefined) throw new Error(`no section ${index} in ${form.id}`);
  return s;
}

function save(actor: Actor, ref: ReportRef, input: SaveInput): Promise<SaveOutcome> {
  return service.saveSection(actor, ref, input);
}

function expectSaved(o: SaveOutcome): Extract<SaveOutcome, { kind: "saved" }> {
  if (o.kind !== "saved")
    throw new Error(`expected "saved", got ${JSON.stringify({ ...o, report: undefined })}`);
  return o;
}

function expectSubmitted(o: SubmitOutcome): Extract<SubmitOutcome, { kind: "submitted" }> {
  if (o.kind !== "submitted") throw new Error(`expected "submitted", got ${o.kind}`);
  return o;
}

/** Asserts that nothing was written since `before` was read. */
async function expectUnchanged(ref: ReportRef, before: { doc: ReportDoc; etag: string }) {
  const after = await read(ref);
  expect(after.etag).toBe(before.etag);
  expect(after.doc.revision).toBe(before.doc.revision);
  expect(after.doc.answers).toEqual(before.doc.answers);
  expect(after.doc.status).toBe(before.doc.status);
}

const s1 = sectionAt(form2024, 0); // q01 text, q02 text, q03 phone
const s6 = sectionAt(form2024, 5); // q24-q26 longtext, all optional
const contactSection = sectionAt(form2021, 0); // 2.1 text, 2.2 email, 2.3 text, 2.4 yesno (confirmation)

describe("ReportService.saveSection", () => {
  it("should save the valid answers, report the bad one in Norwegian and raise the revision by one", async () => {
    const ref = await seed(form2021);
    const raw = {
      "2.1": "Kari, Rana kommune",
      "2.2": "ikke-en-adresse",
      "2.3": "REF-2025-17",
      "2.4": "true",
    };
    const o = await save(contactActor, ref, { sectionId: "2", revision: 0, nav: "pause", raw });

    expect(o.kind).toBe("invalid");
    if (o.kind !== "invalid") return;
    expect(Object.keys(o.errors)).toEqual(["2.2"]);
    expect(o.errors["2.2"]).toMatch(NORWEGIAN);
    expect(o.errors["2.2"]).toContain("e-postadresse");
    expect(o.sectionIndex).toBe(0);

    const { doc } = await read(ref);
    expect(doc.revision).toBe(1);
    expect(doc.updatedAt).toBe(NOW);
    const stamp = { by: { id: contactActor.id, name: contactActor.name }, at: NOW, rev: 1 };
    expect(doc.answers).toEqual({
      "2.1": { value: "Kari, Rana kommune", ...stamp },
      "2.3": { value: "REF-2025-17", ...stamp },
      "2.4": { value: true, ...stamp },
    });
    expect(o.report.revision).toBe(1);
  });

  it("should require the section's required answers for 'next' and save what was valid", async () => {
    const ref = await seed(form2021);
    const o = await save(contactActor, ref, {
      sectionId: "2",
      revision: 0,
      nav: "next",
      raw: { "2.1": "Kari" },
    });
    expect(o.kind).toBe("invalid");
    if (o.kind !== "invalid") return;
    expect(Object.keys(o.errors).sort()).toEqual(["2.2", "2.3", "2.4"]);
    for (const message of Object.values(o.errors)) expect(message).toBe("Dette spørsmålet må besvares.");
    expect(o.sectionIndex).toBe(0);
    const { doc } = await read(ref);
    expect(doc.revision).toBe(1);
    expect(Object.keys(doc.answers)).toEqual(["2.1"]);
  });

  it("should let 'pause' and 'back' save an incomplete section without errors", async () => {
    const ref = await seed(form2021);
    const paused = expectSaved(
      await save(contactActor, ref, { sectionId: "3", revision: 0, nav: "pause", raw: { "3.1": "Skolen" } }),
    );
    expect(paused).toMatchObject({ sectionIndex: 1, nav: "pause", wrote: true });
    expect(paused.report.revision).toBe(1);

    const back = expectSaved(
      await save(contactActor, ref, {
        sectionId: "3",
        revision: 1,
        nav: "back",
        raw: { "3.1": "Skolen", "3.4": "12" },
      }),
    );
    expect(back).toMatchObject({ sectionIndex: 0, nav: "back", wrote: true });
    const { doc } = await read(ref);
    expect(doc.revision).toBe(2);
    expect(doc.answers["3.4"]?.value).toBe(12);
    expect(doc.answers["3.1"]?.rev).toBe(1);
  });

  it("should move on with 'next' when the section is complete, and to the review after the last section", async () => {
    for (const form of bothForms) {
      const ref = await seed(form);
      let revision = 0;
      for (const [index, section] of form.sections.entries()) {
        const o = expectSaved(
          await save(contactActor, ref, {
            sectionId: section.id,
            revision,
            nav: "next",
            raw: sectionRaw(section, (q) => validRaw(q)),
          }),
        );
        expect(o.sectionIndex).toBe(index + 1);
        expect(o.wrote).toBe(true);
        revision = o.report.revision;
      }
      // The index after the last section means "review".
      expect(revision).toBe(form.sections.length);
      const { doc } = await read(ref);
      const contents = Object.fromEntries(
        Object.entries(doc.answers).map(([qid, { by: _by, at: _at, rev: _rev, ...content }]) => [
          qid,
          content,
        ]),
      );
      expect(contents).toEqual(completeContents(form));
    }
  });

  it("should return the review index for 'next' from the last section even when nothing changed", async () => {
    const ref = await seed(form2024, complete(form2024));
    const last = sectionAt(form2024, form2024.sections.length - 1);
    const o = expectSaved(
      await save(contactActor, ref, {
        sectionId: last.id,
        revision: 1,
        nav: "next",
        raw: sectionRaw(last, (q) => validRaw(q)),
      }),
    );
    expect(o.sectionIndex).toBe(form2024.sections.length);
    expect(o.wrote).toBe(false);
  });

  it("should refuse both sides of an inverted period typed on one card, storing neither", async () => {
    const ref = await seed(form2021);
    const o = await save(contactActor, ref, {
      sectionId: "6",
      revision: 0,
      nav: "pause",
      raw: { "6.2__season": "Høst", "6.2__year": "2023", "6.3__season": "Vår", "6.3__year": "2022" },
    });
    expect(o.kind).toBe("invalid");
    if (o.kind !== "invalid") return;
    expect(o.errors).toEqual({
      "6.2": "Sluttidspunkt kan ikke være før oppstartstidspunkt.",
      "6.3": "Sluttidspunkt kan ikke være før oppstartstidspunkt.",
    });
    const { doc } = await read(ref);
    expect(doc.answers).not.toHaveProperty("6.2");
    expect(doc.answers).not.toHaveProperty("6.3");
  });

  it("should refuse a new start after the stored end, and never store an inverted period", async () => {
    const ref = await seed(form2021);
    expectSaved(
      await save(contactActor, ref, {
        sectionId: "6",
        revision: 0,
        nav: "pause",
        raw: { "6.2__season": "Vår", "6.2__year": "2022", "6.3__season": "Høst", "6.3__year": "2022" },
      }),
    );
    const { doc: stored } = await read(ref);
    // A later card changes only the start, to after the stored end.
    const o = await save(contactActor, ref, {
      sectionId: "6",
      revision: stored.revision,
      nav: "pause",
      raw: { "6.2__season": "Høst", "6.2__year": "2025", "6.3__season": "Høst", "6.3__year": "2022" },
    });
    expect(o.kind).toBe("invalid");
    if (o.kind === "invalid")
      expect(o.errors["6.2"]).toBe("Sluttidspunkt kan ikke være før oppstartstidspunkt.");
    const { doc } = await read(ref);
    expect(doc.answers["6.2"]?.value).toEqual({ season: "Vår", year: 2022 });
  });
});

describe("ReportService.saveSection with an old card", () => {
  it("should refuse a card that would change an answer saved after it was made, without writing", async () => {
    const ref = await seed(form2024);
    expectSaved(
      await save(contactActor, ref, { sectionId: "s1", revision: 0, nav: "pause", raw: { q01: "A" } }),
    );
    const before = await read(ref);

    // The co-editor's card was made at revision 0, before the contact wrote q01.
    const o = await save(coEditorActor, ref, {
      sectionId: "s1",
      revision: 0,
      nav: "pause",
      raw: { q01: "B" },
    });
    expect(o.kind).toBe("stale");
    if (o.kind !== "stale") return;
    expect(o.questions).toEqual(["q01"]);
    expect(o.sectionIndex).toBe(0);
    await expectUnchanged(ref, before);
    expect(before.doc.answers.q01?.value).toBe("A");
  });

  it("should treat the same values sent again from an old card (double click) as saved, without writing", async () => {
    const ref = await seed(form2024);
    const raw = { q01: "Kari Nordmann", q02: "Rana", q03: "912 34 567" };
    const first = expectSaved(
      await save(contactActor, ref, { sectionId: "s1", revision: 0, nav: "next", raw }),
    );
    expect(first.wrote).toBe(true);
    const before = await read(ref);

    const second = expectSaved(
      await save(contactActor, ref, { sectionId: "s1", revision: 0, nav: "next", raw }),
    );
    expect(second.wrote).toBe(false);
    expect(second.sectionIndex).toBe(1);
    expect(second.report.revision).toBe(1);
    await expectUnchanged(ref, before);
  });

  // BUG (reported): clearing an answer leaves no revision behind, so an old card puts the value back.
  it("should not let an old card put back an answer cleared after it was made, and save the rest", async () => {
    const ref = await seed(form2024);
    expectSaved(
      await save(contactActor, ref, { sectionId: "s1", revision: 0, nav: "pause", raw: { q02: "Gammel" } }),
    );
    // Both have a card at revision 1; the co-editor clears q02.
    expectSaved(await save(coEditorActor, ref, { sectionId: "s1", revision: 1, nav: "pause", raw: {} }));
    const before = await read(ref);
    expect(before.doc.answers).not.toHaveProperty("q02");
    // The contact's card still shows "Gammel" and is saved with a new q01.
    const o = await save(contactActor, ref, {
      sectionId: "s1",
      revision: 1,
      nav: "pause",
      raw: { q01: "Kari", q02: "Gammel" },
    });
    expect(o.kind).toBe("stale");
    if (o.kind === "stale") expect(o.questions).toEqual(["q02"]);
    const after = (await read(ref)).doc;
    expect(after.answers).not.toHaveProperty("q02"); // the clear stands
    expect(after.answers.q01?.value).toBe("Kari"); // the contact's other answer is saved
    expect(after.revision).toBe(before.doc.revision + 1);
  });

  it("should save an old card that only changes answers nobody changed since", async () => {
    const ref = await seed(form2024);
    expectSaved(
      await save(contactActor, ref, { sectionId: "s1", revision: 0, nav: "pause", raw: { q01: "A" } }),
    );
    const o = expectSaved(
      await save(coEditorActor, ref, {
        sectionId: "s1",
        revision: 0,
        nav: "pause",
        raw: { q01: "A", q02: "Fra medredaktøren" },
      }),
    );
    expect(o.wrote).toBe(true);
    const { doc } = await read(ref);
    expect(doc.revision).toBe(2);
    expect(doc.answers.q01?.by.id).toBe(contactActor.id);
    expect(doc.answers.q02?.by.id).toBe(coEditorActor.id);
  });
});

describe("ReportService.saveSection with a payload our card cannot send", () => {
  const tampered: [string, Record<string, unknown>][] = [
    ["an unknown input id", { q01: "Kari", admin: "true" }],
    ["a number instead of a string", { q01: 5 }],
    ["an object instead of a string", { q01: { value: "Kari" } }],
    ["an array instead of a string", { q01: ["Kari"] }],
    ["a 20,000-character string", { q01: "x".repeat(20_000) }],
    ["a string just over the raw limit", { q01: "x".repeat(RAW_MAX_LENGTH + 1) }],
    ["an input id of another section", { q01: "Kari", q04: "12" }],
    ["a comment input of a question without comment", { q01: "Kari", q01__comment: "hei" }],
  ];

  for (const [what, raw] of tampered) {
    it(`should refuse ${what} as tampered, without writing`, async () => {
      const ref = await seed(form2024);
      const before = await read(ref);
      const o = await save(contactActor, ref, { sectionId: "s1", revision: 0, nav: "pause", raw });
      expect(o.kind).toBe("tampered");
      await expectUnchanged(ref, before);
    });
  }

  it("should accept a string exactly at the raw limit as an ordinary (too long) answer", async () => {
    const ref = await seed(form2024);
    const o = await save(contactActor, ref, {
      sectionId: "s1",
      revision: 0,
      nav: "pause",
      raw: { q01: "x".repeat(RAW_MAX_LENGTH), q02: "Rana" },
    });
    expect(o.kind).toBe("invalid");
    if (o.kind !== "invalid") return;
    expect(o.errors.q01).toMatch(NORWEGIAN);
    expect((await read(ref)).doc.answers.q02?.value).toBe("Rana");
  });

  it("should answer an unknown section with not_found, without writing", async () => {
    const ref = await seed(form2024);
    const before = await read(ref);
    const o = await save(contactActor, ref, {
      sectionId: "s99",
      revision: 0,
      nav: "pause",
      raw: { q01: "x" },
    });
    expect(o).toEqual({ kind: "not_found" });
    // A section id of the other form is just as unknown.
    const other = await save(contactActor, ref, { sectionId: "2", revision: 0, nav: "pause", raw: {} });
    expect(other).toEqual({ kind: "not_found" });
    await expectUnchanged(ref, before);
  });
});

describe("ReportService with forged ids", () => {
  it("should answer a report id that does not exist with not_found", async () => {
    const ref = { roundId: ROUND, reportId: uid("missing") };
    const input: SaveInput = { sectionId: "s1", revision: 0, nav: "pause", raw: { q01: "x" } };
    expect(await save(contactActor, ref, input)).toEqual({ kind: "not_found" });
    expect(await service.submit(contactActor, ref, 0)).toEqual({ kind: "not_found" });
    expect(await service.open(contactActor, ref)).toEqual({ kind: "not_found" });
    // The right id in another round is not the same report.
    const real = await seed(form2024);
    expect(await service.open(contactActor, { roundId: "other-round", reportId: real.reportId })).toEqual({
      kind: "not_found",
    });
  });

  it("should refuse someone else's report with forbidden, without writing", async () => {
    const ref = await seed(form2024, complete(form2024));
    const before = await read(ref);
    const input: SaveInput = { sectionId: "s1", revision: 1, nav: "pause", raw: { q01: "Overtatt" } };
    expect(await save(strangerActor, ref, input)).toEqual({ kind: "forbidden" });
    expect(await service.submit(strangerActor, ref, 1)).toEqual({ kind: "forbidden" });
    expect(await service.open(strangerActor, ref)).toEqual({ kind: "forbidden" });
    // Knowing the contact's e-mail does not help when the contact has an Entra id.
    const impostor: Actor = { ...strangerActor, email: "kari@example.com" };
    expect(await save(impostor, ref, input)).toEqual({ kind: "forbidden" });
    await expectUnchanged(ref, before);
  });

  it("should let a co-editor save but not submit", async () => {
    const ref = await seed(form2024, complete(form2024));
    const saved = expectSaved(
      await save(coEditorActor, ref, {
        sectionId: "s6",
        revision: 1,
        nav: "pause",
        raw: { q24: "Tillegg fra medredaktøren" },
      }),
    );
    expect(saved.role).toBe("coeditor");
    expect(saved.wrote).toBe(true);
    const before = await read(ref);
    expect(before.doc.answers.q24?.by).toEqual({ id: coEditorActor.id, name: coEditorActor.name });

    const o = await service.submit(coEditorActor, ref, before.doc.revision);
    expect(o.kind).toBe("not_contact");
    await expectUnchanged(ref, before);
  });

  it("should let staff read but neither save nor submit", async () => {
    const ref = await seed(form2024, complete(form2024));
    const before = await read(ref);
    const opened = await service.open(staffActor, ref);
    expect(opened).toMatchObject({ kind: "ok", role: "staff" });
    const o = await save(staffActor, ref, {
      sectionId: "s1",
      revision: 1,
      nav: "pause",
      raw: { q01: "Endret" },
    });
    expect(o.kind).toBe("read_only");
    expect((await service.submit(staffActor, ref, 1)).kind).toBe("not_contact");
    await expectUnchanged(ref, before);
  });
});

describe("ReportService.open", () => {
  it("should resume at the first incomplete section and keep a requested section in range", async () => {
    const answers = completeContents(form2021);
    delete answers["4.7"];
    const ref = await seed(form2021, { revision: 1, answers: stored(answers) });
    expect(await service.open(contactActor, ref)).toMatchObject({
      kind: "ok",
      sectionIndex: 2,
      role: "contact",
    });
    expect(await service.open(contactActor, ref, 4)).toMatchObject({ sectionIndex: 4 });
    expect(await service.open(contactActor, ref, 99)).toMatchObject({
      sectionIndex: form2021.sections.length - 1,
    });
    expect(await service.open(contactActor, ref, -3)).toMatchObject({ sectionIndex: 0 });
  });
});

describe("ReportService.submit", () => {
  it("should refuse an incomplete report, naming the missing questions, without writing", async () => {
    const ref = await seed(form2024);
    expectSaved(
      await save(contactActor, ref, {
        sectionId: "s1",
        revision: 0,
        nav: "next",
        raw: sectionRaw(s1, validRaw),
      }),
    );
    const before = await read(ref);
    const o = await service.submit(contactActor, ref, 1);
    expect(o.kind).toBe("incomplete");
    if (o.kind !== "incomplete") return;
    const missing = allQuestions(form2024)
      .filter((q) => q.required && !s1.questions.includes(q))
      .map((q) => q.id);
    expect(o.missing).toEqual(missing);
    expect(o.unconfirmed).toBe(false);
    await expectUnchanged(ref, before);
  });

  it("should refuse a complete 2021 report whose confirmation 2.4 is 'Nei', without writing", async () => {
    const ref = await seed(form2021, complete(form2021));
    expectSaved(
      await save(contactActor, ref, {
        sectionId: contactSection.id,
        revision: 1,
        nav: "pause",
        raw: { ...sectionRaw(contactSection, validRaw), "2.4": "false" },
      }),
    );
    const before = await read(ref);
    expect(before.doc.answers["2.4"]?.value).toBe(false);
    const o = await service.submit(contactActor, ref, before.doc.revision);
    expect(o).toMatchObject({ kind: "incomplete", missing: [], unconfirmed: true });
    await expectUnchanged(ref, before);
  });

  it("should submit a complete report once, with a receipt and the time from the clock", async () => {
    const ref = await seed(form2021, complete(form2021));
    const o = expectSubmitted(await service.submit(contactActor, ref, 1));
    expect(o.already).toBe(false);
    expect(o.role).toBe("contact");
    const { doc } = await read(ref);
    expect(doc.status).toBe("submitted");
    expect(doc.revision).toBe(2);
    expect(doc.submittedAt).toBe(NOW);
    expect(doc.updatedAt).toBe(NOW);
    expect(doc.submittedBy).toEqual({ id: contactActor.id, name: contactActor.name });
    const tail = ref.reportId
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(-6)
      .toUpperCase();
    expect(doc.receipt).toBe(`DEKOM-2025-${tail}`);
    expect(o.report).toEqual(doc);
  });

  it("should answer a second submit (double click, retried request) with already, without writing", async () => {
    const ref = await seed(form2024, complete(form2024));
    expectSubmitted(await service.submit(contactActor, ref, 1));
    const before = await read(ref);
    const again = expectSubmitted(await service.submit(contactActor, ref, 1));
    expect(again.already).toBe(true);
    expect(again.report.revision).toBe(2);
    await expectUnchanged(ref, before);
  });

  it("should write exactly once when five submits arrive at the same time", async () => {
    const ref = await seed(form2024, complete(form2024));
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => service.submit(contactActor, ref, 1)));
    const submitted = outcomes.map(expectSubmitted);
    expect(submitted.filter((o) => !o.already)).toHaveLength(1);
    expect(submitted.filter((o) => o.already)).toHaveLength(4);
    const { doc } = await read(ref);
    expect(doc.revision).toBe(2);
    expect(doc.status).toBe("submitted");
    for (const o of submitted) expect(o.report.receipt).toBe(doc.receipt);
  });

  it("should refuse a submit from a card older than the report, without writing", async () => {
    const ref = await seed(form2024, complete(form2024));
    expectSaved(
      await save(coEditorActor, ref, {
        sectionId: "s6",
        revision: 1,
        nav: "pause",
        raw: { q24: "Sent tillegg" },
      }),
    );
    const before = await read(ref);
    expect(before.doc.revision).toBe(2);
    const o = await service.submit(contactActor, ref, 1);
    expect(o.kind).toBe("stale");
    await expectUnchanged(ref, before);
  });

  it("should make the report read-only after submit", async () => {
    const ref = await seed(form2024, complete(form2024));
    expectSubmitted(await service.submit(contactActor, ref, 1));
    const before = await read(ref);
    for (const actor of [contactActor, coEditorActor]) {
      const o = await save(actor, ref, {
        sectionId: "s6",
        revision: 2,
        nav: "pause",
        raw: { q24: "For sent" },
      });
      expect(o.kind).toBe("read_only");
    }
    await expectUnchanged(ref, before);
  });
});

describe("ReportService with two editors at once", () => {
  it("should keep every save of a contact and a co-editor working on different sections at the same time", async () => {
    const ref = await seed(form2024);
    const SAVES = 50;

    /** One person saving one section again and again, each time changing one question. */
    async function edit(actor: Actor, section: Section, qids: string[]) {
      let revision = 0;
      const last: Record<string, string> = {};
      const revisions: number[] = [];
      for (let i = 0; i < SAVES; i++) {
        const qid = qids[i % qids.length] ?? "";
        last[qid] = `${actor.name}: ${qid} versjon ${i} ${"æøå ".repeat(i % 7)}`.trim();
        const raw = Object.fromEntries(qids.map((id) => [id, last[id] ?? ""]));
        const o = expectSaved(await save(actor, ref, { sectionId: section.id, revision, nav: "pause", raw }));
        expect(o.wrote).toBe(true);
        revision = o.report.revision;
        revisions.push(revision);
      }
      return { last, revisions };
    }

    const [contact, coEditor] = await Promise.all([
      edit(contactActor, s1, ["q01", "q02"]),
      edit(coEditorActor, s6, ["q24", "q25", "q26"]),
    ]);

    const { doc } = await read(ref);
    expect(doc.revision).toBe(2 * SAVES);
    // Every write got its own revision: none was lost or overwritten.
    const all = [...contact.revisions, ...coEditor.revisions].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 2 * SAVES }, (_, i) => i + 1));
    for (const [who, { last }] of [
      [contactActor, contact],
      [coEditorActor, coEditor],
    ] as const) {
      for (const [qid, value] of Object.entries(last)) {
        expect(doc.answers[qid]?.value).toBe(value);
        expect(doc.answers[qid]?.by.id).toBe(who.id);
      }
    }
    expect(Object.keys(doc.answers).sort()).toEqual(["q01", "q02", "q24", "q25", "q26"]);
  });
});
