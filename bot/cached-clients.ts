/**
 * Bot Framework authentication that reuses its outbound clients. CloudAdapter asks for a new
 * ConnectorClient and a new UserTokenClient on every turn, and each builds an HTTP pipeline of about a
 * dozen policies: together ~7 % of an answer step's CPU, for clients that differ only by bot app id,
 * service URL and audience. Here they are made once per such key and kept (botbuilder's older
 * BotFrameworkAdapter did the same with its connector clients); tokens stay with the credentials
 * inside them, which renew them as before. Authentication of inbound requests is unchanged.
 *
 * Only inbound turns share connector clients. Proactive sends (createConnectorFactory, through
 * continueConversationAsync) keep a new client each: bot/proactive.ts removes the client's built-in
 * retry policy for its paced sends, which must not leak into the replies of ordinary turns.
 */
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type Inner = ConfigurationBotFrameworkAuthentication;
type Claims = Parameters<Inner["createConnectorFactory"]>[0];
type ConnectorFactory = ReturnType<Inner["createConnectorFactory"]>;
type AuthResult = Awaited<ReturnType<Inner["authenticateRequest"]>>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type UserTokenClient = Awaited<ReturnType<Inner["createUserTokenClient"]>>;

/** Service URLs are a handful per cloud; the bound only guards against surprises. */
const MAX_CLIENTS = 200;

/** The bot app id of a turn, as botframework-connector reads it (audience claim, else appid). */
function appIdOf(claims: Claims): string {
  return claims.getClaimValue("aud") ?? claims.getClaimValue("appid") ?? "";
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (hit === undefined) {
    if (cache.size >= MAX_CLIENTS) cache.clear();
    hit = make();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key)); // a failed creation is tried again next time
  }
  return hit;
}

export class ClientReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  private reusing(appId: string, factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        remember(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ""}`, () =>
          factory.create(serviceUrl, audience),
        ),
    } as ConnectorFactory;
  }

  private reusingResult(result: AuthResult): AuthResult {
    const { connectorFactory } = result;
    if (connectorFactory === undefined) return result;
    return { ...result, connectorFactory: this.reusing(appIdOf(result.claimsIdentity), connectorFactory) };
  }

  override async authenticateRequest(...args: Parameters<Inner["authenticateRequest"]>) {
    return this.reusingResult(await super.authenticateRequest(...args));
  }

  override async authenticateStreamingRequest(...args: Parameters<Inner["authenticateStreamingRequest"]>) {
    return this.reusingResult(await super.authenticateStreamingRequest(...args));
  }

  override createUserTokenClient(claims: Claims): Promise<UserTokenClient> {
    return remember(this.tokenClients, appIdOf(claims), () => super.createUserTokenClient(claims));
  }
}
