/**
 * The forms' own texts (titles, section titles, questions, options, in bokmål and nynorsk) are shown in
 * TextBlocks and FactSets of the overview and the reminders without escaping (issue 14: escapeMarkdown is
 * gone). That is safe only while none of them holds Markdown syntax; a form edit that adds some must
 * show that text in a TextRun instead. Person text never goes this way (person-text-every-card.test.ts).
 */
import { describe, expect, it } from "vitest";
import { forms } from "../src/reports/fixtures.ts";

/** Markdown that Teams would act on: emphasis, links, code, HTML, escapes, a list or heading at a line start. */
const MARKDOWN = /[*_`\\<>[\]~|]|(^|\n)\s*(\d+[.)]\s|[-+>#]\s)/;

describe.each([...forms.values()].map((f) => [f.id, f] as const))("the form %s", (_id, form) => {
  it("should hold no Markdown syntax in any text it shows", () => {
    const texts: string[] = [form.title];
    for (const s of form.sections) {
      texts.push(s.title);
      for (const q of s.questions) {
        texts.push(q.text);
        for (const o of q.options ?? []) texts.push(o.text, ...(o.nn !== undefined ? [o.nn] : []));
      }
    }
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((t) => MARKDOWN.test(t))).toEqual([]);
  });

  it("should be caught by the check when a text holds Markdown", () => {
    for (const bad of ["*viktig*", "1. desember", "- punkt", "a_b_c", "<b>x</b>", "[lenke](x)"])
      expect(MARKDOWN.test(bad), bad).toBe(true);
    expect(MARKDOWN.test("Fylkeskommune (videregående opplæring)")).toBe(false);
  });
});
