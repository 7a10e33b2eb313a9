/**
 * The stored round document. A pure type, shared by services and storage.
 */
import type { ConversationTarget } from "../reminders/messenger.ts";

/** A reporting round of one county. Container "rounds", partition key /id. */
export interface RoundDoc {
  id: string;
  county: string;
  formId: string;
  reportingYear: number;
  /** ISO instant of the deadline (default 15 January 23:59 Europe/Oslo of the following year). */
  deadline: string;
  /** Entra object ids of county staff (configured, imported, or members of the bound staff team). */
  staffIds: string[];
  /** The staff channel the round reports to, bound with "@bot bruk denne kanalen". */
  staffChannel?: ConversationTarget & {
    teamId?: string;
    channelName?: string;
    /** The digest card posted last (updated in place) and the schedule slot it was for. */
    digestActivityId?: string;
    lastDigestSlot?: string;
  };
  createdAt: string;
}
