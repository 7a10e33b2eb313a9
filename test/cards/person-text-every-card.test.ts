/**
 * Issue 14 item 9, all cards: every card builder in cards/ is given person text that Markdown would
 * change (HOSTILE_PERSON_TEXTS) in every field people or the import fill (partnership, tiltak, case
 * number, county, contact and co-editor names and e-mails, phones, every typed answer, a file name,
 * a chat message), and must show it only in TextRuns, literally: never in a TextBlock or a FactSet,
 * never backslash-escaped. A builder added to cards/ without a case here fails the last test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { approvalsCard } from "../../cards/approvals.ts";
import { attachmentChoiceCard, attachmentLinksCard } from "../../cards/attachment-cards.ts";
import { contactReply, deadlineReply, missingReply, notUnderstoodCard } from "../../cards/chat-replies.ts";
import { coEditorsCard } from "../../cards/coeditors.ts";
import { exportLinksCard } from "../../cards/export-links.ts";
import { importPlanCard } from "../../cards/import-plan.ts";
import { noticeCard } from "../../cards/notice.ts";
import { overviewCards, overviewHeadlineCard, overviewSectionCard } from "../../cards/overview.ts";
import { pdfLinkCard } from "../../cards/pdf-link.ts";
import { reminderActionCard, reminderCard } from "../../cards/reminder.ts";
import type { CardJson } from "../../cards/render.ts";
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard, reviewPageCount } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { fullReportCards } from "../../cards/report-summary-full.ts";
import { roundChoiceCard } from "../../cards/round-choice.ts";
import { roundStatusCard } from "../../cards/round-status.ts";
import { staffReportsCard } from "../../cards/staff-reports.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import { sectionPages } from "../../src/questionnaire/pages.ts";
import type { Form, Question } from "../../src/questionnaire/types.ts";
import type { ReminderMessage } from "../../src/reminders/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { bothForms, completeContents, makeReport, NOW, stored, validRaw } from "../src/reports/fixtures.ts";
import { HOSTILE_PERSON_TEXTS, personTextProblems, textRuns } from "../support/person-text-check.ts";

const [DASHED, PHONE, DATE, STARS, BACKSLASH, HTML] = HOSTILE_PERSON_TEXTS;
const PARTNERSHIP = DASHED;
const TILTAK = `${DATE} ${STARS}`;
// A backslash is followed by a space in each: "\\!" would look like an escape to the check below.
const CONTACT = `${HTML}Kari ${BACKSLASH} Nord`;
const COUNTY = `Troms - Romsa ${HTML}`;
const TYPED = `${DATE} ${BACKSLASH} ${STARS} ${HTML} ${PHONE}`;
const DEADLINE = "2026-12-15T22:59:00.000Z"; // "15. desember": no date of ours contains "1. desember"
const now = new Date(NOW);

/** Every text answer typed with all the hostile texts, the phone as the hostile phone. */
function hostileRaw(q: Question): Record<string, string> {
  const raw = validRaw(q);
  for (const key of Object.keys(raw)) {
    if (q.type === "text" || q.type === "longtext" || key.endsWith("__comment")) raw[key] = TYPED;
    if (q.type === "phone") raw[key] = PHONE;
  }
  return raw;
}

function reportOf(form: Form, i: number, status: ReportDoc["status"] = "submitted"): ReportDoc {
  return makeReport(form, {
    id: `r-${i}`,
    roundId: `round-${form.id}`,
    status,
    ...(status === "submitted"
      ? { submittedAt: NOW, submittedBy: { id: "aad-contact", name: CONTACT } }
      : {}),
    partnership: { id: `p-${i}`, name: PARTNERSHIP, category: "Kommune", sector: "Offentlig" },
    tiltak: { id: `t-${i}`, name: TILTAK, caseNumber: `2024/12-${i} ${BACKSLASH} A` },
    contact: { name: CONTACT, email: "kari_nord@example.com" },
    coEditors: [
      { email: "ola_n@example.com", name: `Ola ${STARS}`, invitedAt: NOW, invitedBy: "aad-contact" },
    ],
    answers: stored(completeContents(form, hostileRaw)),
  });
}

function roundOf(form: Form): RoundDoc {
  return {
    id: `round-${form.id}`,
    county: COUNTY,
    formId: form.id,
    reportingYear: 2026,
    deadline: DEADLINE,
    staffIds: [],
    createdAt: NOW,
  };
}

function reminderOf(report: ReportDoc): ReminderMessage {
  return {
    roundId: report.roundId,
    reportId: report.id,
    stageId: "d7",
    stageKind: "before",
    recipientRole: "contact",
    partnershipName: PARTNERSHIP,
    tiltakName: TILTAK,
    deadline: DEADLINE,
    deadlineDate: "tirsdag 15. desember",
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
}

/** Every card the bot can build, with the person texts each must show in its runs. */
function everyCard(): { name: string; builder: string; card: CardJson; shows: string[] }[] {
  const out: { name: string; builder: string; card: CardJson; shows: string[] }[] = [];
  const add = (builder: string, name: string, card: CardJson, shows: string[]): void => {
    out.push({ name: `${builder} ${name}`, builder, card, shows });
  };
  for (const form of bothForms) {
    const round = roundOf(form);
    const report = reportOf(form, 0);
    const draft = { ...reportOf(form, 1, "draft"), submittedAt: undefined };
    add(
      "welcomeCard",
      form.id,
      welcomeCard(CONTACT, [{ report: draft, form, isContact: true, deadline: DEADLINE }], now),
      [PARTNERSHIP, TILTAK],
    );
    form.sections.forEach((section, sectionIndex) => {
      for (let page = 0; page < sectionPages(form, sectionIndex).length; page++) {
        const card = sectionCard({
          form,
          report: draft,
          sectionIndex,
          page,
          deadline: DEADLINE,
          now,
          notice: {
            text: "Noen svar ble endret av andre.",
            style: "warning",
            lines: [`• Navn: du skrev «${TYPED}»`],
          },
        });
        add("sectionCard", `${form.id} ${section.id} page ${page + 1}`, card, [PARTNERSHIP, TYPED]);
      }
    });
    for (const role of ["contact", "staff"] as const) {
      const input = { form, report, role, deadline: DEADLINE, now };
      for (let page = 0; page < reviewPageCount(input); page++)
        add("reviewCard", `${form.id} ${role} page ${page + 1}`, reviewCard({ ...input, page }), [
          PARTNERSHIP,
          TYPED,
        ]);
    }
    add("summaryCard", form.id, summaryCard(form, report, DEADLINE), [PARTNERSHIP, TILTAK]);
    for (const [i, card] of fullReportCards(form, report, DEADLINE).entries())
      add("fullReportCards", `${form.id} card ${i + 1}`, card, i === 0 ? [PARTNERSHIP, TYPED] : [TYPED]);
    add("receiptCard", form.id, receiptCard(report), [PARTNERSHIP, TILTAK]);
    add("staffReportsCard", form.id, staffReportsCard(round, form, [report, draft]), [
      COUNTY,
      TILTAK,
      CONTACT,
    ]);
    const reports = [report, draft, reportOf(form, 2, "draft")];
    add("overviewHeadlineCard", form.id, overviewHeadlineCard({ round, form, reports, now }), [COUNTY]);
    const sectionId = form.sections[1]?.id ?? "";
    const section = overviewSectionCard({ round, form, reports, sectionId, now });
    if (section) add("overviewSectionCard", form.id, section, [COUNTY]);
    for (const [i, card] of overviewCards({ round, form, reports, now }).entries())
      add("overviewCards", `${form.id} card ${i + 1}`, card, [COUNTY]);
    add("roundStatusCard", form.id, roundStatusCard({ round, reports, now, unreachable: new Set(["r-2"]) }), [
      COUNTY,
      PARTNERSHIP,
      TILTAK,
      CONTACT,
      "kari_nord@example.com",
    ]);
    add(
      "exportLinksCard",
      form.id,
      exportLinksCard({
        round,
        xlsxUrl: "https://x/a",
        csvUrl: "https://x/b",
        docxUrl: "https://x/c",
        expiresAt: now,
      }),
      [COUNTY],
    );
    add("roundChoiceCard", form.id, roundChoiceCard([{ round, formTitle: form.title }]), [COUNTY]);
    add("pdfLinkCard", form.id, pdfLinkCard({ report, url: "https://x/p", expiresAt: now }), [
      PARTNERSHIP,
      TILTAK,
    ]);
    add(
      "coEditorsCard",
      form.id,
      coEditorsCard(draft, { notice: { text: "ola_n@example.com er invitert.", style: "good" } }),
      [PARTNERSHIP, `Ola ${STARS}`, "ola_n@example.com er invitert."],
    );
    const withApprovers: ReportDoc = {
      ...draft,
      approvers: [
        {
          email: "per_u@example.com",
          name: `Per ${STARS}`,
          requestedAt: NOW,
          requestedBy: "aad-contact",
          approved: { at: NOW, by: { id: "aad-per", name: `Per ${STARS}` }, rev: draft.revision },
          comment: { text: TYPED, at: NOW, by: { id: "aad-per", name: `Per ${STARS}` }, rev: draft.revision },
        },
      ],
    };
    add(
      "approvalsCard",
      form.id,
      approvalsCard(withApprovers, { notice: { text: "per_u@example.com er spurt.", style: "good" } }),
      [PARTNERSHIP, `Per ${STARS}`, "per_u@example.com er spurt."],
    );
    const FILE = `${DATE} ${STARS} ${BACKSLASH} ${HTML}.pdf`;
    const withFile: ReportDoc = {
      ...draft,
      attachments: [
        {
          id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
          name: FILE,
          contentType: "application/pdf",
          bytes: 1_468_006,
          blob: `${draft.roundId}/${draft.id}/7c9e6679-7425-40de-944b-e07fc1f90ae7`,
          by: { id: "aad-contact", name: CONTACT },
          at: NOW,
        },
      ],
    };
    add(
      "attachmentChoiceCard",
      form.id,
      attachmentChoiceCard("16fd2706-8baf-433b-82eb-8c7fada847da", [withFile], 1),
      [PARTNERSHIP, TILTAK],
    );
    add(
      "attachmentLinksCard",
      form.id,
      attachmentLinksCard(
        withFile,
        [{ id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", url: "https://x/f" }],
        now.getTime(),
      ),
      [PARTNERSHIP, TILTAK, FILE],
    );
    add("reminderCard", form.id, reminderCard(reminderOf(draft)), [PARTNERSHIP, TILTAK]);
    add(
      "reminderActionCard",
      `${form.id} snoozed`,
      reminderActionCard({ kind: "snoozed", until: new Date(DEADLINE), report: draft }),
      [PARTNERSHIP],
    );
    add(
      "reminderActionCard",
      `${form.id} opted out`,
      reminderActionCard({ kind: "opted_out", report: draft }),
      [PARTNERSHIP],
    );
    const lines = [contactReply([draft]), deadlineReply([{ report: draft, deadline: DEADLINE }], now)];
    add("noticeCard", `${form.id} plain chat answers`, noticeCard(lines.join("\n\n"), { plain: true }), [
      CONTACT,
      TILTAK,
    ]);
  }
  const fileName = `${DATE} ${STARS} ${HTML}.xlsx`;
  add(
    "importPlanCard",
    "invalid",
    importPlanCard({ fileName, result: { status: "invalid", errors: [`Rad 3: «${PARTNERSHIP}» ${PHONE}`] } }),
    [fileName, `Rad 3: «${PARTNERSHIP}» ${PHONE}`],
  );
  add("notUnderstoodCard", "hostile message", notUnderstoodCard(TYPED), [`${DATE} ${BACKSLASH} ${STARS}`]);
  return out;
}

const cards = everyCard();

describe.each(cards.map((c) => [c.name, c] as const))("%s", (_name, { card, shows }) => {
  it("should show person text only in TextRuns, literally", () => {
    expect(personTextProblems(card, [...HOSTILE_PERSON_TEXTS, PARTNERSHIP, TILTAK, CONTACT, COUNTY])).toEqual(
      [],
    );
    const runs = textRuns(card);
    for (const text of shows)
      expect(
        runs.some((r) => r.includes(text)),
        text,
      ).toBe(true);
    // No backslash escape of a Markdown character anywhere (the hostile "\" is never doubled).
    const json = JSON.stringify(card);
    const found = /\\\\[-+.*_<>#[\]()!`|~{}]/.exec(json);
    expect(found && json.slice(found.index - 80, found.index + 20)).toBeNull();
    expect(JSON.stringify(card)).not.toContain("\\\\\\\\");
  });
});

describe("the chat answers sent as plain text", () => {
  it("should name tiltak, contacts and e-mails literally", () => {
    for (const form of bothForms) {
      const draft = reportOf(form, 1, "draft");
      const text = [
        contactReply([draft]),
        deadlineReply([{ report: draft, deadline: DEADLINE }], now),
        missingReply([{ report: { ...draft, answers: {} }, form }]),
      ].join("\n");
      expect(text).toContain(`«${TILTAK}»`);
      expect(text).toContain(`${CONTACT} (kari_nord@example.com)`);
      expect(text).not.toMatch(/\\[-+.*_<>#]/);
    }
  });
});

describe("the walk", () => {
  it("should cover every card builder exported by cards/", () => {
    const dir = join(import.meta.dirname, "..", "..", "cards");
    const builders = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/export function (\w+Cards?)\(/g)])
      .map((m) => m[1]);
    const covered = new Set(cards.map((c) => c.builder));
    expect(builders.filter((b) => !covered.has(b as string))).toEqual([]);
  });
});
