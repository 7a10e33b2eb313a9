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
import type { Form, Section } from "../../src/questionnaire/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import {
  bothForms,
  completeContents,
  form2021,
  form2024,
  makeReport,
  maxRaw,
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

/** Backslash-escaped Markdown/HTML characters only: the text shows literally. */
function unescapedMarkup(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if ("*_[]()<>`#~|".includes(text[i] ?? "")) found.push(`${text[i]} at ${i}`);
  }
  return found;
}

function maxReport(form: Form, fill = "ø"): ReportDoc {
  return makeReport(form, { revision: 1, answers: stored(completeContents(form, (q) => maxRaw(q, fill))) });
}

const longestMessage = Object.values(messages)
  .map((m) => (typeof m === "function" ? m(4000, 10_000) : m))
  .reduce((a, b) => (a.length >= b.length ? a : b));

const cases = bothForms.flatMap((form) => form.sections.map((section, index) => ({ form, section, index })));

// ---- Section cards --------------------------------------------------------------------------------

describe("sectionCard", () => {
  describe.each(cases)("$form.id section $section.id", ({ form, section, index }) => {
    it("should fit, parse cleanly and label every input when nothing is answered", () => {
      const card = sectionCard({ form, report: makeReport(form), sectionIndex: index });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(cardProblems(card)).toEqual([]);
      expectWellFormedInputs(card, section);
      expect(submittedValues(card)).toEqual({});
    });

    it("should fit and parse cleanly with every answer at its maximum length", () => {
      const report = maxReport(form);
      const card = sectionCard({ form, report, sectionIndex: index });
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
        const card = sectionCard({ form, report, sectionIndex: index });
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
      const card = sectionCard({ form, report, sectionIndex: index, typed, errors: {} });
      expect(submittedValues(card)).toEqual(
        Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== "")),
      );
    });

    it("should show the error of every input next to it", () => {
      const ids = section.questions.flatMap(inputIdsOf);
      const errors = Object.fromEntries(ids.map((id) => [id, `Feil i felt ${id}.`]));
      const card = sectionCard({ form, report: makeReport(form), sectionIndex: index, errors });
      const texts = textBlocksOf(card);
      for (const message of Object.values(errors)) expect(texts).toContain(message);
    });
  });

  // Limits count characters, the card budget is bytes: heavy characters are capped by a byte budget too.
  it("should fit every section of both forms when free text at its limit is made of emoji", () => {
    for (const { form, index } of cases) {
      const card = sectionCard({ form, report: maxReport(form, "😀"), sectionIndex: index });
      expect(bytesOf(card)).toBeLessThan(MAX_CARD_BYTES);
    }
  });

  it("should keep Markdown in stored answers out of the card's text blocks", () => {
    const nasty = "**fet** <script>x</script> [lenke](http://x)";
    const report = makeReport(form2021, {
      partnership: { id: "p", name: nasty, category: "Skole", sector: "Offentlig" },
      answers: stored({ "2.1": { value: nasty } }, { id: "x", name: nasty }),
    });
    const card = sectionCard({ form: form2021, report, sectionIndex: 0 });
    const shown = textBlocksOf(card).filter((t) => t.includes("fet"));
    expect(shown.length).toBeGreaterThanOrEqual(2); // subheading and "Sist endret av"
    for (const text of shown) expect(unescapedMarkup(text)).toEqual([]);
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

  it("should escape Markdown and HTML in answers and names", () => {
    const nasty = "**fet** <script>x</script> [lenke](http://x)";
    const answers = stored(
      { ...completeContents(form2021), "2.1": { value: nasty }, "7.1": { value: `# Overskrift\n${nasty}` } },
      { id: "x", name: "_Kari_ <b>" },
    );
    const report = makeReport(form2021, { answers, tiltak: { id: "t", name: "[Tiltak](http://evil)" } });
    const card = reviewCard({ form: form2021, report, role: "contact" });
    const texts = textBlocksOf(card);
    const answerText = texts.find((t) => t.includes("fet") && !t.includes("#"));
    expect(answerText).toContain("\\*\\*fet\\*\\* \\<script\\>x\\</script\\> \\[lenke\\]\\(http://x\\)");
    const withName = texts.filter((t) => /fet|Kari|Tiltak|Overskrift/.test(t));
    expect(withName.length).toBeGreaterThan(3);
    for (const text of withName) expect(unescapedMarkup(text)).toEqual([]);
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
    const facts = [...walk(card)].map(([n]) => n).find((n) => n.type === "FactSet")?.facts as Node[];
    const by = facts.find((f) => f.title === "Sendt av")?.value;
    expect(unescapedMarkup(String(by))).toEqual([]);
    for (const text of textBlocksOf(card).filter((t) => t.includes("Tiltak"))) {
      expect(unescapedMarkup(text)).toEqual([]);
    }
  });
});

describe("welcomeCard", () => {
  it("should parse cleanly for one and several reports, with names escaped", () => {
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
      const texts = textBlocksOf(card);
      expect(texts[0]).toBe("Hei, \\*\\*Kari\\*\\*!");
      const shown = texts.filter((t) => t.includes("fet"));
      expect(shown).toHaveLength(2); // the tiltak title and the partnership in the details
      for (const text of shown) expect(unescapedMarkup(text)).toEqual([]);
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
    for (const broken of [
      { ...save, roundId: 7 },
      { ...save, reportId: "" },
      { ...save, reportId: { $ne: null } },
      { ...save, sectionId: undefined },
      { ...save, nav: "sideways" },
      { ...save, revision: "tre" },
      { ...save, revision: -1 },
      { ...save, revision: 2.5 },
      { ...save, revision: {} },
      { ...save, roundId: "x".repeat(201) },
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
