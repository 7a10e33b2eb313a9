/** The headline card of the round overview, and the export links card. */
import { describe, expect, it } from "vitest";
import { exportLinksCard, osloClockTime } from "../../cards/export-links.ts";
import { overviewCards, overviewHeadlineCard } from "../../cards/overview.ts";
import type { CardJson } from "../../cards/render.ts";
import { roundStatusCard } from "../../cards/round-status.ts";
import { Verb } from "../../cards/verbs.ts";
import { texts as catalogue } from "../../src/i18n/texts.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { form2021, form2024 } from "../src/reports/fixtures.ts";
import {
  bodyOf,
  cardProblems,
  expectHealthy,
  factsOf,
  NOW,
  type Node,
  reportOf,
  roundOf,
  textOf,
  texts,
  walk,
} from "./overview-support.ts";

describe("overviewHeadlineCard", () => {
  it("should show progress per category, late reports, the headline sums with a chart and a button per section", () => {
    const form = form2024;
    const reports = [
      reportOf(
        form,
        0,
        { q11: { value: 100_000 }, q13: { value: 400_000 }, q14: { value: 50_000 } },
        { category: "Kommune" },
      ),
      reportOf(
        form,
        1,
        { q11: { value: 0 }, q13: { value: 250_000 }, q14: { value: 0 } },
        { category: "Kommune" },
      ),
      reportOf(form, 2, { q11: { value: 20_000 } }, { category: "Skole" }),
      reportOf(form, 3, {}, { category: "Skole", status: "draft" }),
    ];
    // Report 2 came in after the deadline (2026-01-15 23:59 Oslo).
    const late = reports[2] as ReportDoc;
    late.submittedAt = "2026-01-16T08:00:00.000Z";
    const card = overviewHeadlineCard({ round: roundOf(form), form, reports, now: NOW });
    expectHealthy([card]);
    const body = bodyOf(card);
    expect(textOf(body[0])).toBe("Oversikt – Nordland 2025: 3 av 4 levert");
    expect(texts(card)).toContain("1 rapportering er forsinket. 1 rapportering er levert etter fristen.");
    const facts = [...walk(card)].filter((n) => n.type === "FactSet").map(factsOf);
    expect(facts).toContainEqual({ Kommune: "2 av 2 levert", Skole: "1 av 2 levert" });
    expect(facts).toContainEqual({
      Egenfinansiering: "120 000 kr (3 Svar)",
      "Tilskudd skoleeier": "650 000 kr (2 Svar)",
      "Tilskudd UH": "50 000 kr (2 Svar)",
    });
    // 120 000 + 650 000 + 50 000 = 820 000: shares 14.6 -> 15 %, 79.3 -> 79 %, 6.1 -> 6 %.
    const sumsChart = body.filter((n) => n.type === "Chart.Donut")[1];
    expect(sumsChart?.data).toEqual([
      { legend: "Egenfinansiering", value: 15 },
      { legend: "Tilskudd skoleeier", value: 79 },
      { legend: "Tilskudd UH", value: 6 },
    ]);
    expect(factsOf(sumsChart?.fallback as Node)).toEqual({
      Egenfinansiering: "15 % av beløpene",
      "Tilskudd skoleeier": "79 % av beløpene",
      "Tilskudd UH": "6 % av beløpene",
    });
    // A button per section with figures; Kontaktinformasjon (s1) and Tilleggsinformasjon (s6) are text only.
    const actions = [...walk(card)].filter((n) => n.type === "Action.Execute");
    expect(actions.map((a) => a.data)).toEqual(
      ["s2", "s3", "s4", "s5"].map((sectionId) => ({
        verb: Verb.OverviewSection,
        roundId: roundOf(form).id,
        sectionId,
      })),
    );
    for (const a of actions) expect((a.fallback as Node).type).toBe("Action.Submit");
    // Nothing a person typed, and no statistics of text questions, on the headline card.
    expect(JSON.stringify(card)).not.toContain("Partnerskap 0");
  });

  it("should agree in number: 2 rapporteringer, and nothing about lateness before the deadline", () => {
    const form = form2021;
    const reports = [0, 1, 2].map((i) => reportOf(form, i, {}, { status: i === 0 ? "submitted" : "draft" }));
    const after = overviewHeadlineCard({ round: roundOf(form), form, reports, now: NOW });
    expect(texts(after)).toContain("2 rapporteringer er forsinket.");
    const before = overviewHeadlineCard({
      round: roundOf(form),
      form,
      reports,
      now: new Date("2026-01-10T10:00:00.000Z"),
    });
    expect(texts(before).some((t) => t.includes("forsinket") || t.includes("etter fristen"))).toBe(false);
  });

  it("should give one card saying nothing is submitted yet when no report is submitted", () => {
    const form = form2021;
    const reports = [0, 1].map((i) => reportOf(form, i, {}, { status: "draft" }));
    const cards = overviewCards({ round: roundOf(form), form, reports, now: NOW });
    expect(cards).toHaveLength(1);
    expectHealthy(cards);
    const shown = texts(cards[0] as CardJson);
    expect(shown[0]).toBe("Oversikt – Nordland 2025: 0 av 2 levert");
    expect(shown.some((t) => t.startsWith("Ingen rapporter er levert ennå"))).toBe(true);
    expect([...walk(cards[0])].some((n) => n.type === "Action.Execute")).toBe(false);
  });

  // Issue 14 item 9: the county name (from the import) is a literal TextRun now, no longer escaped Markdown.
  it("should show the county name literally in a TextRun", () => {
    const form = form2024;
    const card = overviewHeadlineCard({
      round: { ...roundOf(form), county: "Nord*land*" },
      form,
      reports: [reportOf(form, 0, {})],
      now: NOW,
    });
    expect(bodyOf(card)[0]?.type).toBe("RichTextBlock");
    expect(textOf(bodyOf(card)[0])).toBe("Oversikt – Nord*land* 2025: 1 av 1 levert");
  });
});

describe("exportLinksCard", () => {
  it("should offer the three downloads and say when the links expire in Norwegian time", () => {
    const expiresAt = Date.parse("2026-01-14T13:20:00.000Z"); // 14:20 in Oslo (winter time)
    const card = exportLinksCard({
      round: roundOf(form2024),
      xlsxUrl: "https://bot.example/api/export/a.b",
      csvUrl: "https://bot.example/api/export/c.d",
      docxUrl: "https://bot.example/api/export/e.f",
      expiresAt,
    });
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Last ned Excel (.xlsx)", url: "https://bot.example/api/export/a.b" },
      { type: "Action.OpenUrl", title: "Last ned CSV", url: "https://bot.example/api/export/c.d" },
      {
        type: "Action.OpenUrl",
        title: "Dokument til samarbeidsforum (.docx)",
        url: "https://bot.example/api/export/e.f",
      },
    ]);
    const shown = bodyOf(card).map((n) => String(n.text));
    expect(
      shown.some((t) => t.includes("kl. 14:20") && t.includes("bare for Statsforvalterens ansatte")),
    ).toBe(true);
    expect(osloClockTime(Date.parse("2026-07-01T22:05:00.000Z"))).toBe("00:05"); // summer time
  });
});

describe("roundStatusCard wording", () => {
  it("should agree in number: 1 rapportering / 2 rapporteringer er forsinket", () => {
    const form = form2021;
    const status = (drafts: number) =>
      texts(
        roundStatusCard({
          round: roundOf(form),
          reports: [0, 1, 2].map((i) =>
            reportOf(form, i, {}, { status: i < drafts ? "draft" : "submitted" }),
          ),
          now: NOW,
          unreachable: new Set(["r-0"]),
        }),
      );
    expect(status(1)).toContainEqual(expect.stringContaining(". 1 rapportering er forsinket."));
    expect(status(1)).toContainEqual(expect.stringMatching(/^1 kontaktperson kan ikke nås/));
    expect(status(2)).toContainEqual(expect.stringContaining(". 2 rapporteringer er forsinket."));
  });

  it("should name the respondent categories in the round's language, in the catalogue's order", () => {
    const form = form2021;
    const round = roundOf(form);
    const reports = [
      reportOf(form, 0, {}, { category: "Skole", status: "draft" }),
      reportOf(form, 1, {}, { category: "Universitet / Høgskole" }),
      reportOf(form, 2, {}, { category: "Annet" }),
    ];
    const facts = (lang: "nb" | "nn") => {
      const card = roundStatusCard({ round, reports, now: NOW, unreachable: new Set(), lang });
      return factsOf((card.body as Node[]).find((n) => n.type === "FactSet"));
    };
    expect(Object.keys(facts("nn"))).toEqual(["Universitet / høgskule", "Skule", "Anna"]);
    expect(Object.keys(facts("nb"))).toEqual(["Universitet / Høgskole", "Skole", "Annet"]);
    expect(facts("nn").Skule).toBe(catalogue("nn").staff.status.categoryProgress(0, 1));
  });
});
