/**
 * The fingerprint a section card carries per question (what it showed), and the sha256 fingerprints of
 * cards drawn before the 64-bit hash, which must still save as they did.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toRawInputs } from "../../../src/questionnaire/answers.ts";
import { fingerprint, PREFILL_MARK, sameAsShown } from "../../../src/questionnaire/fingerprint.ts";
import type { Question } from "../../../src/questionnaire/types.ts";
import { isTouched, stillAsShown } from "../../../src/reports/touched.ts";
import { completeContents, form2021, form2024, makeReport, stored } from "../reports/fixtures.ts";

const questions = [...form2021.sections, ...form2024.sections].flatMap((s) => s.questions);
const find = (pred: (q: Question) => boolean): Question => {
  const q = questions.find(pred);
  if (q === undefined) throw new Error("no such question in the forms");
  return q;
};
const text = find((q) => q.type === "text" && !q.comment);
const withComment = find((q) => q.comment === true);

/** The fingerprint as cards carried it before (written out here, not taken from the module). */
const sha256Fingerprint = (parts: string[]) =>
  createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 10);

describe("fingerprint", () => {
  it("should be 11 base64url characters and the same for the same value", () => {
    const fp = fingerprint(text, { [text.id]: "Bodø kommune" });
    expect(fp).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(fingerprint(text, { [text.id]: "Bodø kommune" })).toBe(fp);
  });

  it("should ignore line-end style and surrounding space, as the stored value does", () => {
    const fp = fingerprint(text, { [text.id]: "a\nb" });
    expect(fingerprint(text, { [text.id]: "  a\r\nb \n" })).toBe(fp);
    expect(fingerprint(text, { [text.id]: "a\rb" })).toBe(fp);
    expect(fingerprint(text, {})).toBe(fingerprint(text, { [text.id]: "   " }));
    expect(fingerprint(text, { [text.id]: 12 })).toBe(fingerprint(text, {}));
  });

  it("should tell apart values that differ in one character or in where one input ends", () => {
    const seen = new Map<string, string>();
    const values = ["", "a", "b", "A", "ab", "ba", "a b", "a  b", "æ", "ø", "å", "1", "01", "10"];
    for (let i = 0; i < 2_000; i++) values.push(`svar ${i}`, `${i}`, `${"x".repeat(i % 50)}${i}`);
    for (const v of new Set(values)) {
      const fp = fingerprint(text, { [text.id]: v });
      expect(seen.get(fp), `${JSON.stringify(v)} and ${JSON.stringify(seen.get(fp))}`).toBeUndefined();
      seen.set(fp, v);
    }
    const main = withComment.id;
    const comment = `${withComment.id}__comment`;
    expect(fingerprint(withComment, { [main]: "ab", [comment]: "" })).not.toBe(
      fingerprint(withComment, { [main]: "a", [comment]: "b" }),
    );
  });
});

describe("cards drawn before the 64-bit fingerprint", () => {
  it("should still match their sha256 fingerprints, and only for the value they showed", () => {
    const old = sha256Fingerprint(["Bodø kommune"]);
    expect(sameAsShown(text, { [text.id]: "Bodø kommune " }, old)).toBe(true);
    expect(sameAsShown(text, { [text.id]: "Bodø" }, old)).toBe(false);
    const fresh = fingerprint(text, { [text.id]: "Bodø kommune" });
    expect(sameAsShown(text, { [text.id]: "Bodø kommune" }, fresh)).toBe(true);
    expect(sameAsShown(text, { [text.id]: "Bodø" }, fresh)).toBe(false);
  });

  it("should leave an untouched answer alone and see a stored answer as shown, with either fingerprint", () => {
    const report = makeReport(form2024, { answers: stored(completeContents(form2024)) });
    for (const q of form2024.sections.flatMap((s) => s.questions)) {
      const answer = report.answers[q.id];
      if (answer === undefined) continue;
      const raw = toRawInputs(q, answer);
      expect(Object.keys(raw).length, q.id).toBeGreaterThan(0);
      for (const base of [fingerprint(q, raw), legacyOf(q, raw)]) {
        expect(isTouched(q, base, raw, report), `${q.id} ${base}`).toBe(false);
        expect(stillAsShown(q, base, report), `${q.id} ${base}`).toBe(true);
        expect(isTouched(q, base, { ...raw, [q.id]: "endret" }, report), q.id).toBe(true);
      }
      // A pre-fill mark counts as touched while nothing is stored, whatever the hash.
      const empty = { ...report, answers: {} };
      expect(isTouched(q, PREFILL_MARK + legacyOf(q, raw), raw, empty), q.id).toBe(true);
    }
  });
});

/** The sha256 fingerprint of a question's inputs in input order, as the old cards made it. */
function legacyOf(q: Question, raw: Record<string, string>): string {
  const ids = q.type === "season_year" ? [`${q.id}__season`, `${q.id}__year`] : [q.id];
  if ((q.type === "choice" || q.type === "multichoice") && q.allowOther) ids.push(`${q.id}__other`);
  if (q.comment) ids.push(`${q.id}__comment`);
  return sha256Fingerprint(ids.map((id) => (raw[id] ?? "").replace(/\r\n?/g, "\n").trim()));
}
