/**
 * Lost-update cases found in review, through the real bot: a card shown again after a wrong value must
 * not carry old values of questions someone else changed meanwhile; the report list must follow the
 * access rules, not the broad e-mail query.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { type Harness, startHarness, type TestUser } from "../support/bot-harness.ts";

const alex: TestUser = {
  id: "user-id-0",
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  name: "Alex Wilber",
};
const REF = { roundId: DEMO_ROUND_ID, reportId: "t-salten-lesing" };

type Node = Record<string, unknown>;
function* walk(n: unknown): Generator<Node> {
  if (Array.isArray(n)) for (const x of n) yield* walk(x);
  else if (n && typeof n === "object") {
    yield n as Node;
    for (const v of Object.values(n)) yield* walk(v);
  }
}
const cardOf = (body: unknown) => (body as { value?: unknown }).value;
const inputValue = (card: unknown, id: string) =>
  [...walk(card)].find((n) => n.id === id)?.value as string | undefined;
const saveData = (card: unknown) =>
  [...walk(card)].find(
    (n) => (n.data as Node | undefined)?.verb === "section.save" && (n.data as Node).nav === "pause",
  )?.data as Node;

describe("no lost updates through re-shown cards", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("should not let a card shown again after a wrong value put back an answer changed in another window", async () => {
    const first = await h.execute(alex, "section.save", {
      ...REF,
      sectionId: "s1",
      revision: 0,
      nav: "pause",
      q01: "A",
      q02: "Gammelt sted",
    });
    const cardX = cardOf(first.body);
    const cardY = cardOf(first.body); // the same card open in two windows
    // Window Y changes q02.
    const y = saveData(cardY);
    await h.execute(alex, "section.save", { ...y, q01: "A", q02: "Nytt sted" });
    // Window X still shows "Gammelt sted"; the person types a wrong phone number.
    const x = saveData(cardX);
    const wrong = await h.execute(alex, "section.save", {
      ...x,
      q01: "A",
      q02: inputValue(cardX, "q02"),
      q03: "1234",
    });
    const shownAgain = cardOf(wrong.body);
    expect(JSON.stringify(shownAgain)).toContain("Noen svar må rettes");
    expect(inputValue(shownAgain, "q03")).toBe("1234"); // the wrong value stays as typed
    expect(inputValue(shownAgain, "q02")).toBe("Nytt sted"); // the other window's answer, not the old one
    // The person fixes the phone and saves what the card now shows.
    const again = saveData(shownAgain);
    await h.execute(alex, "section.save", {
      ...again,
      q01: "A",
      q02: inputValue(shownAgain, "q02"),
      q03: "91234567",
    });
    const stored = (await h.running.app.repos.reports.get(REF.roundId, REF.reportId))?.doc;
    expect(stored?.answers.q02?.value).toBe("Nytt sted");
    expect(stored?.answers.q03?.value).toBe("+4791234567");
  });

  it("should keep what the person typed in a question changed meanwhile, in the notice, and save the rest", async () => {
    const start = cardOf((await h.execute(alex, "report.open", { ...REF, section: 0 })).body);
    const data = saveData(start);
    await h.execute(alex, "section.save", { ...data, q01: "A", q02: "Tredje sted", q03: "91234567" }); // another window
    const r = await h.execute(alex, "section.save", {
      ...data,
      q01: "Alex W.",
      q02: "Mitt sted",
      q03: "91234567",
    });
    const text = JSON.stringify(r.body);
    expect(text).toContain("du skrev «Mitt sted»");
    const stored = (await h.running.app.repos.reports.get(REF.roundId, REF.reportId))?.doc;
    expect(stored?.answers.q02?.value).toBe("Tredje sted");
    expect(stored?.answers.q01?.value).toBe("Alex W.");
  });

  it("should not list a report to someone whose e-mail matches but whose Entra id is another", async () => {
    // The contact has an Entra id; the query also matches on e-mail, the access rules must not.
    const lookalike = await h.running.app.reports.listMine({
      id: "someone-else",
      name: "X",
      email: "alexw@example.com",
    });
    expect(lookalike).toEqual([]);
    const real = await h.running.app.reports.listMine({
      id: alex.aadObjectId,
      name: "Alex",
      email: "alexw@example.com",
    });
    expect(real.length).toBe(2);
  });

  it("should give back both sides of an inverted period as typed", async () => {
    const ref = { roundId: "nordland-2021x", reportId: "r2021" };
    const base = (await h.running.app.repos.reports.get(DEMO_ROUND_ID, REF.reportId))?.doc;
    if (base === undefined) throw new Error("no demo report");
    await h.running.app.repos.reports.upsert({
      ...base,
      ...ref,
      id: ref.reportId,
      formId: "dekom-skole-2021",
      answers: {},
      revision: 0,
    });
    const r = await h.execute(alex, "section.save", {
      ...ref,
      sectionId: "6",
      revision: 0,
      nav: "next",
      "6.2__season": "Høst",
      "6.2__year": "2021",
      "6.3__season": "Vår",
      "6.3__year": "2021",
    });
    const card = cardOf(r.body);
    expect(JSON.stringify(card)).toContain("Sluttidspunkt kan ikke være før oppstartstidspunkt.");
    expect(inputValue(card, "6.2__year")).toBe("2021");
    expect(inputValue(card, "6.2__season")).toBe("Høst");
    expect(inputValue(card, "6.3__year")).toBe("2021");
  });
});
