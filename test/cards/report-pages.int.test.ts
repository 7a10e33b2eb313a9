/**
 * Paged section cards through the real service and Cosmos SDK: saving page by page, two editors on
 * the same page (a co-editor's saved value must survive a save of a card that showed it empty), and
 * what the county knows pre-filled (stored only once the page is saved). Cards are the real card
 * builder's output: a save sends exactly what that card's inputs and button data hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeFingerprints } from "../../cards/fingerprints.ts";
import type { CardJson } from "../../cards/render.ts";
import { type SectionCardInput, sectionCard } from "../../cards/report-section.ts";
import { fixedClock } from "../../src/clock.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import { type ReportRef, ReportService, type SaveOutcome } from "../../src/reports/report-service.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import {
  coEditorActor,
  contactActor,
  form2021,
  form2024,
  forms,
  makeReport,
} from "../src/reports/fixtures.ts";
import { uid } from "../src/storage/fixtures.ts";

const DATABASE = "report-pages-test";
const ROUND = "nordland-2026";
const NOW = "2026-12-01T09:00:00.000Z";

let server: LocalCosmos;
let store: CosmosStore;
let repo: ReportRepo;
let service: ReportService;

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: DATABASE });
  repo = new ReportRepo(store.containers.reports);
  service = new ReportService({
    reports: repo,
    forms,
    staffIds: [],
    clock: fixedClock(NOW),
    deadlineOf: async () => "2027-01-15T22:59:00.000Z",
  });
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

async function seed(form: Form, overrides: Partial<ReportDoc> = {}): Promise<ReportRef> {
  const doc = makeReport(form, { id: uid("r"), roundId: ROUND, ...overrides });
  await repo.create(doc);
  return { roundId: doc.roundId, reportId: doc.id };
}

type Node = Record<string, unknown>;
function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* walk(v);
  }
}

/** What a person sees in a card: input values by id (empty inputs left out, as clients do). */
function valuesOf(card: CardJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of walk(card)) {
    if (
      typeof n.type === "string" &&
      n.type.startsWith("Input.") &&
      typeof n.value === "string" &&
      n.value !== ""
    )
      out[String(n.id)] = n.value;
  }
  return out;
}

/** The data of the card's "Lagre …" button for a navigation. */
function buttonData(card: CardJson, nav: string): Node {
  const action = [...walk(card)].find((n) => n.type === "Action.Execute" && (n.data as Node)?.nav === nav);
  if (action === undefined) throw new Error(`no ${nav} button`);
  return action.data as Node;
}

/** Press a button on a card after changing some inputs: the service call the bot makes for it. */
async function press(
  actor: Actor,
  ref: ReportRef,
  card: CardJson,
  nav: "next" | "back" | "pause" | "review",
  changes: Record<string, string> = {},
): Promise<SaveOutcome> {
  const data = buttonData(card, nav);
  const raw = Object.fromEntries(
    Object.entries({ ...valuesOf(card), ...changes }).filter(([, v]) => v !== ""),
  );
  const base = decodeFingerprints(String(data.base));
  return service.saveSection(actor, ref, {
    sectionId: String(data.sectionId),
    page: Number(data.page),
    revision: Number(data.revision),
    nav,
    raw,
    ...(base ? { base } : {}),
  });
}

async function openCard(actor: Actor, ref: ReportRef, section?: number, page?: number) {
  const o = await service.open(actor, ref, section, page);
  if (o.kind !== "ok") throw new Error(`open: ${o.kind}`);
  return sectionCard(o);
}

const cardOf = (o: SaveOutcome, extra: Partial<SectionCardInput> = {}): CardJson => {
  if (o.kind === "not_found" || o.kind === "forbidden" || o.kind === "read_only") throw new Error(o.kind);
  return sectionCard({ ...o, ...("errors" in o ? { errors: o.errors } : {}), ...extra });
};

const stored = async (ref: ReportRef) => (await repo.get(ref.roundId, ref.reportId))?.doc as ReportDoc;

describe("two editors on the same page", () => {
  it("should keep a co-editor's saved phone when the contact saves a card that showed it empty", async () => {
    // makeReport's contact has no phone in the import, so nothing is pre-filled for q03.
    const ref = await seed(form2024);
    const alexCard = await openCard(contactActor, ref, 0); // Alex opens Del 1 ...
    const meganCard = await openCard(coEditorActor, ref, 0); // ... and so does Megan.
    expect(valuesOf(alexCard).q03).toBeUndefined();

    const megan = await press(coEditorActor, ref, meganCard, "pause", { q03: "92345678" });
    expect(megan.kind).toBe("saved");

    // Alex never touched the phone field: his save must neither ask for it nor overwrite it.
    const alex = await press(contactActor, ref, alexCard, "next", { q02: "Salten regionråd" });
    expect(alex.kind).toBe("saved");
    expect(alex).toMatchObject({ sectionIndex: 1, page: 0 });
    const doc = await stored(ref);
    expect(doc.answers.q03).toMatchObject({ value: "+4792345678", by: { name: coEditorActor.name } });
    expect(doc.answers.q02).toMatchObject({ value: "Salten regionråd", by: { name: contactActor.name } });
    expect(doc.answers.q01).toMatchObject({ value: contactActor.name }); // pre-filled, saved by Alex

    // Back on Del 1, Alex sees Megan's phone, and who changed what (two people have edited).
    const again = await openCard(contactActor, ref, 0);
    expect(valuesOf(again).q03).toBe("923 45 678");
    expect(JSON.stringify(again)).toContain(`Sist endret av ${coEditorActor.name}`);
  });

  it("should show the co-editor's saved value on the contact's card when the contact's save has an error", async () => {
    const ref = await seed(form2024);
    const alexCard = await openCard(contactActor, ref, 0);
    const meganCard = await openCard(coEditorActor, ref, 0);
    await press(coEditorActor, ref, meganCard, "pause", { q03: "92345678" });
    const alex = await press(contactActor, ref, alexCard, "next", { q01: "" });
    expect(alex.kind).toBe("invalid");
    const card = cardOf(alex, {
      typed: { q01: "" },
      notice: { text: "Noen svar må rettes.", style: "attention" },
    });
    expect(valuesOf(card).q03).toBe("923 45 678");
    expect(JSON.stringify(card)).toContain("Sjekk: Kontaktperson");
    expect(JSON.stringify(card)).not.toContain("Sjekk: Kontaktperson, Telefonnummer");
  });

  it("should keep the co-editor's phone over the pre-filled one the contact's card showed untouched", async () => {
    const ref = await seed(form2024, {
      contact: { name: contactActor.name, email: "kari@example.com", phone: "+4791234567" },
    });
    const alexCard = await openCard(contactActor, ref, 0);
    expect(valuesOf(alexCard).q03).toBe("912 34 567"); // pre-filled from the import
    const meganCard = await openCard(coEditorActor, ref, 0);
    await press(coEditorActor, ref, meganCard, "pause", { q03: "92345678" });
    const alex = await press(contactActor, ref, alexCard, "pause");
    expect(alex.kind).toBe("saved");
    expect((await stored(ref)).answers.q03?.value).toBe("+4792345678");
    expect(valuesOf(cardOf(alex)).q03).toBe("923 45 678");
  });
});

describe("two editors and a pre-fill", () => {
  it("should save the contact's change of a pre-fill the co-editor saved unchanged, and keep her phone", async () => {
    const ref = await seed(form2024, {
      contact: { name: contactActor.name, email: "kari@example.com", workplace: "Salten regionråd" },
    });
    const alexCard = await openCard(contactActor, ref, 0);
    const meganCard = await openCard(coEditorActor, ref, 0);
    // Megan saves the page with her phone: the untouched pre-fills (name, workplace) are stored too.
    await press(coEditorActor, ref, meganCard, "pause", { q03: "92345678" });
    expect((await stored(ref)).answers.q02?.by.name).toBe(coEditorActor.name);
    // Alex changes the workplace his card showed: Megan saved the same value, so this is no conflict.
    const alex = await press(contactActor, ref, alexCard, "pause", { q02: "Salten regionråd, Bodø" });
    expect(alex.kind).toBe("saved");
    const doc = await stored(ref);
    expect(doc.answers.q02).toMatchObject({
      value: "Salten regionråd, Bodø",
      by: { name: contactActor.name },
    });
    expect(doc.answers.q03).toMatchObject({ value: "+4792345678", by: { name: coEditorActor.name } });
  });

  it("should still refuse a change when the co-editor saved a different value after the card was made", async () => {
    const ref = await seed(form2024, {
      contact: { name: contactActor.name, email: "kari@example.com", workplace: "Salten regionråd" },
    });
    const alexCard = await openCard(contactActor, ref, 0);
    const meganCard = await openCard(coEditorActor, ref, 0);
    await press(coEditorActor, ref, meganCard, "pause", { q02: "Nord universitet", q03: "92345678" });
    const alex = await press(contactActor, ref, alexCard, "pause", { q02: "Salten regionråd, Bodø" });
    expect(alex.kind).toBe("stale");
    expect((await stored(ref)).answers.q02?.value).toBe("Nord universitet");
  });
});

describe("pages", () => {
  it("should save a long section page by page and go from its last page to the next section", async () => {
    const ref = await seed(form2024);
    const page1 = await openCard(contactActor, ref, 2);
    expect(JSON.stringify(page1)).toContain("Del 3 av 6 · side 1 av 3");
    const o1 = await press(contactActor, ref, page1, "next", {
      q10: "vikarutgifter",
      q11: "160 000",
      q12: "ikke-koordinatorfunksjon",
      q13: "1 300 000",
      q14: "250000",
    });
    expect(o1).toMatchObject({ kind: "saved", sectionIndex: 2, page: 1 });
    const o2 = await press(contactActor, ref, cardOf(o1), "next", { q15: "2-ar", q16: "andre-ar" });
    expect(o2).toMatchObject({ kind: "saved", sectionIndex: 2, page: 2 });
    const o3 = await press(contactActor, ref, cardOf(o2), "back");
    expect(o3).toMatchObject({ kind: "saved", sectionIndex: 2, page: 1 });
    const o4 = await press(contactActor, ref, cardOf(o3), "next");
    const o5 = await press(contactActor, ref, cardOf(o4), "next", { q17: "kombinasjon" });
    expect(o5).toMatchObject({ kind: "saved", sectionIndex: 3, page: 0 });
    const doc = await stored(ref);
    expect(Object.keys(doc.answers).sort()).toEqual(["q10", "q11", "q12", "q13", "q14", "q15", "q16", "q17"]);
  });

  it("should refuse inputs of another page of the section as tampered, without writing", async () => {
    const ref = await seed(form2024);
    const page1 = await openCard(contactActor, ref, 2);
    const o = await press(contactActor, ref, page1, "pause", { q17: "planlegging" });
    expect(o.kind).toBe("tampered");
    expect((await stored(ref)).revision).toBe(0);
  });

  it("should resume at the first page with an unanswered required question", async () => {
    const ref = await seed(form2024);
    const page1 = await openCard(contactActor, ref, 2);
    await press(contactActor, ref, page1, "pause", {
      q10: "vikarutgifter",
      q11: "1",
      q12: "ikke-koordinatorfunksjon",
      q13: "1",
      q14: "1",
    });
    // Del 1 and 2 are still open, so resume there; with those done, page 2 of Del 3.
    expect(await service.open(contactActor, ref)).toMatchObject({ sectionIndex: 0, page: 0 });
    const doc = await stored(ref);
    const done = { ...doc.answers };
    for (const qid of ["q01", "q03", "q04", "q05", "q06", "q08", "q09"])
      done[qid] = { value: qid === "q08" ? ["Bodø"] : qid === "q03" ? "+4791234567" : 1, ...stamp };
    await repo.upsert({ ...doc, answers: done });
    expect(await service.open(contactActor, ref)).toMatchObject({ sectionIndex: 2, page: 1 });
  });
});

const stamp = { by: { id: "x", name: "X" }, at: NOW, rev: 1 };

describe("what the county knows", () => {
  it("should pre-fill the 2021 contact line, e-mail and case number, and store them only when saved", async () => {
    const ref = await seed(form2021, {
      contact: {
        name: "Kari Kontakt",
        email: "kari@example.com",
        phone: "+4791234567",
        workplace: "Rana kommune",
      },
      tiltak: { id: "t-1", name: "Leseløftet", caseNumber: "2021/4711" },
    });
    const card = await openCard(contactActor, ref, 0);
    expect(valuesOf(card)).toMatchObject({
      "2.1": "Kari Kontakt, Rana kommune, 912 34 567",
      "2.2": "kari@example.com",
      "2.3": "2021/4711",
    });
    expect(JSON.stringify(card)).toContain("Forhåndsutfylt");
    expect((await stored(ref)).answers).toEqual({});
    const o = await press(contactActor, ref, card, "next", { "2.4": "true" });
    expect(o.kind).toBe("saved");
    const doc = await stored(ref);
    expect(doc.answers["2.1"]?.value).toBe("Kari Kontakt, Rana kommune, 912 34 567");
    expect(doc.answers["2.3"]?.value).toBe("2021/4711");
    expect(doc.answers["2.2"]?.by.name).toBe(contactActor.name);
  });

  it("should not offer a pre-fill again once the person emptied it and saved", async () => {
    const ref = await seed(form2024, {
      contact: { name: "Kari Kontakt", email: "kari@example.com", workplace: "Salten regionråd" },
    });
    const card = await openCard(contactActor, ref, 0);
    expect(valuesOf(card).q02).toBe("Salten regionråd");
    const o = await press(contactActor, ref, card, "pause", { q02: "" });
    expect(o.kind).toBe("saved");
    expect(valuesOf(cardOf(o)).q02).toBeUndefined();
    expect((await stored(ref)).answers.q02).toBeUndefined();
  });

  it("should offer last round's answers to questions that rarely change, marked for checking", async () => {
    const ref = await seed(form2024, {
      previous: {
        roundId: "nordland-2025",
        reportId: "t-old",
        answers: {
          q07: { value: "Montessoriskolen" },
          q08: { value: ["Bodø", "Fauske - Fuosko", "Ikke en kommune"] },
          q09: { value: "Nord universitet" },
          q04: { value: 3 },
        },
      },
    });
    const card = await openCard(contactActor, ref, 1);
    const values = valuesOf(card);
    expect(values.q07).toBe("Montessoriskolen");
    expect(values.q09).toBe("Nord universitet");
    expect(values.q04).toBeUndefined(); // counts change every year: not carried over
    expect(values.q08).toBeUndefined(); // an option the form no longer has: not offered
    expect(JSON.stringify(card)).toContain("Fra fjorårets rapportering – sjekk.");
  });
});
