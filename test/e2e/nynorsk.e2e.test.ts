/**
 * Bokmål and nynorsk end to end (issue 15): a contact whose Teams locale is nn-NO gets the welcome card
 * and the 2024/2025 report in nynorsk (questions, options, buttons, a validation message), says
 * «bokmål» halfway and finishes in bokmål; every answer is stored once, language-free (the same values a
 * bokmål-only report stores); the staff overview in the channel counts this report's choices together
 * with a report sent in bokmål. The Agents Playground sends `locale: "en-US"` on every activity it makes,
 * so the first message goes through its custom-activity endpoint with `locale: "nn-NO"` (README quirks).
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { sectionHeading } from "../../cards/report-section.ts";
import { texts } from "../../src/i18n/texts.ts";
import { loadForms } from "../../src/questionnaire/form.ts";
import { formIn } from "../../src/questionnaire/form-lang.ts";
import { formPages, type Page } from "../../src/questionnaire/pages.ts";
import type { Form, Question } from "../../src/questionnaire/types.ts";
import { resumePosition } from "../../src/reports/report.ts";
import type { Answer, ReportDoc } from "../../src/reports/types.ts";
import { DEMO_ROUND_ID, PLAYGROUND_USER } from "../../src/rounds/demo-seed.ts";
import { type PlaygroundPage, postWithMention } from "../support/browser.ts";
import { type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { type Fill, fillQuestion } from "../support/form-filler.ts";
import { sendTextActivity } from "../support/playground-files.ts";
import { plan2024 } from "./report-plans.ts";

const form = loadForms().get("dekom-2024-2025") as Form;
const nynorsk = formIn(form, "nn");
const pages = formPages(form).flat();
const NN = texts("nn").section;
const NN_LABELS = { other: NN.otherLabel, comment: NN.commentLabel, year: NN.yearLabel };

/** A bokmål fill as the nynorsk card shows it: options by their nynorsk labels («Annet» is «Anna»). */
function inNynorsk(q: Question, fill: Fill): Fill {
  if (fill.options === undefined) return fill;
  const label = (text: string) =>
    text === "Annet" ? NN.other : (q.options?.find((o) => o.text === text)?.nn ?? text);
  return { ...fill, options: fill.options.map(label) };
}

const shownQuestion = (q: Question): Question =>
  nynorsk.sections.flatMap((s) => s.questions).find((x) => x.id === q.id) ?? q;

describe("bokmål and nynorsk in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e({ env: { STAFF_AAD_IDS: PLAYGROUND_USER.aadObjectId, TYPING_INDICATOR: "off" } });
    // «Vurdering for læring» was sent in bokmål: the same answers the nynorsk report will give.
    const answers: Record<string, Answer> = {};
    for (const [qid, step] of Object.entries(plan2024))
      if (step.stored)
        answers[qid] = {
          ...step.stored,
          by: { id: PLAYGROUND_USER.aadObjectId, name: "Alex Wilber" },
          at: "2026-01-05T10:00:00.000Z",
          rev: 1,
        };
    const sent = await env.readReport(DEMO_ROUND_ID, "t-salten-vurdering");
    await env.upsertReport({
      ...sent,
      answers,
      revision: 2,
      status: "submitted",
      submittedAt: "2026-01-05T10:05:00.000Z",
      submittedBy: { id: PLAYGROUND_USER.aadObjectId, name: "Alex Wilber" },
      receipt: "DEKOM-2025-0001",
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Fill the pages [from, to) of «Lesing i alle fag» in the given language, pressing «next» on each. */
  async function fillPages(pg: PlaygroundPage, from: number, to: number, lang: "nb" | "nn") {
    const shown = lang === "nn" ? nynorsk : form;
    const S = texts(lang).section;
    for (let i = from; i < to; i++) {
      const page = pages[i] as Page;
      const card = pg.cardWith(sectionHeading(shown, page.sectionIndex, page.index, lang));
      await card.waitFor();
      await pg.quiet();
      for (const q of page.questions) {
        const good = (plan2024[q.id] as { good: Fill }).good;
        if (lang === "nn") await fillQuestion(card, shownQuestion(q), inNynorsk(q, good), NN_LABELS);
        else await fillQuestion(card, q, good);
      }
      await card.getByRole("button", { name: i === pages.length - 1 ? S.nextLast : S.next }).click();
      const next = pages[i + 1];
      if (next !== undefined && i + 1 < to)
        await pg.cardWith(sectionHeading(shown, next.sectionIndex, next.index, lang)).waitFor();
    }
  }

  it("should take a nn-NO contact through the report in nynorsk, switch to bokmål with «bokmål», and store every answer once", async () => {
    const pg = await env.newPage();
    onTestFailed(async () => {
      await pg.shot("test-results/nynorsk-e2e-failed.png");
      writeFileSync("test-results/nynorsk-e2e-bot.log", env.bot.output());
    });
    await sendTextActivity(env.playground.url, "hei", { locale: "nn-NO" });
    const welcome = pg.cardWith("Opne «Lesing i alle fag»");
    await welcome.waitFor();
    await pg.quiet();
    await welcome.screenshot({ path: "test-results/nynorsk-welcome.png" });
    const said = await welcome.innerText();
    expect(said).toContain("Du har tilgang til 2 rapporteringar for desentralisert ordning.");
    expect(said).toContain("Skriv på bokmål");
    await welcome.getByRole("button", { name: "Opne «Lesing i alle fag»" }).click();

    // Section 1 in nynorsk, with a validation message in nynorsk (the Playground's own click says en-US).
    const first = pg.cardWith(sectionHeading(nynorsk, 0, 0, "nn"));
    await first.waitFor();
    await pg.quiet();
    const q03 = shownQuestion(form.sections[0]?.questions[2] as Question);
    expect(q03.text).toBe("Telefonnummeret til kontaktpersonen");
    await fillQuestion(first, q03, { text: "1234" }, NN_LABELS);
    await first.getByRole("button", { name: NN.next }).click();
    const wrong = pg.cardWith("Nokre svar må rettast");
    await wrong.waitFor();
    expect(await wrong.innerText()).toContain("Skriv eit norsk telefonnummer med 8 siffer");

    // Sections 1-3 in nynorsk (a section card is screenshot on the way), then «bokmål».
    const half = pages.findIndex((p) => p.sectionIndex === 3);
    const s3 = pages.findIndex((p) => p.sectionIndex === 2);
    await fillPages(pg, 0, s3, "nn");
    const section3 = pg.cardWith(sectionHeading(nynorsk, 2, 0, "nn"));
    await section3.waitFor();
    await pg.quiet();
    await section3.screenshot({ path: "test-results/nynorsk-section.png" });
    expect(await section3.innerText()).toContain("Eigenfinansiering, tilskot og periode");
    await fillPages(pg, s3, half, "nn");
    await pg.quiet();
    await pg.say("bokmål");
    await pg.page.getByText("Greit! Fra nå av skriver jeg bokmål til deg.").first().waitFor();

    // The rest in bokmål, from where the report stands.
    await pg.quiet();
    await pg.say("fortsett");
    const now = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    const at = resumePosition(form, now);
    const resume = pages.findIndex((p) => p.sectionIndex === at.sectionIndex && p.index === at.page);
    expect(resume).toBe(half);
    await fillPages(pg, resume, pages.length, "nb");
    const review = pg.cardWith("Se gjennom og send inn");
    await review.waitFor();
    await pg.quiet();
    expect(await review.getByText("Mangler svar").count()).toBe(0);
    await review.getByRole("button", { name: "Send inn" }).click();
    await pg.cardWith("Rapporteringen er sendt inn").waitFor();

    // Every answer once, language-free: what a bokmål-only report stores, no nynorsk label anywhere.
    const stored: ReportDoc = await env.readReport(DEMO_ROUND_ID, "t-salten-lesing");
    expect(stored.status).toBe("submitted");
    const expected = Object.fromEntries(
      Object.entries(plan2024).flatMap(([qid, step]) => (step.stored ? [[qid, step.stored]] : [])),
    );
    const got = Object.fromEntries(
      Object.entries(stored.answers).map(([qid, { value, other, comment }]) => [
        qid,
        { value, ...(other !== undefined ? { other } : {}), ...(comment !== undefined ? { comment } : {}) },
      ]),
    );
    expect(got).toEqual(expected);
    const nnLabels = form.sections.flatMap((s) =>
      s.questions.flatMap((q) => (q.options ?? []).filter((o) => o.nn && o.nn !== o.text).map((o) => o.nn)),
    );
    const json = JSON.stringify(stored.answers);
    for (const label of nnLabels) expect(json).not.toContain(`"${label}"`);
  });

  it("should count the nynorsk and the bokmål report's choices together in the staff overview", async () => {
    const pg = await env.newPage();
    onTestFailed(async () => {
      await pg.shot("test-results/nynorsk-overview-failed.png");
      writeFileSync("test-results/nynorsk-overview-bot.log", env.bot.output());
    });
    await pg.page
      .getByRole("treeitem", { name: /General/ })
      .first()
      .click();
    await pg.quiet();
    await postWithMention(pg, "bruk denne kanalen");
    await pg.page
      .getByText(/Kanalen er nå koblet til rapporteringen Nordland 2025/)
      .first()
      .waitFor();
    await pg.quiet();
    const overview = pg.cardWith("Tall per del av skjemaet");
    for (let attempt = 1; ; attempt++) {
      await postWithMention(pg, "oversikt");
      try {
        await overview.waitFor({ timeout: 15_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
    expect(await overview.innerText()).toContain("Oversikt – Nordland 2025: 2 av 3 levert");
    await pg.quiet();
    await overview
      .getByRole("button", { name: "Egenfinansiering, tilskudd og periode", exact: true })
      .click();
    const section = pg.cardWith("Oversikt – Nordland 2025: Egenfinansiering, tilskudd og periode");
    await section.waitFor();
    await pg.quiet();
    await section.screenshot({ path: "test-results/nynorsk-overview.png" });
    const figures = await section.innerText();
    // Both reports (one answered in nynorsk, one in bokmål) ticked «Vikarutgifter» and «Annet» and «Har ikke
    // koordinatorfunksjon», and chose «2 år»: counted together, 2 each, in the category line of each question.
    expect(figures).toMatch(/Kommune \(2 Svar\)\s+Vikarutgifter 2 \(50\s?%\) · Andre svar 2 \(50\s?%\)/);
    expect(figures).toMatch(/Kommune \(2 Svar\)\s+Har ikke koordinatorfunksjon 2 \(100\s?%\)/);
    expect(figures).toMatch(/Kommune \(2 Svar\)\s+2 år 2 \(100\s?%\)/);
    expect(figures).not.toContain("Har ikkje koordinatorfunksjon");
  });
});
