/**
 * The cards in nynorsk: the same card as in bokmål (same inputs, ids and values, so an answer is the same
 * whatever the language), with the nynorsk catalogue's texts and the nynorsk form's questions and options.
 */
import { describe, expect, it } from "vitest";
import { deadlineLine } from "../../cards/deadline.ts";
import { reminderCard } from "../../cards/reminder.ts";
import type { CardJson } from "../../cards/render.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { formatOsloTime } from "../../cards/time.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import { parseSection } from "../../src/questionnaire/answers.ts";
import { validatingIn } from "../../src/questionnaire/messages.ts";
import type { ReminderMessage } from "../../src/reminders/types.ts";
import { form2024, makeReport } from "../src/reports/fixtures.ts";

type Node = Record<string, unknown>;
function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* walk(v);
  }
}
const inputs = (card: CardJson) =>
  [...walk(card)]
    .filter((n) => String(n.type).startsWith("Input."))
    .map((n) => ({ id: n.id, values: ((n.choices as Node[] | undefined) ?? []).map((c) => c.value) }));
const json = (card: CardJson) => JSON.stringify(card);

describe("cards in nynorsk", () => {
  const report = makeReport(form2024);

  it("should draw the section card with the same inputs and values, in nynorsk", () => {
    const s3 = form2024.sections.findIndex((s) => s.id === "s3");
    const nb = sectionCard({ form: form2024, report, sectionIndex: s3 });
    const nn = sectionCard({ form: form2024, report, sectionIndex: s3, lang: "nn" });
    expect(inputs(nn)).toEqual(inputs(nb));
    expect(json(nn)).toContain("Eigenfinansiering, tilskot og periode");
    expect(json(nn)).toContain("Kva er eigenfinansieringa til skuleeigaren brukt til (fleire val moglege)?");
    expect(json(nn)).toContain('"title":"Har ikkje koordinatorfunksjon"');
    expect(json(nn)).toContain('"title":"Anna"');
    expect(json(nn)).toContain("Lagre og gå vidare");
    expect(json(nn)).toContain("Felt merkte med * må fyllast ut før du sender inn.");
    expect(json(nn)).not.toContain("Har ikke koordinatorfunksjon");
    expect(json(nb)).toContain("Har ikke koordinatorfunksjon");
  });

  it("should greet in nynorsk and offer bokmål, and the other way round", () => {
    const items = [{ report, form: form2024, isContact: true, deadline: "2027-01-15T22:59:00.000Z" }];
    const now = new Date("2027-01-08T08:00:00.000Z");
    const nn = json(welcomeCard("Kari Nordmann", items, now, "nn"));
    expect(nn).toContain("Her er rapporteringa du har tilgang til");
    expect(nn).toContain("Skriv på bokmål");
    expect(nn).toContain('"lang":"nb"');
    expect(nn).toContain("7 dagar att");
    const nb = json(welcomeCard("Kari Nordmann", items, now, "nb"));
    expect(nb).toContain("Skriv på nynorsk");
    expect(nb).toContain('"lang":"nn"');
  });

  it("should write dates with nynorsk weekdays and no leading zero", () => {
    expect(formatOsloTime(new Date("2026-01-05T10:05:00.000Z"), "nb")).toBe("5. januar 2026 kl. 11:05");
    expect(formatOsloTime(new Date("2026-01-05T10:05:00.000Z"), "nn")).toBe("5. januar 2026 kl. 11:05");
    const saturday = "2027-01-16T22:59:00.000Z";
    const now = new Date("2027-01-08T08:00:00.000Z");
    expect(deadlineLine(saturday, now, "nn")).toBe("Frist laurdag 16. januar 2027 kl. 23.59 – 8 dagar att");
    expect(deadlineLine(saturday, now, "nb")).toBe("Frist lørdag 16. januar 2027 kl. 23.59 – 8 dager igjen");
  });

  it("should validate in the saver's written standard, storing the same value", () => {
    const s1 = form2024.sections[0];
    if (s1 === undefined) throw new Error("no section");
    const raw = { q01: "Kari", q02: "", q03: "1234" };
    const nb = validatingIn("nb", () => parseSection(s1, raw, { requireAnswer: true }));
    const nn = validatingIn("nn", () => parseSection(s1, raw, { requireAnswer: true }));
    expect(nb.errors.q03).toContain("Skriv et norsk telefonnummer med 8 sifre");
    expect(nn.errors.q03).toContain("Skriv eit norsk telefonnummer med 8 siffer");
    expect(nn.answers).toEqual(nb.answers);
  });

  it("should remind in the recipient's written standard", () => {
    const m: ReminderMessage = {
      roundId: "vestland-2025",
      reportId: "t-1",
      stageId: "d7",
      stageKind: "before",
      recipientRole: "contact",
      partnershipName: "Sunnfjord",
      tiltakName: "Lesing i alle fag",
      deadline: "2027-01-15T22:59:00.000Z",
      deadlineDate: "fredag 15. januar",
      deadlineClock: "kl. 23.59",
      daysLeft: 7,
      daysLeftText: "om 7 dager",
      sectionsDone: 4,
      sectionsTotal: 6,
      resumeSection: 4,
      resumeSectionTitle: "Mål, gjennomføring og måloppnåing",
      canSnooze: true,
      canOptOut: true,
      lang: "nn",
    };
    const card = json(reminderCard(m));
    expect(card).toContain("fredag 15. januar kl. 23.59 (om 7 dagar)");
    expect(card).toContain("4 av 6 delar svara på");
    expect(card).toContain("Påminning om rapportering");
    expect(card).toContain("Minn meg på i morgon");
    expect(json(reminderCard({ ...m, lang: "nb" }))).toContain("om 7 dager");
  });
});
