import { describe, expect, it } from "vitest";
import { cardBytes } from "../../cards/card-size.ts";
import { type CardJson, MAX_CARD_BYTES } from "../../cards/render.ts";
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { parseAction, Verb } from "../../cards/verbs.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import { parseSection, toRawInputs } from "../../src/questionnaire/answers.ts";
import { inputIdsOf } from "../../src/questionnaire/input-ids.ts";
import { messages } from "../../src/questionnaire/messages.ts";
import { formPages } from "../../src/questionnaire/pages.ts";
import type { Form, Section } from "../../src/questionnaire/types.ts";
import { prefillOf } from "../../src/reports/prefill.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import {
  bothForms,
  completeContents,
  form2021,
  form2024,
  makeReport,
  maxRaw,
  NOW,
  sectionRaw,
  stored,
  validRaw,
} from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

// ---- Helpers --------------------------------------------------------------------------------------

const bytesOf = (card: CardJson): number => cardBytes(card);

type Node = Record<string, unknown>;

/** Every object in the card (depth first), with its JSON path. */
function* walk(value: unknown, path = "$"): Generator<[Node, string]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`);
  } else if (typeof value === "object" && value !== null) {
    yield [value as Node, path];
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}.${k}`);
  }
}

const inputsOf = (card: CardJson): Node[] =>
  [...walk(card)].map(([n]) => n).filter((n) => typeof n.type === "string" && n.type.startsWith("Input."));

const textRunsOf = (card: CardJson): string[] =>
  [...walk(card)]
    .map(([n]) => n)
    .filter((n) => n.type === "TextRun")
    .map((n) => String(n.text));

const textBlocksOf = (card: CardJson): string[] =>
  [...walk(card)]
    .map(([n]) => n)
    .filter((n) => n.type === "TextBlock")
    .map((n) => String(n.text));

/** Every input has a label, ids are unique, and the ids are exactly those the section may submit. */
function expectWellFormedInputs(card: CardJson, section: Section) {
  const inputs = inputsOf(card);
  for (const input of inputs) {
    expect(typeof input.label === "string" && input.label.trim() !== "", `label of ${input.id}`).toBe(true);
  }
  const ids = inputs.map((i) => String(i.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(section.questions.flatMap(inputIdsOf).sort());
}

/** The input values of the card, as a client would submit them (empty inputs left out). */
function submittedValues(card: CardJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of inputsOf(card)) {
    if (typeof input.value === "string" && input.value !== "") out[String(input.id)] = input.value;
  }
  return out;
}

function maxReport(form: Form, fill = "ø"): ReportDoc {
  return makeReport(form, { revision: 1, answers: stored(completeContents(form, (q) => maxRaw(q, fill))) });
}

const longestMessage = Object.values(messages)
  .map((m) => (typeof m === "function" ? m(4000, 10_000) : m))
  .reduce((a, b) => (a.length >= b.length ? a : b));

/** Every page of every section of both forms (a section card shows one page). */
const cases = bothForms.flatMap((form) =>
  formPages(form)
    .flat()
    .map((p) => ({ form, section: p.part, index: p.sectionIndex, page: p.index })),
);

/** The values a card pre-fills on a report (known data, last year's answers) for these questions. */
function prefilled(section: Section, report: ReportDoc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of section.questions) {
    const p = prefillOf(q, report);
    if (p !== undefined) Object.assign(out, toRawInputs(q, p.content));
  }
  return out;
}

// ---- Section cards --------------------------------------------------------------------------------

describe("sectionCard", () => {
  describe.each(cases)("$form.id section $section.id page $page", ({ form, section, index, page }) => {
    it("should fit, parse cleanly and label every input when nothing is answered", () => {
      const report = makeReport(form);
      const card = sectionCard({ form, report, sectionIndex: index, page });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(cardProblems(card)).toEqual([]);
      expectWellFormedInputs(card, section);
      // Only what the county already knows (the contact's name and e-mail here) is filled in.
      expect(submittedValues(card)).toEqual(prefilled(section, report));
    });

    it("should fit and parse cleanly with every answer at its maximum length", () => {
      const report = maxReport(form);
      const card = sectionCard({ form, report, sectionIndex: index, page });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(cardProblems(card)).toEqual([]);
      expectWellFormedInputs(card, section);
    });

    it("should fit and parse cleanly with maximum-length values and an error on every field", () => {
      const ids = section.questions.flatMap(inputIdsOf);
      const errors = Object.fromEntries(ids.map((id) => [id, longestMessage]));
      const card = sectionCard({
        form,
        report: maxReport(form),
        sectionIndex: index,
        page,
        typed: sectionRaw(section, (q) => maxRaw(q)),
        errors,
        notice: { text: "Noe er feil – se under.", style: "attention" },
      });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(cardProblems(card)).toEqual([]);
      expectWellFormedInputs(card, section);
    });

    it("should pre-fill every input with the stored answer, so sending it back changes nothing", () => {
      for (const report of [maxReport(form), makeReport(form, { answers: stored(completeContents(form)) })]) {
        const card = sectionCard({ form, report, sectionIndex: index, page });
        const values = submittedValues(card);
        const expected: Record<string, string> = {};
        for (const q of section.questions) {
          const answer = report.answers[q.id];
          if (answer !== undefined) Object.assign(expected, toRawInputs(q, answer));
        }
        expect(values).toEqual(expected);
        // Every text value fits the input's own limit (clients cut longer values).
        for (const input of inputsOf(card)) {
          if (input.type === "Input.Text" && typeof input.maxLength === "number") {
            expect([...String(input.value ?? "")].length).toBeLessThanOrEqual(input.maxLength);
          }
        }
        const parsed = parseSection(section, values, { requireAnswer: true });
        expect(parsed.errors).toEqual({});
        for (const q of section.questions) {
          const answer = report.answers[q.id];
          if (answer === undefined) throw new Error(`test bug: ${q.id} has no answer`);
          const { by: _by, at: _at, rev: _rev, ...content } = answer;
          expect(parsed.answers[q.id]).toEqual(content);
        }
      }
    });

    it("should show what was typed rather than what is stored when the card comes back with errors", () => {
      const report = makeReport(form, { answers: stored(completeContents(form)) });
      const typed = sectionRaw(section, (q) => validRaw(q, 1));
      const card = sectionCard({ form, report, sectionIndex: index, page, typed, errors: {} });
      expect(submittedValues(card)).toEqual(
        Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== "")),
      );
    });

    it("should show the error of every input next to it", () => {
      const ids = section.questions.flatMap(inputIdsOf);
      const errors = Object.fromEntries(ids.map((id) => [id, `Feil i felt ${id}.`]));
      const card = sectionCard({ form, report: makeReport(form), sectionIndex: index, page, errors });
      const texts = textBlocksOf(card);
      for (const message of Object.values(errors)) expect(texts).toContain(message);
    });
  });

  // Limits count characters, the card budget is bytes: heavy characters are capped by a byte budget too.
  it("should fit every section of both forms when free text at its limit is made of emoji", () => {
    for (const { form, index, page } of cases) {
      const card = sectionCard({ form, report: maxReport(form, "😀"), sectionIndex: index, page });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
    }
  });

  it("should keep Markdown in stored answers out of the card's text blocks", () => {
    const nasty = "**fet** <script>x</script> [lenke](http://x)";
    const report = makeReport(form2021, {
      partnership: { id: "p", name: nasty, category: "Skole", sector: "Offentlig" },
      answers: stored({ "2.1": { value: nasty } }, { id: "x", name: nasty }),
    });
    report.answers["2.2"] = { value: "kari@example.com", by: { id: "y", name: "Kari" }, at: NOW, rev: 1 };
    const card = sectionCard({ form: form2021, report, sectionIndex: 0 });
    // Person-typed text is never Markdown: it sits in TextRuns (shown literally), not in TextBlocks.
    expect(textBlocksOf(card).filter((t) => t.includes("fet"))).toEqual([]);
    const runs = textRunsOf(card).filter((t) => t.includes("fet"));
    expect(runs.length).toBeGreaterThanOrEqual(2); // subheading and "Sist endret av"
    for (const text of runs) expect(text).toContain(nasty);
    // The input itself holds the answer literally (inputs are not Markdown).
    expect(inputsOf(card).find((i) => i.id === "2.1")?.value).toBe(nasty);
  });
});

// ---- Review, receipt, welcome -----------------------------------------------------------------------

describe("reviewCard", () => {
  it.each(bothForms)("should fit and parse cleanly for a complete $id report at maximum lengths", (form) => {
    for (const role of ["contact", "coeditor", "staff"] as const) {
      const card = reviewCard({ form, report: maxReport(form), role });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it("should offer 'Send inn' only to the contact of a complete report", () => {
    const report = makeReport(form2021, { revision: 4, answers: stored(completeContents(form2021)) });
    const submitVerbs = (card: CardJson) =>
      [...walk(card)].map(([n]) => n).filter((n) => n.type === "Action.Execute" && n.verb === Verb.Submit);
    const forContact = submitVerbs(reviewCard({ form: form2021, report, role: "contact" }));
    expect(forContact).toHaveLength(1);
    expect(forContact[0]?.data).toMatchObject({ verb: Verb.Submit, reportId: report.id, revision: 4 });
    expect(submitVerbs(reviewCard({ form: form2021, report, role: "coeditor" }))).toEqual([]);
    const unconfirmed = {
      ...report,
      answers: stored({ ...completeContents(form2021), "2.4": { value: false } }),
    };
    expect(submitVerbs(reviewCard({ form: form2021, report: unconfirmed, role: "contact" }))).toEqual([]);
  });

  it("should show answers and names literally in TextRuns, never in a Markdown TextBlock", () => {
    const nasty = "**fet** <script>x</script> [lenke](http://x)";
    const answers = stored(
      { ...completeContents(form2021), "2.1": { value: nasty }, "7.1": { value: `# Overskrift\n${nasty}` } },
      { id: "x", name: "_Kari_ <b>" },
    );
    const report = makeReport(form2021, { answers, tiltak: { id: "t", name: "[Tiltak](http://evil)" } });
    const card = reviewCard({ form: form2021, report, role: "contact" });
    const runs = [...walk(card)]
      .map(([n]) => n)
      .filter((n) => n.type === "TextRun")
      .map((n) => String(n.text));
    expect(runs).toContain(nasty);
    expect(runs).toContain(`# Overskrift\n${nasty}`);
    expect(runs.some((r) => r.includes("[Tiltak](http://evil)"))).toBe(true);
    for (const text of textBlocksOf(card)) expect(text).not.toMatch(/fet|Kari|Tiltak\]|Overskrift/);
  });
});

describe("receiptCard", () => {
  it("should parse cleanly and show the reference, time and escaped names", () => {
    const report = makeReport(form2024, {
      status: "submitted",
      tiltak: { id: "t", name: "**Tiltak** <i>" },
      submittedAt: "2026-01-15T22:59:00.000Z",
      submittedBy: { id: "aad-contact", name: "Kari [Kontakt]" },
      receipt: "DEKOM-2025-ABC123",
    });
    const card = receiptCard(report);
    expect(cardProblems(card)).toEqual([]);
    expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
    const json = JSON.stringify(card);
    expect(json).toContain("DEKOM-2025-ABC123");
    expect(json).toContain("15. januar 2026 kl. 23:59");
    // Names and the date are TextRuns (literal): "1. desember" in Markdown would become a numbered list.
    const runs = [...walk(card)]
      .map(([n]) => n)
      .filter((n) => n.type === "TextRun")
      .map((n) => String(n.text));
    expect(runs).toContain("Kari [Kontakt]");
    expect(runs.some((r) => r.includes("**Tiltak** <i>"))).toBe(true);
    expect(runs).toContain("15. januar 2026 kl. 23:59");
    expect(textBlocksOf(card).some((t) => /Tiltak|Kari|januar/.test(t))).toBe(false);
    expect([...walk(card)].some(([n]) => n.type === "FactSet")).toBe(false);
  });
});

describe("welcomeCard", () => {
  it("should parse cleanly for one and several reports, with names shown literally", () => {
    const nasty = "**fet** <script>x</script> [lenke](http://x)";
    const draft = makeReport(form2024, {
      id: "r-a",
      tiltak: { id: "t", name: nasty },
      partnership: { id: "p", name: `_${nasty}_`, category: "Kommune", sector: "Offentlig" },
    });
    const submitted = makeReport(form2021, {
      id: "r-b",
      status: "submitted",
      submittedAt: "2026-01-10T08:00:00.000Z",
      answers: stored(completeContents(form2021)),
    });
    for (const items of [
      [{ report: draft, form: form2024, isContact: true }],
      [
        { report: draft, form: form2024, isContact: false },
        { report: submitted, form: form2021, isContact: true },
      ],
    ]) {
      const card = welcomeCard("**Kari** Nordmann", items);
      expect(cardProblems(card)).toEqual([]);
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
      // Names are TextRuns shown literally (no Markdown), never in a TextBlock.
      const runs = [...walk(card)].filter(([n]) => n.type === "TextRun").map(([n]) => String(n.text));
      expect(runs[0]).toBe("Hei, **Kari**!");
      const shown = runs.filter((t) => t.includes("fet"));
      expect(shown).toHaveLength(2); // the tiltak title and the partnership in the details
      expect(shown[0]).toBe(nasty);
      expect(textBlocksOf(card).some((t) => t.includes("fet") || t.includes("Kari"))).toBe(false);
    }
  });
});

// ---- parseAction ----------------------------------------------------------------------------------

describe("parseAction", () => {
  const ref = { roundId: "vestland-2025", reportId: "r-1" };

  it("should refuse an unknown or non-string verb", () => {
    expect(parseAction("report.delete", ref)).toBeUndefined();
    expect(parseAction("", ref)).toBeUndefined();
    expect(parseAction(undefined, ref)).toBeUndefined();
    expect(parseAction(["report.open"], ref)).toBeUndefined();
    expect(parseAction("toString", ref)).toBeUndefined();
  });

  it("should refuse data that is not an object", () => {
    for (const data of [null, undefined, "report", 3, [ref]]) {
      expect(parseAction(Verb.OpenReport, data)).toBeUndefined();
    }
  });

  it("should refuse fields of the wrong type or out of range", () => {
    const save = { ...ref, sectionId: "s1", revision: 3, nav: "next" };
    expect(parseAction(Verb.SaveSection, save)).toBeDefined();
    // Issue 14: an id of another shape is an unknown id ("finner ikke" later), never an object or a
    // number passed on: these used to be refused here as malformed.
    const ids = (data: Record<string, unknown>) => {
      const d = parseAction(Verb.SaveSection, data)?.data as
        | { roundId?: string; reportId?: string }
        | undefined;
      return d && [d.roundId, d.reportId];
    };
    expect(ids({ ...save, roundId: 7 })).toEqual(["7", ref.reportId]);
    expect(ids({ ...save, reportId: "" })).toEqual([ref.roundId, ""]);
    expect(ids({ ...save, reportId: { $ne: null } })).toEqual([ref.roundId, ""]);
    expect(ids({ ...save, roundId: "x".repeat(201) })).toEqual(["x".repeat(201), ref.reportId]);
    for (const broken of [
      { ...save, sectionId: undefined },
      { ...save, nav: "sideways" },
      { ...save, revision: "tre" },
      { ...save, revision: -1 },
      { ...save, revision: 2.5 },
      { ...save, revision: {} },
    ]) {
      expect(parseAction(Verb.SaveSection, broken), JSON.stringify(broken).slice(0, 80)).toBeUndefined();
    }
    expect(parseAction(Verb.OpenReport, { ...ref, section: 101 })).toBeUndefined();
    expect(parseAction(Verb.Submit, { ...ref })).toBeUndefined();
  });

  // Reported as an oddity: z.coerce.number() turns null, "", false/true and [] into numbers.
  it("should refuse a revision that is null, empty, a boolean or an array", () => {
    for (const revision of [null, "", true, []]) {
      expect(parseAction(Verb.Submit, { ...ref, revision })).toBeUndefined();
    }
  });

  it("should read a revision sent as a string", () => {
    const parsed = parseAction(Verb.Submit, { ...ref, revision: "3" });
    expect(parsed?.verb).toBe(Verb.Submit);
    expect(parsed?.data).toEqual({ ...ref, revision: 3 });
    const open = parseAction(Verb.OpenReport, { ...ref, section: "2" });
    expect(open?.data).toEqual({ ...ref, section: 2 });
  });

  it("should keep routing fields out of the inputs and every card input in them", () => {
    const parsed = parseAction(Verb.SaveSection, {
      verb: Verb.SaveSection,
      ...ref,
      sectionId: "s1",
      revision: "3",
      nav: "pause",
      section: "1",
      msteams: { type: "messageBack" },
      q01: "Kari",
      q02: "",
      q03__comment: "hei",
    });
    expect(parsed?.data).toEqual({ ...ref, sectionId: "s1", revision: 3, nav: "pause" });
    expect(parsed?.inputs).toEqual({ q01: "Kari", q02: "", q03__comment: "hei" });
  });

  it("should parse what the section card's own buttons send", () => {
    const report = makeReport(form2024, { revision: 7 });
    const card = sectionCard({ form: form2024, report, sectionIndex: 1 });
    const actions = [...walk(card)]
      .map(([n]) => n)
      .filter((n) => (n.type === "Action.Execute" || n.type === "Action.Submit") && n.data !== undefined);
    expect(actions.length).toBe(8); // next, back, pause, review, each with an Action.Submit fallback
    for (const action of actions) {
      const data: Node = { ...(action.data as Node), q04: "12" };
      const parsed = parseAction(data.verb, data);
      expect(parsed?.verb).toBe(Verb.SaveSection);
      expect(parsed?.data).toMatchObject({
        ...ref,
        reportId: report.id,
        roundId: report.roundId,
        revision: 7,
      });
      expect(parsed?.inputs).toEqual({ q04: "12" });
    }
  });
});

describe("welcomeCard deadline", () => {
  const report = makeReport(form2024);
  it("should show the round's deadline with days left under the intro", () => {
    const card = welcomeCard(
      "Kari",
      [{ report, form: form2024, isContact: true, deadline: "2027-01-15T22:59:00.000Z" }],
      new Date("2026-12-01T10:00:00.000Z"),
    );
    expect(textBlocksOf(card)).toContain("Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen");
  });
  it("should say the deadline has passed", () => {
    const card = welcomeCard(
      "Kari",
      [{ report, form: form2024, isContact: true, deadline: "2027-01-15T22:59:00.000Z" }],
      new Date("2027-02-01T10:00:00.000Z"),
    );
    expect(textBlocksOf(card).some((t) => t.startsWith("Fristen var fredag 15. januar 2027"))).toBe(true);
  });
});
