/**
 * The stored person document. A pure type, shared by services and storage.
 */
import type { Lang } from "../i18n/lang.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";

/** A person we have seen in Teams. Container "people", partition key /id (= Actor.id). */
export interface PersonDoc {
  id: string;
  name: string;
  email?: string;
  tenantId?: string;
  /** A B2B guest of the bot's tenant (from the Teams member record). Never staff. */
  guest?: boolean;
  target?: ConversationTarget;
  /**
   * Set by a reminder run when Teams refused a proactive message to `target` (403: blocked or
   * uninstalled, 404: conversation gone); cleared by a later successful send. A fresh `target`
   * from a new activity means the person is reachable again.
   */
  unreachable?: { status: 403 | 404; code: string; at: string };
  /** The person's own choice of written standard («bokmål» / «nynorsk» in chat or on the welcome card). */
  lang?: Lang;
  /** Teams' locale of the person's last personal-chat activity (e.g. "nn-NO"), for messages sent later. */
  locale?: string;
  updatedAt: string;
}
