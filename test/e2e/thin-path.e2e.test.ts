/**
 * The walking skeleton, end to end on real parts: "hei" -> welcome card -> first section ->
 * submit -> validated and saved in Cosmos -> next section.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { type E2eEnv, startE2e } from "../support/e2e-env.ts";

describe("thin path in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should save the first section's answers to Cosmos and show the next section", async () => {
    const pg = await env.newPage();
    await pg.say("hei");
    const welcome = pg.cardWith("Lesing i alle fag");
    await welcome.waitFor();
    expect(await welcome.getByText("Vurdering for læring", { exact: true }).count()).toBe(1);
    // The Playground user is not the contact of the third (Helgeland) tiltak.
    expect(await pg.page.getByText("Inkluderende læringsmiljø").count()).toBe(0);

    await pg.quiet();
    await welcome.getByRole("button", { name: "Åpne «Lesing i alle fag»" }).click();
    const section = pg.cardWith("Del 1 av 6 – Kontaktinformasjon");
    await section.waitFor();
    await pg.quiet();
    await section.getByLabel("Oppgi navn til kontaktperson for denne rapporteringen").fill("Alex Wilber");
    await section.getByLabel("Kontaktpersonens arbeidssted (virksomhet)").fill("Salten regionråd");
    await section.getByLabel("Kontaktpersonens telefonnummer").fill("+47 912 34 567");
    await section.getByRole("button", { name: "Lagre og fortsett" }).click();
    await pg.cardWith("Del 2 av 6 – Partnerskap og deltakelse").waitFor();

    const report = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    expect(report.answers.q01?.value).toBe("Alex Wilber");
    expect(report.answers.q02?.value).toBe("Salten regionråd");
    expect(report.answers.q03?.value).toBe("+4791234567");
    expect(report.answers.q01?.by.name).toBe("Alex Wilber");
    expect(report.revision).toBe(1);
  });
});
