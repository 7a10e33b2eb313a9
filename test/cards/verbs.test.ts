/** The card contract: each verb's zod schema, including the fingerprints a section card carries. */
import { describe, expect, it } from "vitest";
import { decodeFingerprints, encodeFingerprints } from "../../cards/fingerprints.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { actionData, parseAction, Verb } from "../../cards/verbs.ts";
import { toRawInputs } from "../../src/questionnaire/answers.ts";
import { fingerprint } from "../../src/questionnaire/fingerprint.ts";
import { completeContents, form2024, makeReport, stored } from "../src/reports/fixtures.ts";

const ref = { roundId: "r1", reportId: "t1" };
const save = { ...ref, sectionId: "s1", revision: 3, nav: "next" };

describe("section.save fingerprints (base)", () => {
  it("should decode the fingerprint string to a map by question id", () => {
    const parsed = parseAction(Verb.SaveSection, { ...save, base: "q01=abc;q02=de-f_" });
    expect(parsed?.verb).toBe(Verb.SaveSection);
    if (parsed?.verb !== Verb.SaveSection) return;
    expect(parsed.data.base).toEqual({ q01: "abc", q02: "de-f_" });
  });

  it("should give no map when the card sent none or an empty one", () => {
    for (const data of [save, { ...save, base: "" }]) {
      const parsed = parseAction(Verb.SaveSection, data);
      expect(parsed).toBeDefined();
      if (parsed?.verb !== Verb.SaveSection) continue;
      expect(parsed.data.base).toBeUndefined();
    }
  });

  it("should drop pairs without a question id or a fingerprint", () => {
    expect(decodeFingerprints("q01=;=x;q02=y;junk")).toEqual({ q02: "y" });
  });

  it("should refuse a fingerprint string that is not a string or too long", () => {
    expect(parseAction(Verb.SaveSection, { ...save, base: 12 })).toBeUndefined();
    expect(parseAction(Verb.SaveSection, { ...save, base: "q=a;".repeat(5_001) })).toBeUndefined();
  });

  it("should round-trip encode and decode", () => {
    const map = { q01: "aaaaaaaaaa", q02: "bbbbbbbbbb" };
    expect(decodeFingerprints(encodeFingerprints(map))).toEqual(map);
  });

  it("should decode what a section card carries to the fingerprints of its stored values", () => {
    const report = makeReport(form2024, { answers: stored(completeContents(form2024)) });
    const section = form2024.sections[1];
    if (section === undefined) throw new Error("form without a second section");
    const card = sectionCard({ form: form2024, report, sectionIndex: 1 });
    const data = JSON.stringify(card).match(/"verb":"section\.save"[^}]*"base":"([^"]*)"/);
    const parsed = parseAction(Verb.SaveSection, { ...save, base: data?.[1] });
    if (parsed?.verb !== Verb.SaveSection) throw new Error("not parsed");
    const expected = Object.fromEntries(
      section.questions.map((q) => {
        const answer = report.answers[q.id];
        return [q.id, fingerprint(q, answer === undefined ? {} : toRawInputs(q, answer))];
      }),
    );
    expect(parsed.data.base).toEqual(expected);
    expect(Object.keys(expected).length).toBe(section.questions.length);
  });
});

describe("verb payload schemas", () => {
  it("should build button data that its own schema accepts", () => {
    const data = actionData(Verb.SaveSection, { ...save, nav: "pause", base: "q01=abc" });
    expect(data.verb).toBe(Verb.SaveSection);
    expect(parseAction(data.verb, data)?.data).toMatchObject({ nav: "pause", base: { q01: "abc" } });
  });

  it("should accept co-editor reminders only as the strings true/false", () => {
    expect(parseAction(Verb.CoEditorReminders, { ...ref, include: "true" })).toBeDefined();
    expect(parseAction(Verb.CoEditorReminders, { ...ref, include: true })).toBeUndefined();
    expect(parseAction(Verb.CoEditorReminders, { ...ref, include: "ja" })).toBeUndefined();
  });

  it("should refuse a reopen reason or an e-mail beyond their limits", () => {
    expect(parseAction(Verb.Reopen, { ...ref, revision: 1, reopenReason: "x".repeat(2001) })).toBeUndefined();
    expect(parseAction(Verb.RemoveCoEditor, { ...ref, email: "" })).toBeUndefined();
    expect(parseAction(Verb.StaffReports, {})).toBeUndefined();
  });

  it("should take an overview section as a round id and a section id, of any shape (unknown ones are not found)", () => {
    const data = actionData(Verb.OverviewSection, { roundId: "nordland-2025", sectionId: "s3" });
    expect(parseAction(data.verb, data)?.data).toEqual({ roundId: "nordland-2025", sectionId: "s3" });
    expect(parseAction(Verb.OverviewSection, { roundId: "nordland-2025" })).toBeUndefined();
    // Issue 14: an id of an odd shape is an unknown id ("finner ikke"), not card data we do not understand.
    expect(parseAction(Verb.OverviewSection, { roundId: "r", sectionId: "s".repeat(201) })?.data).toEqual({
      roundId: "r",
      sectionId: "s".repeat(201),
    });
    expect(parseAction(Verb.OverviewSection, { roundId: "r", sectionId: 3 })?.data).toEqual({
      roundId: "r",
      sectionId: "3",
    });
    expect(parseAction(Verb.OverviewSection, { roundId: null, sectionId: "s1" })?.data).toEqual({
      roundId: "",
      sectionId: "s1",
    });
  });
});
