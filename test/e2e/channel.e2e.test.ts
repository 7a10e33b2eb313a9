/**
 * The county channel end to end: staff bind "My Team - General" with an @mention, choosing the
 * round on a card when there are two; a report submitted in Personal Chat appears there as a
 * summary thread, and "Les hele rapporteringen" shows it whole; "@bot status" counts it; "@bot
 * oversikt" gives one headline card whose section buttons bring that section's figures; "@bot
 * eksport" says the links went to Personal Chat and posts none in the channel (the personal message
 * itself is checked in test/bot/channel.int.test.ts). Screenshots in test-results/.
 */
import { writeFileSync } from "node:fs";
import { CosmosClient } from "@azure/cosmos";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { loadForms } from "../../src/questionnaire/form.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { Answer } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID, PLAYGROUND_USER } from "../../src/rounds/demo-seed.ts";
import { type PlaygroundPage, postWithMention } from "../support/browser.ts";
import { E2E_DATABASE, type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { plan2024 } from "./report-plans.ts";

const form = loadForms().get("dekom-2024-2025") as Form;

/**
 * Post a channel command and wait for its card. The Playground sometimes never draws the bot's
 * message that follows a typing indicator (README, platform quirks): the command is posted once more.
 */
async function askInChannel(pg: PlaygroundPage, command: string, card: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await pg.quiet();
    await postWithMention(pg, command);
    try {
      await card.waitFor({ timeout: 15_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

describe("the county channel in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    // Alex is county staff here as well as a contact person.
    // Typing off: the Playground loses the bot's message after a typing indicator (README, platform
    // quirks); the typing indicator is checked in test/bot/channel.int.test.ts.
    env = await startE2e({ env: { STAFF_AAD_IDS: PLAYGROUND_USER.aadObjectId, TYPING_INDICATOR: "off" } });
    // Every answer of "Vurdering for læring" is already saved; only review and submit remain.
    const answers: Record<string, Answer> = {};
    for (const [qid, step] of Object.entries(plan2024)) {
      if (step.stored)
        answers[qid] = {
          ...step.stored,
          by: { id: PLAYGROUND_USER.aadObjectId, name: "Alex Wilber" },
          at: "2026-01-05T10:00:00.000Z",
          rev: 1,
        };
    }
    const client = new CosmosClient({
      endpoint: env.cosmos.endpoint,
      key: env.cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const reports = client.database(E2E_DATABASE).container("reports");
    const { resource } = await reports.item("t-salten-vurdering", DEMO_ROUND_ID).read();
    await reports.items.upsert({ ...resource, answers, revision: 1 });
    // A second round Alex is staff of, so binding must ask which one.
    const rounds = client.database(E2E_DATABASE).container("rounds");
    const { resource: demo } = await rounds.item(DEMO_ROUND_ID, DEMO_ROUND_ID).read();
    await rounds.items.upsert({ ...demo, id: "nordland-2026", reportingYear: 2026 });
    client.dispose();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should post a summary thread for a submitted report and answer @bot status with the right counts", async () => {
    const pg = await env.newPage();
    onTestFailed(async () => {
      await pg.shot("test-results/channel-e2e-failed.png");
      writeFileSync("test-results/channel-e2e-bot.log", env.bot.output());
    });
    await pg.page
      .getByRole("treeitem", { name: /General/ })
      .first()
      .click();
    await pg.quiet();
    await postWithMention(pg, "bruk denne kanalen");
    const choice = pg.cardWith("Hvilken rapporteringsrunde skal kanalen brukes til?");
    await choice.waitFor();
    await pg.quiet();
    await pg.shot("test-results/channel-round-choice.png");
    await choice.getByRole("button", { name: "Bruk Nordland 2025" }).click();
    // The reply shows in the thread and (sometimes) in the channel list preview too.
    await pg.page
      .getByText(/Kanalen er nå koblet til rapporteringen Nordland 2025/)
      .first()
      .waitFor();

    await pg.page.getByRole("treeitem", { name: "Personal Chat" }).first().click();
    await pg.quiet();
    await pg.say("hei");
    let card = pg.cardWith("Vurdering for læring");
    await card.waitFor();
    await pg.quiet();
    await card.getByRole("button", { name: "Åpne «Vurdering for læring»" }).click();
    card = pg.cardWith(`Del ${form.sections.length} av ${form.sections.length}`);
    await card.waitFor();
    await pg.quiet();
    await card.getByRole("button", { name: "Lagre og se gjennom" }).click();
    card = pg.cardWith("Se gjennom og send inn");
    await card.waitFor();
    await pg.quiet();
    await card.getByRole("button", { name: "Send inn" }).click();
    await pg.cardWith("Rapporteringen er sendt inn").waitFor();

    await pg.page
      .getByRole("treeitem", { name: /General/ })
      .first()
      .click();
    const summary = pg.cardWith("Salten regionråd – Vurdering for læring");
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain("Mål for tiltaket:");
    expect(text).toContain("Tilskudd skoleeier: 1 300 000 kr");
    expect(text).toContain("Partner: Nord universitet");
    await pg.quiet();
    await pg.shot("test-results/channel-summary.png");

    await summary.getByRole("button", { name: "Les hele rapporteringen" }).click();
    const whole = pg.cardWith(/Hele rapporteringen/);
    await whole.waitFor();
    await pg.quiet();
    await whole.scrollIntoViewIfNeeded();
    await pg.shot("test-results/channel-whole-report.png");
    const wholeText = await pg.page
      .locator(".ac-adaptiveCard")
      .filter({ hasText: /Hele rapporteringen/ })
      .allInnerTexts();
    expect(wholeText.join("\n")).toContain("Salten regionråd – Vurdering for læring");
    expect(wholeText.join("\n")).toContain(form.sections.at(-1)?.questions.at(-1)?.text ?? "?");

    await pg.quiet();
    const status = pg.cardWith("av 3 levert");
    await askInChannel(pg, "status", status);
    expect(await status.innerText()).toContain("1 av 3 levert");
    expect(await status.innerText()).toContain("Lesing i alle fag"); // still missing, with its contact

    await pg.quiet();
    const overview = pg.cardWith("Tall per del av skjemaet");
    await askInChannel(pg, "oversikt", overview);
    const headline = await overview.innerText();
    expect(headline).toContain("Oversikt – Nordland 2025: 1 av 3 levert");
    expect(headline).toContain("Tilskudd skoleeier");
    expect(headline).not.toContain("items"); // no English from the charts
    await pg.quiet();
    await overview
      .getByRole("button", { name: "Egenfinansiering, tilskudd og periode", exact: true })
      .click();
    const section = pg.cardWith("Oversikt – Nordland 2025: Egenfinansiering, tilskudd og periode");
    await section.waitFor();
    const figures = await section.innerText();
    expect(figures).toContain("Standardavvik");
    expect(figures).toContain("1 300 000 kr"); // q13, the one submitted report's tilskudd skoleeier

    // Export links go to Personal Chat, not into the channel.
    await pg.quiet();
    await postWithMention(pg, "eksport");
    await pg.page
      .getByText(/sendt deg lenkene til eksporten i en personlig chat/)
      .first()
      .waitFor();
    expect(await pg.page.locator(".ac-adaptiveCard").filter({ hasText: "Last ned Excel" }).count()).toBe(0);
  });
});
