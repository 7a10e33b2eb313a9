/**
 * Attachments in cards: the review lists them (names in TextRuns) with «Fjern» only for the report's
 * editors while it is a draft; the staff summary names them and offers fresh links; the choice of
 * tiltak and the staff links card; the export's «Vedlegg» column. Every card is a valid AC 1.5 card.
 */
import { describe, expect, it } from "vitest";
import { attachmentChoiceCard, attachmentLinksCard } from "../../cards/attachment-cards.ts";
import type { CardJson } from "../../cards/render.ts";
import { REVIEW_PAGE_BYTES, reviewCard, reviewPageCount } from "../../cards/report-review.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { fullReportCards } from "../../cards/report-summary-full.ts";
import type { ReportAttachment } from "../../src/reports/types.ts";
import { reportColumns } from "../../src/summaries/export-columns.ts";
import { completeContents, form2024, makeReport, NOW, stored } from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

const attachment = (n: number, name = `fil-${n}.pdf`): ReportAttachment => ({
  id: `7c9e6679-7425-40de-944b-e07fc1f90a${String(n).padStart(2, "0")}`,
  name,
  contentType: "application/pdf",
  bytes: 2048,
  blob: `round-2025/r-1/${n}`,
  by: { id: "aad-contact", name: "Kari Kontakt" },
  at: NOW,
});
const TRICKY = "1. desember *utkast* <b>.pdf";
const withFiles = makeReport(form2024, { attachments: [attachment(1, TRICKY), attachment(2)] });

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
const removeButtons = (card: CardJson) =>
  (JSON.stringify(card).match(/"verb":"attachment\.remove"/g) ?? []).length;

describe("attachments in cards", () => {
  it("should say the attachments question has files instead of «Ikke besvart» (review and whole report)", () => {
    const strings = (card: CardJson | undefined) => JSON.stringify(card);
    const review = reviewCard({ form: form2024, report: withFiles, role: "contact" });
    expect(strings(review)).toContain("Ingen tekst, men 2 vedlegg");
    const [whole] = fullReportCards(form2024, withFiles, undefined, "nn");
    expect(strings(whole)).toContain("Ingen tekst, men 2 vedlegg");
    const without = makeReport(form2024, {});
    expect(strings(reviewCard({ form: form2024, report: without, role: "contact" }))).not.toContain(
      "Ingen tekst",
    );
    expect(strings(fullReportCards(form2024, without, undefined)[0])).not.toContain("Ingen tekst");
  });

  it("should list them on the review with «Fjern» (Execute and Submit fallback) for an editor of a draft", () => {
    const card = reviewCard({ form: form2024, report: withFiles, role: "coeditor" });
    expect(cardProblems(card)).toEqual([]);
    expect(runs(card)).toContain(TRICKY);
    expect(JSON.stringify(card)).not.toContain("\\\\*");
    // Per button the verb appears three times: Action.Execute, its data, the Action.Submit fallback data.
    expect(removeButtons(card)).toBe(6);
    expect(JSON.stringify(card)).toContain("Vedlegg (2)");
  });

  it("should list them without «Fjern» for staff and once the report is sent", () => {
    expect(removeButtons(reviewCard({ form: form2024, report: withFiles, role: "staff" }))).toBe(0);
    const sent = { ...withFiles, status: "submitted" as const, submittedAt: NOW };
    const card = reviewCard({ form: form2024, report: sent, role: "contact" });
    expect(removeButtons(card)).toBe(0);
    expect(runs(card)).toContain("fil-2.pdf");
  });

  it("should keep every review page within its budget with ten long-named files on the first", () => {
    const long = (n: number) => attachment(n, `${"Godkjenning fra skoleeierne og UH ".repeat(4)}${n}.pdf`);
    const report = makeReport(form2024, {
      answers: stored(completeContents(form2024)),
      attachments: Array.from({ length: 10 }, (_, i) => long(i)),
    });
    const input = { form: form2024, report, role: "contact" as const };
    const pages = reviewPageCount(input);
    const cards = Array.from({ length: pages }, (_, page) => reviewCard({ ...input, page }));
    for (const card of cards)
      expect(Buffer.byteLength(JSON.stringify(card), "utf16le")).toBeLessThanOrEqual(REVIEW_PAGE_BYTES);
    expect(runs(cards[0] as CardJson).filter((t) => t.startsWith("Godkjenning"))).toHaveLength(10);
    expect(cards.slice(1).every((c) => !JSON.stringify(c).includes("attachment.remove"))).toBe(true);
  });

  it("should show no attachment block when there are none", () => {
    expect(
      JSON.stringify(reviewCard({ form: form2024, report: makeReport(form2024), role: "contact" })),
    ).not.toContain("Vedlegg (");
  });

  it("should name the files on the staff summary and offer «Last ned vedlegg», not without files", () => {
    const card = summaryCard(form2024, { ...withFiles, status: "submitted", submittedAt: NOW });
    expect(cardProblems(card)).toEqual([]);
    expect(runs(card)).toContain(TRICKY);
    expect(JSON.stringify(card)).toContain('"verb":"attachment.links"');
    const none = summaryCard(form2024, { ...makeReport(form2024), status: "submitted", submittedAt: NOW });
    expect(JSON.stringify(none)).not.toContain("attachment.links");
  });

  it("should make a valid choice card with one «Velg» per tiltak and a links card with one download each", () => {
    const pendingId = "16fd2706-8baf-433b-82eb-8c7fada847da";
    const choice = attachmentChoiceCard(pendingId, [withFiles, makeReport(form2024, { id: "r-2" })], 2);
    expect(cardProblems(choice)).toEqual([]);
    expect((JSON.stringify(choice).match(/"verb":"attachment\.target"/g) ?? []).length).toBe(6);
    expect(runs(choice)).toContain("Tiltak r-2");
    const links = attachmentLinksCard(
      withFiles,
      [
        { id: attachment(1).id, url: "https://bot.example/api/documents/a" },
        { id: attachment(2).id, url: "https://bot.example/api/documents/b" },
      ],
      Date.parse(NOW),
    );
    expect(cardProblems(links)).toEqual([]);
    expect(JSON.stringify(links)).toContain('"url":"https://bot.example/api/documents/b"');
    expect(runs(links)).toContain(TRICKY);
  });

  it("should add the «Vedlegg» column only when the export is given the links", () => {
    expect(reportColumns(form2024).some((c) => c.header === "Vedlegg")).toBe(false);
    const column = reportColumns(form2024, {
      attachments: (r) => r.attachments?.map((a) => a.name).join("\n"),
    }).at(-1);
    expect(column?.header).toBe("Vedlegg");
    expect(column?.value(withFiles)).toBe(`${TRICKY}\nfil-2.pdf`);
  });
});
