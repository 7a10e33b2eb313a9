/**
 * The turn pipeline's order on real botbuilder TurnContexts (TestAdapter): channel check, tenant gate,
 * identity, route, error mapping. Identity is a recording stand-in here (the identity itself, with Cosmos
 * and the Teams member record, is exercised by the integration tests through the real bot).
 */
import { Writable } from "node:stream";
import { type Activity, TestAdapter, TurnContext } from "botbuilder";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../bot/identity.ts";
import type { Reply } from "../../bot/reply.ts";
import { replySteps, runTurn } from "../../bot/turn.ts";
import type { EdgeApp } from "../../src/app.ts";
import { texts } from "../../src/i18n/texts.ts";

const ACTOR = { id: "aad-1", name: "Kari", tenantId: "tenant-a" };

function setup(allowedTenantIds: string[] = []) {
  const lines: string[] = [];
  const log = pino(
    { level: "info" },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const app = { config: { allowedTenantIds }, log } as unknown as EdgeApp;
  const steps: string[] = [];
  const identity = {
    resolve: async () => {
      steps.push("identity");
      return ACTOR;
    },
    langSources: () => ({}),
  } as unknown as Identity;
  return { app, identity, steps, lines };
}

function context(overrides: Partial<Activity> = {}): TurnContext {
  const activity = {
    type: "message",
    channelId: "msteams",
    text: "hei",
    from: { id: "29:kari", aadObjectId: ACTOR.id, name: ACTOR.name },
    conversation: { id: "a:1", conversationType: "personal", tenantId: ACTOR.tenantId },
    recipient: { id: "28:bot", name: "bot" },
    serviceUrl: "https://smba.example/",
    ...overrides,
  } as Activity;
  return new TurnContext(new TestAdapter(), activity);
}

describe("runTurn", () => {
  it("should refuse another channel before the tenant gate, identity and route", async () => {
    const { app, identity, steps } = setup(["tenant-b"]);
    for (const channelId of ["webchat", "directline", "emulator", "", undefined]) {
      const turn = await runTurn(
        app,
        identity,
        context({ channelId: channelId as string }),
        replySteps(async () => {
          steps.push("route");
          return {};
        }),
      );
      expect(turn).toEqual({ kind: "refused", gate: "channel" });
    }
    expect(steps).toEqual([]);
  });

  it("should refuse a tenant outside the allow-list before identity and route", async () => {
    const { app, identity, steps } = setup(["tenant-b"]);
    const turn = await runTurn(
      app,
      identity,
      context(),
      replySteps(async () => ({})),
    );
    expect(turn).toEqual({ kind: "refused", gate: "tenant" });
    expect(steps).toEqual([]);
  });

  it("should resolve identity, then route with that actor", async () => {
    const { app, identity, steps } = setup(["tenant-a"]);
    const turn = await runTurn(
      app,
      identity,
      context(),
      replySteps(async (actor) => {
        steps.push(`route ${actor.id}`);
        return { text: "ok" };
      }),
    );
    expect(steps).toEqual(["identity", "route aad-1"]);
    // The actor carries the turn's written standard (no choice, no målform, no locale: bokmål).
    expect(turn).toEqual({ kind: "answered", actor: { ...ACTOR, lang: "nb" }, result: { text: "ok" } });
  });

  it("should map a failing route to the polite message and log the details only", async () => {
    const { app, identity, lines } = setup();
    const turn = await runTurn<Reply>(
      app,
      identity,
      context(),
      replySteps(async () => {
        throw Object.assign(new Error("Service unavailable"), { code: 503 });
      }),
    );
    expect(turn).toEqual({
      kind: "answered",
      actor: { ...ACTOR, lang: "nb" },
      result: { text: texts("nb").bot.internalError },
    });
    const logged = lines.join("");
    expect(logged).toContain("turn failed");
    expect(logged).toContain("Service unavailable");
    expect(logged).toContain('"storage":true');
  });
});
