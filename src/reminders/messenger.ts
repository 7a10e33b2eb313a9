/**
 * The port through which reminders leave the product. bot/proactive.ts implements it with
 * botbuilder; tests use a plain object. `send` never throws for an HTTP outcome: it maps it.
 */

/** Where to send a proactive message, independent of botbuilder types. */
export interface ConversationTarget {
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  tenantId?: string;
  botId?: string;
  userId?: string;
}

export type SendResult =
  /** Delivered; the channel's id of the new message when it gave one. */
  | { kind: "ok"; activityId?: string }
  /** 429: not delivered; try again after `retryAfterMs` (from Retry-After) or a back-off. */
  | { kind: "throttled"; retryAfterMs?: number }
  /** 403 (blocked, uninstalled, not in roster) or 404 (conversation gone): never retried. */
  | { kind: "unreachable"; status: 403 | 404; code: string }
  /** Not delivered (5xx, connection refused, ...): may be retried. */
  | { kind: "failed"; status?: number; code?: string; message: string }
  /**
   * No answer after the request may have reached Teams (connection reset, timeout): whether it was
   * delivered cannot be known, so it is never retried (at most once, see src/reminders/README.md).
   */
  | { kind: "unknown"; code?: string; message: string };

export interface Messenger {
  send(target: ConversationTarget, card: object): Promise<SendResult>;
}
