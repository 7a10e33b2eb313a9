/**
 * The whole report in chat, end to end on real parts: both official forms from "hei" to the
 * receipt, with a bad value of every answer type corrected on the spot, a kill -9 of the bot
 * in the middle, and every answer read back from Cosmos through the SDK.
 */
import { CosmosClient } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadForms } from "../../src/questionnaire/form.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID, PLAYGROUND_USER } from "../../src/rounds/demo-seed.ts";
import type { PlaygroundPage } from "../support/browser.ts";
import { E2E_DATABASE, type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { fillQuestion, textValue } from "../support/form-filler.ts";
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

/** Answer every section of the open report, bad values first where the plan has them. */
async function answerSections(
  pg: PlaygroundPage,
  form: Form,
  plan: Record<string, Step>,
  from: number,
  afterSection?: (index: number) => Promise<void>,
): Promise<void> {
  const n = form.sections.length;
  for (let i = from; i < n; i++) {
    const section = form.sections[i];
    if (section === undefined) throw new Error("no section");
    let card = pg.cardWith(`Del ${i + 1} av ${n} – ${section.title}`);
    await card.waitFor();
    await pg.quiet();
    const steps = section.questions.map((q) => ({ q, step: plan[q.id] as Step }));
    for (const { q, step } of steps) await fillQuestion(card, q, step.bad ?? step.good);
    const button = i === n - 1 ? "Lagre og se gjennom" : "Lagre og fortsett";
    await card.getByRole("button", { name: button }).click();

    const bad = steps.filter(({ step }) => step.bad !== undefined);
    if (bad.length > 0) {
      card = pg.cardWith("Noen svar må rettes");
      await card.waitFor();
      await pg.quiet();
      for (const { step } of bad)
        expect(await card.getByText(step.badMessage as string).count()).toBeGreaterThan(0);
      // Nothing the person typed is lost: a good text answer is still in its field.
      const kept = steps.find(
        ({ q, step }) => step.bad === undefined && step.good.text && q.type !== "longtext",
      );
      if (kept) expect(await textValue(card, kept.q)).toBe(kept.step.good.text);
      for (const { q, step } of bad) await fillQuestion(card, q, step.good);
      await card.getByRole("button", { name: button }).click();
    }
    if (i < n - 1)
      await pg
        .cardWith(`Del ${i + 2} av ${n}`)
        .waitFor()
        .catch(async (err) => {
          await pg.shot(`test-results/${form.id}-section-${i + 1}.png`);
          console.error(await pg.lastCard().innerText());
          throw err;
        });
    await afterSection?.(i);
  }
}

async function reviewAndSubmit(pg: PlaygroundPage): Promise<void> {
  const review = pg.cardWith("Se gjennom og send inn");
  await review.waitFor();
  await pg.quiet();
  expect(await review.getByText("Mangler svar").count()).toBe(0);
  expect(await review.getByText(/Sist endret av Alex Wilber/).count()).toBeGreaterThan(0);
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
    await answerSections(pg, form2024, plan2024, 0);
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
    // Answer sections 1-2, then kill the bot without warning and start it again.
    let killedAfter = -1;
    await answerSections(pg, form2021, plan2021, 0, async (i) => {
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
    await answerSections(pg, form2021, plan2021, 2);
    const after = await env.readReport("nordland-2021", REPORT_2021.id);
    for (const [qid, a] of Object.entries(before.answers)) expect(after.answers[qid], qid).toEqual(a);
    await reviewAndSubmit(pg);
    expectStored(await env.readReport("nordland-2021", REPORT_2021.id), plan2021);
  });
});
