/**
 * The stored round document. A pure type, shared by services and storage.
 */
import type { Lang } from "../i18n/lang.ts";
import type { ConversationTarget } from "../reminders/messenger.ts";

/** A reporting round of one county. Container "rounds", partition key /id. */
export interface RoundDoc {
  id: string;
  county: string;
  formId: string;
  reportingYear: number;
  /** ISO instant of the deadline (default 15 January 23:59 Europe/Oslo of the following year). */
  deadline: string;
  /**
   * Entra object ids of the round's imported staff. Members of the bound staff team are staff while
   * they are members (src/people/staff-membership.ts); they are not added here.
   */
  staffIds: string[];
  /** The written standard of staff cards and channel posts (import «runde_målform»: nb/nn); bokmål when absent. */
  malform?: Lang;
  /** Receipt numbers reserved so far in this round, given or held by a process (raised with If-Match by blocks). */
  receiptCounter?: number;
  /** The staff channel the round reports to, bound with "@bot bruk denne kanalen". */
  staffChannel?: ConversationTarget & {
    teamId?: string;
    channelName?: string;
    /**
     * Counts the times Teams told us the team's members changed (and binds): a cached membership
     * answer is trusted only for the version it was fetched at (src/people/staff-membership.ts).
     */
    membersVersion?: number;
    /** The digest card posted last (updated in place) and the schedule slot it was for. */
    digestActivityId?: string;
    lastDigestSlot?: string;
  };
  createdAt: string;
}
