/**
 * Opens the bot's personal chat with someone it has never met (the ConversationOpener port of
 * src/people/reach-service.ts): Bot Connector createConversation through CloudAdapter
 * .createConversationAsync, at the Teams service URL from config (TEAMS_SERVICE_URL). Teams accepts the
 * user's Entra object id as the member id once the app is installed for them (Graph, step before).
 * Errors are mapped, never thrown (same mapping as proactive sends).
 */
import type { CloudAdapter, ConversationParameters } from "botbuilder";
import type { ConversationOpener } from "../src/people/reach-service.ts";
import type { ConversationTarget } from "../src/reminders/messenger.ts";
import { toSendResult } from "./proactive.ts";

/** The Bot Framework channel audience (AuthenticationConstants.ToChannelFromBotOAuthScope). */
const CHANNEL_AUDIENCE = "https://api.botframework.com";

export class TeamsConversationOpener implements ConversationOpener {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly serviceUrl: string,
  ) {}

  async openPersonal(user: { id: string; tenantId: string }) {
    const params = {
      isGroup: false,
      bot: { id: this.botAppId, name: "" },
      members: [{ id: user.id, name: "" }],
      tenantId: user.tenantId,
      channelData: { tenant: { id: user.tenantId } },
    } as ConversationParameters;
    let target: ConversationTarget | undefined;
    try {
      await this.adapter.createConversationAsync(
        this.botAppId,
        "msteams",
        this.serviceUrl,
        CHANNEL_AUDIENCE,
        params,
        async (ctx) => {
          const id = ctx.activity.conversation?.id;
          if (typeof id === "string" && id !== "")
            target = {
              serviceUrl: this.serviceUrl,
              channelId: "msteams",
              conversationId: id,
              tenantId: user.tenantId,
              ...(this.botAppId !== "" ? { botId: this.botAppId } : {}),
              userId: user.id,
            };
        },
      );
    } catch (err) {
      const r = toSendResult(err);
      const status = "status" in r ? r.status : undefined;
      const code = ("code" in r ? r.code : undefined) ?? r.kind;
      return { ok: false as const, ...(status !== undefined ? { status } : {}), code };
    }
    return target !== undefined
      ? { ok: true as const, target }
      : { ok: false as const, code: "NoConversationId" };
  }
}
