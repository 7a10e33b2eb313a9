/**
 * Chat messages built to make the command parsers backtrack (long runs of "!", ".", "<", an unclosed
 * mention: fuzz-families.ts PUNCTUATION_RUNS), in personal chat and in a channel, where the parser runs
 * before the staff check. The bot runs as its own process (bot/index.ts), so the CPU of one turn is
 * read from the kernel for the bot's main thread alone (/proc/<pid>/schedstat, nanoseconds): the JS
 * thread is what a slow parser blocks for everyone. Every turn must end in under 50 ms of it.
 *
 * The same process shows what the bot prints when botbuilder refuses a token: only pino's JSON lines,
 * no stack trace (botbuilder's own console.error is routed through pino, bot/library-console.ts).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseActivity, type ChatUser, messageActivity } from "../../scripts/bench-support/activities.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { type BotProcess, startBot } from "../support/bot-process.ts";
import { type LoopbackConnector, startLoopbackConnector } from "../support/loopback-connector.ts";
import { freePort } from "../support/ports.ts";
import { PUNCTUATION_RUNS } from "./fuzz-families.ts";

const ALEX: ChatUser = {
  id: "user-id-0",
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  name: "Alex",
};
const CPU_LIMIT_MS = 50;

/** CPU time of the process's main thread so far, in ms (first field of /proc/<pid>/schedstat, ns). */
function mainThreadCpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
}

function channelMessage(serviceUrl: string, text: string) {
  const a = baseActivity(serviceUrl, ALEX);
  return {
    ...a,
    type: "message",
    text,
    conversation: {
      id: "19:hostile@thread.tacv2;messageid=1",
      conversationType: "channel",
      tenantId: a.channelData.tenant.id,
    },
    channelData: {
      ...a.channelData,
      team: { id: "19:team@thread.tacv2" },
      channel: { id: "19:hostile@thread.tacv2" },
    },
  };
}

describe("chat messages that made the parsers backtrack", () => {
  let cosmos: LocalCosmos;
  let connector: LoopbackConnector;
  let bot: BotProcess;
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  /** Posts one activity; the bot's main-thread CPU in ms while it handled it. */
  const turnCpu = async (body: object): Promise<{ status: number; cpuMs: number }> => {
    const pid = bot.process.pid as number;
    const before = mainThreadCpuMs(pid);
    const res = await post(body);
    await res.arrayBuffer();
    return { status: res.status, cpuMs: mainThreadCpuMs(pid) - before };
  };

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: "cpu" });
    connector = await startLoopbackConnector();
    bot = await startBot({
      port: await freePort(),
      env: {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: "cpu",
        SEED_DEMO: "true",
      },
    });
    // Warm the paths (first turns compile code and open connections).
    for (const text of ["hei", "fortsett", "x".repeat(200_000)])
      await post(messageActivity(connector.url, ALEX, text));
    await post(channelMessage(connector.url, "<at>Bot</at> status"));
  }, 60_000);
  const cpu: string[] = [];
  afterAll(async () => {
    console.log(`main-thread CPU per turn:\n${cpu.join("\n")}`);
    await bot?.stop();
    await connector?.close();
    await cosmos?.stop();
  });

  it.each(PUNCTUATION_RUNS)(
    `should end a personal-chat turn of %s in under ${CPU_LIMIT_MS} ms of CPU`,
    async (name, text) => {
      const r = await turnCpu(messageActivity(connector.url, ALEX, text));
      cpu.push(`personal chat, ${name}: ${r.cpuMs.toFixed(1)} ms`);
      expect(r.status).toBe(200);
      expect(r.cpuMs).toBeLessThan(CPU_LIMIT_MS);
    },
  );

  it.each(PUNCTUATION_RUNS)(
    `should end a channel turn of %s in under ${CPU_LIMIT_MS} ms of CPU`,
    async (name, text) => {
      const r = await turnCpu(channelMessage(connector.url, `<at>Bot</at> ${text}`));
      cpu.push(`channel, ${name}: ${r.cpuMs.toFixed(1)} ms`);
      expect(r.status).toBe(200);
      expect(r.cpuMs).toBeLessThan(CPU_LIMIT_MS);
    },
  );

  it("should keep /healthz answering while ten such messages arrive at once", async () => {
    const worst = PUNCTUATION_RUNS[1]?.[1] as string;
    const flood = Promise.all(
      Array.from({ length: 10 }, () => post(messageActivity(connector.url, ALEX, worst))),
    );
    const started = performance.now();
    const health = await fetch(`${bot.url}/healthz`);
    const ms = performance.now() - started;
    await flood;
    expect(health.status).toBe(200);
    expect(ms).toBeLessThan(1_000);
  });
});
