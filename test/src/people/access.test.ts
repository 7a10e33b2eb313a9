import { describe, expect, it } from "vitest";
import {
  canEdit,
  canRead,
  canSubmit,
  isCoEditor,
  isContact,
  type Role,
  roleOf,
} from "../../../src/people/access.ts";
import type { Actor, CoEditor, ReportDoc } from "../../../src/reports/types.ts";
import { form2024, makeReport } from "../reports/fixtures.ts";

const STAFF = ["aad-staff-1", "aad-staff-2"];

function coEditor(overrides: Partial<CoEditor>): CoEditor {
  return {
    email: "ola@example.com",
    invitedAt: "2026-11-01T00:00:00.000Z",
    invitedBy: "aad-kari",
    ...overrides,
  };
}

function report(overrides: Partial<ReportDoc> = {}): ReportDoc {
  return makeReport(form2024, {
    contact: { name: "Kari", email: "Kari.Nordmann@Rana.kommune.no", aadObjectId: "aad-kari" },
    coEditors: [],
    ...overrides,
  });
}

const actor = (id: string, email?: string): Actor => ({ id, name: "Noen", ...(email ? { email } : {}) });

describe("roleOf", () => {
  it("should recognise the contact by Entra object id", () => {
    expect(roleOf(actor("aad-kari"), report(), STAFF)).toBe("contact");
  });

  it("should not take the contact's e-mail when the contact has an Entra object id", () => {
    // Same e-mail, different person in Entra: the object id decides.
    const r = report();
    expect(roleOf(actor("aad-other", "kari.nordmann@rana.kommune.no"), r, STAFF)).toBeUndefined();
    expect(isContact(actor("aad-other", "kari.nordmann@rana.kommune.no"), r)).toBe(false);
  });

  it("should recognise a contact without Entra object id by e-mail, ignoring case and spaces", () => {
    const r = report({ contact: { name: "Kari", email: "Kari.Nordmann@Rana.kommune.no" } });
    expect(roleOf(actor("aad-any", "kari.nordmann@RANA.KOMMUNE.NO"), r, STAFF)).toBe("contact");
    expect(roleOf(actor("aad-any", "  kari.nordmann@rana.kommune.no "), r, STAFF)).toBe("contact");
    expect(roleOf(actor("aad-any", "kari@rana.kommune.no"), r, STAFF)).toBeUndefined();
    expect(roleOf(actor("aad-any"), r, STAFF)).toBeUndefined();
  });

  it("should recognise a co-editor by Entra object id or, without one, by e-mail", () => {
    const r = report({
      coEditors: [
        coEditor({ email: "ola@example.com", aadObjectId: "aad-ola" }),
        coEditor({ email: "Per@Example.com" }),
      ],
    });
    expect(roleOf(actor("aad-ola"), r, STAFF)).toBe("coeditor");
    expect(roleOf(actor("aad-per", "per@example.COM"), r, STAFF)).toBe("coeditor");
    expect(isCoEditor(actor("aad-per", "per@example.com"), r)).toBe(true);
    // Ola's e-mail from another Entra account is not Ola.
    expect(roleOf(actor("aad-fake", "ola@example.com"), r, STAFF)).toBeUndefined();
  });

  it("should recognise county staff by Entra object id only", () => {
    expect(roleOf(actor("aad-staff-2"), report(), STAFF)).toBe("staff");
    expect(roleOf(actor("aad-staff-3"), report(), STAFF)).toBeUndefined();
    expect(roleOf(actor("aad-staff-1"), report(), [])).toBeUndefined();
  });

  it("should give the strongest role when a person has several", () => {
    const r = report({
      coEditors: [coEditor({ aadObjectId: "aad-kari" }), coEditor({ aadObjectId: "aad-staff-1" })],
    });
    expect(roleOf(actor("aad-kari"), r, ["aad-kari"])).toBe("contact");
    expect(roleOf(actor("aad-staff-1"), r, STAFF)).toBe("coeditor");
  });

  it("should give nobody a role on a report they have nothing to do with", () => {
    const r = report({ coEditors: [coEditor({ aadObjectId: "aad-ola" })] });
    expect(roleOf(actor("aad-nobody", "nobody@example.com"), r, STAFF)).toBeUndefined();
  });
});

describe("canSubmit, canEdit, canRead", () => {
  const cases: [Role | undefined, { submit: boolean; edit: boolean; read: boolean }][] = [
    ["contact", { submit: true, edit: true, read: true }],
    ["coeditor", { submit: false, edit: true, read: true }],
    ["staff", { submit: false, edit: false, read: true }],
    [undefined, { submit: false, edit: false, read: false }],
  ];

  for (const [role, may] of cases) {
    it(`should let ${role ?? "nobody"} submit=${may.submit}, edit=${may.edit}, read=${may.read}`, () => {
      expect(canSubmit(role)).toBe(may.submit);
      expect(canEdit(role)).toBe(may.edit);
      expect(canRead(role)).toBe(may.read);
    });
  }
});

describe("e-mail matching edge cases", () => {
  // Reported as an oddity: two empty e-mails count as the same person when the contact has no Entra id.
  it("should not match a contact with an empty e-mail to an actor with an empty e-mail", () => {
    const r = report({ contact: { name: "Ukjent", email: "" } });
    expect(roleOf(actor("aad-anyone", " "), r, STAFF)).toBeUndefined();
  });
});
