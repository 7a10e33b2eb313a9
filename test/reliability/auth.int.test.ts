/**
 * Bot Framework authentication at POST /api/messages with an app id configured (MultiTenant): no token,
 * a garbage token, forged tokens (unknown key, wrong signature, alg none, emulator issuer), an expired
 * token and a token for another bot must all get 401 without the bot doing anything.
 *
 * botbuilder validates a token against the signing keys published at login.botframework.com (OpenID
 * metadata + JWKS) and fetches them BEFORE it looks at the signature or the expiry. These machines
 * have no internet, so the first test shows what happens then (it must not hang). The rest pre-load
 * botbuilder's metadata cache with one trusted test key, as if the JWKS had been downloaded, so
 * validation runs fully offline; a token signed with that key is the positive control.
 */
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { AuthenticationConstants } from "botframework-connector";
import { JwtTokenExtractor } from "botframework-connector/lib/auth/jwtTokenExtractor.js";
import { OpenIdMetadata } from "botframework-connector/lib/auth/openIdMetadata.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, type TestUser } from "../support/bot-harness.ts";

const APP_ID = "3f2b8c1e-7a4d-4e9b-9c1a-2b6d8e0f4a71";
const CHANNEL_ISSUER = "https://api.botframework.com";
const EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
const TRUSTED_KID = "reliability-test-key";

const user: TestUser = { id: "29:auth-user", aadObjectId: "aad-auth-user", name: "Auth Tester" };

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const head = b64({ alg: "RS256", typ: "JWT", kid, x5t: kid });
  const body = b64(claims);
  const sig = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key).toString("base64url");
  return `${head}.${body}.${sig}`;
}

/** Pretend botbuilder already downloaded the JWKS: one trusted key, endorsed for msteams. */
function trustKey(publicKey: KeyObject): void {
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, OpenIdMetadata> })
    .openIdMetadataCache;
  for (const url of [
    AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  ]) {
    const metadata = new OpenIdMetadata(url);
    Object.assign(metadata, {
      lastUpdated: Date.now(),
      keys: [{ kty: "RSA", kid: TRUSTED_KID, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }],
    });
    cache.set(url, metadata);
  }
}

describe("authentication with an app id configured", () => {
  let h: Harness;
  const trusted = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const now = () => Math.floor(Date.now() / 1000);
  const activity = () => ({
    channelId: "msteams",
    serviceUrl: h.connector.url,
    id: randomUUID(),
    type: "message",
    text: "hjelp",
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    recipient: { id: `28:${APP_ID}`, name: "Bot" },
    conversation: { id: `personal-${user.id}`, conversationType: "personal" },
  });
  const channelClaims = (over: Record<string, unknown> = {}) => ({
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    serviceurl: h.connector.url,
    nbf: now() - 60,
    iat: now() - 60,
    exp: now() + 3600,
    ...over,
  });
  const post = async (authorization?: string) => {
    const started = performance.now();
    const res = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity()),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: await res.text(), ms: performance.now() - started };
  };
  /** Nothing may have happened: no message sent, no person stored. */
  const expectUntouched = async () => {
    expect(h.connector.calls()).toHaveLength(0);
    expect(await h.running.app.repos.people.get(user.aadObjectId)).toBeUndefined();
  };

  // Installed before the bot starts, so they see exactly what reaches the console (test runner's).
  const consoleSpies = (["error", "warn", "log", "info"] as const).map((m) => vi.spyOn(console, m));

  beforeAll(async () => {
    h = await startHarness({
      env: {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "not-a-real-secret",
        MICROSOFT_APP_TYPE: "MultiTenant",
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  // Runs first, before the key cache is filled: botbuilder has to fetch the metadata and cannot.
  it("should refuse a forged token quickly, without hanging, when the signing keys cannot be fetched", async () => {
    const r = await post(`Bearer ${signJwt(attacker.privateKey, "unknown", channelClaims())}`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.ms).toBeLessThan(5_000);
    await expectUntouched();
  });

  // KNOWN PRODUCT BUG (see the reliability report): offline, botbuilder's fetch error is not an
  // AuthenticationError, so CloudAdapter answers 500 with the internal error text
  // ("request to https://login.botframework.com/... failed, reason: getaddrinfo ENOTFOUND ...").
  it("should answer 401 (not 500 with internal details) when the signing keys cannot be fetched", async () => {
    const r = await post(`Bearer ${signJwt(attacker.privateKey, "unknown-2", channelClaims())}`);
    expect(r.status).toBe(401);
    expect(r.body).not.toContain("login.botframework.com");
  });

  describe("with botbuilder's key cache holding one trusted key", () => {
    beforeAll(() => trustKey(trusted.publicKey));

    it("should answer 401 to a POST without a token", async () => {
      expect((await post()).status).toBe(401);
      await expectUntouched();
    });

    it("should answer 401 to a token that is not a JWT", async () => {
      expect((await post("Bearer not-a-token")).status).toBe(401);
      expect((await post("Basic dXNlcjpwYXNz")).status).toBe(401);
      await expectUntouched();
    });

    it("should answer 401 to a token signed with an unknown key", async () => {
      const r = await post(`Bearer ${signJwt(attacker.privateKey, "attacker-key", channelClaims())}`);
      expect(r.status).toBe(401);
      await expectUntouched();
    });

    const wrongSignature = () => signJwt(attacker.privateKey, TRUSTED_KID, channelClaims());
    const unsigned = () => `${b64({ alg: "none", typ: "JWT", kid: TRUSTED_KID })}.${b64(channelClaims())}.`;

    it("should refuse, and run nothing for, a token with the trusted key id but another signature, or none", async () => {
      for (const token of [wrongSignature(), unsigned()]) {
        const r = await post(`Bearer ${token}`);
        expect(r.status).toBeGreaterThanOrEqual(400);
      }
      await expectUntouched();
    });

    // KNOWN PRODUCT BUG (see the reliability report): botbuilder's JwtTokenExtractor rethrows
    // jsonwebtoken's JsonWebTokenError ("invalid signature", "jwt signature is required") as it is, and
    // CloudAdapter.process maps anything but AuthenticationError to 500 with the error text as body.
    it("should answer 401 (not 500) to a token with the trusted key id but another signature", async () => {
      expect((await post(`Bearer ${wrongSignature()}`)).status).toBe(401);
    });
    it("should answer 401 (not 500) to an unsigned token (alg none)", async () => {
      expect((await post(`Bearer ${unsigned()}`)).status).toBe(401);
    });

    it("should answer 401 to an expired token signed with the trusted key", async () => {
      const claims = channelClaims({ nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 });
      const r = await post(`Bearer ${signJwt(trusted.privateKey, TRUSTED_KID, claims)}`);
      expect(r.status).toBe(401);
      await expectUntouched();
    });

    it("should answer 401 to a trusted token for another bot (audience) or another issuer", async () => {
      const otherBot = channelClaims({ aud: randomUUID() });
      expect((await post(`Bearer ${signJwt(trusted.privateKey, TRUSTED_KID, otherBot)}`)).status).toBe(401);
      const otherIssuer = channelClaims({ iss: "https://evil.example.com" });
      expect((await post(`Bearer ${signJwt(trusted.privateKey, TRUSTED_KID, otherIssuer)}`)).status).toBe(
        401,
      );
      await expectUntouched();
    });

    it("should answer 401 to a forged emulator token", async () => {
      const claims = { iss: EMULATOR_ISSUER, aud: APP_ID, appid: APP_ID, ver: "1.0", exp: now() + 3600 };
      expect((await post(`Bearer ${signJwt(attacker.privateKey, "attacker-key", claims)}`)).status).toBe(401);
      await expectUntouched();
    });

    // botbuilder's JwtTokenExtractor calls console.error(err) for an expired token and prints the
    // key ids for an unknown one: multi-line stack traces on stdout/stderr, outside pino. They are
    // routed through pino now (bot/library-console.ts: type, message, code and status; no stack).
    it("should print nothing to the console (no stack traces) when it refuses tokens", async () => {
      const calls = () => consoleSpies.flatMap((spy) => spy.mock.calls);
      const before = calls().length;
      const expired = channelClaims({ nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 });
      for (const token of [
        signJwt(trusted.privateKey, TRUSTED_KID, expired),
        signJwt(attacker.privateKey, "attacker-key", channelClaims()),
        wrongSignature(),
        unsigned(),
      ])
        expect((await post(`Bearer ${token}`)).status).toBe(401);
      const printed = calls()
        .slice(before)
        .map((args) =>
          args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "),
        );
      expect(printed).toEqual([]);
    });

    it("should accept a valid token signed with the trusted key (the control for the refusals above)", async () => {
      const r = await post(`Bearer ${signJwt(trusted.privateKey, TRUSTED_KID, channelClaims())}`);
      // The turn runs; its reply through the connector needs an outbound token from Entra ID, which
      // cannot be had offline, so only the inbound side is checked here.
      expect(r.status).toBe(200);
      expect(await h.running.app.repos.people.get(user.aadObjectId)).toBeDefined();
    });
  });
});
