/**
 * The contact's conversation in the Agents Playground (real bot process, real Playground, Chromium,
 * local Cosmos server): plain questions answered in chat, a sentence the bot does not understand gets
 * one short line and no report card, and plausibility warnings on the review are confirmed and stored.
 * The clock is fixed (CLOCK_NOW) so the deadline line is known: 1 December 2025, 45 days before the
 * demo round's deadline (Thursday 15 January 2026 23:59).
 */
import { mkdirSync } from "node:fs";
import { CosmosClient } from "@azure/cosmos";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getForm, loadForms } from "../../src/questionnaire/form.ts";
import { NO_COORDINATOR } from "../../src/reports/plausibility.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { completeContents, stored } from "../src/reports/fixtures.ts";
import { E2E_DATABASE, type E2eEnv, startE2e } from "../support/e2e-env.ts";

/** Set E2E_SHOTS_DIR to keep screenshots of the cards this test sees (to look at them). */
const SHOTS = process.env.E2E_SHOTS_DIR;
/** A screenshot of one card, whole (the chat scrolls, so the page is made tall enough first). */
async function shotOf(card: Locator, name: string): Promise<void> {
  if (!SHOTS) return;
  const page = card.page();
  const box = await card.boundingBox();
  await page.setViewportSize({ width: 1300, height: Math.min(8000, Math.ceil((box?.height ?? 900) + 400)) });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1300, height: 1000 });
}
const form = getForm(loadForms(), "dekom-2024-2025");

describe("the conversation in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e({ env: { CLOCK_NOW: "2025-12-01T10:00:00.000Z" } });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should answer «når er fristen?» with the date and the days left, and a random sentence with one short line", async () => {
    const pg = await env.newPage();
    await pg.say("når er fristen?");
    const answer = pg.page
      .locator("p")
      .filter({ hasText: "Frist torsdag 15. januar 2026 kl. 23.59 – 45 dager igjen" });
    await answer.first().waitFor();
    await pg.page.getByText("«Lesing i alle fag» er ikke sendt inn ennå.").first().waitFor();
    await pg.quiet();
    const cardsBefore = await pg.page.locator(".ac-adaptiveCard").count();

    await pg.say("Jeg liker kaffe og boller på fredager");
    const reply = pg.cardWith("Jeg forstod ikke «Jeg liker kaffe og boller på fredager».");
    await reply.waitFor();
    await pg.quiet();
    // One new card: the short line with buttons, no inputs; never a report or welcome card.
    expect(await pg.page.locator(".ac-adaptiveCard").count()).toBe(cardsBefore + 1);
    expect(await reply.locator("input, textarea, select").count()).toBe(0);
    expect(await reply.getByRole("button", { name: "Mine tiltak" }).count()).toBe(1);
    expect(await pg.page.getByText(/Del \d av \d/).count()).toBe(0);
    await shotOf(reply, "not-understood");
    if (SHOTS) await pg.shot(`${SHOTS}/chat-questions.png`);
  });

  it("should show two plausibility warnings on the review and store both confirmations", async () => {
    // A complete report whose answers trip two rules: a UH grant with no UH named, and "no
    // coordinator function" ticked together with a reason for one. Written straight through the SDK.
    const contents = completeContents(form);
    const reason = form.sections[2]?.questions.find((q) => q.id === "q12")?.options?.[0]?.id as string;
    contents.q12 = { value: [reason, NO_COORDINATOR] };
    contents.q09 = { value: "-" };
    contents.q14 = { value: 80_000 };
    const client = new CosmosClient({
      endpoint: env.cosmos.endpoint,
      key: env.cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const item = client.database(E2E_DATABASE).container("reports").item("t-salten-lesing", DEMO_ROUND_ID);
    const { resource } = await item.read<ReportDoc>();
    if (resource === undefined) throw new Error("demo report missing");
    const who = {
      id: resource.contact.aadObjectId ?? "x",
      name: resource.contact.name,
      email: resource.contact.email,
    };
    await item.replace({
      ...resource,
      answers: stored(contents, who, resource.revision + 1),
      revision: resource.revision + 1,
    });
    client.dispose();

    const pg = await env.newPage();
    await pg.say("hei");
    const welcome = pg.cardWith("Lesing i alle fag");
    await welcome.waitFor();
    await welcome.getByText("Frist torsdag 15. januar 2026 kl. 23.59 – 45 dager igjen").waitFor();
    await shotOf(welcome, "welcome");
    await pg.quiet();
    await welcome.getByRole("button", { name: "Åpne «Lesing i alle fag»" }).click();
    const section = pg.cardWith(/Del \d av 6/);
    await section.waitFor();
    await pg.quiet();
    await section
      .getByRole("button", { name: /se gjennom/ })
      .first()
      .click();
    const review = pg.cardWith("Sjekk disse svarene");
    await review.waitFor();
    await review.getByText("Frist torsdag 15. januar 2026 kl. 23.59 – 45 dager igjen").waitFor();
    await pg.quiet();
    await shotOf(review, "review-warnings");
    expect(await review.getByRole("button", { name: "Stemmer" }).count()).toBe(2);
    expect(await review.getByRole("button", { name: "Send inn" }).count()).toBe(1);

    for (const left of [1, 0]) {
      await pg.cardWith("Sjekk disse svarene").getByRole("button", { name: "Stemmer" }).first().click();
      await expect
        .poll(
          async () => pg.cardWith("Sjekk disse svarene").getByRole("button", { name: "Stemmer" }).count(),
          { timeout: 20_000 },
        )
        .toBe(left);
      await pg.quiet();
    }
    const done = pg.cardWith("Sjekk disse svarene");
    expect(await done.getByText("Bekreftet av Alex Wilber").count()).toBe(2);
    await shotOf(done, "review-confirmed");
    const report = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    expect(Object.keys(report.plausibility ?? {}).sort()).toEqual([
      "no-coordinator-with-reasons",
      "uh-grant-no-uh",
    ]);
    expect(report.plausibility?.["uh-grant-no-uh"]?.by.name).toBe("Alex Wilber");

    // Warnings never block: send it. The receipt's reference is the round's first number, and the
    // date line ("1. desember 2025 kl. 11:00") is plain text, not a Markdown numbered list.
    await done.getByRole("button", { name: "Send inn" }).click();
    const receipt = pg.cardWith("Rapporteringen er sendt inn");
    await receipt.waitFor();
    await receipt.getByText("DEKOM-2025-0001").waitFor();
    await pg.quiet();
    expect(await receipt.getByText("1. desember 2025 kl. 11:00").count()).toBe(1);
    expect(await receipt.locator("ol, li").count()).toBe(0);
    await shotOf(receipt, "receipt");
    expect((await env.readReport(DEMO_ROUND_ID, "t-salten-lesing")).receipt).toBe("DEKOM-2025-0001");
  });
});
