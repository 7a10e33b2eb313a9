/**
 * Approval before sending over HTTP in nynorsk, against the real app and the local Cosmos server: a
 * contact whose partnership's målform is nynorsk gets the list of approvers, its notices and the rules'
 * validation messages in nynorsk; the same flow for a bokmål partnership stays bokmål.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form2024, makeReport } from "../src/reports/fixtures.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";

const kari = { id: "29:kari", aadObjectId: "aad-contact", name: "Kari Kontakt" };
const ROUND = "round-2025";

describe("approvals in nynorsk over HTTP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { SEED_DEMO: "false" } });
    const base = makeReport(form2024, { roundId: ROUND });
    await h.running.app.repos.reports.upsert(
      makeReport(form2024, {
        id: "r-nn",
        roundId: ROUND,
        partnership: { ...base.partnership, malform: "nn" },
      }),
    );
    await h.running.app.repos.reports.upsert(makeReport(form2024, { id: "r-nb", roundId: ROUND }));
  });
  afterAll(async () => {
    await h?.close();
  });
  const body = async (verb: string, data: Record<string, unknown>) =>
    JSON.stringify((await h.execute(kari, verb, data)).body);

  it("should show the list, refuse a bad address and confirm a request in nynorsk", async () => {
    const ref = { roundId: ROUND, reportId: "r-nn" };
    expect(await body("approvals.show", ref)).toContain("Ingen er bedne om å godkjenne enno.");
    expect(await body("approvals.request", { ...ref, approverEmail: "ikkje-ei-adresse" })).toContain(
      "Skriv ei gyldig e-postadresse, til dømes kari.nordmann@kommune.no.",
    );
    const asked = await body("approvals.request", { ...ref, approverEmail: "megan@example.com" });
    expect(asked).toMatch(/megan@example\.com er beden om å godkjenne/);
    expect(await body("approvals.remove", { ...ref, email: "megan@example.com" })).toContain(
      "megan@example.com er ikkje lenger beden om å godkjenne.",
    );
  });

  it("should keep bokmål for a bokmål partnership", async () => {
    const ref = { roundId: ROUND, reportId: "r-nb" };
    expect(await body("approvals.show", ref)).toContain("Ingen er bedt om å godkjenne ennå.");
    expect(await body("approvals.request", { ...ref, approverEmail: "ikke-en-adresse" })).toContain(
      "Skriv en gyldig e-postadresse, for eksempel kari.nordmann@kommune.no.",
    );
  });
});
