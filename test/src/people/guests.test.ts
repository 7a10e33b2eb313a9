/** B2B guests: addresses from guest UPNs and member records, guest detection, staff and tenant rules. */
import { describe, expect, it } from "vitest";
import { roleOf } from "../../../src/people/access.ts";
import {
  homeEmailOfGuestUpn,
  isGuestMember,
  mayBeStaffMember,
  memberEmail,
  tenantAllowed,
} from "../../../src/people/guests.ts";
import { isConfiguredStaff, isImportedStaff } from "../../../src/people/staff.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";

const HOST = "11111111-1111-1111-1111-111111111111";
const GUEST_ID = "22222222-2222-2222-2222-222222222222";
const guestUpn = "Kari.Nordmann_Kommune.no#EXT#@statsforvalteren.onmicrosoft.com";

describe("homeEmailOfGuestUpn", () => {
  it("should turn a guest UPN into the home address", () => {
    expect(homeEmailOfGuestUpn(guestUpn)).toBe("kari.nordmann@kommune.no");
    expect(homeEmailOfGuestUpn("ola_n_uit.no#ext#@host.onmicrosoft.com")).toBe("ola_n@uit.no");
  });

  it("should give nothing for a member's UPN or a malformed guest UPN", () => {
    expect(homeEmailOfGuestUpn("kari@statsforvalteren.no")).toBeUndefined();
    expect(homeEmailOfGuestUpn("kari#EXT#@host.onmicrosoft.com")).toBeUndefined();
    expect(homeEmailOfGuestUpn("kari_#EXT#@host.onmicrosoft.com")).toBeUndefined();
    expect(homeEmailOfGuestUpn(undefined)).toBeUndefined();
  });
});

describe("memberEmail and isGuestMember", () => {
  it("should prefer the member record's real e-mail", () => {
    const m = { email: "Kari.Nordmann@kommune.no", userPrincipalName: guestUpn, userRole: "guest" };
    expect(memberEmail(m)).toBe("kari.nordmann@kommune.no");
    expect(isGuestMember(m)).toBe(true);
  });

  it("should read the address out of a guest UPN when the e-mail is missing or is the UPN", () => {
    expect(memberEmail({ userPrincipalName: guestUpn })).toBe("kari.nordmann@kommune.no");
    expect(memberEmail({ email: guestUpn, userPrincipalName: guestUpn, userRole: "user" })).toBe(
      "kari.nordmann@kommune.no",
    );
    // The Agents Playground always says userRole "user": the #EXT# UPN alone marks the guest.
    expect(isGuestMember({ email: guestUpn, userPrincipalName: guestUpn, userRole: "user" })).toBe(true);
  });

  it("should take a member's own UPN and never call a member a guest", () => {
    const m = { userPrincipalName: "Ola@Statsforvalteren.no", userRole: "user" };
    expect(memberEmail(m)).toBe("ola@statsforvalteren.no");
    expect(isGuestMember(m)).toBe(false);
    expect(memberEmail({})).toBeUndefined();
  });
});

describe("staff never include guests", () => {
  const round = { staffIds: [GUEST_ID] } as RoundDoc;
  const guest = { id: GUEST_ID, name: "Kari", tenantId: HOST, guest: true };

  it("should refuse a guest as staff even when the id is configured or on the round", () => {
    expect(isConfiguredStaff(guest, [GUEST_ID])).toBe(false);
    expect(isImportedStaff(guest, round)).toBe(false);
    expect(isConfiguredStaff({ ...guest, guest: false }, [GUEST_ID])).toBe(true);
    const report = { contact: { name: "x", email: "other@x.no" }, coEditors: [] } as unknown as ReportDoc;
    expect(roleOf(guest, report, [GUEST_ID])).toBeUndefined();
    expect(roleOf({ ...guest, guest: false }, report, [GUEST_ID])).toBe("staff");
  });

  it("should keep guests and other tenants' members out of a bound staff team", () => {
    expect(mayBeStaffMember({ aadObjectId: "a", userRole: "user", tenantId: HOST }, HOST)).toBe(true);
    expect(mayBeStaffMember({ aadObjectId: "a", userRole: "guest", tenantId: HOST }, HOST)).toBe(false);
    expect(mayBeStaffMember({ aadObjectId: "a", userPrincipalName: guestUpn, tenantId: HOST }, HOST)).toBe(
      false,
    );
    expect(mayBeStaffMember({ aadObjectId: "a", userRole: "user", tenantId: "other" }, HOST)).toBe(false);
    expect(mayBeStaffMember({ userRole: "user" }, HOST)).toBe(false);
  });
});

describe("tenantAllowed", () => {
  it("should let a guest in by the host tenant, which is the tenant of the guest's activity", () => {
    expect(tenantAllowed(HOST, [HOST])).toBe(true);
    expect(tenantAllowed(HOST.toUpperCase(), [HOST])).toBe(true);
  });

  it("should refuse other tenants and a missing tenant, and allow anything with an empty list", () => {
    expect(tenantAllowed("33333333-3333-3333-3333-333333333333", [HOST])).toBe(false);
    expect(tenantAllowed(undefined, [HOST])).toBe(false);
    expect(tenantAllowed(undefined, [])).toBe(true);
  });
});

describe("matching a guest contact", () => {
  it("should match by the address from the member record, then by the guest's object id", () => {
    const report = {
      contact: { name: "Kari", email: "kari.nordmann@kommune.no" },
      coEditors: [],
    } as unknown as ReportDoc;
    const actor = {
      id: GUEST_ID,
      name: "Kari",
      guest: true,
      email: memberEmail({ userPrincipalName: guestUpn }),
    };
    expect(roleOf(actor, report, [])).toBe("contact");
    const withId = { ...report, contact: { ...report.contact, aadObjectId: GUEST_ID } } as ReportDoc;
    expect(roleOf({ id: GUEST_ID, name: "Kari", guest: true }, withId, [])).toBe("contact");
  });
});
