/** Approval before sending: the pure rules (who may approve, stale approvals, limits). */
import { describe, expect, it } from "vitest";
import { approverOf, roleOf } from "../../../src/people/access.ts";
import {
  addApprover,
  answersRevision,
  approvalCommentSchema,
  approvalLines,
  approvalMessages,
  approverActs,
  approverEmailSchema,
  dropApprover,
  MAX_APPROVERS,
} from "../../../src/reports/approvals.ts";
import { applyAnswers } from "../../../src/reports/report.ts";
import type { Actor, ReportDoc } from "../../../src/reports/types.ts";
import {
  coEditorActor,
  contactActor,
  form2021,
  makeReport,
  NOW,
  staffActor,
  strangerActor,
} from "./fixtures.ts";

const now = new Date(NOW);
const later = new Date("2026-11-03T09:30:00.000Z");
const megan: Actor = { id: "aad-megan", name: "Megan Bowen", email: "MeganB@example.com" };

/** A report with one answer (written at revision 3) and Megan asked (by e-mail, not yet bound). */
function asked(overrides: Partial<ReportDoc> = {}): ReportDoc {
  const base = makeReport(form2021, { revision: 3, ...overrides });
  const withAnswer = applyAnswers(
    { ...base, revision: 2 },
    { "2.3": { value: "2024/1" } },
    contactActor,
    now,
  );
  if (withAnswer === undefined) throw new Error("test bug");
  const d = addApprover(withAnswer, "meganb@example.com", contactActor, now);
  if (d.kind !== "add") throw new Error("test bug");
  return d.doc;
}

const approve = (doc: ReportDoc, actor: Actor, seenRev = answersRevision(doc), at = later) =>
  approverActs(doc, actor, at, { kind: "approve", seenRev });

describe("asking for approval", () => {
  it("should add an approver without changing the revision that «Send inn» checks", () => {
    const doc = makeReport(form2021, { revision: 5 });
    const d = addApprover(doc, "meganb@example.com", contactActor, now, "Megan Bowen");
    expect(d.kind).toBe("add");
    if (d.kind !== "add") return;
    expect(d.doc.revision).toBe(5);
    expect(d.doc.approvers).toEqual([
      { email: "meganb@example.com", name: "Megan Bowen", requestedAt: NOW, requestedBy: contactActor.id },
    ]);
  });

  it("should refuse the contact's own address, a second request and more than the maximum", () => {
    const doc = asked();
    expect(addApprover(doc, "kari@example.com", contactActor, now)).toEqual({
      kind: "invalid",
      message: approvalMessages.isContact,
    });
    expect(addApprover(doc, "meganb@example.com", contactActor, now).kind).toBe("already");
    const full = {
      ...doc,
      approvers: Array.from({ length: MAX_APPROVERS }, (_, i) => ({
        email: `p${i}@example.com`,
        requestedAt: NOW,
        requestedBy: contactActor.id,
      })),
    };
    expect(addApprover(full, "new@example.com", contactActor, now)).toEqual({
      kind: "invalid",
      message: approvalMessages.tooMany,
    });
    expect(addApprover({ ...doc, status: "submitted" }, "new@example.com", contactActor, now).kind).toBe(
      "invalid",
    );
  });

  it("should parse e-mails and comments with Norwegian messages", () => {
    expect(approverEmailSchema.parse("  MeganB@Example.com ")).toBe("meganb@example.com");
    expect(approverEmailSchema.safeParse("megan@").error?.issues[0]?.message).toBe(
      approvalMessages.invalidEmail,
    );
    expect(approvalCommentSchema.parse("  Ser bra ut  ")).toBe("Ser bra ut");
    expect(approvalCommentSchema.safeParse("   ").error?.issues[0]?.message).toBe(
      approvalMessages.emptyComment,
    );
    expect(approvalCommentSchema.safeParse("x".repeat(501)).error?.issues[0]?.message).toBe(
      approvalMessages.longComment,
    );
    expect(approvalCommentSchema.safeParse(42).success).toBe(false);
  });

  it("should withdraw a request, and say so when there was none", () => {
    const doc = asked();
    expect(dropApprover(doc, "meganb@example.com", later)?.approvers).toEqual([]);
    expect(dropApprover(doc, "nobody@example.com", later)).toBeUndefined();
  });
});

describe("who may approve", () => {
  it("should give an asked person the read-only approver role, found by e-mail until bound", () => {
    const doc = asked();
    expect(roleOf(megan, doc, [])).toBe("approver");
    expect(approverOf(megan, doc)?.email).toBe("meganb@example.com");
    expect(roleOf(strangerActor, doc, [])).toBeUndefined();
    // Contact and co-editor keep their own roles.
    expect(roleOf(contactActor, doc, [])).toBe("contact");
    expect(roleOf(coEditorActor, doc, [])).toBe("coeditor");
  });

  it("should let only an asked person approve: not the contact, a co-editor, staff or a stranger", () => {
    const doc = asked();
    for (const actor of [contactActor, coEditorActor, staffActor, strangerActor])
      expect(approve(doc, actor).kind).toBe("not_approver");
    // The contact cannot approve even when asked under their own address by some other path.
    const self = { ...doc, approvers: [{ email: "kari@example.com", requestedAt: NOW, requestedBy: "x" }] };
    expect(approve(self, contactActor).kind).toBe("not_approver");
  });

  it("should bind the approver's Teams identity, so the e-mail alone no longer matches someone else", () => {
    const d = approve(asked(), megan);
    expect(d.kind).toBe("write");
    if (d.kind !== "write") return;
    const entry = d.doc.approvers?.[0];
    expect(entry).toMatchObject({ aadObjectId: "aad-megan", name: "Megan Bowen" });
    expect(entry?.approved).toEqual({
      at: later.toISOString(),
      by: { id: "aad-megan", name: "Megan Bowen" },
      rev: 3,
    });
    const impostor: Actor = { id: "aad-other", name: "Other", email: "meganb@example.com" };
    expect(roleOf(impostor, d.doc, [])).toBeUndefined();
  });
});

describe("approvals and the report's revision", () => {
  it("should show an approval as current, and as an earlier version once an answer changes", () => {
    const d = approve(asked(), megan);
    if (d.kind !== "write") throw new Error("expected a write");
    expect(approvalLines(d.doc).map((l) => l.state)).toEqual(["approved"]);
    // Writes that do not touch answers (the approval itself, submit) leave it current.
    const submitted: ReportDoc = { ...d.doc, revision: 9, status: "submitted" };
    expect(approvalLines(submitted)[0]?.state).toBe("approved");
    const changed = applyAnswers(d.doc, { "2.3": { value: "2024/2" } }, contactActor, later);
    if (changed === undefined) throw new Error("test bug");
    const line = approvalLines(changed)[0];
    expect(line?.state).toBe("stale");
    expect(line?.approvedAt).toBe(later.toISOString()); // kept, only marked
    // Clearing an answer counts as a change too.
    const cleared = applyAnswers(d.doc, { "2.3": null }, contactActor, later);
    expect(cleared && approvalLines(cleared)[0]?.state).toBe("stale");
  });

  it("should refuse an approval from a card that showed older answers", () => {
    const doc = asked();
    expect(approve(doc, megan, answersRevision(doc) - 1).kind).toBe("changed");
    // A card claiming a newer revision than exists approves nothing either.
    expect(approve(doc, megan, answersRevision(doc) + 5).kind).toBe("changed");
  });

  it("should not write a second identical approval, and re-approve after a change", () => {
    const first = approve(asked(), megan);
    if (first.kind !== "write") throw new Error("expected a write");
    expect(approve(first.doc, megan).kind).toBe("unchanged");
    const changed = applyAnswers(first.doc, { "2.3": { value: "2024/9" } }, contactActor, later);
    if (changed === undefined) throw new Error("test bug");
    const again = approve(changed, megan);
    expect(again.kind).toBe("write");
    if (again.kind === "write") expect(approvalLines(again.doc)[0]?.state).toBe("approved");
  });

  it("should keep the latest comment with its revision, and save a comment with an approval", () => {
    const doc = asked();
    const c = approverActs(doc, megan, later, { kind: "comment", text: "Sjekk tallene i del 4" });
    if (c.kind !== "write") throw new Error("expected a write");
    expect(approvalLines(c.doc)[0]).toMatchObject({
      state: "pending",
      comment: { text: "Sjekk tallene i del 4", stale: false },
    });
    const both = approverActs(c.doc, megan, later, { kind: "approve", seenRev: 3, text: "Nå er det fint" });
    if (both.kind !== "write") throw new Error("expected a write");
    expect(approvalLines(both.doc)[0]).toMatchObject({
      state: "approved",
      comment: { text: "Nå er det fint" },
    });
  });

  it("should record nothing on a submitted report", () => {
    expect(approve({ ...asked(), status: "submitted" }, megan).kind).toBe("submitted");
  });
});
