/**
 * Co-editing end to end: the contact invites a partner by e-mail; the partner, in their own
 * Playground (another Teams user), fills in a section; the contact's review shows the partner's name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { type E2eEnv, startE2e } from "../support/e2e-env.ts";

describe("co-editors in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should let an invited partner fill in, and show their name in the contact's review", async () => {
    // Alex (contact) invites Megan.
    const alex = await env.newPage();
    await alex.say("hei");
    let card = alex.cardWith("Vurdering for læring");
    await card.waitFor();
    await alex.quiet();
    await card.getByRole("button", { name: "Medredaktører (0)" }).last().click();
    card = alex.cardWith("Ingen er invitert ennå");
    await card.waitFor();
    await alex.quiet();
    await card.getByLabel("E-postadressen til den du vil invitere").fill("Megan@");
    await card.getByRole("button", { name: "Inviter" }).click();
    card = alex.cardWith("Skriv en gyldig e-postadresse");
    await card.waitFor();
    await alex.quiet();
    expect(await card.getByLabel("E-postadressen til den du vil invitere").inputValue()).toBe("Megan@");
    await card.getByLabel("E-postadressen til den du vil invitere").fill("MeganB@example.com");
    await card.getByRole("button", { name: "Inviter" }).click();
    await alex.cardWith("meganb@example.com er invitert").waitFor();
    expect((await env.readReport(DEMO_ROUND_ID, "t-salten-vurdering")).coEditors.map((e) => e.email)).toEqual(
      ["meganb@example.com"],
    );

    // Megan, in her own Teams client, sees the report as co-editor and answers section 1.
    const megan = await env.openAs(1);
    await megan.say("hei");
    card = megan.cardWith("du er medredaktør");
    await card.waitFor();
    await megan.quiet();
    expect(await card.getByRole("button", { name: /^Medredaktører/ }).count()).toBe(1); // only for her own tiltak
    await card.getByRole("button", { name: "Åpne «Vurdering for læring»" }).click();
    card = megan.cardWith("Del 1 av 6 – Kontaktinformasjon");
    await card.waitFor();
    await megan.quiet();
    await card.getByLabel(/^Oppgi navn til kontaktperson/).fill("Megan Bowen");
    await card.getByLabel(/^Kontaktpersonens telefonnummer/).fill("92345678");
    await card.getByRole("button", { name: "Lagre og ta pause" }).click();
    await megan.cardWith("Svarene er lagret").waitFor();

    // Alex reviews: Megan's answers carry her name.
    await alex.say("hei");
    card = alex.cardWith("Medredaktører (1)");
    await card.waitFor();
    await alex.quiet();
    await card.getByRole("button", { name: "Åpne «Vurdering for læring»" }).click();
    // Section 1 is complete (Megan answered it), so the report opens where work remains.
    card = alex.cardWith("Del 2 av 6 – Partnerskap og deltakelse");
    await card.waitFor();
    await alex.quiet();
    await card.getByRole("button", { name: "Lagre og se gjennom alt" }).click();
    const review = alex.cardWith("Se gjennom og send inn");
    await review.waitFor();
    expect(await review.getByText("Megan Bowen", { exact: true }).count()).toBe(1);
    // Only Megan has edited so far: «Sist endret av» appears only when more than one person has (issue 12).
    expect(await review.getByText(/^Sist endret av/).count()).toBe(0);
    // Not complete yet, so no "Send inn" for anyone.
    expect(await review.getByRole("button", { name: "Send inn" }).count()).toBe(0);

    const stored = await env.readReport(DEMO_ROUND_ID, "t-salten-vurdering");
    expect(stored.answers.q01?.by.name).toBe("Megan Bowen");
    expect(stored.answers.q03?.value).toBe("+4792345678");
  });

  it("should keep Megan's saved phone on Alex's card when Alex saves the page he had open", async () => {
    // Megan is a co-editor of «Lesing i alle fag» too.
    const report = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    await env.upsertReport({
      ...report,
      coEditors: [
        { email: "meganb@example.com", invitedAt: report.createdAt, invitedBy: report.contact.name },
      ],
    });
    // Alex opens Del 1: the phone from the import is filled in.
    const alex = await env.newPage();
    await alex.say("hei");
    let card = alex.cardWith("Lesing i alle fag");
    await card.waitFor();
    await alex.quiet();
    await card.getByRole("button", { name: "Åpne «Lesing i alle fag»" }).click();
    const alexCard = alex.cardWith("Del 1 av 6 – Kontaktinformasjon");
    await alexCard.waitFor();
    await alex.quiet();
    expect(await alexCard.getByLabel(/^Kontaktpersonens telefonnummer/).inputValue()).toBe("912 34 567");

    // Meanwhile Megan saves another phone number in Del 1.
    const megan = await env.openAs(1);
    await megan.say("hei");
    card = megan.cardWith("Åpne «Lesing i alle fag»");
    await card.waitFor();
    await megan.quiet();
    await card.getByRole("button", { name: "Åpne «Lesing i alle fag»" }).click();
    card = megan.cardWith("Del 1 av 6 – Kontaktinformasjon");
    await card.waitFor();
    await megan.quiet();
    await card.getByLabel(/^Kontaktpersonens telefonnummer/).fill("923 45 678");
    await card.getByRole("button", { name: "Lagre og ta pause" }).click();
    await megan.cardWith("Svarene er lagret").waitFor();

    // Alex, who never touched the phone, changes the workplace and saves the card he had open.
    await alexCard.getByLabel(/^Kontaktpersonens arbeidssted/).fill("Salten regionråd, Bodø");
    await alexCard.getByRole("button", { name: "Lagre og ta pause" }).click();
    const after = alex.cardWith("Svarene er lagret");
    await after.waitFor();
    await alex.quiet();
    expect(await after.getByLabel(/^Kontaktpersonens telefonnummer/).inputValue()).toBe("923 45 678");
    expect(await after.getByLabel(/^Kontaktpersonens arbeidssted/).inputValue()).toBe(
      "Salten regionråd, Bodø",
    );
    expect(await after.getByText(/^Sist endret av Megan Bowen/).count()).toBeGreaterThan(0);
    expect(await after.getByText("Dette spørsmålet må besvares.").count()).toBe(0);

    const stored = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    expect(stored.answers.q03).toMatchObject({ value: "+4792345678", by: { name: "Megan Bowen" } });
    expect(stored.answers.q02).toMatchObject({
      value: "Salten regionråd, Bodø",
      by: { name: "Alex Wilber" },
    });
    expect(stored.answers.q01?.value).toBe("Alex Wilber");
  });
});
