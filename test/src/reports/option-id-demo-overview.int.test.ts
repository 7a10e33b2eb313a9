/**
 * The option-id migration run on a snapshot of the demo data, the way the dev server keeps it
 * (.data/cosmos-snapshot.json of the embedded Cosmos-protocol server): the demo round with its reports
 * submitted, plus realistic submitted reports, stored as the bot stored them before option ids (option
 * texts, "Annet"). The staff overview's figures are computed before (the way they were counted then: by
 * stored text) and after the migration (by option id, labelled from the form), and must be equal.
 */
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportOf } from "../../../scripts/bench-support/overview-data.ts";
import { allQuestions, getForm, loadForms } from "../../../src/questionnaire/form.ts";
import { type Form, OTHER_OPTION_ID, type Question } from "../../../src/questionnaire/types.ts";
import { migrateOptionIds } from "../../../src/reports/option-id-migration.ts";
import type { Answer, ReportDoc } from "../../../src/reports/types.ts";
import { demoRound } from "../../../src/rounds/demo-seed.ts";
import { openCosmos } from "../../../src/storage/cosmos.ts";
import { startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { formatPercent } from "../../../src/summaries/number-format.ts";
import { questionStats } from "../../../src/summaries/statistics.ts";

const forms = loadForms();
const NOW = new Date("2026-01-20T10:00:00.000Z");
const EXTRA_REPORTS = 40;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A choice answer as the bot stored it before option ids: the option's bokmål text, "Annet". */
function legacyAnswer(q: Question, a: Answer): Answer {
  if (q.type !== "choice" && q.type !== "multichoice") return a;
  const text = (id: string) =>
    id === OTHER_OPTION_ID ? "Annet" : (q.options?.find((o) => o.id === id)?.text ?? id);
  return { ...a, value: Array.isArray(a.value) ? a.value.map(text) : text(String(a.value)) };
}

function legacyReport(form: Form, doc: ReportDoc): ReportDoc {
  const answers = Object.fromEntries(
    allQuestions(form).flatMap((q) => {
      const a = doc.answers[q.id];
      return a === undefined ? [] : [[q.id, legacyAnswer(q, a)]];
    }),
  );
  return { ...doc, answers };
}

/** The demo round, every demo report submitted with answers, and more submitted reports. */
function demoData(): { round: ReturnType<typeof demoRound>["round"]; reports: ReportDoc[] } {
  const { round, reports } = demoRound(NOW);
  const form = getForm(forms, round.formId);
  const filled = reports.map((r, i) => {
    const sample = reportOf(form, i, round.id);
    return legacyReport(form, {
      ...r,
      status: "submitted",
      answers: sample.answers,
      submittedAt: sample.submittedAt,
      revision: 5,
    } as ReportDoc);
  });
  const extra = Array.from({ length: EXTRA_REPORTS }, (_, i) =>
    legacyReport(form, reportOf(form, reports.length + i, round.id)),
  );
  return { round, reports: [...filled, ...extra] };
}

type Figures = Record<
  string,
  { n: number; options: Record<string, string>; byCategory: Record<string, string> }
>;

/**
 * The overview's choice figures as they were counted before option ids: per stored value (the option
 * text; "Annet" shown as «Andre svar»), percent of respondents overall and of ticks per category.
 */
function figuresByText(form: Form, reports: readonly ReportDoc[]): Figures {
  const out: Figures = {};
  const submitted = reports.filter((r) => r.status === "submitted");
  for (const q of allQuestions(form)) {
    if (q.type !== "choice" && q.type !== "multichoice") continue;
    const counts = new Map<string, number>();
    const perCategory = new Map<string, Map<string, number>>();
    let n = 0;
    for (const r of submitted) {
      const v = r.answers[q.id]?.value;
      const ticked = [...new Set(Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : [])];
      if (ticked.length === 0) continue;
      n++;
      const cat = perCategory.get(r.partnership.category) ?? new Map<string, number>();
      perCategory.set(r.partnership.category, cat);
      for (const t of ticked) {
        const label = q.allowOther && t === "Annet" ? "Andre svar" : t;
        counts.set(label, (counts.get(label) ?? 0) + 1);
        cat.set(label, (cat.get(label) ?? 0) + 1);
      }
    }
    const byCategory: Record<string, string> = {};
    for (const [category, cat] of perCategory) {
      const ticks = [...cat.values()].reduce((a, b) => a + b, 0);
      for (const [label, count] of cat)
        byCategory[`${category}|${label}`] = `${count} (${formatPercent(count, ticks)})`;
    }
    const options = Object.fromEntries(
      [...counts].map(([label, count]) => [label, `${count} (${formatPercent(count, n)})`]),
    );
    out[q.id] = { n, options, byCategory };
  }
  return out;
}

/** The same figures from the statistics the overview shows now (counted by option id). */
function figuresById(form: Form, reports: readonly ReportDoc[]): Figures {
  const out: Figures = {};
  for (const s of questionStats(form, reports)) {
    if (s.kind !== "choice" || s.question.type === "yesno") continue;
    const options = Object.fromEntries(
      s.options.filter((o) => o.count > 0).map((o) => [o.label, `${o.count} (${o.display})`]),
    );
    const byCategory: Record<string, string> = {};
    for (const c of s.byCategory)
      for (const o of c.options.filter((x) => x.count > 0))
        byCategory[`${c.category}|${o.label}`] = `${o.count} (${o.display})`;
    out[s.question.id] = { n: s.n, options, byCategory };
  }
  return out;
}

/** The figures that do not depend on how choices are stored (numbers, yes/no), as the overview shows them. */
function otherFigures(form: Form, reports: readonly ReportDoc[]): unknown {
  return questionStats(form, reports).flatMap<unknown>((s) =>
    s.kind === "number"
      ? [[s.question.id, s.n, s.display]]
      : s.kind === "choice" && s.question.type === "yesno"
        ? [[s.question.id, s.n, s.options.map((o) => [o.label, o.count, o.display])]]
        : [],
  );
}

describe("the option-id migration on a snapshot of the demo data", () => {
  it("should leave the staff overview's figures as they were", async () => {
    const dir = await mkdtemp(join(tmpdir(), "option-ids-demo-"));
    dirs.push(dir);
    const database = "dekom";
    // The dev server's store: the demo data written, then snapshotted to disk.
    const devFile = join(dir, "cosmos-snapshot.json");
    const dev = await startLocalCosmos({ port: 0, database, snapshotFile: devFile });
    const devStore = await openCosmos({ endpoint: dev.endpoint, key: dev.key, database });
    const { round, reports } = demoData();
    await devStore.containers.rounds.items.create(round);
    for (const r of reports) await devStore.containers.reports.items.create(r);
    devStore.dispose();
    await dev.stop();

    // The migration runs on a copy of that snapshot.
    const copy = join(dir, "copy", "cosmos-snapshot.json");
    await mkdir(join(dir, "copy"));
    await copyFile(devFile, copy);
    const server = await startLocalCosmos({ port: 0, database, snapshotFile: copy });
    const store = await openCosmos({ endpoint: server.endpoint, key: server.key, database });
    try {
      const repos = {
        rounds: new RoundRepo(store.containers.rounds),
        reports: new ReportRepo(store.containers.reports),
      };
      const form = getForm(forms, round.formId);
      const storedBefore = await repos.reports.listByRound(round.id);
      expect(storedBefore).toHaveLength(3 + EXTRA_REPORTS);
      const before = figuresByText(form, storedBefore);
      const othersBefore = otherFigures(form, storedBefore);

      const dry = await migrateOptionIds({ ...repos, forms }, { dryRun: true });
      const result = await migrateOptionIds({ ...repos, forms }, { dryRun: false });
      expect(result.changed.length).toBe(dry.changed.length);
      expect(result.changed.length).toBe(3 + EXTRA_REPORTS);
      expect(result.unresolvedOnly).toEqual([]);

      const storedAfter = await repos.reports.listByRound(round.id);
      const after = figuresById(form, storedAfter);
      expect(after).toEqual(before);
      expect(otherFigures(form, storedAfter)).toEqual(othersBefore);
      // Not a comparison of nothing: every choice question was answered, with many ticks.
      const ticks = Object.values(after).reduce(
        (sum, q) => sum + Object.values(q.options).reduce((s, v) => s + Number(v.split(" ")[0]), 0),
        0,
      );
      expect(Object.values(after).every((q) => q.n > 0)).toBe(true);
      expect(ticks).toBeGreaterThan(100);
      console.log(
        `demo snapshot: ${storedAfter.length} submitted reports, ${result.changed.length} converted, ` +
          `${Object.keys(after).length} choice questions, ${ticks} ticks; ` +
          Object.entries(after)
            .map(([qid, q]) => `${qid} N=${q.n}`)
            .join(", "),
      );
      expect((await migrateOptionIds({ ...repos, forms }, { dryRun: false })).changed).toEqual([]);
    } finally {
      store.dispose();
      await server.stop();
    }
  });
});
