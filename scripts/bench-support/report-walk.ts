/**
 * One simulated contact person: says "hei", opens the report, saves every page of every section with
 * valid values ("next", with the revision and base taken from the card the bot returned, like a client), and sends
 * the report with the revision from the review card. Every request is timed and checked.
 */
import { formPages, type Page } from "../../src/questionnaire/pages.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { sectionRaw, validRaw } from "../../test/src/reports/fixtures.ts";
import {
  actionData,
  type ChatUser,
  invokeActivity,
  invokeCard,
  messageActivity,
  textBlocks,
} from "./activities.ts";
import type { ActivityClient, PostResult } from "./client.ts";

export interface BenchContact {
  index: number;
  user: ChatUser;
  roundId: string;
  reportId: string;
}

export interface StepRecord {
  step: string;
  ms: number;
  status: number;
  ok: boolean;
  problem?: string;
}

export type Recorder = (r: StepRecord) => void;

export const HEI = "hei (message)";
const OPEN = "report.open";
const SUBMIT = "report.submit";
/** "section.save s3" for a one-page section, "section.save s3.2" for its second page. */
const saveStep = (sectionId: string, page?: Page) =>
  page === undefined || page.count === 1
    ? `section.save ${sectionId}`
    : `section.save ${sectionId}.${page.index + 1}`;

/** Every page of the form in walk order. */
const pagesOf = (form: Form): Page[] => formPages(form).flat();

/** Step names in walk order: the greeting, then the answer steps. */
export function stepNames(form: Form): { greeting: string; answers: string[] } {
  return {
    greeting: HEI,
    answers: [OPEN, ...pagesOf(form).map((p) => saveStep(p.part.id, p)), SUBMIT],
  };
}

export function benchContact(index: number, roundId: string, prefix = "bench"): BenchContact {
  const n = String(index).padStart(5, "0");
  return {
    index,
    user: { id: `29:${prefix}-user-${n}`, aadObjectId: `${prefix}-aad-${n}`, name: `Kontakt ${n}` },
    roundId,
    reportId: `${prefix}-report-${n}`,
  };
}

export function benchRound(roundId: string, formId: string): RoundDoc {
  return {
    id: roundId,
    county: "Benk",
    formId,
    reportingYear: 2025,
    deadline: "2026-01-15T22:59:00.000Z",
    staffIds: [],
    createdAt: new Date().toISOString(),
  };
}

export function benchReport(c: BenchContact, formId: string): ReportDoc {
  const at = new Date().toISOString();
  const n = String(c.index).padStart(5, "0");
  return {
    id: c.reportId,
    roundId: c.roundId,
    formId,
    partnership: { id: `p-${n}`, name: `Partnerskap ${n}`, category: "Kommune", sector: "Offentlig" },
    tiltak: { id: c.reportId, name: `Tiltak ${n}`, caseNumber: `2025/${n}` },
    contact: { name: c.user.name, email: `kontakt${n}@example.com`, aadObjectId: c.user.aadObjectId },
    coEditors: [],
    status: "draft",
    revision: 0,
    answers: {},
    createdAt: at,
    updatedAt: at,
  };
}

/** What the contact is doing now (for attributing Cosmos requests to steps). */
export interface Progress {
  step: string | undefined;
}

async function timed(
  step: string,
  progress: Progress,
  record: Recorder,
  send: () => Promise<PostResult>,
  check: (r: PostResult) => string | undefined,
): Promise<PostResult | undefined> {
  progress.step = step;
  const r = await send();
  progress.step = undefined;
  const problem =
    r.error !== undefined
      ? `no response: ${r.error}`
      : r.status < 200 || r.status >= 300
        ? `HTTP ${r.status}: ${JSON.stringify(r.body ?? "").slice(0, 160)}`
        : check(r);
  record({ step, ms: r.ms, status: r.status, ok: problem === undefined, ...(problem ? { problem } : {}) });
  return problem === undefined ? r : undefined;
}

export async function greet(
  client: ActivityClient,
  serviceUrl: string,
  c: BenchContact,
  record: Recorder,
  progress: Progress = { step: undefined },
): Promise<boolean> {
  const r = await timed(
    HEI,
    progress,
    record,
    () => client.post(messageActivity(serviceUrl, c.user, "hei")),
    () => undefined,
  );
  return r !== undefined;
}

/** Open, save every section, submit. Stops at the first failed step (the rest are not attempted). */
export async function walkReport(
  client: ActivityClient,
  serviceUrl: string,
  c: BenchContact,
  form: Form,
  record: Recorder,
  progress: Progress = { step: undefined },
): Promise<boolean> {
  const ref = { roundId: c.roundId, reportId: c.reportId };
  const first = form.sections[0]?.id;
  let r = await timed(
    OPEN,
    progress,
    record,
    () => client.post(invokeActivity(serviceUrl, c.user, "report.open", ref)),
    (res) =>
      actionData(invokeCard(res.body), "section.save", "next")?.sectionId === first
        ? undefined
        : `expected the card of ${first}: ${cardSummary(res.body)}`,
  );
  const pages = pagesOf(form);
  for (const [k, page] of pages.entries()) {
    if (r === undefined) return false;
    const data = actionData(invokeCard(r.body), "section.save", "next");
    if (data === undefined) return false;
    const inputs = sectionRaw(page.part, (q) => validRaw(q, c.index));
    const following = pages[k + 1];
    const next = following?.part.id;
    const revision = Number(data.revision);
    r = await timed(
      saveStep(page.part.id, page),
      progress,
      record,
      () => client.post(invokeActivity(serviceUrl, c.user, "section.save", { ...data, ...inputs })),
      (res) => {
        const card = invokeCard(res.body);
        if (next !== undefined) {
          const got = actionData(card, "section.save", "next");
          if (got?.sectionId !== next || Number(got.page ?? 0) !== following?.index)
            return `expected the card of ${next} page ${following?.index}: ${cardSummary(res.body)}`;
          if (Number(got.revision) !== revision + 1)
            return `expected revision ${revision + 1}, card has ${String(got.revision)}`;
          return undefined;
        }
        const submit = actionData(card, "report.submit");
        return submit === undefined ? `expected the review card: ${cardSummary(res.body)}` : undefined;
      },
    );
  }
  if (r === undefined) return false;
  const submitData = actionData(invokeCard(r.body), "report.submit");
  if (submitData === undefined) return false;
  const done = await timed(
    SUBMIT,
    progress,
    record,
    () => client.post(invokeActivity(serviceUrl, c.user, "report.submit", submitData)),
    (res) =>
      /"(value|text)":"DEKOM-/.test(JSON.stringify(invokeCard(res.body) ?? ""))
        ? undefined
        : `expected the receipt: ${cardSummary(res.body)}`,
  );
  return done !== undefined;
}

/** The same request sequence against a bot that ignores the data (the echo baseline). */
export async function walkEcho(
  client: ActivityClient,
  serviceUrl: string,
  c: BenchContact,
  form: Form,
  record: Recorder,
): Promise<boolean> {
  const ref = { roundId: c.roundId, reportId: c.reportId };
  const progress: Progress = { step: undefined };
  const expectCard = (res: PostResult) =>
    invokeCard(res.body) ? undefined : "no card in the invoke response";
  let ok = await timed(
    OPEN,
    progress,
    record,
    () => client.post(invokeActivity(serviceUrl, c.user, "report.open", ref)),
    expectCard,
  );
  for (const [k, page] of pagesOf(form).entries()) {
    if (ok === undefined) return false;
    const inputs = sectionRaw(page.part, (q) => validRaw(q, c.index));
    ok = await timed(
      saveStep(page.part.id, page),
      progress,
      record,
      () =>
        client.post(
          invokeActivity(serviceUrl, c.user, "section.save", {
            ...ref,
            sectionId: page.part.id,
            page: page.index,
            revision: k,
            nav: "next",
            ...inputs,
          }),
        ),
      expectCard,
    );
  }
  if (ok === undefined) return false;
  const done = await timed(
    SUBMIT,
    progress,
    record,
    () => client.post(invokeActivity(serviceUrl, c.user, "report.submit", { ...ref, revision: 6 })),
    expectCard,
  );
  return done !== undefined;
}

function cardSummary(body: unknown): string {
  const card = invokeCard(body);
  if (card === undefined) return JSON.stringify(body ?? "").slice(0, 160);
  return textBlocks(card).slice(0, 4).join(" | ").slice(0, 240);
}
