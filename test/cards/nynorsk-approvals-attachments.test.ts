/**
 * Approval before sending and attachments in nynorsk: the contact's list of approvers, the review's and
 * the receipt's approval lines, the choice of tiltak for sent files and the attachment listing on the
 * review, drawn with the nynorsk catalogue (same verbs and data as in bokmål; person text unchanged).
 */
import { describe, expect, it } from "vitest";
import { approvalsCard } from "../../cards/approvals.ts";
import { attachmentChoiceCard, attachmentLinksCard, resultLines } from "../../cards/attachment-cards.ts";
import type { CardJson } from "../../cards/render.ts";
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard } from "../../cards/report-review.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import { validatingIn } from "../../src/i18n/validating.ts";
import {
  addApprover,
  approvalCommentSchema,
  approvalMessages,
  approverEmailSchema,
  MAX_APPROVERS,
} from "../../src/reports/approvals.ts";
import type { ReportAttachment, ReportDoc } from "../../src/reports/types.ts";
import {
  completeContents,
  contactActor,
  form2021,
  form2024,
  makeReport,
  NOW,
  stored,
} from "../src/reports/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";
import { textRuns } from "../support/person-text-check.ts";

const AT = "2026-12-01T11:05:00.000Z";
const NAME = "Megan Bowen";
const json = (card: unknown) => JSON.stringify(card);
const runsText = (card: unknown) => textRuns(card).join("");

function approvalReport(overrides: Partial<ReportDoc> = {}): ReportDoc {
  return makeReport(form2021, {
    answers: stored(completeContents(form2021), contactActor, 4),
    revision: 6,
    approvers: [
      {
        email: "meganb@example.com",
        name: NAME,
        aadObjectId: "aad-megan",
        requestedAt: AT,
        requestedBy: contactActor.id,
        approved: { at: AT, by: { id: "aad-megan", name: NAME }, rev: 4 },
        comment: { text: "Ser bra ut", at: AT, by: { id: "aad-megan", name: NAME }, rev: 4 },
      },
      { email: "adelev@example.com", requestedAt: AT, requestedBy: contactActor.id },
    ],
    ...overrides,
  });
}

const attachment = (n: number): ReportAttachment => ({
  id: `7c9e6679-7425-40de-944b-e07fc1f90a${String(n).padStart(2, "0")}`,
  name: `fil-${n}.pdf`,
  contentType: "application/pdf",
  bytes: 2048,
  blob: `round-2025/r-1/${n}`,
  by: { id: "aad-contact", name: "Kari Kontakt" },
  at: NOW,
});

describe("approvals in nynorsk", () => {
  it("should draw the contact's list of approvers in nynorsk, with the same verbs as in bokmål", () => {
    const r = approvalReport();
    const notice = { text: "x", style: "good" as const };
    const nn = approvalsCard(r, { notice }, "nn");
    const nb = approvalsCard(r, { notice });
    expect(cardProblems(nn)).toEqual([]);
    expect(json(nn)).toContain(
      "Be representantar for eigarane og UH i partnarskapet om å godkjenne rapporteringa.",
    );
    expect(json(nn)).toContain("E-postadressa til den som skal godkjenne");
    expect(runsText(nn)).toContain("adelev@example.com har ikkje godkjent enno");
    expect(runsText(nn)).toContain(`${NAME} (meganb@example.com) godkjende `);
    expect(json(nn)).not.toContain("rapporteringen");
    expect(json(nb)).toContain("Be representanter for eierne og UH i partnerskapet");
    expect(json(nn).match(/"verb":"[^"]+"/g)).toEqual(json(nb).match(/"verb":"[^"]+"/g));
  });

  it("should show the approval lines on the review and the receipt in nynorsk", () => {
    const review = reviewCard({ form: form2021, report: approvalReport(), role: "contact", lang: "nn" });
    expect(runsText(review)).toContain(
      "Ikkje godkjent denne versjonen: adelev@example.com. Du kan sende inn likevel.",
    );
    expect(runsText(review)).toContain(`${NAME} kommenterte `);
    expect(json(review)).toContain("Godkjenning (2)");
    const asked = reviewCard({ form: form2021, report: approvalReport(), role: "approver", lang: "nn" });
    expect(json(asked)).toContain("Kommentar til kontaktpersonen (valfritt)");
    const submitted = approvalReport({ status: "submitted", submittedAt: AT, receipt: "DEKOM-2021-0003" });
    const receipt = receiptCard(submitted, "nn");
    expect(runsText(receipt)).toContain("adelev@example.com har ikkje godkjent enno");
    expect(runsText(receiptCard(submitted))).toContain("adelev@example.com har ikke godkjent ennå");
  });
});

describe("the approver on the welcome card in nynorsk", () => {
  it("should say they are asked to approve and offer to look through it", () => {
    const items = [{ report: approvalReport(), form: form2021, isContact: false, approver: true }];
    const nn = json(welcomeCard("Megan Bowen", items, new Date(AT), "nn"));
    expect(nn).toContain(" · du er beden om å godkjenne");
    expect(nn).toContain("Sjå gjennom «");
    expect(json(welcomeCard("Megan Bowen", items, new Date(AT)))).toContain(" · du er bedt om å godkjenne");
  });
});

describe("approval messages in nynorsk", () => {
  const message = (parsed: { error?: { issues: { message: string }[] } | undefined }) =>
    parsed.error?.issues[0]?.message;
  const full = (): ReportDoc => ({
    ...makeReport(form2024),
    approvers: Array.from({ length: MAX_APPROVERS }, (_, i) => ({
      email: `p${i}@example.com`,
      requestedAt: AT,
      requestedBy: contactActor.id,
    })),
  });

  it("should make the rules' messages in the language of the validation call, bokmål outside it", () => {
    const nn = validatingIn("nn", () => ({
      email: message(approverEmailSchema.safeParse("megan@")),
      long: message(approvalCommentSchema.safeParse("x".repeat(501))),
      tooMany: addApprover(full(), "ny@example.com", contactActor, new Date(AT)),
    }));
    expect(nn.email).toBe("Skriv ei gyldig e-postadresse, til dømes kari.nordmann@kommune.no.");
    expect(nn.long).toBe("Kommentaren kan ha høgst 500 teikn.");
    expect(nn.tooMany).toEqual({
      kind: "invalid",
      message: "Ei rapportering kan ha høgst 10 som godkjenner.",
    });
    expect(validatingIn("nb", () => approvalMessages.tooMany)).toBe(
      "En rapportering kan ha høyst 10 som godkjenner.",
    );
    // Outside a validation call, and after one, bokmål.
    expect(addApprover(full(), "ny@example.com", contactActor, new Date(AT))).toEqual({
      kind: "invalid",
      message: "En rapportering kan ha høyst 10 som godkjenner.",
    });
    expect(message(approverEmailSchema.safeParse(42))).toBe(
      "Skriv en gyldig e-postadresse, for eksempel kari.nordmann@kommune.no.",
    );
    expect(message(approverEmailSchema.safeParse(`${"a".repeat(250)}@example.com`))).toBe(
      "Skriv en gyldig e-postadresse, for eksempel kari.nordmann@kommune.no.",
    );
  });
});

describe("attachments in nynorsk", () => {
  it("should ask which tiltak the files belong to in nynorsk", () => {
    const reports = [makeReport(form2024), makeReport(form2024, { id: "r-2" })];
    const nn: CardJson = attachmentChoiceCard("p-1", reports, 2, "nn");
    expect(cardProblems(nn)).toEqual([]);
    expect(json(nn)).toContain("Kva tiltak gjeld filene?");
    expect(json(nn)).toContain("Du har sendt 2 filer. Vel tiltaket dei skal leggjast ved.");
    expect(json(nn)).toContain("Vel «");
    expect(json(attachmentChoiceCard("p-1", reports, 2))).toContain("Hvilket tiltak gjelder filene?");
  });

  it("should list a report's attachments and what happened to sent files in nynorsk", () => {
    const report = makeReport(form2024, { attachments: [attachment(1), attachment(2)] });
    const review = reviewCard({ form: form2024, report, role: "contact", lang: "nn" });
    expect(json(review)).toContain("Vedlegg (2)");
    expect(json(review)).toContain('"title":"Fjern"');
    expect(runsText(review)).toContain("fil-1.pdf");
    const lines = json(
      resultLines(
        [
          { name: "a.exe", kind: "wrong_type" },
          { name: "b.pdf", kind: "stored" },
        ],
        "nn",
      ),
    );
    expect(lines).toContain("vart ikkje lagd ved: eg tek berre imot PDF");
    expect(lines).toContain("» er lagd ved.");
    const links = attachmentLinksCard(
      report,
      [{ id: attachment(1).id, url: "https://x" }],
      Date.parse(AT),
      "nn",
    );
    expect(json(links)).toContain("Vedlegg til rapporteringa");
    expect(json(links)).toContain("Berre for Statsforvaltaren.");
  });
});
