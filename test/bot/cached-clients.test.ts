/**
 * ClientReusingAuthentication (bot/cached-clients.ts): the same ConnectorClient for every inbound turn
 * of one bot app id, service URL and audience, a new one when any differs or for a proactive send, and
 * one UserTokenClient per app id.
 * Anonymous local auth (no app id), as the Playground and the benchmarks run.
 */
import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { ClientReusingAuthentication } from "../../bot/cached-clients.ts";

const activity = (serviceUrl: string) =>
  ({
    type: "message",
    channelId: "msteams",
    serviceUrl,
    from: { id: "29:u" },
    conversation: { id: "a:c" },
    recipient: { id: "28:bot" },
  }) as Activity;

describe("ClientReusingAuthentication", () => {
  const auth = () => new ClientReusingAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "" });

  it("should give every turn of one service URL the same connector client", async () => {
    const a = auth();
    const first = await a.authenticateRequest(activity("http://127.0.0.1:1/a/"), "");
    const second = await a.authenticateRequest(activity("http://127.0.0.1:1/a/"), "");
    const url = "http://127.0.0.1:1/a/";
    const c1 = await first.connectorFactory?.create(url, first.audience);
    const c2 = await second.connectorFactory?.create(url, second.audience);
    expect(c1).toBeDefined();
    expect(c2).toBe(c1);
    // The client really points at that service URL.
    expect((c1 as unknown as { baseUri?: string }).baseUri).toBe(url);
  });

  it("should make a new client for another service URL or audience", async () => {
    const a = auth();
    const r = await a.authenticateRequest(activity("http://127.0.0.1:1/a/"), "");
    const one = await r.connectorFactory?.create("http://127.0.0.1:1/a/", "x");
    expect(await r.connectorFactory?.create("http://127.0.0.1:1/b/", "x")).not.toBe(one);
    expect(await r.connectorFactory?.create("http://127.0.0.1:1/a/", "y")).not.toBe(one);
    // Proactive sends (createConnectorFactory) get their own client: they remove its retry policy.
    const proactive = a.createConnectorFactory(r.claimsIdentity);
    expect(await proactive.create("http://127.0.0.1:1/a/", "x")).not.toBe(one);
  });

  it("should keep one user token client per bot app id", async () => {
    const a = auth();
    const r = await a.authenticateRequest(activity("http://127.0.0.1:1/a/"), "");
    const t1 = await a.createUserTokenClient(r.claimsIdentity);
    expect(await a.createUserTokenClient(r.claimsIdentity)).toBe(t1);
    // Another instance has its own clients.
    expect(await auth().createUserTokenClient(r.claimsIdentity)).not.toBe(t1);
  });
});
