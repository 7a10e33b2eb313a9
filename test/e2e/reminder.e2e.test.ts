/**
 * A reminder end to end: with the clock set 7 days before the deadline, the job sends the contact a
 * reminder in Personal Chat, and its button opens the right report at the first unanswered section.
 */
import { CosmosClient } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID, PLAYGROUND_USER } from "../../src/rounds/demo-seed.ts";
import { E2E_DATABASE, type E2eEnv, startE2e } from "../support/e2e-env.ts";

const SECRET = "e2e-jobs-secret-0123456789";

describe("reminders in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    // The demo deadline is Thursday 15 January 2026 23:59 Oslo; 7 days before, 09:30 Oslo.
    env = await startE2e({
      env: { CLOCK_NOW: "2026-01-08T08:30:00.000Z", JOBS_SECRET: SECRET, SCHEDULES: "off" },
    });
    // Section 1 of "Lesing i alle fag" is answered, so the reminder should lead to section 2.
    const client = new CosmosClient({
      endpoint: env.cosmos.endpoint,
      key: env.cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const reports = client.database(E2E_DATABASE).container("reports");
    const { resource } = await reports.item("t-salten-lesing", DEMO_ROUND_ID).read();
    const by = { id: PLAYGROUND_USER.aadObjectId, name: "Alex Wilber" };
    const at = "2026-01-05T10:00:00.000Z";
    await reports.items.upsert({
      ...resource,
      revision: 1,
      answers: {
        q01: { value: "Alex Wilber", by, at, rev: 1 },
        q03: { value: "+4791234567", by, at, rev: 1 },
      },
    });
    client.dispose();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should deliver the 7-day reminder and open the report at the first unanswered section", async () => {
    const pg = await env.newPage();
    await pg.say("hei"); // the bot now knows where to reach Alex
    await pg.cardWith("Lesing i alle fag").waitFor();
    await pg.quiet();

    const res = await fetch(`${env.bot.url}/api/jobs/reminders?wait=1`, {
      method: "POST",
      headers: { "x-jobs-secret": SECRET },
    });
    expect(res.status).toBe(200);
    // Alex is the contact of two unsubmitted reports in the demo round; Megan has no conversation.
    expect(((await res.json()) as { summary: { sent: number } }).summary.sent).toBe(2);
    const reminder = pg.cardWith(/Lesing i alle fag[\s\S]*Fortsett der du slapp/);
    await reminder.waitFor();
    const text = await reminder.innerText();
    expect(text).toContain("torsdag 15. januar");
    expect(text).toContain("7 dager");
    expect(text).toContain("1 av 6 deler besvart");
    await pg.quiet();
    await reminder.getByRole("button", { name: "Fortsett der du slapp" }).click();
    await pg.cardWith("Del 2 av 6 – Partnerskap og deltakelse").waitFor();

    // A second run at the same moment sends nothing new (exactly once).
    const again = await fetch(`${env.bot.url}/api/jobs/reminders?wait=1`, {
      method: "POST",
      headers: { "x-jobs-secret": SECRET },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { summary: { sent: number } }).summary.sent).toBe(0);
  });
});
