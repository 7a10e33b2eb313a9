/** botbuilder ConversationReference <-> our own ConversationTarget (so src/ never sees botbuilder). */
import { type Activity, type ConversationReference, TurnContext } from "botbuilder";
import type { ConversationTarget } from "../src/reminders/messenger.ts";

export function targetOf(activity: Activity): ConversationTarget {
  const ref = TurnContext.getConversationReference(activity);
  const tenantId =
    activity.conversation?.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    serviceUrl: ref.serviceUrl ?? activity.serviceUrl,
    channelId: ref.channelId ?? activity.channelId,
    conversationId: ref.conversation?.id ?? activity.conversation.id,
    ...(tenantId !== undefined ? { tenantId } : {}),
    ...(ref.bot?.id !== undefined ? { botId: ref.bot.id } : {}),
    ...(activity.from?.id !== undefined ? { userId: activity.from.id } : {}),
  };
}

export function referenceOf(target: ConversationTarget): Partial<ConversationReference> {
  return {
    serviceUrl: target.serviceUrl,
    channelId: target.channelId,
    conversation: {
      id: target.conversationId,
      isGroup: false,
      conversationType: "personal",
      name: "",
      ...(target.tenantId !== undefined ? { tenantId: target.tenantId } : {}),
    },
    ...(target.botId !== undefined ? { bot: { id: target.botId, name: "" } } : {}),
    ...(target.userId !== undefined ? { user: { id: target.userId, name: "" } } : {}),
  };
}
