import { describe, expect, it } from "vitest";
import type { CardJson } from "../../cards/render.ts";
import { REVIEW_PAGE_BYTES, reviewCard, reviewPageCount } from "../../cards/report-review.ts";
import { parseAction, Verb } from "../../cards/verbs.ts";
import { NO_COORDINATOR, warningsFor } from "../../src/reports/plausibility.ts";
import {
  bothForms,
  coEditorActor,
  completeContents,
  contactActor,
  form2021,
  form2024,
  makeReport,
  maxRaw,
  stored,
} from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

type Node = Record<string, unknown>;
function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* walk(v);
  }
}
const teamsBytes = (card: CardJson) => Buffer.byteLength(JSON.stringify(card), "utf16le");
const runs = (card: CardJson) =>
  [...walk(card)].filter((n) => n.type === "TextRun").map((n) => String(n.text));
const texts = (card: CardJson) =>
  [...walk(card)].filter((n) => n.type === "TextBlock" || n.type === "TextRun").map((n) => String(n.text));
const actions = (card: CardJson) => [...walk(card)].filter((n) => n.type === "Action.Execute");

/** 546 characters, like the answer the issue saw cut at 396. */
const LONG = `${"Partnerskapet har arbeidet med lesing i alle fag gjennom nettverk og samlinger. ".repeat(7).slice(0, 540)}Slutt.`;

describe("review card: answers in full", () => {
  it("should show a 546-character answer and its comment in full", () => {
    expect(LONG.length).toBe(546);
    const contents = completeContents(form2021);
    contents["6.1"] = { value: LONG };
    contents["5.2"] = {
      value: "Forankret i skolenes behov.",
      comment: "Tillitsvalgte var med i alle møter.",
    };
    const card = reviewCard({
      form: form2021,
      report: makeReport(form2021, { answers: stored(contents) }),
      role: "contact",
    });
    expect(runs(card)).toContain(LONG);
    expect(runs(card)).toContain("Tillitsvalgte var med i alle møter.");
    expect(runs(card)).toContain("Kommentar: ");
  });

  it.each(bothForms)(
    "should split a $id report at maximum lengths over pages that each fit, showing every answer once",
    (form) => {
      const contents = completeContents(form, (q) => maxRaw(q));
      const report = makeReport(form, { answers: stored(contents), revision: 3 });
      const input = { form, report, role: "contact" as const };
      const count = reviewPageCount(input);
      expect(count).toBeGreaterThan(1);
      const seen: string[] = [];
      for (let page = 0; page < count; page++) {
        const card = reviewCard({ ...input, page });
        expect(teamsBytes(card)).toBeLessThanOrEqual(REVIEW_PAGE_BYTES);
        expect(cardProblems(card)).toEqual([]);
        expect(texts(card)).toContain(`Side ${page + 1} av ${count}`);
        seen.push(
          ...texts(card).filter((t) => form.sections.some((s) => s.questions.some((q) => q.text === t))),
        );
        const verbs = actions(card).map((a) => a.verb);
        // "Send inn" only on the last page; "Neste side" everywhere else.
        expect(verbs.includes(Verb.Submit)).toBe(page === count - 1);
        const next = actions(card).find((a) => a.title === "Neste side");
        expect(next === undefined).toBe(page === count - 1);
        if (next) expect(parseAction(next.verb, next.data)?.data).toMatchObject({ page: page + 1 });
      }
      const allQuestions = form.sections.flatMap((s) => s.questions.map((q) => q.text));
      expect(seen.sort()).toEqual([...allQuestions].sort());
      // Every answer text appears in full somewhere.
      const allRuns = Array.from({ length: count }, (_, page) => runs(reviewCard({ ...input, page }))).flat();
      for (const q of form.sections.flatMap((s) => s.questions)) {
        const v = contents[q.id]?.value;
        if (typeof v === "string" && (q.type === "longtext" || q.type === "text"))
          expect(allRuns).toContain(v);
      }
    },
  );
});

describe("review card: who changed what", () => {
  it("should say «Sist endret av» only when more than one person has edited the report", () => {
    const alone = makeReport(form2024, { answers: stored(completeContents(form2024), contactActor) });
    expect(
      texts(reviewCard({ form: form2024, report: alone, role: "contact" })).some((t) =>
        t.startsWith("Sist endret av"),
      ),
    ).toBe(false);
    const two = makeReport(form2024, {
      answers: {
        ...stored(completeContents(form2024), contactActor),
        ...stored({ q24: { value: "Tillegg" } }, coEditorActor),
      },
    });
    // Every page: the review of a complete report may take more than one card.
    const input = { form: form2024, report: two, role: "contact" as const };
    const by = Array.from({ length: reviewPageCount(input) }, (_, page) =>
      texts(reviewCard({ ...input, page })),
    )
      .flat()
      .filter((t) => t.startsWith("Sist endret av"));
    expect(by.some((t) => t.includes(coEditorActor.name))).toBe(true);
    expect(by.some((t) => t.includes(contactActor.name))).toBe(true);
  });
});

describe("review card: deadline", () => {
  const report = makeReport(form2024, { answers: stored(completeContents(form2024)) });
  it("should show the deadline and days left", () => {
    const card = reviewCard({
      form: form2024,
      report,
      role: "contact",
      deadline: "2027-01-15T22:59:00.000Z",
      now: new Date("2026-12-01T10:00:00.000Z"),
    });
    expect(texts(card)).toContain("Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen");
  });
  it("should say the deadline has passed and still offer «Send inn»", () => {
    const card = reviewCard({
      form: form2024,
      report,
      role: "contact",
      deadline: "2027-01-15T22:59:00.000Z",
      now: new Date("2027-01-20T10:00:00.000Z"),
    });
    expect(texts(card).some((t) => t.startsWith("Fristen var fredag 15. januar 2027"))).toBe(true);
    expect(actions(card).some((a) => a.verb === Verb.Submit)).toBe(true);
  });
});

describe("review card: plausibility warnings", () => {
  const reason = form2024.sections[2]?.questions.find((q) => q.id === "q12")?.options?.[0]?.id as string;
  const contents = completeContents(form2024);
  contents.q12 = { value: [reason, NO_COORDINATOR] };
  contents.q09 = { value: "-" };
  contents.q14 = { value: 80_000 };

  it("should collect every warning with «Stemmer» and «Endre» (to its section), never blocking «Send inn»", () => {
    const report = makeReport(form2024, { answers: stored(contents), revision: 2 });
    const card = reviewCard({ form: form2024, report, role: "contact" });
    expect(texts(card)).toContain("Sjekk disse svarene");
    const confirms = actions(card).filter((a) => a.verb === Verb.ConfirmWarning);
    expect(confirms.map((a) => parseAction(a.verb, a.data)?.data)).toEqual([
      { roundId: report.roundId, reportId: report.id, rule: "uh-grant-no-uh" },
      { roundId: report.roundId, reportId: report.id, rule: "no-coordinator-with-reasons" },
    ]);
    expect(confirms.every((a) => a.title === "Stemmer")).toBe(true);
    const changes = actions(card).filter((a) => a.title === "Endre");
    expect(changes.map((a) => (a.data as Node).section)).toEqual([1, 2]); // s2 (q09) and s3 (q12)
    expect(actions(card).some((a) => a.verb === Verb.Submit)).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });

  it("should show a confirmed warning as confirmed, without buttons", () => {
    const report = makeReport(form2024, { answers: stored(contents) });
    const first = reviewCard({ form: form2024, report, role: "contact" });
    expect(actions(first).filter((a) => a.verb === Verb.ConfirmWarning)).toHaveLength(2);
    // What the server stores on "Stemmer" (see confirm-warning.ts): the signature it computed.
    const w = warningsFor(form2024, report).find((x) => x.rule === "uh-grant-no-uh");
    report.plausibility = {
      "uh-grant-no-uh": { signature: w?.signature as string, by: { id: "x", name: "Kari Kontakt" }, at: "x" },
    };
    const card = reviewCard({ form: form2024, report, role: "contact" });
    expect(actions(card).filter((a) => a.verb === Verb.ConfirmWarning)).toHaveLength(1);
    expect(texts(card)).toContain("Bekreftet av Kari Kontakt");
  });
});
