/**
 * Shared helpers of the reliability tests: seeding contacts with a 2024/2025 report each, pressing a
 * card's button like a client does, and comparing what Cosmos holds with what was acknowledged.
 */
import { isDeepStrictEqual } from "node:util";
import {
  actionData,
  cardInputs,
  invokeActivity,
  invokeCard,
  textBlocks,
} from "../../scripts/bench-support/activities.ts";
import {
  type BenchContact,
  benchContact,
  benchReport,
  benchRound,
} from "../../scripts/bench-support/report-walk.ts";
import { parseSection } from "../../src/questionnaire/answers.ts";
import { formPages, type Page } from "../../src/questionnaire/pages.ts";
import type { Section } from "../../src/questionnaire/types.ts";
import type { ReportDoc } from "../../src/reports/types.ts";
import type { ReportRepo } from "../../src/storage/report-repo.ts";
import type { RoundRepo } from "../../src/storage/round-repo.ts";
import { form2024, sectionRaw, validRaw } from "../src/reports/fixtures.ts";

export { form2024 };

const FORM_ID = form2024.id;

/** What saving failed looks like to the person (bot/strings.ts storageFailed). */
export const SAVE_FAILED = "kunne ikke lagres";

export async function seedContacts(
  repos: { reports: ReportRepo; rounds: RoundRepo },
  roundId: string,
  count: number,
  prefix: string,
): Promise<BenchContact[]> {
  await repos.rounds.upsert(benchRound(roundId, FORM_ID));
  const contacts = Array.from({ length: count }, (_, i) => benchContact(i, roundId, prefix));
  for (const c of contacts) await repos.reports.upsert(benchReport(c, FORM_ID));
  return contacts;
}

/** Valid raw inputs of a section; `variant` changes the values. */
export const rawFor = (section: Section, variant: number) => sectionRaw(section, (q) => validRaw(q, variant));

export interface CardReply {
  status: number;
  card: Record<string, unknown> | undefined;
  texts: string[];
  /** Set when no HTTP response arrived. */
  error?: string;
}

export type Post = (activity: object) => Promise<{ status: number; body: unknown }>;

/** Press a card button: Action.Execute with the button's data and the inputs. */
export async function press(
  post: Post,
  serviceUrl: string,
  c: BenchContact,
  verb: string,
  data: Record<string, unknown>,
  inputs: Record<string, unknown> = {},
): Promise<CardReply> {
  try {
    const r = await post(invokeActivity(serviceUrl, c.user, verb, { ...data, ...inputs }));
    const card = invokeCard(r.body);
    return { status: r.status, card, texts: textBlocks(card) };
  } catch (err) {
    return { status: 0, card: undefined, texts: [], error: String(err) };
  }
}

/** The section a card is for (from its "next" button), or undefined (review, notice, ...). */
export const sectionOf = (card: unknown): string | undefined => {
  const id = actionData(card, "section.save", "next")?.sectionId;
  return typeof id === "string" ? id : undefined;
};

export const saveData = (card: unknown, nav = "next") => actionData(card, "section.save", nav);

/** Every page of the 2024/2025 form in order (section cards show one page each). */
export const PAGES_2024: Page[] = formPages(form2024).flat();

/** "s3/1": the section id and page of a page. */
export const pageKey = (p: Page): string => `${p.part.id}/${p.index}`;

/** The page a card is for ("s3/1", from its "next" button), or undefined (review, notice, ...). */
export const pageOf = (card: unknown): string | undefined => {
  const data = actionData(card, "section.save", "next");
  return typeof data?.sectionId === "string" ? `${data.sectionId}/${Number(data.page ?? 0)}` : undefined;
};

/** True when every typed input is shown again in the card, unchanged. */
export function keepsTyped(card: unknown, typed: Record<string, string>): boolean {
  const inputs = cardInputs(card);
  return Object.entries(typed).every(([k, v]) => inputs[k] === v);
}

/** The answers `raw` stands for (as the product parses them), compared with what is stored. */
export function missingAnswers(doc: ReportDoc, section: Section, raw: Record<string, string>): string[] {
  const expected = parseSection(section, raw, { requireAnswer: true }).answers;
  const missing: string[] = [];
  for (const [qid, content] of Object.entries(expected)) {
    const stored = doc.answers[qid];
    const got =
      stored === undefined
        ? null
        : {
            value: stored.value,
            ...(stored.other !== undefined ? { other: stored.other } : {}),
            ...(stored.comment !== undefined ? { comment: stored.comment } : {}),
          };
    if (!isDeepStrictEqual(got, content)) missing.push(`${doc.id}/${qid}`);
  }
  return missing;
}

/** The receipt card: its reference ("DEKOM-2025-0007") is a TextRun. */
export const isReceipt = (card: unknown): boolean =>
  /"text":"DEKOM-\d{4}-\d{4}"/.test(JSON.stringify(card ?? ""));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
