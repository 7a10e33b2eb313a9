/**
 * kill -9 of the bot under load, then a restart: every answer the bot acknowledged before it died
 * (by answering a save with the next section's card) must be in Cosmos, and everyone can go on where
 * they left off. The bot runs as its own node process (one process, so SIGKILL really kills it); the
 * local Cosmos server and the loopback connector live in this test process, like Azure and Teams.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionData } from "../../scripts/bench-support/activities.ts";
import { ActivityClient } from "../../scripts/bench-support/client.ts";
import { type BotChild, startBotProcess } from "../../scripts/bench-support/processes.ts";
import type { BenchContact } from "../../scripts/bench-support/report-walk.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { RoundRepo } from "../../src/storage/round-repo.ts";
import { type LoopbackConnector, startLoopbackConnector } from "../support/loopback-connector.ts";
import { freePort } from "../support/ports.ts";
import {
  type CardReply,
  isReceipt,
  missingAnswers,
  PAGES_2024,
  pageKey,
  pageOf,
  press,
  rawFor,
  saveData,
  seedContacts,
  sleep,
} from "./support.ts";

const ROUND = "rel-kill-2025";
const DATABASE = "kill";
const CONTACTS = 24;
/** Kill the bot once this many saves have been acknowledged (of 24 x 6). */
const KILL_AFTER_ACKS = 60;

describe("kill -9 of the bot under load", () => {
  let cosmos: LocalCosmos;
  let direct: CosmosStore;
  let reports: ReportRepo;
  let connector: LoopbackConnector;
  let contacts: BenchContact[];
  let bot: BotChild | undefined;
  let port: number;

  const startBot = async () => {
    bot = await startBotProcess({
      port,
      env: {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: DATABASE,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
      },
    });
    return bot;
  };

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: DATABASE });
    direct = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: DATABASE });
    reports = new ReportRepo(direct.containers.reports);
    contacts = await seedContacts(
      { reports, rounds: new RoundRepo(direct.containers.rounds) },
      ROUND,
      CONTACTS,
      "kill",
    );
    connector = await startLoopbackConnector();
    port = await freePort();
  }, 60_000);
  afterAll(async () => {
    await bot?.kill();
    await connector?.close();
    direct?.dispose();
    await cosmos?.stop();
  });

  it("should have every acknowledged answer in Cosmos after kill -9, and let everyone finish after a restart", {
    timeout: 300_000,
  }, async () => {
    let current = await startBot();
    let up: Promise<void> = Promise.resolve();
    const client = new ActivityClient(`http://127.0.0.1:${port}/api/messages`, {
      maxSockets: CONTACTS,
      timeoutMs: 30_000,
    });
    const post = async (a: object) => {
      const r = await client.post(a);
      if (r.error !== undefined) throw new Error(r.error);
      return r;
    };
    /** Acknowledged saves: contact -> section id -> the raw inputs the bot confirmed. */
    const acks = new Map<BenchContact, Map<string, Record<string, string>>>(
      contacts.map((c) => [c, new Map()]),
    );
    let ackCount = 0;
    let killed: Promise<number> | undefined;
    let connectionErrors = 0;
    const resumedEarly: string[] = [];

    const kill = async (): Promise<number> => {
      const victim = current;
      let restarted!: () => void;
      up = new Promise<void>((r) => {
        restarted = r;
      });
      await victim.kill(); // SIGKILL
      await sleep(300); // let responses already on the wire arrive
      const acked = ackCount;
      // Everything acknowledged so far must already be stored: the bot is gone, nothing else writes.
      const lost: string[] = [];
      for (const [c, sections] of acks) {
        const doc = (await reports.get(c.roundId, c.reportId))?.doc;
        for (const [sid, raw] of sections) {
          const page = PAGES_2024.find((p) => pageKey(p) === sid);
          if (doc === undefined || page === undefined) lost.push(`${c.reportId}/${sid}`);
          else lost.push(...missingAnswers(doc, page.part, raw));
        }
      }
      expect(lost, "acknowledged answers missing right after kill -9").toEqual([]);
      expect(() => process.kill(victim.pid, 0), "the killed bot process is gone").toThrow();
      current = await startBot();
      restarted();
      return acked;
    };

    const walk = async (c: BenchContact) => {
      const ref = { roundId: c.roundId, reportId: c.reportId };
      const mine = acks.get(c) as Map<string, Record<string, string>>;
      let card: unknown;
      const reopen = async () => {
        for (;;) {
          await up;
          const r = await press(post, connector.url, c, "report.open", ref);
          if (r.card !== undefined) return r.card;
          connectionErrors++;
          await sleep(50);
        }
      };
      card = await reopen();
      for (;;) {
        const sid = pageOf(card);
        if (sid === undefined) break; // the review card: every page is answered
        const k = PAGES_2024.findIndex((p) => pageKey(p) === sid);
        const page = PAGES_2024[k];
        if (page === undefined) throw new Error(`unknown page ${sid}`);
        // Resuming at a page the bot had acknowledged means its answers are not stored (the last
        // section has no required questions, so a complete report resumes there: not a loss).
        if (mine.has(sid) && k < PAGES_2024.length - 1) resumedEarly.push(`${c.reportId}/${sid}`);
        const raw = rawFor(page.part, c.index + k);
        const r: CardReply = await press(post, connector.url, c, "section.save", saveData(card) ?? {}, raw);
        const following = PAGES_2024[k + 1];
        const expected = following === undefined ? undefined : pageKey(following);
        const acknowledged =
          r.status === 200 &&
          (expected === undefined
            ? actionData(r.card, "report.submit") !== undefined
            : pageOf(r.card) === expected);
        if (!acknowledged) {
          connectionErrors++;
          card = await reopen();
          continue;
        }
        mine.set(sid, raw);
        ackCount++;
        if (ackCount === KILL_AFTER_ACKS) killed = kill();
        card = r.card;
      }
      // Send it (after the restart everyone gets here).
      for (let attempt = 1; ; attempt++) {
        await up;
        const submit = actionData(card, "report.submit");
        if (submit !== undefined) {
          const r = await press(post, connector.url, c, "report.submit", submit);
          if (isReceipt(r.card)) return;
        }
        if (attempt >= 200) throw new Error(`${c.reportId}: no receipt after ${attempt} tries`);
        await sleep(50);
        card = (await press(post, connector.url, c, "report.review", ref)).card;
      }
    };

    await Promise.all(contacts.map(walk));
    const ackedAtKill = await killed;
    client.close();

    expect(ackedAtKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(connectionErrors, "the kill happened while requests were in flight").toBeGreaterThan(0);
    expect(resumedEarly).toEqual([]);
    const lost: string[] = [];
    for (const c of contacts) {
      const doc = (await reports.get(c.roundId, c.reportId))?.doc;
      if (doc?.status !== "submitted") lost.push(`${c.reportId}: ${doc?.status}`);
      for (const [k, page] of PAGES_2024.entries()) {
        if (doc !== undefined) lost.push(...missingAnswers(doc, page.part, rawFor(page.part, c.index + k)));
      }
    }
    expect(lost).toEqual([]);
  });
});
