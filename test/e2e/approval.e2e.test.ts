/**
 * Approval before sending, end to end: the contact (Alex) asks a partner (Megan, in her own
 * Playground = another Teams user) by e-mail; Megan gets the read-only review in her chat, comments and
 * approves; Alex's review shows the approval, he sends, and the receipt and the report PDF (fetched
 * through the bot's signed link, read with pdftotext) list it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getForm, loadForms } from "../../src/questionnaire/form.ts";
import { answersRevision } from "../../src/reports/approvals.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { completeContents, stored } from "../src/reports/fixtures.ts";
import { type E2eEnv, startE2e } from "../support/e2e-env.ts";

const REPORT = "t-salten-vurdering";
const alex = { id: "00000000-0000-0000-0000-0000000000020", name: "Alex Wilber", email: "alexw@example.com" };
const COMMENT = "Ser bra ut – godkjent for Bodø kommune.";
const SHOTS = process.env.E2E_SHOTS_DIR;

describe("approval before sending in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should show a second user's approval on the contact's review, the receipt and the PDF", async () => {
    // Every answer given, so Alex can send; Megan (contact of another tiltak) has already met the bot.
    const form = getForm(loadForms(), "dekom-2024-2025");
    const report = await env.readReport(DEMO_ROUND_ID, REPORT);
    await env.upsertReport({ ...report, answers: stored(completeContents(form), alex, 1), revision: 1 });
    const megan = await env.openAs(1);
    await megan.say("hei");
    await megan.page
      .getByText(/Inkluderende læringsmiljø/)
      .first()
      .waitFor()
      .catch(async (err: unknown) => {
        await megan.shot("/tmp/h-approve-shots/megan-debug.png");
        throw err;
      });
    await megan.quiet();

    // Alex reviews and asks Megan.
    const pg = await env.newPage();
    await pg.say("hei");
    let card = pg.cardWith("Vurdering for læring");
    await card.waitFor();
    await pg.quiet();
    await card.getByRole("button", { name: "Åpne «Vurdering for læring»" }).click();
    card = pg.cardWith("Del 6 av 6");
    await card.waitFor();
    await pg.quiet();
    await card.getByRole("button", { name: /^Lagre og se gjennom/ }).click();
    card = pg.cardWith("Se gjennom og send inn");
    await card.waitFor();
    await pg.quiet();
    await card.getByRole("button", { name: "Godkjenning (0)" }).click();
    card = pg.cardWith("Ingen er bedt om å godkjenne ennå");
    await card.waitFor();
    await pg.quiet();
    await card.getByLabel("E-postadressen til den som skal godkjenne").fill("MeganB@example.com");
    await card.getByRole("button", { name: "Be om godkjenning" }).click();
    card = pg.cardWith("har fått rapporteringen i Teams");
    await card.waitFor();
    expect(await card.getByText(/Megan Bowen/).count()).toBeGreaterThan(0);
    expect(await card.getByText(/har ikke godkjent ennå/).count()).toBe(1);

    // Megan got the read-only review in her own chat: no «Endre», no «Send inn».
    const asked = megan.cardWith("Kontaktpersonen ber deg godkjenne");
    await asked.waitFor();
    await megan.quiet();
    expect(await asked.getByRole("button", { name: "Send inn" }).count()).toBe(0);
    expect(await asked.getByRole("button", { name: /^Endre del/ }).count()).toBe(0);
    if (SHOTS) {
      await asked.getByRole("button", { name: "Godkjenn" }).scrollIntoViewIfNeeded();
      await megan.page.screenshot({ path: join(SHOTS, "approver-review.png") });
    }
    await asked.getByLabel("Kommentar til kontaktpersonen (valgfritt)").fill(COMMENT);
    await asked.getByRole("button", { name: "Godkjenn" }).click();
    const thanks = megan.cardWith("Takk! Godkjenningen er registrert.");
    await thanks.waitFor();
    expect(
      await thanks
        .getByText(/Megan Bowen \(meganb@example\.com\) godkjente \d+\. \w+ \d{4} kl\. \d\d:\d\d/)
        .count(),
    ).toBe(1);
    const afterApproval = await env.readReport(DEMO_ROUND_ID, REPORT);
    expect(afterApproval.approvers?.[0]).toMatchObject({
      email: "meganb@example.com",
      aadObjectId: "00000000-0000-0000-0000-0000000000021",
      approved: { by: { name: "Megan Bowen" }, rev: answersRevision(afterApproval) },
      comment: { text: COMMENT },
    });
    expect(afterApproval.revision).toBe(1); // Alex's open review can still send

    // Alex back on the review: Megan's approval and comment, and sending.
    await pg.quiet();
    await card.getByRole("button", { name: "Tilbake til gjennomgangen" }).click();
    const review = pg.cardWith("godkjente");
    await review.waitFor();
    await pg.quiet();
    expect(await review.getByText(/Megan Bowen \(meganb@example\.com\) godkjente/).count()).toBe(1);
    expect(await review.getByText(COMMENT, { exact: false }).count()).toBe(1);
    expect(await review.getByText(/Ikke godkjent denne versjonen/).count()).toBe(0);
    if (SHOTS) {
      await review.getByText("Godkjenning", { exact: true }).scrollIntoViewIfNeeded();
      await pg.page.screenshot({ path: join(SHOTS, "review-with-approval.png") });
    }
    await review.getByRole("button", { name: "Send inn" }).click();
    const receipt = pg.cardWith("Rapporteringen er sendt inn");
    await receipt.waitFor();
    expect(await receipt.getByText(/Megan Bowen godkjente \d+\. \w+ \d{4} kl\. \d\d:\d\d/).count()).toBe(1);
    if (SHOTS) await pg.page.screenshot({ path: join(SHOTS, "receipt-with-approval.png") });

    // The PDF through the bot's own signed link lists the approval.
    await pg.quiet();
    await receipt.getByRole("button", { name: "Se innsendt rapportering" }).click();
    const submitted = pg.cardWith("Innsendt rapportering");
    await submitted.waitFor();
    await pg.quiet();
    await submitted.getByRole("button", { name: "Last ned som PDF" }).click();
    const link = pg.cardWith("PDF av rapporteringen");
    await link.waitFor();
    await pg.quiet();
    // The Playground opens an OpenUrl with window.open: catch the address instead of a new tab.
    await pg.page.evaluate(() => {
      const w = globalThis as unknown as { open: (u?: string | URL) => null; openedUrl?: string };
      w.open = (u) => {
        w.openedUrl = String(u);
        return null;
      };
    });
    await link.getByText("Last ned PDF", { exact: true }).click();
    await pg.page.waitForFunction(
      () => (globalThis as unknown as { openedUrl?: string }).openedUrl !== undefined,
    );
    const url = await pg.page.evaluate(() =>
      String((globalThis as unknown as { openedUrl?: string }).openedUrl),
    );
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), "approval-pdf-")), "r.pdf");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      " ",
    );
    expect(text).toContain("Godkjenning i partnerskapet");
    expect(text).toMatch(/Megan Bowen \(meganb@example\.com\): godkjent \d+\. \w+ \d{4} kl\. \d\d:\d\d/);
    expect(text).toContain(COMMENT);
  });
});
