/** Personal data of approvers (approval before sending): found, exported and erased like co-editors. */
import { describe, expect, it } from "vitest";
import {
  ERASED,
  eraseInReport,
  exportOf,
  type Holdings,
  identify,
} from "../../../src/people/personal-data.ts";
import { contactActor, form2024, makeReport, NOW } from "../reports/fixtures.ts";

const megan = { id: "aad-megan", name: "Megan Bowen" };
const report = makeReport(form2024, {
  id: "r-9",
  approvers: [
    {
      email: "meganb@example.com",
      name: megan.name,
      aadObjectId: megan.id,
      requestedAt: NOW,
      requestedBy: contactActor.id,
      approved: { at: NOW, by: megan, rev: 1 },
      comment: { text: "Fint", at: NOW, by: megan, rev: 1 },
    },
    { email: "adelev@example.com", requestedAt: NOW, requestedBy: contactActor.id },
  ],
});
const holdings: Holdings = { people: [], reports: [report], rounds: [], ledger: [] };

describe("personal data of approvers", () => {
  it("should find an approver's id and name from their e-mail and export their entry", () => {
    const s = identify("MeganB@example.com", holdings);
    expect(s.ids).toContain(megan.id);
    expect(s.names).toContain(megan.name);
    const out = exportOf("meganb@example.com", holdings, new Date(NOW));
    const r = out.reports.find((x) => x.reportId === "r-9");
    expect(r?.roles).toContain("approver");
    expect(r?.approver?.comment?.text).toBe("Fint");
  });

  it("should remove the approver's entry (approval and comment) and the contact's id as requester", () => {
    const mine = eraseInReport(report, identify("meganb@example.com", holdings), new Date(NOW));
    expect(mine?.doc.approvers?.map((a) => a.email)).toEqual(["adelev@example.com"]);
    expect(mine?.changes.approversRemoved).toBe(1);
    expect(JSON.stringify(mine?.doc)).not.toMatch(/megan/i);
    const contact = eraseInReport(report, identify("kari@example.com", holdings), new Date(NOW));
    expect(contact?.doc.approvers?.every((a) => a.requestedBy === ERASED)).toBe(true);
  });
});
