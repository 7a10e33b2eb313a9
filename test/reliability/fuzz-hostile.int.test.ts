/**
 * The hostile families of the outside attack run (issue 14), each input sent to the real bot
 * (in-process, real SDK, local Cosmos server): invisible-only answers, backslash-, quote- and
 * emoji-heavy texts at the maximum lengths in every section of both forms, and report ids of shapes no
 * document has, on every verb. (Long punctuation runs in chat: chat-cpu.int.test.ts, with the bot in its
 * own process to measure the CPU of one turn.) The families live in fuzz-families.ts; the random
 * fuzz (fuzz.int.test.ts) mixes them in too. Counts are printed for the README.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARD_BUDGET_BYTES, cardBytes } from "../../cards/card-size.ts";
import { Verb } from "../../cards/verbs.ts";
import { invokeActivity, invokeCard, textBlocks } from "../../scripts/bench-support/activities.ts";
import {
  type BenchContact,
  benchContact,
  benchReport,
  benchRound,
} from "../../scripts/bench-support/report-walk.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { RoundRepo } from "../../src/storage/round-repo.ts";
import { form2021, form2024, maxRaw, sectionRaw } from "../src/reports/fixtures.ts";
import { type Harness, startHarness } from "../support/bot-harness.ts";
import { HEAVY_FILLS, INVISIBLE_ONLY, ODD_IDS } from "./fuzz-families.ts";
import { missingAnswers, press, saveData, sectionOf } from "./support.ts";

const GENERIC_ERROR = "noe gikk galt";
const counts: Record<string, number> = {};
const count = (family: string) => {
  counts[family] = (counts[family] ?? 0) + 1;
};

describe("hostile input families (issue 14)", () => {
  let cosmos: LocalCosmos;
  let h: Harness;
  let direct: CosmosStore;
  let reports: ReportRepo;
  let next = 0;
  /** A contact with a fresh report of `form`, in a round of that form. */
  const fresh = async (form: Form): Promise<BenchContact> => {
    const roundId = `hostile-${form.id}`;
    const c = benchContact(next++, roundId, "hst");
    await reports.upsert(benchReport(c, form.id));
    return c;
  };
  const post = (a: object) => h.post(a);
  const open = async (c: BenchContact) =>
    press(post, h.connector.url, c, Verb.OpenReport, { roundId: c.roundId, reportId: c.reportId });

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: "harness" });
    h = await startHarness({ cosmos });
    direct = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: "harness" });
    reports = new ReportRepo(direct.containers.reports);
    const rounds = new RoundRepo(direct.containers.rounds);
    for (const form of [form2021, form2024]) await rounds.upsert(benchRound(`hostile-${form.id}`, form.id));
  });
  afterAll(async () => {
    console.log("hostile families sent (for the README):", counts);
    direct?.dispose();
    await h?.close();
    await cosmos?.stop();
  });

  it.each(INVISIBLE_ONLY.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    "should count an answer of only %s as empty: a required question asks for an answer",
    async (_name, invisible) => {
      const c = await fresh(form2024);
      const card = (await open(c)).card;
      const section = form2024.sections[0];
      if (section === undefined) throw new Error("test bug: no first section");
      const raw = sectionRaw(section, (q) => maxRaw(q));
      for (const q of section.questions)
        if (q.type === "text" || q.type === "longtext") raw[q.id] = invisible;
      const r = await press(post, h.connector.url, c, Verb.SaveSection, saveData(card) ?? {}, raw);
      count("invisible-only answers");
      expect(sectionOf(r.card)).toBe(section.id);
      expect(r.texts.join(" | ")).toContain("Dette spørsmålet må besvares.");
      const stored = (await reports.get(c.roundId, c.reportId))?.doc;
      for (const q of section.questions.filter((x) => x.type === "text" || x.type === "longtext"))
        expect(stored?.answers[q.id], q.id).toBeUndefined();
    },
  );

  const heavyCases = [form2021, form2024].flatMap((form) =>
    HEAVY_FILLS.map(([name, fill]) => ({ form, name, fill })),
  );
  it.each(heavyCases)(
    "should take $form.id with every text at its limit in $name, every section card under the budget",
    async ({ form, fill }) => {
      const c = await fresh(form);
      for (const [index, section] of form.sections.entries()) {
        const ref = { roundId: c.roundId, reportId: c.reportId };
        const opened = await press(post, h.connector.url, c, Verb.OpenReport, { ...ref, section: index });
        const raw = sectionRaw(section, (q) => maxRaw(q, fill));
        const saved = await press(
          post,
          h.connector.url,
          c,
          Verb.SaveSection,
          // No page: a card without one saves its whole section (cards posted before paging), so one save
          // carries every heavy value of the section.
          withoutPage(saveData(opened.card, "pause") ?? {}),
          raw,
        );
        count("heavy texts at the maximum lengths (sections)");
        expect(saved.status).toBe(200);
        expect(saved.texts.join(" ")).not.toContain(GENERIC_ERROR);
        const stored = await reports.get(c.roundId, c.reportId);
        expect(stored && missingAnswers(stored.doc, section, raw), section.id).toEqual([]);
        // The section card again, now pre-filled with every heavy value: the worst case Teams gets.
        const again = await press(post, h.connector.url, c, Verb.OpenReport, { ...ref, section: index });
        expect(sectionOf(again.card)).toBe(section.id);
        expect(cardBytes(again.card), section.id).toBeLessThan(CARD_BUDGET_BYTES);
      }
    },
  );

  const idVerbs = [
    Verb.OpenReport,
    Verb.Review,
    Verb.Status,
    Verb.SaveSection,
    Verb.Submit,
    Verb.InviteCoEditor,
  ];
  it.each(ODD_IDS.map((id) => [JSON.stringify(id).slice(0, 30), id]))(
    "should answer a report id %s on every verb without the generic error or a 5xx",
    async (_name, id) => {
      const c = await fresh(form2024);
      for (const verb of idVerbs) {
        for (const ref of [
          { roundId: c.roundId, reportId: id },
          { roundId: id, reportId: c.reportId },
        ]) {
          const r = await h.post(
            invokeActivity(h.connector.url, c.user, verb, {
              ...ref,
              revision: 1,
              sectionId: "s1",
              nav: "next",
            }),
          );
          count("odd ids");
          expect(r.status, `${verb} ${JSON.stringify(ref)}`).toBeLessThan(500);
          const shown = textBlocks(invokeCard(r.body)).join(" ");
          expect(shown, `${verb} ${JSON.stringify(ref)}`).not.toContain(GENERIC_ERROR);
          // Issue 14 item 5: the same «finner ikke» as any unknown id, whatever the shape or length.
          if (verb === Verb.OpenReport || verb === Verb.Review || verb === Verb.Status)
            expect(shown, `${verb} ${JSON.stringify(ref).slice(0, 80)}`).toContain("finner ikke");
        }
      }
    },
  );
});

function withoutPage(data: Record<string, unknown>): Record<string, unknown> {
  const { page: _page, ...rest } = data;
  return rest;
}
