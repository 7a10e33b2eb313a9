/**
 * The compiled card builders (cards/compile-template.ts) give the same cards as adaptivecards-templating,
 * byte for byte: every card the product makes (both forms, every section empty, filled and with errors,
 * review, receipt, summary, welcome, co-editors, reminders, staff list), every *.card.json template with
 * random data, and hand-written templates for the corners of the templating language.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${…}" is the card template syntax under test
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Template } from "adaptivecards-templating";
import { afterEach, describe, expect, it } from "vitest";
import { coEditorsCard } from "../../cards/coeditors.ts";
import { compileTemplate } from "../../cards/compile-template.ts";
import { reminderActionCard, reminderCard } from "../../cards/reminder.ts";
import {
  type CardJson,
  expandCompiled,
  expandWithLibrary,
  templateEngines,
  useTemplateEngine,
} from "../../cards/render.ts";
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { staffReportsCard } from "../../cards/staff-reports.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import { inputIdsOf } from "../../src/questionnaire/input-ids.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import {
  bothForms,
  completeContents,
  makeReport,
  maxRaw,
  sectionRaw,
  stored,
} from "../src/reports/fixtures.ts";
import { makeRound } from "../src/storage/fixtures.ts";
import { namesIn, outcome, prng, randomData } from "../support/template-fuzz.ts";

const CARDS_DIR = join(import.meta.dirname, "..", "..", "cards");

afterEach(() => useTemplateEngine("compiled"));

/** The card built by the library and by the compiled builder, as JSON text. */
function bothWays(build: () => CardJson): { library: string; compiled: string } {
  useTemplateEngine("library");
  const library = JSON.stringify(build());
  useTemplateEngine("compiled");
  const compiled = JSON.stringify(build());
  return { library, compiled };
}

function expectSame(build: () => CardJson) {
  const { library, compiled } = bothWays(build);
  expect(compiled).toBe(library);
}

const filled = (form: Form, overrides: Partial<ReportDoc> = {}) =>
  makeReport(form, { revision: 3, answers: stored(completeContents(form, (q) => maxRaw(q))), ...overrides });

describe("compiled card builders give the library's cards byte for byte", () => {
  describe.each(bothForms.map((form) => ({ form })))("$form.id", ({ form }) => {
    it.each(form.sections.map((section, index) => ({ section, index })))(
      "section $section.id: empty, filled, with errors and a notice",
      ({ section, index }) => {
        expectSame(() => sectionCard({ form, report: makeReport(form), sectionIndex: index }));
        expectSame(() => sectionCard({ form, report: filled(form), sectionIndex: index }));
        const errors = Object.fromEntries(
          section.questions.flatMap(inputIdsOf).map((id) => [id, `Feil i ${id}`]),
        );
        expectSame(() =>
          sectionCard({
            form,
            report: filled(form),
            sectionIndex: index,
            typed: sectionRaw(section, (q) => maxRaw(q, "ø")),
            errors,
            notice: { text: "Noe er feil – se under.", style: "attention" },
            base: { x: "y" },
          }),
        );
      },
    );

    it("review (every role, draft and submitted, reopen reason), receipt and summary", () => {
      for (const report of [makeReport(form), filled(form)]) {
        for (const role of ["contact", "coeditor", "staff"] as const) {
          expectSame(() => reviewCard({ form, report, role }));
        }
      }
      const submitted = filled(form, {
        status: "submitted",
        submittedAt: "2026-11-02T10:00:00.000Z",
        receiptId: "DEKOM-2025-ABC123",
      } as Partial<ReportDoc>);
      expectSame(() =>
        reviewCard({ form, report: submitted, role: "staff", reopen: { reason: "x", error: "Feil" } }),
      );
      expectSame(() =>
        reviewCard({ form, report: submitted, role: "contact", notice: { text: "Ok", style: "good" } }),
      );
      expectSame(() => receiptCard(submitted));
      expectSame(() => summaryCard(form, submitted));
    });

    it("welcome, co-editors and the staff list", () => {
      const report = filled(form, {
        coEditors: [
          {
            email: "ola@example.com",
            name: "Ola *N*",
            invitedAt: "2026-11-01T10:00:00.000Z",
            invitedBy: "a",
          },
          { email: "eva@example.com", invitedAt: "2026-11-01T11:00:00.000Z", invitedBy: "a" },
        ],
      } as Partial<ReportDoc>);
      expectSame(() => welcomeCard("**Kari** Nordmann", []));
      expectSame(() =>
        welcomeCard("Kari", [
          { report, form, isContact: true },
          { report: makeReport(form), form, isContact: false },
        ]),
      );
      expectSame(() => coEditorsCard(makeReport(form)));
      expectSame(() =>
        coEditorsCard(report, {
          notice: { text: "Invitert", style: "good" },
          error: "Ugyldig",
          typedEmail: "x@",
        }),
      );
      const round = makeRound({ id: "r-1", formId: form.id });
      expectSame(() => staffReportsCard(round, form, []));
      expectSame(() => staffReportsCard(round, form, [report, makeReport(form)]));
    });
  });

  it("reminders and what replaces them", () => {
    const message = {
      roundId: "vestland-2025",
      reportId: "t-1",
      stageId: "d7",
      stageKind: "before",
      recipientRole: "contact",
      partnershipName: "Salten *regionråd*",
      tiltakName: "Lesing i alle fag",
      deadline: "2027-01-15T22:59:00.000Z",
      deadlineDate: "fredag 15. januar",
      deadlineClock: "kl. 23.59",
      daysLeft: 7,
      daysLeftText: "om 7 dager",
      sectionsDone: 4,
      sectionsTotal: 6,
      resumeSection: 4,
      resumeSectionTitle: "Økonomi",
      canSnooze: true,
      canOptOut: true,
    } as Parameters<typeof reminderCard>[0];
    expectSame(() => reminderCard(message));
    expectSame(() => reminderCard({ ...message, canSnooze: false, canOptOut: false, sectionsDone: 0 }));
    expectSame(() => reminderActionCard({ kind: "not_found" } as Parameters<typeof reminderActionCard>[0]));
  });
});

// ---- Every template, random data ------------------------------------------------------------------

const templateFiles = readdirSync(CARDS_DIR).filter((f) => f.endsWith(".card.json"));

describe("every *.card.json with random data", () => {
  it("should find the templates", () => {
    expect(templateFiles.length).toBeGreaterThan(0);
  });

  it.each(templateFiles)("%s", { timeout: 60_000 }, (file) => {
    const template = JSON.parse(readFileSync(join(CARDS_DIR, file), "utf8")) as object;
    const names = namesIn(template);
    const random = prng(file.length * 7919);
    let compared = 0;
    for (let i = 0; i < 150; i++) {
      const data = randomData(names, random);
      const compiled = expandCompiled(template, data);
      if (compiled === undefined) continue; // NotCompiled: this card is rendered by the library
      compared++;
      expect(
        outcome(() => compiled.card),
        `data: ${JSON.stringify(data)}`,
      ).toBe(outcome(() => expandWithLibrary(template, data)));
    }
    if (compared === 0) {
      // The compiler does not take this template: render.ts uses the library for it (slower).
      const reason = Object.values(templateEngines().notCompiled).join("; ");
      console.warn(`${file} is rendered by adaptivecards-templating, not compiled: ${reason}`);
      expect(reason).not.toBe("");
    }
  });
});

// ---- The corners of the templating language --------------------------------------------------------

/** Small templates, each for one corner; every one is expanded with every data case below. */
const corners: Record<string, unknown> = {
  missing: { type: "TextBlock", text: "${missing}", $when: "${missing == null}", $root: "dropped" },
  interpolation: { text: "a ${missing} b ${count(missing)} c ${n > 'x'} d ${n} e ${flag}" },
  typed: { text: "${n}", maxLength: "${n}", wrap: "${flag}", choices: "${list}", nothing: "${nothing}" },
  logic: { text: "${!empty} ${!zero} ${!nothing} ${flag && n > 1} ${flag || n}" },
  orLast: { text: "${flag || nothing}", value: "${nothing || flag}" },
  countIf: { $when: "${count(list) > 1}", text: "${if(flag, 'ja', n)}", other: "${if(nothing, n, 'nei')}" },
  literalWhen: [
    { $when: "true", t: 1 },
    { $when: "", t: 2 },
    { $when: false, t: 3 },
    { $when: "${n}", t: 4 },
  ],
  nestedData: { $data: "${list}", type: "Container", items: [{ $data: "${inner}", text: "${$index}:${v}" }] },
  indexWhen: { $data: "${list}", $when: "${$index != 1}", text: "${$root.n}/${name}/${$data.name}" },
  caseInsensitive: { $data: "${obj}", text: "${NAME} ${Name}" },
  scalarData: { $data: "${empty}", text: "${$data}" },
  literalData: { $data: [{ v: 1 }, { v: 2 }], text: "${v}" },
  sparseData: { $data: "${missingList}", text: "${v}" },
  arrays: [["nested", "${n}"], "${list}", "${strings}", { $data: "${list}", x: "${name}" }],
  comparisons: { text: "${n == 2} ${n != 2} ${n < 3} ${n >= 'a'} ${list == strings} ${nothing == missing}" },
};

describe("corners of the templating language", () => {
  const cases: Record<string, unknown>[] = [
    {},
    { n: 2, flag: true, empty: "", zero: 0, nothing: null, list: [], strings: ["a", "b"] },
    {
      n: 1.5,
      flag: false,
      list: [{ name: "a", inner: [{ v: 1 }, { v: "x" }] }, { name: "b", inner: [] }, { name: "c" }],
      obj: { name: "lower" },
    },
    { n: "tekst", list: "not a list", obj: "string", strings: [] },
    { n: -1, list: [{}, { name: null }], missingList: [null, { v: 3 }] },
  ];
  it.each(Object.entries(corners))("%s should expand as the library does", (_, template) => {
    const compiled = compileTemplate(template as object);
    const outcomes = cases.map((data) => outcome(() => expandWithLibrary(template as object, data)));
    expect(cases.map((data) => outcome(() => compiled(data)))).toEqual(outcomes);
    // Not every case may fail: the corner must really be exercised.
    expect(outcomes.some((o) => o.startsWith("ok"))).toBe(true);
  });

  it("should throw where the library throws (a failing single expression)", () => {
    const t = { type: "TextBlock", text: "${n > 'x'}" };
    expect(() => expandWithLibrary(t, { n: 1 })).toThrow();
    expect(() => compileTemplate(t)({ n: 1 })).toThrow();
  });
});

// ---- null inside an interpolated string ------------------------------------------------------------

describe("a null value inside an interpolated string", () => {
  /** adaptive-expressions' own string interpolation, with the library's substitution for missing values. */
  const aelInterpolation = (text: string, data: object): unknown => {
    const parsed = Template.parseInterpolatedString(text) as unknown as {
      tryEvaluate(memory: object, options: object): { value: unknown; error?: unknown };
    };
    const { value, error } = parsed.tryEvaluate(data, { nullSubstitution: (path: string) => `\${${path}}` });
    if (error) throw new Error(String(error));
    return value;
  };
  const cases: [string, Record<string, unknown>][] = [
    ["Del ${n}: ${title}", { n: 1, title: null }],
    ["Del ${n}: ${title}", { n: null, title: "Økonomi" }],
    ["${a} og ${b}", { a: null, b: null }],
    ["${a}/${b.c}/${d}", { a: "x", b: { c: null }, d: 2 }],
    ["Del ${n}: ${title}", { n: 1 }], // missing, not null: the substitution text, as before
  ];

  it.each(cases)("%s with %j should build the card as adaptive-expressions interpolates", (text, data) => {
    const template = { type: "TextBlock", text };
    const card = compileTemplate(template)(data) as { text: unknown };
    expect(card.text).toBe(aelInterpolation(text, data));
    expect(card.text).not.toContain("null");
  });

  it("should not fail the card where the library throws (its concatenation calls null.toString())", () => {
    const template = { type: "TextBlock", text: "Del ${n}: ${title}" };
    const data = { n: 2, title: null };
    expect(() => expandWithLibrary(template, data)).toThrow(TypeError);
    expect(expandCompiled(template, data)?.card).toEqual({ type: "TextBlock", text: "Del 2: " });
    // Everywhere else the two agree: the same data with an empty title.
    expect(JSON.stringify(compileTemplate(template)({ n: 2, title: "" }))).toBe(
      JSON.stringify(expandWithLibrary(template, { n: 2, title: "" })),
    );
  });

  it("should keep a single expression's null as null (the library's typed result)", () => {
    const template = { type: "TextBlock", text: "${title}" };
    expect(compileTemplate(template)({ title: null })).toEqual(expandWithLibrary(template, { title: null }));
  });
});
