/**
 * The paged section card: short cards, each question's text once, short labels for "Annet" and
 * comments, the questions to fix named in the banner, pre-fills, the deadline, and "Sist endret av".
 */
import { describe, expect, it } from "vitest";
import { decodeFingerprints } from "../../cards/fingerprints.ts";
import type { CardJson } from "../../cards/render.ts";
import { sectionCard, sectionHeading } from "../../cards/report-section.ts";
import { PREFILL_MARK } from "../../src/questionnaire/fingerprint.ts";
import { formPages, MAX_PAGE_INPUTS } from "../../src/questionnaire/pages.ts";
import { bothForms, form2021, form2024, makeReport, NOW, stored } from "../src/reports/fixtures.ts";

type Node = Record<string, unknown>;
function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* walk(v);
  }
}
const nodes = (card: CardJson) => [...walk(card)];
const inputs = (card: CardJson) => nodes(card).filter((n) => String(n.type).startsWith("Input."));

/** What a person fills or ticks: each radio/checkbox of an expanded set, a compact set as one. */
function controls(card: CardJson): number {
  return inputs(card).reduce((n, i) => {
    if (i.type !== "Input.ChoiceSet" || i.style === "compact") return n + 1;
    return n + (i.choices as unknown[]).length;
  }, 0);
}

/** Every text the card shows (TextBlocks, TextRuns, labels, placeholders). */
function texts(card: CardJson): string[] {
  return nodes(card).flatMap((n) => {
    const out: string[] = [];
    if ((n.type === "TextBlock" || n.type === "TextRun") && typeof n.text === "string") out.push(n.text);
    if (typeof n.label === "string") out.push(n.label);
    return out;
  });
}

const pages = bothForms.flatMap((form) =>
  formPages(form)
    .flat()
    .map((page) => ({ form, page })),
);

describe("section card pages", () => {
  it.each(
    pages.map(({ form, page }) => [`${form.id} ${page.part.id} page ${page.index + 1}`, form, page] as const),
  )("should have at most 10 inputs and each question's text exactly once: %s", (_name, form, page) => {
    const card = sectionCard({
      form,
      report: makeReport(form),
      sectionIndex: page.sectionIndex,
      page: page.index,
    });
    expect(controls(card)).toBeLessThanOrEqual(MAX_PAGE_INPUTS);
    const shown = texts(card);
    for (const q of page.questions) {
      const hits = shown.filter((t) => t.includes(q.text));
      expect(hits, q.id).toHaveLength(1);
      expect(hits[0], q.id).toBe(`${q.text}${q.required ? " *" : ""}`);
    }
  });

  it("should show the 41 municipalities as one compact multi-select with option ids as values", () => {
    const card = sectionCard({ form: form2024, report: makeReport(form2024), sectionIndex: 1 });
    const q08 = inputs(card).find((i) => i.id === "q08");
    expect(q08).toMatchObject({ type: "Input.ChoiceSet", isMultiSelect: true, style: "compact" });
    const choices = q08?.choices as { title: string; value: string }[];
    expect(choices).toHaveLength(41);
    const q08Options = form2024.sections[1]?.questions.find((q) => q.id === "q08")?.options ?? [];
    expect(choices).toEqual(q08Options.map((o) => ({ title: o.text, value: o.id })));
    expect(choices[9]).toEqual({ title: "Fauske - Fuosko", value: "fauske" });
    expect(controls(card)).toBe(6);
  });

  it("should put 'Annet – beskriv' and 'Kommentar' right under their question, with the help text under the label", () => {
    const card = sectionCard({ form: form2024, report: makeReport(form2024), sectionIndex: 3 });
    const order = nodes(card)
      .filter((n) => String(n.type).startsWith("Input."))
      .map((n) => `${n.id}:${n.label}`);
    expect(order.slice(0, 3)).toEqual([
      `q18:${form2024.sections[3]?.questions[0]?.text} *`,
      "q18__other:Annet – beskriv",
      "q18__comment:Kommentar",
    ]);
    const card2021 = sectionCard({ form: form2021, report: makeReport(form2021), sectionIndex: 2 });
    const body = JSON.stringify(card2021);
    const help = form2021.sections[2]?.questions[3]?.help as string;
    const helpBlock = nodes(card2021).find((n) => n.type === "TextBlock" && n.text === help);
    expect(helpBlock).toMatchObject({ size: "Small", isSubtle: true, wrap: true });
    expect(body.indexOf(help)).toBeGreaterThan(body.indexOf('"id":"4.4"'));
    expect(body.indexOf(help)).toBeLessThan(body.indexOf('"id":"4.4__comment"'));
  });

  it("should head a split section with its page ('Del 3 av 6 · side 2 av 3') and carry the page on every button", () => {
    expect(sectionHeading(form2024, 2, 1)).toBe(
      "Del 3 av 6 · side 2 av 3 – Egenfinansiering, tilskudd og periode",
    );
    expect(sectionHeading(form2024, 0, 0)).toBe("Del 1 av 6 – Kontaktinformasjon");
    const card = sectionCard({ form: form2024, report: makeReport(form2024), sectionIndex: 2, page: 1 });
    const buttons = nodes(card).filter((n) => n.type === "Action.Execute");
    expect(buttons.map((b) => (b.data as Node).page)).toEqual([1, 1, 1, 1]);
    expect(buttons.map((b) => b.title)).toEqual([
      "Lagre og fortsett",
      "Tilbake",
      "Lagre og ta pause",
      "Lagre og se gjennom alt",
    ]);
  });
});

describe("section card content", () => {
  it("should name the questions to fix in the banner by their short names", () => {
    const card = sectionCard({
      form: form2024,
      report: makeReport(form2024),
      sectionIndex: 0,
      typed: { q03: "1234" },
      errors: { q03: "Skriv et norsk telefonnummer med 8 siffer." },
      notice: { text: "Noen svar må rettes.", style: "attention" },
    });
    expect(texts(card)).toContain("Sjekk: Telefonnummer");
    expect(inputs(card).find((i) => i.id === "q03")?.value).toBe("1234");
  });

  it("should pre-fill what the county knows, mark it, and carry it as a pre-fill in the fingerprints", () => {
    const report = makeReport(form2024, {
      contact: {
        name: "Kari Kontakt",
        email: "kari@example.com",
        phone: "+4791234567",
        workplace: "Bodø kommune",
      },
    });
    const card = sectionCard({ form: form2024, report, sectionIndex: 0 });
    const values = Object.fromEntries(inputs(card).map((i) => [i.id, i.value]));
    expect(values).toEqual({ q01: "Kari Kontakt", q02: "Bodø kommune", q03: "912 34 567" });
    expect(texts(card).filter((t) => t.startsWith("Forhåndsutfylt"))).toHaveLength(3);
    const save = nodes(card).find((n) => n.type === "Action.Execute") as Node;
    const base = decodeFingerprints(String((save.data as Node).base)) ?? {};
    for (const qid of ["q01", "q02", "q03"]) expect(base[qid]?.startsWith(PREFILL_MARK), qid).toBe(true);
    // Once saved, the value is an answer like any other: no mark.
    const saved = { ...report, answers: stored({ q01: { value: "Kari Kontakt" } }) };
    const after = sectionCard({ form: form2024, report: saved, sectionIndex: 0 });
    expect(texts(after).filter((t) => t.startsWith("Forhåndsutfylt"))).toHaveLength(2);
  });

  it("should show the deadline in the header, and after it that the report can still be sent", () => {
    const input = {
      form: form2024,
      report: makeReport(form2024),
      sectionIndex: 0,
      deadline: "2027-01-15T22:59:00.000Z",
    };
    expect(texts(sectionCard({ ...input, now: new Date("2026-12-01T09:00:00Z") }))).toContain(
      "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen",
    );
    const late = texts(sectionCard({ ...input, now: new Date("2027-01-20T09:00:00Z") }));
    expect(late.some((t) => t.startsWith("Fristen var") && t.includes("fortsatt sende inn"))).toBe(true);
  });

  it("should say 'Sist endret av' only when more than one person has edited the report", () => {
    const one = makeReport(form2024, { answers: stored({ q01: { value: "Kari" }, q02: { value: "X" } }) });
    expect(JSON.stringify(sectionCard({ form: form2024, report: one, sectionIndex: 0 }))).not.toContain(
      "Sist endret av",
    );
    const two = makeReport(form2024, {
      answers: {
        ...stored({ q01: { value: "Kari" } }),
        ...stored({ q03: { value: "+4792345678" } }, { id: "aad-2", name: "Megan Bowen" }),
      },
    });
    const card = JSON.stringify(sectionCard({ form: form2024, report: two, sectionIndex: 0 }));
    expect(card).toContain("Sist endret av Megan Bowen");
    expect(card).toContain("Sist endret av Kari");
  });

  it("should tell how to send attachments, and list the sent files with «Fjern», where the form asks for an upload", () => {
    const none = sectionCard({ form: form2024, report: makeReport(form2024), sectionIndex: 5 });
    const note = texts(none).filter((t) => t.startsWith("Vedlegg: send filene til meg her i chatten"));
    expect(note).toHaveLength(1);
    expect(JSON.stringify(none)).not.toContain("attachment.remove");
    const attachment = {
      id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      name: "Godkjenning *eiere*.pdf",
      contentType: "application/pdf",
      bytes: 1_468_006,
      blob: "round-2025/r-1/7c9e6679-7425-40de-944b-e07fc1f90ae7",
      by: { id: "aad-1", name: "Kari" },
      at: NOW,
    };
    const report = makeReport(form2021, { attachments: [attachment] });
    const card = sectionCard({ form: form2021, report, sectionIndex: 5 });
    const json = JSON.stringify(card);
    expect(json).toContain('{"type":"TextRun","text":"Godkjenning *eiere*.pdf","weight":"Bolder"}');
    expect(json).toContain("1,4 MB");
    expect(json).toContain('"verb":"attachment.remove","roundId":"round-2025","reportId":"r-1"');
    expect(texts(card).some((t) => t.startsWith("Vedlegg (1 av høyst 10)"))).toBe(true);
    // Only under the attachment question's section.
    expect(JSON.stringify(sectionCard({ form: form2021, report, sectionIndex: 0 }))).not.toContain(
      "Godkjenning *eiere*.pdf",
    );
  });

  it("should offer last round's answer to a question that rarely changes, marked for checking", () => {
    const report = makeReport(form2024, {
      previous: { roundId: "r-2025", reportId: "t", answers: { q09: { value: "Nord universitet" } } },
    });
    const card = sectionCard({ form: form2024, report, sectionIndex: 1 });
    expect(inputs(card).find((i) => i.id === "q09")?.value).toBe("Nord universitet");
    expect(texts(card)).toContain("Fra fjorårets rapportering – sjekk.");
  });
});
