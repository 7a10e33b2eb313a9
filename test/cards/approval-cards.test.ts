/**
 * Approval before sending in the cards: the contact's review and receipt list who approved (Oslo time),
 * an earlier version and who has not; the approver's review has «Godkjenn» / «Kommenter»; 2.4 of the
 * 2021 form shows the approvals as help. Names and comments only in TextRuns; cards parse as AC 1.5.
 */
import { describe, expect, it } from "vitest";
import { approvalsCard } from "../../cards/approvals.ts";
import { MAX_CARD_BYTES } from "../../cards/render.ts";
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard, reviewPageCount } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { answersRevision } from "../../src/reports/approvals.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import {
  completeContents,
  contactActor,
  form2021,
  makeReport,
  maxRaw,
  stored,
} from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";
import { personTextProblems, textRuns } from "../support/person-text-check.ts";

const AT = "2026-12-01T11:05:00.000Z"; // 12:05 in Oslo
const NAME = "Megan *Bowen*";
const COMMENT = "Se **del 4**: tallene\\ stemmer ikke";

type Node = Record<string, unknown>;
function* walk(n: unknown): Generator<Node> {
  if (Array.isArray(n)) for (const x of n) yield* walk(x);
  else if (n && typeof n === "object") {
    yield n as Node;
    for (const v of Object.values(n)) yield* walk(v);
  }
}
const verbs = (card: unknown) => [...walk(card)].flatMap((n) => (typeof n.verb === "string" ? [n.verb] : []));
const runsText = (card: unknown) => textRuns(card).join("");
const teamsBytes = (card: object) => Buffer.byteLength(JSON.stringify(card), "utf16le");

/** A complete 2021 report (answers at revision 4) with Megan (approved, commented) and Adele (asked). */
function report(overrides: Partial<ReportDoc> = {}, approvedRev = 4): ReportDoc {
  return makeReport(form2021, {
    answers: stored(completeContents(form2021), contactActor, 4),
    revision: 6,
    receipt: "DEKOM-2021-0003",
    approvers: [
      {
        email: "meganb@example.com",
        name: NAME,
        aadObjectId: "aad-megan",
        requestedAt: AT,
        requestedBy: contactActor.id,
        approved: { at: AT, by: { id: "aad-megan", name: NAME }, rev: approvedRev },
        comment: { text: COMMENT, at: AT, by: { id: "aad-megan", name: NAME }, rev: approvedRev },
      },
      { email: "adelev@example.com", requestedAt: AT, requestedBy: contactActor.id },
    ],
    ...overrides,
  });
}

describe("approvals on the review", () => {
  it("should show the contact who approved and when, who has not, and the way to ask more", () => {
    const card = reviewCard({ form: form2021, report: report(), role: "contact" });
    expect(cardProblems(card)).toEqual([]);
    expect(personTextProblems(card, [NAME, COMMENT, "adelev@example.com"])).toEqual([]);
    const text = runsText(card);
    expect(text).toContain(`${NAME} (meganb@example.com) godkjente 1. desember 2026 kl. 12:05`);
    expect(text).toContain(`${NAME} kommenterte 1. desember 2026 kl. 12:05: ${COMMENT}`);
    expect(text).toContain("adelev@example.com har ikke godkjent ennå");
    expect(text).toContain("Ikke godkjent denne versjonen: adelev@example.com. Du kan sende inn likevel.");
    expect(verbs(card)).toContain("approvals.show");
    expect(verbs(card)).toContain("report.submit"); // sending never waits for approvals
    expect(verbs(card)).not.toContain("report.approve");
  });

  it("should mark an approval of earlier answers, and keep it", () => {
    const card = reviewCard({ form: form2021, report: report({}, 3), role: "contact" });
    const text = runsText(card);
    expect(text).toContain(
      `${NAME} (meganb@example.com) godkjente en tidligere versjon 1. desember 2026 kl. 12:05 (svarene er endret siden)`,
    );
    expect(text).toContain("kommenterte en tidligere versjon");
    expect(text).toMatch(/Ikke godkjent denne versjonen: Megan \*Bowen\*, adelev@example.com\./);
  });

  it("should give an approver a read-only review with «Godkjenn» carrying the answers' revision, and «Kommenter»", () => {
    const doc = report();
    const card = reviewCard({
      form: form2021,
      report: doc,
      role: "approver",
      approver: { typedComment: "Kort", commentError: "Kommentaren kan ha høyst 500 tegn." },
    });
    expect(cardProblems(card)).toEqual([]);
    const nodes = [...walk(card)];
    const approve = nodes.find((n) => n.type === "Action.Execute" && n.verb === "report.approve");
    expect(approve?.data).toEqual({
      verb: "report.approve",
      roundId: doc.roundId,
      reportId: doc.id,
      answersRev: answersRevision(doc),
    });
    expect(verbs(card)).toContain("report.comment");
    const input = nodes.find((n) => n.id === "approvalComment");
    expect(input).toMatchObject({ type: "Input.Text", maxLength: 500, value: "Kort" });
    expect(JSON.stringify(card)).toContain("Kommentaren kan ha høyst 500 tegn.");
    for (const v of ["report.submit", "section.save", "approvals.show"]) expect(verbs(card)).not.toContain(v);
    expect(nodes.some((n) => n.verb === "report.open" && n.section !== undefined)).toBe(false); // no «Endre»
  });

  it("should show no approval block when nobody was asked and the reader is not the contact", () => {
    const card = reviewCard({ form: form2021, report: report({ approvers: [] }), role: "coeditor" });
    expect(JSON.stringify(card)).not.toContain("Godkjenning");
    const contact = reviewCard({ form: form2021, report: report({ approvers: [] }), role: "contact" });
    expect(JSON.stringify(contact)).toContain("Ingen er bedt om å godkjenne ennå.");
    expect(JSON.stringify(contact)).toContain("Godkjenning (0)");
  });
});

describe("approvals on the receipt, the list and 2.4", () => {
  it("should list the approvals on the receipt, with who has not approved", () => {
    const submitted = report({ status: "submitted", submittedAt: AT, submittedBy: contactActor });
    const card = receiptCard(submitted);
    expect(cardProblems(card)).toEqual([]);
    expect(personTextProblems(card, [NAME, COMMENT])).toEqual([]);
    const text = runsText(card);
    expect(text).toContain(`${NAME} godkjente 1. desember 2026 kl. 12:05`);
    expect(text).toContain("Ikke godkjent denne versjonen: adelev@example.com.");
    expect(text).not.toContain("Du kan sende inn likevel");
    expect(JSON.stringify(receiptCard({ ...submitted, approvers: [] }))).not.toContain("Godkjenning");
  });

  it("should list approvers with a remove button each on the contact's card", () => {
    const card = approvalsCard(report(), {
      notice: { text: "adelev@example.com er bedt om å godkjenne.", style: "good" },
    });
    expect(cardProblems(card)).toEqual([]);
    expect(personTextProblems(card, [NAME, "adelev@example.com"])).toEqual([]);
    const removes = [...walk(card)].filter(
      (n) => n.type === "Action.Execute" && n.verb === "approvals.remove",
    );
    expect(removes.map((n) => (n.data as Node).email)).toEqual(["meganb@example.com", "adelev@example.com"]);
  });

  it("should show the recorded approvals beside 2.4 as help, without answering it", () => {
    const doc = report({ answers: {} });
    const card = sectionCard({ form: form2021, report: doc, sectionIndex: 0 });
    expect(cardProblems(card)).toEqual([]);
    expect(personTextProblems(card, [NAME])).toEqual([]);
    expect(runsText(card)).toContain(
      `Registrert godkjenning i boten: ${NAME} godkjente 1. desember 2026 kl. 12:05; adelev@example.com har ikke godkjent ennå.`,
    );
    const yesNo = [...walk(card)].find(
      (n) => n.type === "Input.ChoiceSet" && String(n.label).startsWith("Jeg bekrefter"),
    );
    expect(yesNo?.value ?? "").toBe("");
    // Only beside 2.4: the 2024/2025 form has no such question, and other questions get nothing.
    expect(runsText(card).match(/Registrert godkjenning/g)?.length).toBe(1);
  });
});

describe("approvals at the limits", () => {
  it("should keep every review page, the receipt and 2.4's section under Teams' size with 10 approvers at full length", () => {
    const fill = '"'; // the costliest character after JSON escaping
    const long = (n: number) => fill.repeat(n);
    const approvers = Array.from({ length: 10 }, (_, i) => ({
      email: `p${i}.${"x".repeat(40)}@example.com`,
      name: long(120),
      aadObjectId: `aad-${i}`,
      requestedAt: AT,
      requestedBy: contactActor.id,
      approved: { at: AT, by: { id: `aad-${i}`, name: long(120) }, rev: i % 2 === 0 ? 4 : 3 },
      comment: { text: long(500), at: AT, by: { id: `aad-${i}`, name: long(120) }, rev: 4 },
    }));
    const answers = stored(
      completeContents(form2021, (q) => maxRaw(q, fill)),
      contactActor,
      4,
    );
    const doc = report({ approvers, answers });
    for (const role of ["contact", "approver"] as const) {
      const pages = reviewPageCount({ form: form2021, report: doc, role });
      for (let page = 0; page < pages; page++) {
        const card = reviewCard({ form: form2021, report: doc, role, page });
        expect(teamsBytes(card), `${role} page ${page}`).toBeLessThan(MAX_CARD_BYTES);
      }
    }
    const submitted = receiptCard({
      ...doc,
      status: "submitted",
      submittedAt: AT,
      submittedBy: contactActor,
    });
    expect(teamsBytes(submitted)).toBeLessThan(MAX_CARD_BYTES);
    expect(teamsBytes(approvalsCard(doc))).toBeLessThan(MAX_CARD_BYTES);
    expect(teamsBytes(sectionCard({ form: form2021, report: doc, sectionIndex: 0 }))).toBeLessThan(
      MAX_CARD_BYTES,
    );
  });
});
