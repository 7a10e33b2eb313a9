/**
 * Authorization on the server for every message and card action, through the real bot on a real
 * HTTP port: forged ids in card data, someone else's report, staff-only actions, other tenants.
 * Every refusal must leave the stored report untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDoc } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { type Harness, startHarness, TENANT, type TestUser } from "../support/bot-harness.ts";

const alex: TestUser = {
  id: "user-id-0",
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  name: "Alex Wilber",
};
const megan: TestUser = {
  id: "user-id-1",
  aadObjectId: "00000000-0000-0000-0000-0000000000021",
  name: "Megan Bowen",
};
const staff: TestUser = {
  id: "user-id-9",
  aadObjectId: "00000000-0000-0000-0000-0000000000099",
  name: "Siri Saksbehandler",
};
const outsider: TestUser = { ...megan, tenantId: "99999999-9999-9999-9999-999999999999" };

const LESING = { roundId: DEMO_ROUND_ID, reportId: "t-salten-lesing" };

describe("authorization at the bot's edge", () => {
  let h: Harness;
  const read = async (reportId = LESING.reportId): Promise<ReportDoc> => {
    const found = await h.running.app.repos.reports.get(DEMO_ROUND_ID, reportId);
    if (found === undefined) throw new Error("missing");
    return found.doc;
  };
  const text = (r: { body: unknown }) => JSON.stringify(r.body);

  beforeAll(async () => {
    h = await startHarness({ env: { ALLOWED_TENANT_IDS: TENANT, STAFF_AAD_IDS: staff.aadObjectId } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("should let the contact save her own report (the baseline the refusals are measured against)", async () => {
    const r = await h.execute(alex, "section.save", {
      ...LESING,
      sectionId: "s1",
      revision: 0,
      nav: "pause",
      q01: "Alex Wilber",
    });
    expect(r.status).toBe(200);
    expect(text(r)).toContain("Svarene er lagret");
    expect((await read()).answers.q01?.value).toBe("Alex Wilber");
  });

  it("should refuse a save to another tiltak's report id put into the card data", async () => {
    const before = await read();
    const r = await h.execute(megan, "section.save", {
      ...LESING,
      sectionId: "s1",
      revision: 9,
      nav: "pause",
      q01: "X",
    });
    expect(text(r)).toContain("Du har ikke tilgang");
    expect(await read()).toEqual(before);
  });

  it("should refuse an unknown report id and a malformed payload without writing", async () => {
    const before = await read();
    expect(
      text(
        await h.execute(alex, "section.save", {
          ...LESING,
          reportId: "nope",
          sectionId: "s1",
          revision: 0,
          nav: "next",
        }),
      ),
    ).toContain("finner ikke");
    expect(
      text(await h.execute(alex, "section.save", { ...LESING, sectionId: "s1", revision: "x", nav: "next" })),
    ).toContain("forstod ikke");
    expect(text(await h.execute(alex, "no.such.verb", { ...LESING }))).toContain("forstod ikke");
    expect(
      text(
        await h.execute(alex, "section.save", {
          ...LESING,
          sectionId: "s1",
          revision: 1,
          nav: "pause",
          q99: "x",
        }),
      ),
    ).toContain("ingenting ble lagret");
    expect(
      text(
        await h.execute(alex, "section.save", {
          ...LESING,
          sectionId: "s1",
          revision: 1,
          nav: "pause",
          q01: 42,
        }),
      ),
    ).toContain("ingenting ble lagret");
    expect(await read()).toEqual(before);
  });

  it("should refuse co-editor management by someone who is not the contact", async () => {
    const before = await read();
    const r = await h.execute(megan, "coeditors.invite", { ...LESING, inviteEmail: "meganb@example.com" });
    expect(text(r)).toContain("Bare kontaktpersonen");
    const r2 = await h.execute(megan, "coeditors.remove", { ...LESING, email: "alexw@example.com" });
    expect(text(r2)).toContain("Bare kontaktpersonen");
    expect(await read()).toEqual(before);
  });

  it("should let only the contact choose whether co-editors get reminders too", async () => {
    const refused = await h.execute(megan, "coeditors.reminders", { ...LESING, include: "true" });
    expect(text(refused)).toContain("Bare kontaktpersonen");
    expect(await h.running.app.reminders.includesCoEditors(await read())).toBe(false);
    const ok = await h.execute(alex, "coeditors.reminders", { ...LESING, include: "true" });
    expect(text(ok)).toContain("Medredaktørene får også påminnelsene");
    expect(await h.running.app.reminders.includesCoEditors(await read())).toBe(true);
  });

  it("should refuse staff-only actions by a contact person", async () => {
    await h.running.app.repos.reports.updateWithRetry(DEMO_ROUND_ID, "t-salten-vurdering", (d) => ({
      ...d,
      status: "submitted",
      submittedAt: "2026-01-10T10:00:00.000Z",
      revision: d.revision + 1,
    }));
    const before = await read("t-salten-vurdering");
    expect(text(await h.execute(alex, "staff.reports", { roundId: DEMO_ROUND_ID }))).toContain(
      "bare for Statsforvalterens",
    );
    const r = await h.execute(alex, "report.reopen", {
      roundId: DEMO_ROUND_ID,
      reportId: "t-salten-vurdering",
      revision: before.revision,
      reopenReason: "Jeg vil endre noe",
    });
    expect(text(r)).toContain("bare for Statsforvalterens");
    expect(await read("t-salten-vurdering")).toEqual(before);
  });

  it("should let staff reopen a submitted report with a reason and tell the contact in chat", async () => {
    await h.message(alex, "hei"); // Alex's conversation is now known to the bot
    const before = await read("t-salten-vurdering");
    const ref = { roundId: DEMO_ROUND_ID, reportId: "t-salten-vurdering", revision: before.revision };
    const list = await h.execute(staff, "staff.reports", { roundId: DEMO_ROUND_ID });
    expect(text(list)).toContain("1 av 3 levert");
    expect(text(await h.execute(staff, "report.reopen", { ...ref, reopenReason: "kort" }))).toContain(
      "Skriv en begrunnelse",
    );
    expect((await read("t-salten-vurdering")).status).toBe("submitted");
    const mark = h.connector.calls().length;
    const r = await h.execute(staff, "report.reopen", { ...ref, reopenReason: "Beløpene i del 3 mangler." });
    expect(text(r)).toContain("kontaktpersonen har fått beskjed");
    const after = await read("t-salten-vurdering");
    expect(after.status).toBe("draft");
    expect(after.reopened?.reason).toBe("Beløpene i del 3 mangler.");
    expect(h.sentTexts(mark).join()).toContain("Beløpene i del 3 mangler.");
  });

  it("should refuse activities from a tenant outside the allow-list, with no write", async () => {
    const before = await read();
    const msg = await h.message(outsider, "hei");
    expect(msg.status).toBe(200);
    const inv = await h.execute(outsider, "section.save", {
      ...LESING,
      sectionId: "s1",
      revision: 1,
      nav: "pause",
      q01: "Y",
    });
    expect(inv.status).toBe(403); // the invoke response's status is the HTTP status
    expect(text(inv)).not.toContain("lagret");
    expect(await read()).toEqual(before);
    expect(h.sentTexts().join()).toContain("ikke tilgjengelig for organisasjonen din");
  });
});
