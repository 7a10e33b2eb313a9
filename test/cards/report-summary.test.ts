/**
 * The per-tiltak summary in the channel and "Les hele rapporteringen": paragraphs mapped per form
 * the way the county's model writes them, and the whole report with every answer and comment in
 * full, in cards Teams accepts (UTF-16 size < 60 KB each, valid for the adaptivecards library).
 */
import { describe, expect, it } from "vitest";
import type { CardJson } from "../../cards/render.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { CARD_BUDGET_UTF16, fullReportCards } from "../../cards/report-summary-full.ts";
import { formIn } from "../../src/questionnaire/form-lang.ts";
import type { Answer, ReportDoc } from "../../src/reports/types.ts";
import { joinSentences } from "../../src/summaries/summary-map.ts";
import { completeContents, form2021, form2024, makeReport, NOW, stored } from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

const DEADLINE = "2026-01-15T22:59:00.000Z";
const utf16 = (card: CardJson) => Buffer.byteLength(JSON.stringify(card), "utf16le");

/** Every TextRun text of a card, in order. */
function runs(card: CardJson): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const n = node as Record<string, unknown>;
      if (n.type === "TextRun" && typeof n.text === "string") out.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The summary's paragraphs as "Label: text". */
function paragraphs(card: CardJson): Map<string, string> {
  const texts = runs(card);
  const out = new Map<string, string>();
  texts.forEach((t, i) => {
    if (t.endsWith(": ") && texts[i + 1] !== undefined) out.set(t.slice(0, -2), texts[i + 1] ?? "");
  });
  return out;
}

function submitted(report: ReportDoc, at: string): ReportDoc {
  return {
    ...report,
    status: "submitted",
    submittedAt: at,
    submittedBy: { id: "aad-contact", name: "Kari" },
  };
}

const answer = (value: Answer["value"], extra: Partial<Answer> = {}): Answer => ({
  value,
  by: { id: "aad-contact", name: "Kari" },
  at: "2026-01-10T10:00:00.000Z",
  rev: 1,
  ...extra,
});

/** A partner who approved and commented (the whole report and the channel summary). */
const meganBy = { id: "aad-m", name: "Megan *Bowen*" };
const meganApproved = {
  email: "megan@example.com",
  name: "Megan *Bowen*",
  requestedAt: NOW,
  requestedBy: "aad-contact",
  approved: { at: "2026-01-09T08:30:00.000Z", by: meganBy, rev: 1 },
  comment: { text: "Ser **bra** ut.", at: "2026-01-09T08:31:00.000Z", by: meganBy, rev: 1 },
};

describe("the summary card", () => {
  it("should write the 2021 partner as 'UH – amount', with the coordinator amount and the period", () => {
    const report = submitted(
      makeReport(form2021, {
        answers: {
          ...stored(completeContents(form2021)),
          "3.3": answer("Nord universitet."),
          "4.3": answer(350_000),
          "4.9": answer(39_000, { comment: "Mange skoler i nettverket." }),
          "6.2": answer({ season: "Høst", year: 2021 }),
          "6.3": answer({ season: "Vår", year: 2023 }),
        },
      }),
      "2026-01-10T10:00:00.000Z",
    );
    const card = summaryCard(form2021, report, DEADLINE);
    const p = paragraphs(card);
    expect(p.get("Partner")).toBe("Nord universitet – 350 000 kr");
    expect(p.get("Koordinator")).toBe("39 000 kr. Mange skoler i nettverket.");
    expect(p.get("Periode")).toBe("Høst 2021 – Vår 2023");
    expect(JSON.stringify(card)).not.toContain("etter fristen");
    expect(cardProblems(card)).toEqual([]);
  });

  it("should not call the 2024/2025 phase question 'Samarbeid UH', and should say when a report came late", () => {
    const report = submitted(
      makeReport(form2024, { answers: stored(completeContents(form2024)) }),
      "2026-01-20T10:00:00.000Z",
    );
    const card = summaryCard(form2024, report, DEADLINE);
    const p = paragraphs(card);
    expect(p.has("Samarbeid UH")).toBe(false);
    const phase = [...p.entries()].find(([, text]) =>
      (form2024.sections.flatMap((s) => s.questions).find((q) => q.id === "q17")?.options ?? [])
        .map((o) => o.text)
        .some((o) => text.startsWith(o)),
    );
    expect(phase?.[0]).toBe("Fase for hovedtyngden av midlene");
    expect(p.has("Koordinator")).toBe(true);
    expect(p.has("Periode")).toBe(true);
    expect(JSON.stringify(card)).toContain("Levert etter fristen (15. januar 2026 kl. 23:59)");
    expect(cardProblems(card)).toEqual([]);
  });

  it("should never double a full stop between sentences", () => {
    expect(joinSentences(["Ferdig.", "Neste", "", "Siste!"])).toBe("Ferdig. Neste. Siste!");
  });
});

describe("the whole report (Les hele rapporteringen)", () => {
  it("should show every answer of a long 2021 report in full with its comment, over cards under 60 KB", () => {
    const long = (n: number, word: string) => `${word} `.repeat(n).trim();
    const answers = {
      ...stored(completeContents(form2021)),
      "6.4": answer(long(3_000, "samarbeid")),
      "6.5": answer(long(3_000, "erfaring")),
      "7.1": answer(long(3_000, "sammenheng")),
      "4.9": answer(39_000, { comment: long(400, "begrunnelse") }),
    };
    const report = submitted(makeReport(form2021, { answers }), "2026-01-10T10:00:00.000Z");
    const cards = fullReportCards(form2021, report, DEADLINE);
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(utf16(card)).toBeLessThan(60 * 1024);
      expect(utf16(card)).toBeLessThanOrEqual(CARD_BUDGET_UTF16);
      expect(cardProblems(card)).toEqual([]);
    }
    // Each card starts with the heading and the subheading; the report's text follows.
    const all = cards.flatMap((card) => runs(card).slice(2)).join("");
    for (const text of [
      answers["6.4"].value,
      answers["6.5"].value,
      answers["7.1"].value,
      answers["4.9"].comment,
    ])
      expect(all).toContain(text);
    // Every question of the form is there, with its text.
    for (const q of form2021.sections.flatMap((s) => s.questions)) expect(all).toContain(`${q.id} ${q.text}`);
    const short = fullReportCards(form2024, makeReport(form2024)).flatMap(runs).join("\n");
    expect(short).not.toContain("q01 ");
    expect(JSON.stringify(cards[0])).toContain(`del 1 av ${cards.length}`);
  });

  it("should fit a short report in one card and mark unanswered questions", () => {
    const report = makeReport(form2024, { answers: { q01: answer("Kari Nordmann") } });
    const cards = fullReportCards(form2024, report);
    expect(cards).toHaveLength(1);
    const texts = (cards[0] ? runs(cards[0]) : []).join("\n");
    expect(texts).toContain("Kari Nordmann");
    expect(texts).toContain("Ikke besvart");
    expect(texts).toContain("Ikke sendt inn");
  });

  it("should show the whole report in nynorsk for a nynorsk reader: questions, fixed texts, date and category", () => {
    const report = submitted(
      makeReport(form2024, {
        answers: { q01: answer("Kari Nordmann") },
        partnership: { id: "p-1", name: "Kulturnettverket", category: "Skole", sector: "Offentlig" },
      }),
      "2026-01-10T10:00:00.000Z",
    );
    const nn = fullReportCards(form2024, report, DEADLINE, "nn");
    const text = nn.flatMap((card) => [...runs(card), JSON.stringify(card)]).join("\n");
    expect(text).toContain("Heile rapporteringa");
    expect(text).toContain("Ikkje svara på");
    expect(text).toContain("Levert 10. januar 2026");
    expect(text).toContain(" · Skule");
    expect(text).toContain(formIn(form2024, "nn").sections[0]?.questions[0]?.text ?? "?");
    for (const bokmal of ["Hele rapporteringen", "Ikke besvart", " · Skole"])
      expect(text).not.toContain(bokmal);
    // Bokmål stays the default.
    const nb = fullReportCards(form2024, report, DEADLINE).flatMap(runs).join("\n");
    expect(nb).toContain("Ikke besvart");
    expect(nb).toContain(form2024.sections[0]?.questions[0]?.text ?? "?");
  });

  it("should end the whole report with the files' names and the partners' approvals, person text in TextRuns", () => {
    const by = meganApproved.approved.by;
    const report = submitted(
      makeReport(form2024, {
        answers: { q01: answer("Kari Nordmann") },
        attachments: [
          {
            id: "a1",
            name: "Budsjett_*utkast*.xlsx",
            contentType: "application/pdf",
            bytes: 10,
            blob: "b",
            by,
            at: NOW,
          },
        ],
        approvers: [
          meganApproved,
          { email: "adele@example.com", name: "Adele Vance", requestedAt: NOW, requestedBy: "aad-contact" },
        ],
      }),
      "2026-01-10T10:00:00.000Z",
    );
    for (const lang of ["nb", "nn"] as const) {
      const [card] = fullReportCards(form2024, report, DEADLINE, lang);
      const shown = card ? runs(card) : [];
      const blocks = JSON.stringify(card);
      expect(blocks).toContain('"text":"Vedlegg (1)"');
      expect(blocks).toContain('"text":"Godkjenning"');
      for (const typed of ["Budsjett_*utkast*.xlsx", "Megan *Bowen*", "Ser **bra** ut.", "Adele Vance"])
        expect(shown).toContain(typed);
      expect(cardProblems(card ?? {})).toEqual([]);
    }
    // A report nobody was asked to approve, without files, ends with the form.
    const plain = JSON.stringify(fullReportCards(form2024, makeReport(form2024)));
    expect(plain).not.toContain("Godkjenning");
    expect(plain).not.toContain("Vedlegg (");
  });

  it("should say on the channel summary who in the partnership approved and who has not", () => {
    const report = submitted(
      makeReport(form2024, {
        answers: { q01: answer("Kari Nordmann") },
        approvers: [
          meganApproved,
          { email: "adele@example.com", requestedAt: NOW, requestedBy: "aad-contact" },
        ],
      }),
      "2026-01-10T10:00:00.000Z",
    );
    const line = runs(summaryCard(form2024, report, DEADLINE)).join("");
    expect(line).toContain(
      "Godkjenning: Megan *Bowen* godkjente 9. januar 2026 kl. 09:30; adele@example.com har ikke godkjent ennå",
    );
    expect(line).not.toContain("Ser **bra** ut."); // comments are in the whole report
    expect(runs(summaryCard(form2024, report, DEADLINE, "nn")).join("")).toContain(
      "Godkjenning: Megan *Bowen* godkjende",
    );
    expect(runs(summaryCard(form2024, makeReport(form2024))).join("")).not.toContain("Godkjenning");
    expect(cardProblems(summaryCard(form2024, report, DEADLINE))).toEqual([]);
  });
});
