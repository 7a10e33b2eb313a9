import { describe, expect, it } from "vitest";
import { contactReply, deadlineReply, missingReply, notUnderstoodCard } from "../../cards/chat-replies.ts";
import { parseAction, Verb } from "../../cards/verbs.ts";
import { completeContents, form2021, form2024, makeReport, stored } from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

const DEADLINE = "2027-01-15T22:59:00.000Z";

describe("deadlineReply", () => {
  it("should give the date, the days left and whether each tiltak is sent", () => {
    const draft = makeReport(form2024, { id: "a", tiltak: { id: "a", name: "Lesing i alle fag" } });
    const sent = makeReport(form2024, {
      id: "b",
      status: "submitted",
      tiltak: { id: "b", name: "Vurdering" },
    });
    const text = deadlineReply(
      [
        { report: draft, deadline: DEADLINE },
        { report: sent, deadline: DEADLINE },
      ],
      new Date("2026-12-01T10:00:00.000Z"),
    );
    expect(text).toBe(
      "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen.\n\n«Lesing i alle fag» er ikke sendt inn ennå.\n\n«Vurdering» er sendt inn.",
    );
  });

  it("should say when the deadline has passed, and that the report can still be sent", () => {
    const draft = makeReport(form2024);
    const text = deadlineReply([{ report: draft, deadline: DEADLINE }], new Date("2027-01-18T10:00:00.000Z"));
    expect(text).toContain(
      "Fristen var fredag 15. januar 2027 kl. 23.59. Du kan fortsatt sende inn rapporten.",
    );
  });
});

describe("contactReply", () => {
  // Issue 14 item 9: the reply goes out as plain text (textFormat "plain"), so names stay literal,
  // no backslash escapes (it was escaped Markdown before).
  it("should name the contact person with e-mail, literally", () => {
    const r = makeReport(form2024, { contact: { name: "Kari *Kontakt*", email: "kari@example.com" } });
    expect(contactReply([r])).toContain("Kari *Kontakt* (kari@example.com)");
  });
});

describe("missingReply", () => {
  it("should list the unanswered required questions by section", () => {
    const contents = completeContents(form2024);
    delete contents.q03;
    delete contents.q13;
    const text = missingReply([
      { report: makeReport(form2024, { answers: stored(contents) }), form: form2024 },
    ]);
    expect(text).toContain("2 obligatoriske spørsmål mangler svar:");
    expect(text).toContain("- Del 1 Kontaktinformasjon: Kontaktpersonens telefonnummer");
    expect(text).toContain("- Del 3 Egenfinansiering");
  });

  it("should say nothing is missing, or that the report is sent", () => {
    const complete = makeReport(form2021, { answers: stored(completeContents(form2021)) });
    expect(missingReply([{ report: complete, form: form2021 }])).toContain(
      "alle obligatoriske spørsmål er besvart",
    );
    expect(missingReply([{ report: { ...complete, status: "submitted" }, form: form2021 }])).toContain(
      "er sendt inn",
    );
  });
});

describe("notUnderstoodCard", () => {
  it("should be one short line with the typed text literal and buttons to go on", () => {
    const card = notUnderstoodCard("Kan du **bestille** pizza?", { roundId: "r", reportId: "x" });
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain("Jeg forstod ikke «Kan du **bestille** pizza?». ");
    expect(json).not.toContain("Input.");
    const actions = card.actions as { title: string; verb: string; data: unknown }[];
    expect(actions.map((a) => a.title)).toEqual(["Fortsett rapporteringen", "Mine tiltak"]);
    expect(parseAction(actions[0]?.verb, actions[0]?.data)?.verb).toBe(Verb.OpenReport);
    expect(parseAction(actions[1]?.verb, actions[1]?.data)?.verb).toBe(Verb.ListReports);
    expect(Buffer.byteLength(json, "utf16le")).toBeLessThan(4000);
  });
});
