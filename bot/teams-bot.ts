/**
 * The Teams activity handler: text commands, card actions (Action.Execute invokes and
 * Action.Submit messages), and remembering where to reach each person.
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import { noticeCard } from "../cards/notice.ts";
import { parseAction } from "../cards/verbs.ts";
import type { App } from "../src/app.ts";
import { actorOf } from "./actor.ts";
import { type ChannelReply, runChannelCommand } from "./handlers/channel.ts";
import { commandOf, runCommand } from "./handlers/commands.ts";
import { Identity } from "./identity.ts";
import type { Reply } from "./reply.ts";
import { route } from "./routes.ts";
import { t } from "./strings.ts";

export class TeamsBot extends TeamsActivityHandler {
  private readonly identity: Identity;

  constructor(
    private readonly app: App,
    private readonly opts: { exportSecret: Buffer | string },
  ) {
    super();
    this.identity = new Identity(app);
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    // Remember where to reach people from every activity (install events are not always delivered).
    this.onConversationUpdate(async (ctx, next) => {
      if (this.allowed(ctx)) await this.identity.resolve(ctx);
      await next();
    });
    // Greet once when the app is installed in personal scope.
    this.onInstallationUpdateAdd(async (ctx, next) => {
      if (this.allowed(ctx)) {
        const actor = await this.identity.resolve(ctx);
        if (ctx.activity.conversation.conversationType === "personal")
          await this.send(ctx, await this.safely(() => runCommand(this.app, actor, "start")));
      }
      await next();
    });
  }

  private allowed(ctx: TurnContext): boolean {
    const allow = this.app.config.allowedTenantIds;
    if (allow.length === 0) return true;
    const tenant = actorOf(ctx.activity).tenantId;
    return tenant !== undefined && allow.includes(tenant);
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    if (!this.allowed(ctx)) {
      await ctx.sendActivity(t.tenantRefused);
      return;
    }
    const actor = await this.identity.resolve(ctx);
    if (ctx.activity.conversation.conversationType === "channel" && ctx.activity.value === undefined) {
      const reply = await this.safely(() =>
        runChannelCommand(this.app, ctx, actor, { exportSecret: this.opts.exportSecret }),
      );
      await this.send(ctx, reply);
      for (const card of (reply as ChannelReply).extraCards ?? []) await this.send(ctx, { card });
      return;
    }
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    let reply: Reply;
    if (value !== undefined && typeof value === "object" && value !== null) {
      // Action.Submit (fallback for clients without Universal Actions).
      const action = parseAction(value.verb, value);
      reply =
        action === undefined
          ? { text: t.unknownAction }
          : await this.safely(() => route(this.app, actor, action));
    } else {
      reply = await this.safely(() => runCommand(this.app, actor, commandOf(ctx.activity.text ?? "")));
    }
    // In a channel the card belongs to everyone: answer in the thread, never replace the card.
    const shared = ctx.activity.conversation.conversationType === "channel";
    await this.send(ctx, reply, shared ? undefined : ctx.activity.replyToId);
  }

  /** Invokes we do not handle, or card actions without an action, are bad requests (not 501). */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const value = ctx.activity.value as { action?: unknown } | undefined;
    if (
      ctx.activity.name !== "adaptiveCard/action" ||
      typeof value?.action !== "object" ||
      value.action === null
    )
      return { status: 400 };
    return super.onInvokeActivity(ctx);
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (!this.allowed(ctx))
      return {
        statusCode: 403,
        type: "application/vnd.microsoft.error",
        value: { code: "Forbidden", message: t.tenantRefused } as never,
      };
    const actor = await this.identity.resolve(ctx);
    const action = parseAction(invokeValue?.action?.verb, invokeValue?.action?.data);
    const reply =
      action === undefined
        ? { text: t.unknownAction }
        : await this.safely(() => route(this.app, actor, action));
    if (ctx.activity.conversation.conversationType === "channel" && reply.card !== undefined) {
      // In a channel the card belongs to everyone: answer in the thread and leave the card as it is.
      await this.send(ctx, reply);
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: t.answeredInThread as never,
      };
    }
    if (reply.card !== undefined && reply.text !== undefined) await ctx.sendActivity(reply.text);
    return {
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
      value: reply.card ?? noticeCard(reply.text ?? ""),
    };
  }

  private async safely(fn: () => Promise<Reply>): Promise<Reply> {
    try {
      return await fn();
    } catch (err) {
      this.app.log.error({ err }, "turn failed");
      return { text: t.internalError };
    }
  }

  /** Send a reply; a card answering a card replaces it in place when the client allows. */
  private async send(ctx: TurnContext, reply: Reply, replaceId?: string): Promise<void> {
    if (reply.card !== undefined) {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
      if (replaceId !== undefined) {
        try {
          await ctx.updateActivity({ ...activity, id: replaceId });
          if (reply.text !== undefined) await ctx.sendActivity(reply.text);
          return;
        } catch (err) {
          this.app.log.debug({ err }, "updateActivity failed; sending a new card");
        }
      }
      await ctx.sendActivity(activity);
    }
    if (reply.text !== undefined) await ctx.sendActivity(MessageFactory.text(reply.text));
  }
}
