/**
 * The whole report in chat, end to end on real parts: both official forms from "hei" to the
 * receipt, with a bad value of every answer type corrected on the spot, a kill -9 of the bot
 * in the middle, and every answer read back from Cosmos through the SDK.
 */
import { CosmosClient } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionHeading } from "../../cards/report-section.ts";
import { loadForms } from "../../src/questionnaire/form.ts";
import { formPages, type Page } from "../../src/questionnaire/pages.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID, PLAYGROUND_USER } from "../../src/rounds/demo-seed.ts";
import type { PlaygroundPage } from "../support/browser.ts";
import { E2E_DATABASE, type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { checkedOptions, fillQuestion, inputCount, occurrences, textValue } from "../support/form-filler.ts";
import { seedLastYear } from "./last-year.ts";
import { plan2021, plan2024, type Step } from "./report-plans.ts";

const forms = loadForms();
const form2024 = forms.get("dekom-2024-2025") as Form;
const form2021 = forms.get("dekom-skole-2021") as Form;

const REPORT_2021: ReportDoc = {
  id: "t-rana-lesing-2021",
  roundId: "nordland-2021",
  formId: "dekom-skole-2021",
  partnership: { id: "p-rana", name: "Rana kommune", category: "Kommune", sector: "Offentlig" },
  tiltak: { id: "t-rana-lesing-2021", name: "Leseløftet i Rana", caseNumber: "2021/4711" },
  contact: {
    name: PLAYGROUND_USER.name,
    email: PLAYGROUND_USER.email,
    aadObjectId: PLAYGROUND_USER.aadObjectId,
  },
  coEditors: [],
  status: "draft",
  revision: 0,
  answers: {},
  createdAt: "2021-11-01T08:00:00.000Z",
  updatedAt: "2021-11-01T08:00:00.000Z",
};

/** Where the e2e tests keep card screenshots, when E2E_SHOTS names a folder. */
const SHOTS = process.env.E2E_SHOTS;

/**
 * Answer every page of the open report from flat page `from` on, bad values first where the plan has
 * them. On every card: at most 10 inputs, each question's text once, pre-filled values shown.
 */
async function answerPages(
  pg: PlaygroundPage,
  form: Form,
  plan: Record<string, Step>,
  from: number,
  afterPage?: (index: number) => Promise<void>,
): Promise<void> {
  const pages = formPages(form).flat();
  for (let i = from; i < pages.length; i++) {
    const page = pages[i] as Page;
    const heading = sectionHeading(form, page.sectionIndex, page.index);
    let card = pg.cardWith(heading);
    await card.waitFor();
    await pg.quiet();
    if (SHOTS) await card.screenshot({ path: `${SHOTS}/${form.id}-${i + 1}.png` });
    expect(await inputCount(card), heading).toBeLessThanOrEqual(10);
    const steps = page.questions.map((q) => ({ q, step: plan[q.id] as Step }));
    for (const { q, step } of steps) {
      expect(await occurrences(card, q.text), `${q.id} shown once`).toBe(1);
      if (typeof step.prefilled === "string") expect(await textValue(card, q), q.id).toBe(step.prefilled);
      if (Array.isArray(step.prefilled)) expect(await checkedOptions(card, q), q.id).toEqual(step.prefilled);
    }
    // Last year's answers to questions that rarely change are offered, marked for checking.
    if (steps.some(({ q, step }) => q.carryOver && step.prefilled !== undefined))
      expect(await card.getByText("Fra fjorårets rapportering – sjekk.").count()).toBeGreaterThan(0);
    for (const { q, step } of steps) if (!step.keep) await fillQuestion(card, q, step.bad ?? step.good);
    const button = i === pages.length - 1 ? "Lagre og se gjennom" : "Lagre og fortsett";
    await card.getByRole("button", { name: button }).click();

    const bad = steps.filter(({ step }) => step.bad !== undefined);
    if (bad.length > 0) {
      card = pg.cardWith("Noen svar må rettes");
      await card.waitFor().catch(async (err) => {
        await pg.shot(`test-results/${form.id}-page-${i + 1}-errors.png`);
        console.error(await pg.lastCard().innerText());
        throw err;
      });
      await pg.quiet();
      if (SHOTS) await card.screenshot({ path: `${SHOTS}/${form.id}-${i + 1}-errors.png` });
      for (const { step } of bad)
        expect(await card.getByText(step.badMessage as string).count()).toBeGreaterThan(0);
      // The banner names the questions to fix by their short names.
      const banner = await card.getByText(/^Sjekk: /).innerText();
      for (const { q } of bad) expect(banner.split(/: |, /), q.id).toContain(q.shortLabel);
      // Nothing the person typed is lost: a good text answer is still in its field.
      const kept = steps.find(
        ({ q, step }) => step.bad === undefined && !step.keep && step.good.text && q.type !== "longtext",
      );
      if (kept) expect(await textValue(card, kept.q)).toBe(kept.step.good.text);
      for (const { q, step } of bad) await fillQuestion(card, q, step.good);
      await card.getByRole("button", { name: button }).click();
    }
    const next = pages[i + 1];
    if (next !== undefined)
      await pg
        .cardWith(sectionHeading(form, next.sectionIndex, next.index))
        .waitFor()
        .catch(async (err) => {
          await pg.shot(`test-results/${form.id}-page-${i + 1}.png`);
          console.error(await pg.lastCard().innerText());
          throw err;
        });
    await afterPage?.(i);
  }
}

async function reviewAndSubmit(pg: PlaygroundPage): Promise<void> {
  const review = pg.cardWith("Se gjennom og send inn");
  await review.waitFor();
  await pg.quiet();
  expect(await review.getByText("Mangler svar").count()).toBe(0);
  // Alex alone filled it in: «Sist endret av» appears only when more than one person has edited (issue 12).
  expect(await review.getByText(/Sist endret av/).count()).toBe(0);
  await review.getByRole("button", { name: "Send inn" }).click();
  const receipt = pg.cardWith("Rapporteringen er sendt inn");
  await receipt.waitFor();
  expect(await receipt.getByText(/^DEKOM-/).count()).toBe(1);
}

function expectStored(report: ReportDoc, plan: Record<string, Step>): void {
  expect(report.status).toBe("submitted");
  for (const [qid, step] of Object.entries(plan)) {
    const a = report.answers[qid];
    if (step.stored === undefined) {
      expect(a, qid).toBeUndefined();
      continue;
    }
    expect(a, qid).toBeDefined();
    const content = {
      value: a?.value,
      ...(a?.other ? { other: a.other } : {}),
      ...(a?.comment ? { comment: a.comment } : {}),
    };
    expect(content, qid).toEqual(step.stored);
    expect(a?.by.name, qid).toBe("Alex Wilber");
  }
}

describe("the whole report in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e();
    await seedLastYear(env);
    const client = new CosmosClient({
      endpoint: env.cosmos.endpoint,
      key: env.cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    await client.database(E2E_DATABASE).container("reports").items.upsert(REPORT_2021);
    client.dispose();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should take a 2024/2025 report from hei to the receipt, correcting a bad value of every type", async () => {
    const pg = await env.newPage();
    await pg.say("hei");
    const welcome = pg.cardWith("Lesing i alle fag");
    await welcome.waitFor();
    await pg.quiet();
    await welcome.getByRole("button", { name: "Åpne «Lesing i alle fag»" }).click();
    await answerPages(pg, form2024, plan2024, 0);
    await reviewAndSubmit(pg);
    expectStored(await env.readReport(DEMO_ROUND_ID, "t-salten-lesing"), plan2024);
    await pg.page.close();
  });

  it("should take a 2021 report to the receipt, surviving a kill -9 of the bot in the middle", async () => {
    const pg = await env.newPage();
    await pg.say("hei");
    const welcome = pg.cardWith("Leseløftet i Rana");
    await welcome.waitFor();
    await pg.quiet();
    await welcome.getByRole("button", { name: "Åpne «Leseløftet i Rana»" }).click();
    // Answer sections 1-2 (pages 1-2), then kill the bot without warning and start it again.
    let killedAfter = -1;
    await answerPages(pg, form2021, plan2021, 0, async (i) => {
      if (i !== 1) return;
      throw Object.assign(new Error("pause"), { pause: true });
    }).catch(async (err: { pause?: boolean }) => {
      if (!err.pause) throw err;
      killedAfter = 1;
    });
    expect(killedAfter).toBe(1);
    const before = await env.readReport("nordland-2021", REPORT_2021.id);
    await env.restartBot("kill");
    await pg.quiet();
    await pg.say("fortsett");
    await answerPages(pg, form2021, plan2021, 2);
    const after = await env.readReport("nordland-2021", REPORT_2021.id);
    for (const [qid, a] of Object.entries(before.answers)) expect(after.answers[qid], qid).toEqual(a);
    await reviewAndSubmit(pg);
    expectStored(await env.readReport("nordland-2021", REPORT_2021.id), plan2021);
  });
});
