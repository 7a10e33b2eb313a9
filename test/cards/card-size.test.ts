import { describe, expect, it } from "vitest";
import {
  CARD_BUDGET_BYTES,
  type CardPart,
  CardTooLargeError,
  cardBytes,
  checkCardSize,
  splitIntoCards,
} from "../../cards/card-size.ts";
import { fits } from "../../cards/render.ts";
import { REVIEW_PAGE_BYTES, reviewCard, reviewPageCount } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { bothForms, completeContents, makeReport, maxRaw, stored } from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

type Block = Record<string, unknown>;

const textRun = (text: string): Block => ({
  type: "RichTextBlock",
  inlines: [{ type: "TextRun", text }],
});

const wrap = (blocks: Block[], part: CardPart) => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  body: [{ type: "TextBlock", text: `Del ${part.index} av ${part.count}`, wrap: true }, ...blocks],
});

/** The blocks of a card from splitIntoCards, without the part heading wrap() adds. */
const answersOf = (card: Block | undefined): Block[] => ((card?.body ?? []) as Block[]).slice(1);

describe("cardBytes", () => {
  it("should count as Teams does: UTF-16 of the JSON, so one backslash in a text costs 4 bytes", () => {
    const plain = cardBytes({ text: "" });
    expect(cardBytes({ text: "a" }) - plain).toBe(2);
    expect(cardBytes({ text: "\\" }) - plain).toBe(4);
    expect(cardBytes({ text: "😀" }) - plain).toBe(4);
  });

  it("should make render's size check refuse a card that is small in UTF-8 but over the budget in UTF-16", () => {
    const card = { type: "AdaptiveCard", body: [textRun("a".repeat(45_000))] };
    expect(Buffer.byteLength(JSON.stringify(card), "utf8")).toBeLessThan(CARD_BUDGET_BYTES);
    expect(() => fits(card)).toThrow(CardTooLargeError);
    expect(() => checkCardSize({ body: [textRun("a".repeat(30_000))] })).not.toThrow();
  });

  it("should make a card that is changed after its size check fail the tests (its JSON is remembered)", () => {
    const block = { type: "TextBlock", text: "a" };
    const card = checkCardSize({ type: "AdaptiveCard", body: [block] });
    expect(() => {
      block.text = "b";
    }).toThrow(TypeError);
    expect(cardBytes(card)).toBe(Buffer.byteLength(JSON.stringify(card), "utf16le"));
  });
});

describe("splitIntoCards", () => {
  it("should keep a body that fits in one card, labelled 1 of 1", () => {
    const cards = splitIntoCards([textRun("a"), textRun("b")], wrap);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).toContain("Del 1 av 1");
  });

  it("should split a body of worst-case texts into cards that each fit, keeping every block in order", () => {
    // 60 answers of 4,000 backslashes: 16 KB each in a card, 960 KB in all.
    const blocks = Array.from({ length: 60 }, (_, i) => textRun(`${i}:${"\\".repeat(4_000)}`));
    const cards = splitIntoCards(blocks, wrap);
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(cardProblems(card)).toEqual([]);
    }
    const shown = cards.flatMap(answersOf);
    expect(shown).toEqual(blocks);
    expect(JSON.stringify(cards.at(-1))).toContain(`Del ${cards.length} av ${cards.length}`);
    // As few cards as fit: no two neighbours could have been one card.
    for (let i = 1; i < cards.length; i++) {
      const joined = [...answersOf(cards[i - 1]), ...answersOf(cards[i])];
      expect(cardBytes(wrap(joined, { index: i, count: cards.length }))).toBeGreaterThan(CARD_BUDGET_BYTES);
    }
  });

  it("should honour a smaller budget", () => {
    const blocks = Array.from({ length: 10 }, () => textRun("x".repeat(500)));
    for (const card of splitIntoCards(blocks, wrap, 4_000))
      expect(cardBytes(card)).toBeLessThanOrEqual(4_000);
  });

  it("should refuse a single block that cannot fit any card", () => {
    expect(() => splitIntoCards([textRun("x".repeat(50_000))], wrap)).toThrow(CardTooLargeError);
  });
});

describe("section cards on the worst case of the real encoding", () => {
  // Every free text at the longest the parser accepts, made of the characters that cost the most.
  it.each(["\\", '"', "😀", "ø"])("should fit every section of both forms with free text of %j", (fill) => {
    for (const form of bothForms) {
      const report = makeReport(form, {
        revision: 1,
        answers: stored(completeContents(form, (q) => maxRaw(q, fill))),
      });
      for (const index of form.sections.keys()) {
        const card = sectionCard({ form, report, sectionIndex: index });
        expect(cardBytes(card), `${form.id} section ${index}`).toBeLessThan(CARD_BUDGET_BYTES);
      }
    }
  });
});

describe("the review on the worst case of the real encoding (issue 14 item 4, re-measured with paging)", () => {
  // The attack run's 2021 report: every free text at the form's maximum length, all backslashes (4
  // bytes each as Teams counts the JSON), gave one 41,110-byte review card. Paged, every page must stay
  // within REVIEW_PAGE_BYTES (40 KB), for both forms, both roles and the other costly characters.
  it.each(["\\", '"', "😀"].flatMap((fill) => bothForms.flatMap((form) => [{ fill, form, id: form.id }])))(
    "should keep every review page of a $id report full of $fill within 40 KB",
    ({ fill, form }) => {
      const report = makeReport(form, {
        revision: 1,
        answers: stored(completeContents(form, (q) => maxRaw(q, fill))),
      });
      for (const role of ["contact", "staff"] as const) {
        const input = { form, report, role };
        const pages = reviewPageCount(input);
        expect(pages).toBeGreaterThan(1);
        let answered = 0;
        for (let page = 0; page < pages; page++) {
          const card = reviewCard({ ...input, page });
          expect(cardBytes(card), `${role} page ${page + 1} of ${pages}`).toBeLessThanOrEqual(
            REVIEW_PAGE_BYTES,
          );
          expect(cardProblems(card)).toEqual([]);
          if (JSON.stringify(card).includes(JSON.stringify(fill.repeat(4)).slice(1, -1))) answered++;
        }
        // Every page shows some of the typed text (no empty page from the split).
        expect(answered).toBe(pages);
      }
    },
  );
});
