/**
 * The Teams activity handler. Every activity kind goes through the one turn pipeline (bot/turn.ts:
 * channel check, tenant gate, identity, route, error mapping); this file only says what each kind
 * routes to and how its reply is delivered (sent, updated in place, or as the invoke response).
 */
import {
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import { noticeCard } from "../cards/notice.ts";
import { parseAction } from "../cards/verbs.ts";
import type { EdgeApp } from "../src/app.ts";
import { DEFAULT_LANG } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Actor } from "../src/reports/types.ts";
import { receiveFiles } from "./handlers/attachment-actions.ts";
import { runChannelCommand } from "./handlers/channel.ts";
import { commandOf, runCommand } from "./handlers/commands.ts";
import { fileAttachmentsOf } from "./handlers/import-actions.ts";
import { Identity } from "./identity.ts";
import { BAD_INVOKE, invokeResponse } from "./invoke-response.ts";
import { botText } from "./lang.ts";
import type { Reply } from "./reply.ts";
import { actions, route } from "./routes.ts";
import { onTeamMembersChanged } from "./team-members.ts";
import { replySteps, runTurn } from "./turn.ts";

/** Refusals come before identity (another channel or tenant): bokmål. */
const refusedText = texts(DEFAULT_LANG).bot;

export class TeamsBot extends TeamsActivityHandler {
  private readonly identity: Identity;

  constructor(
    private readonly app: EdgeApp,
    private readonly opts: { exportSecret: Buffer | string },
  ) {
    super();
    this.identity = new Identity(app);
    this.onMessage(async (ctx, next) => {
      const turn = await runTurn(
        app,
        this.identity,
        ctx,
        replySteps((actor) => this.routeMessage(ctx, actor)),
      );
      if (turn.kind === "refused") {
        // Another channel gets no answer at all; another tenant is told why.
        if (turn.gate === "tenant") await ctx.sendActivity(refusedText.tenantRefused);
      } else await this.deliverMessage(ctx, turn.result);
      await next();
    });
    // Remember where to reach people from every activity (install events are not always delivered);
    // members joining or leaving the staff team change who is staff at once.
    this.onConversationUpdate(async (ctx, next) => {
      await runTurn(
        app,
        this.identity,
        ctx,
        replySteps(async () => {
          await onTeamMembersChanged(app, ctx);
          return {};
        }),
      );
      await next();
    });
    // Greet once when the app is installed in personal scope.
    this.onInstallationUpdateAdd(async (ctx, next) => {
      const turn = await runTurn(
        app,
        this.identity,
        ctx,
        replySteps(async (actor) =>
          ctx.activity.conversation.conversationType === "personal" ? runCommand(app, actor, "start") : {},
        ),
      );
      if (turn.kind === "answered") await this.send(ctx, turn.result);
      await next();
    });
  }

  /** A typed command, a channel command, or an Action.Submit (clients without Universal Actions). */
  private async routeMessage(ctx: TurnContext, actor: Actor): Promise<Reply> {
    const value: unknown = ctx.activity.value;
    if (ctx.activity.conversation.conversationType === "channel" && value === undefined)
      return runChannelCommand(this.app, ctx, actor, { exportSecret: this.opts.exportSecret });
    const files = fileAttachmentsOf(ctx.activity.attachments);
    if (files.length > 0)
      return receiveFiles(this.app, actor, files, ctx.activity.conversation.conversationType === "personal");
    if (typeof value === "object" && value !== null) {
      const action = parseAction((value as { verb?: unknown }).verb, value);
      return action === undefined
        ? { text: botText(actor).unknownAction }
        : route(this.app, actor, action, actions, ctx);
    }
    const typed = ctx.activity.text ?? "";
    return runCommand(this.app, actor, commandOf(typed), typed);
  }

  private async deliverMessage(ctx: TurnContext, reply: Reply): Promise<void> {
    // In a channel the card belongs to everyone: answer in the thread, never replace the card.
    const shared = ctx.activity.conversation.conversationType === "channel";
    await this.send(ctx, reply, shared ? undefined : ctx.activity.replyToId);
    for (const card of reply.extraCards ?? []) await this.send(ctx, { card });
  }

  /**
   * Every invoke, through the pipeline. Invokes we do not handle, or card actions without an
   * Action.Execute, are bad requests (not 501); another channel or tenant gets 403.
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const turn = await runTurn(this.app, this.identity, ctx, {
      route: (actor) => this.routeInvoke(ctx, actor),
      failed: (text) => invokeResponse({ kind: "card", card: noticeCard(text) }),
    });
    if (turn.kind === "refused") {
      const message = turn.gate === "tenant" ? refusedText.tenantRefused : refusedText.channelRefused;
      return invokeResponse({ kind: "error", status: 403, code: "Forbidden", message });
    }
    return turn.result;
  }

  private async routeInvoke(ctx: TurnContext, actor: Actor): Promise<InvokeResponse> {
    const value = ctx.activity.value as
      | { action?: { type?: unknown; verb?: unknown; data?: unknown } }
      | undefined;
    const action = value?.action;
    if (ctx.activity.name !== "adaptiveCard/action" || typeof action !== "object" || action === null)
      return BAD_INVOKE;
    if (action.type !== "Action.Execute")
      return invokeResponse({
        kind: "error",
        status: 400,
        code: "NotSupported",
        message: `The action '${String(action.type)}' is not supported.`,
      });
    const parsed = parseAction(action.verb, action.data);
    const reply: Reply =
      parsed === undefined
        ? { text: botText(actor).unknownAction }
        : await route(this.app, actor, parsed, actions, ctx);
    if (ctx.activity.conversation.conversationType === "channel" && reply.card !== undefined) {
      // In a channel the card belongs to everyone: answer in the thread and leave the card as it is.
      await this.send(ctx, reply);
      for (const card of reply.extraCards ?? []) await this.send(ctx, { card });
      return invokeResponse({ kind: "message", text: botText(actor).answeredInThread });
    }
    // A text answer (a refusal, "not found") in a channel: a message response, so the shared card stays.
    if (ctx.activity.conversation.conversationType === "channel" && reply.text !== undefined)
      return invokeResponse({ kind: "message", text: reply.text });
    if (reply.card !== undefined && reply.text !== undefined) await ctx.sendActivity(textMessage(reply));
    // A reply in several cards: the first replaces the card clicked, the rest follow as messages.
    for (const card of reply.extraCards ?? []) await this.send(ctx, { card });
    return invokeResponse({
      kind: "card",
      card: reply.card ?? noticeCard(reply.text ?? "", { plain: reply.plain === true }),
    });
  }

  /** Send a reply; a card answering a card replaces it in place when the client allows. */
  private async send(ctx: TurnContext, reply: Reply, replaceId?: string): Promise<void> {
    if (reply.card !== undefined) {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
      if (replaceId !== undefined) {
        try {
          await ctx.updateActivity({ ...activity, id: replaceId });
          if (reply.text !== undefined) await ctx.sendActivity(textMessage(reply));
          return;
        } catch (err) {
          this.app.log.debug({ err }, "updateActivity failed; sending a new card");
        }
      }
      await ctx.sendActivity(activity);
    }
    if (reply.text !== undefined) await ctx.sendActivity(textMessage(reply));
  }
}

/**
 * A reply's text as a message: Markdown (our own texts), or textFormat "plain" when it holds person
 * text, which Teams then shows raw ("1. desember" stays a date, "*x*" keeps its stars).
 */
function textMessage(reply: Reply) {
  const activity = MessageFactory.text(reply.text ?? "");
  if (reply.plain === true) activity.textFormat = "plain";
  return activity;
}
