/**
 * Person-typed and imported text (partnership, tiltak and contact names, answers) is shown in TextRuns
 * inside RichTextBlocks, never as Markdown (escaped or not), in the cards converted so far; and it is
 * normalised on the way out (a bidi override stored before the normaliser existed is not shown).
 */
import { describe, expect, it } from "vitest";
import { coEditorsCard } from "../../cards/coeditors.ts";
import { reminderCard } from "../../cards/reminder.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { staffReportsCard } from "../../cards/staff-reports.ts";
import type { ReminderMessage } from "../../src/reminders/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { completeContents, form2024, makeReport, NOW, stored } from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";
import { personTextProblems, textRuns } from "../support/person-text-check.ts";

// What the attack run saw escaped: a Sami double name, a phone, a date that became a numbered list.
const PARTNERSHIP = "Fauske - Fuosko kommune";
const TILTAK = "1. desember: *Lesing* [alle] fag #2";
const CONTACT = "Kari_Nord (+4741804997)";
const report = makeReport(form2024, {
  status: "submitted",
  submittedAt: NOW,
  submittedBy: { id: "aad-contact", name: CONTACT },
  partnership: { id: "p", name: `${PARTNERSHIP}\u202e`, category: "Kommune", sector: "Offentlig" },
  tiltak: { id: "t", name: TILTAK, caseNumber: "2024/12-3" },
  contact: { name: CONTACT, email: "kari@example.com" },
  coEditors: [{ email: "ola_n@example.com", name: "Ola *N*", invitedAt: NOW, invitedBy: "aad-contact" }],
  answers: stored(completeContents(form2024)),
});
const round: RoundDoc = {
  id: "r",
  county: "Troms - Romsa",
  formId: form2024.id,
  reportingYear: 2025,
  deadline: NOW,
  staffIds: [],
  createdAt: NOW,
};
const reminder: ReminderMessage = {
  roundId: "r",
  reportId: report.id,
  stageId: "d7",
  stageKind: "before",
  recipientRole: "contact",
  partnershipName: PARTNERSHIP,
  tiltakName: TILTAK,
  deadline: NOW,
  deadlineDate: "fredag 15. januar",
  deadlineClock: "kl. 23.59",
  daysLeft: 7,
  daysLeftText: "om 7 dager",
  sectionsDone: 1,
  sectionsTotal: 6,
  resumeSection: 1,
  resumeSectionTitle: "Økonomi",
  canSnooze: true,
  canOptOut: true,
};

const cards = {
  summary: summaryCard(form2024, report),
  "staff reports": staffReportsCard(round, form2024, [report]),
  "co-editors": coEditorsCard(report),
  reminder: reminderCard(reminder),
};

describe.each(Object.entries(cards))("the %s card", (_name, card) => {
  it("should parse cleanly as Adaptive Cards 1.5", () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it("should show person text only in TextRuns, unescaped", () => {
    expect(personTextProblems(card, [PARTNERSHIP, TILTAK, CONTACT, "Ola *N*", "Troms - Romsa"])).toEqual([]);
    const runs = textRuns(card);
    expect(runs).toContain(PARTNERSHIP);
    expect(runs).toContain(TILTAK);
    expect(JSON.stringify(card)).not.toMatch(/\\\\[-*_[\]#+.!]/); // no backslash escapes at all
    expect(JSON.stringify(card)).not.toContain("\u202e");
  });
});
