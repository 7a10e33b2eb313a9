/**
 * The round import in Teams, end to end on real parts: a staff member sends a round .xlsx with one bad
 * row (through the Playground's custom-activity endpoint, as Teams delivers a file; see
 * test/support/playground-files.ts), sees the row error with row and column, sends the fixed file, sees
 * the dry run, presses "Importer", and the tiltak are in Cosmos.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { row, xlsx } from "../src/rounds/fixtures.ts";
import { type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { type FileServer, sendFileActivity, startFileServer } from "../support/playground-files.ts";

/** Alex Wilber, the Playground's current user, is county staff here. */
const ALEX_AAD = "00000000-0000-0000-0000-0000000000020";
const troms = (overrides: Parameters<typeof row>[0] = {}) =>
  row({ fylke: "Troms", partnerskap: "Nord-Troms regionråd", ...overrides });

describe("round import from a spreadsheet in the Agents Playground", () => {
  let env: E2eEnv;
  let files: FileServer;
  beforeAll(async () => {
    env = await startE2e({ env: { STAFF_AAD_IDS: ALEX_AAD } });
    files = await startFileServer();
  });
  afterAll(async () => {
    await files?.close();
    await env?.close();
  });

  it("shows the bad row, then imports the fixed file", async () => {
    const pg = await env.newPage();
    const good = [troms({ tiltak: "Lesing", saksnummer: "2025/501" })];
    const bad = [...good, troms({ tiltak: "Regning", saksnummer: "2025/502", epost: "ola@" })];
    await sendFileActivity(env.playground.url, {
      name: "troms.xlsx",
      url: files.put("troms-1.xlsx", await xlsx(bad)),
    });
    const errors = pg.cardWith("Rad 3, kolonne «epost»");
    await errors.waitFor();
    expect(await errors.innerText()).toContain("«ola@» er ikke en gyldig e-postadresse.");
    expect(await errors.getByRole("button", { name: "Importer" }).count()).toBe(0);

    await pg.quiet();
    const fixed = [...good, troms({ tiltak: "Regning", saksnummer: "2025/502", epost: "ola@example.com" })];
    await sendFileActivity(env.playground.url, {
      name: "troms.xlsx",
      url: files.put("troms-2.xlsx", await xlsx(fixed)),
    });
    const plan = pg.cardWith("Nye: 2");
    await plan.waitFor();
    const planText = await plan.innerText();
    expect(planText).toContain("Nord-Troms regionråd – Regning");
    // Staff know a tiltak by its case number; our ids (t-2025-502, troms-2025) are not shown.
    expect(planText).toContain("+ Ny: Nord-Troms regionråd – Regning (saksnr. 2025/502)");
    expect(planText).not.toMatch(/t-2025-50\d|troms-2025|dekom-2024-2025/);
    await pg.quiet();
    await plan.getByRole("button", { name: "Importer" }).click();
    await pg.cardWith("Import fullført").waitFor();

    const report = await env.readReport("troms-2025", "t-2025-502");
    expect(report.contact.email).toBe("ola@example.com");
    expect(report.tiltak.name).toBe("Regning");
  });
});
