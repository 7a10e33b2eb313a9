/** The reminder card (cards/reminder.ts): texts, buttons, and that its actions parse. */
import { describe, expect, it } from "vitest";
import { reminderActionCard, reminderCard } from "../../cards/reminder.ts";
import { MAX_CARD_BYTES } from "../../cards/render.ts";
import { parseAction } from "../../cards/verbs.ts";
import type { ReminderMessage } from "../../src/reminders/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";

const message: ReminderMessage = {
  roundId: "vestland-2025",
  reportId: "t-1",
  stageId: "d7",
  stageKind: "before",
  recipientRole: "contact",
  partnershipName: "Salten regionråd",
  tiltakName: "Lesing i alle fag",
  deadline: "2027-01-15T22:59:00.000Z",
  deadlineDate: "fredag 15. januar",
  deadlineClock: "kl. 23.59",
  daysLeft: 7,
  daysLeftText: "om 7 dager",
  sectionsDone: 4,
  sectionsTotal: 6,
  resumeSection: 4,
  resumeSectionTitle: "Økonomi",
  canSnooze: true,
  canOptOut: true,
};

type Node = Record<string, unknown>;
const actionsOf = (card: Node) => (card.actions ?? []) as Node[];
const texts = (card: Node) => JSON.stringify(card);

describe("reminderCard", () => {
  it("should show the deadline in Norwegian, the days left and the progress", () => {
    const card = reminderCard(message);
    expect(texts(card)).toContain("fredag 15. januar kl. 23.59 (om 7 dager)");
    expect(texts(card)).toContain("4 av 6 deler besvart");
    expect(texts(card)).toContain("Del 5 av 6 – Økonomi");
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
  });

  it("should open the report at the first unanswered section, and offer snooze and opt-out", () => {
    const actions = actionsOf(reminderCard(message));
    expect(actions.map((a) => [a.title, a.verb])).toEqual([
      ["Fortsett der du slapp", "report.open"],
      ["Minn meg på i morgen", "reminder.snooze"],
      ["Ikke flere påminnelser", "reminder.optout"],
    ]);
    for (const a of actions) {
      // Action.Execute (Universal Actions) and its Action.Submit fallback carry the same data.
      expect((a.fallback as Node).type).toBe("Action.Submit");
      expect((a.fallback as Node).data).toEqual(a.data);
    }
    expect(parseAction(actions[0]?.verb, actions[0]?.data)).toMatchObject({
      verb: "report.open",
      data: { roundId: "vestland-2025", reportId: "t-1", section: 4 },
    });
    expect(parseAction(actions[1]?.verb, actions[1]?.data)).toMatchObject({
      verb: "reminder.snooze",
      data: { roundId: "vestland-2025", reportId: "t-1" },
    });
    expect(parseAction(actions[2]?.verb, actions[2]?.data)).toMatchObject({ verb: "reminder.optout" });
  });

  it("should say it is the last one on the deadline day, without snooze or opt-out", () => {
    const card = reminderCard({
      ...message,
      stageId: "d0",
      stageKind: "deadline",
      daysLeft: 0,
      daysLeftText: "i dag",
      canSnooze: false,
      canOptOut: false,
    });
    expect(texts(card)).toContain("Fristen for rapporteringen er i dag");
    expect(texts(card)).toContain("Dette er den siste påminnelsen før fristen.");
    expect(actionsOf(card).map((a) => a.verb)).toEqual(["report.open"]);
  });

  it("should tell a co-editor why they get it", () => {
    expect(texts(reminderCard({ ...message, recipientRole: "coeditor" }))).toContain("du er medredaktør");
  });
});

describe("reminderActionCard", () => {
  const report = {
    id: "t-1",
    roundId: "vestland-2025",
    status: "draft",
    partnership: { name: "Salten regionråd" },
    tiltak: { name: "Lesing i alle fag" },
  } as ReportDoc;

  it("should confirm a snooze with the day and time, and keep a button that resumes the report", () => {
    const card = reminderActionCard({ kind: "snoozed", until: new Date("2027-01-11T08:00:00.000Z"), report });
    expect(texts(card)).toContain("Greit! Du får en ny påminnelse mandag 11. januar kl. 09.00.");
    const [open] = actionsOf(card);
    expect(open?.verb).toBe("report.open");
    expect(open?.data).toEqual({ verb: "report.open", roundId: "vestland-2025", reportId: "t-1" });
  });

  it("should confirm an opt-out and mention the deadline-day reminder", () => {
    const card = reminderActionCard({
      kind: "opted_out",
      deadlineReminder: new Date("2027-01-15T08:00:00.000Z"),
      report,
    });
    expect(texts(card)).toContain(
      "bortsett fra én siste påminnelse på fristdagen (fredag 15. januar kl. 09.00)",
    );
  });

  it("should explain refusals in Norwegian", () => {
    expect(texts(reminderActionCard({ kind: "forbidden" }))).toContain("Du har ikke tilgang");
    expect(texts(reminderActionCard({ kind: "closed", reason: "submitted", report }))).toContain(
      "allerede sendt inn",
    );
  });
});
