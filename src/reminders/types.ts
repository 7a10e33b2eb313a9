/**
 * Documents of the ledger container (partition key /roundId) and the data of one reminder message.
 * Pure types.
 */
import type { Lang } from "../i18n/lang.ts";
import type { StageKind } from "./schedule.ts";

/**
 * The life of one reminder (one report, one recipient, one stage), keyed so that creating it is the
 * claim: only one run anywhere can create it.
 *
 *   (absent) --claim--> sending --> sent | unreachable | failed
 *   failed  --reclaim (If-Match)--> sending          (a later run retries: it was not delivered)
 *   sending, older than the lease --(If-Match)--> uncertain   (the sender died mid-send; never resent)
 */
export type ReminderStatus = "sending" | "sent" | "unreachable" | "failed" | "uncertain";

export interface ReminderRecord {
  /** `rem:<reportId>:<recipientKey>:<stageId>` */
  id: string;
  kind: "reminder";
  roundId: string;
  reportId: string;
  /** Stable key of the recipient (see recipientKey in recipients.ts). */
  recipient: string;
  recipientRole: "contact" | "coeditor";
  stage: string;
  stageKind: StageKind;
  /** When the stage was due (ISO). */
  dueAt: string;
  status: ReminderStatus;
  /** The run (instance) that holds or held the claim. */
  owner: string;
  claimedAt: string;
  /** Send attempts so far, over all runs. */
  attempts: number;
  sentAt?: string;
  activityId?: string;
  /** Why it is unreachable / failed / uncertain. */
  error?: { status?: number; code?: string; message?: string };
  updatedAt: string;
}

export type ReachStatus = "unreachable" | "no_conversation";

/**
 * Per report and recipient: what they chose (snooze, opt-out, co-editors) and whether we could
 * reach them. Kept in the ledger container, not on the report, so neither a click on a reminder nor
 * a reminder run ever contends with the answer path's conditional writes on the report. Written with
 * patch (field by field), so the person's choices and the run's reach state never overwrite each other.
 */
export interface RecipientState {
  /** `rcp:<reportId>:<recipientKey>` */
  id: string;
  kind: "recipient";
  roundId: string;
  reportId: string;
  recipient: string;
  /** "Ikke flere påminnelser": when (ISO), or null when cleared. */
  optedOutAt?: string | null;
  /** "Minn meg på i morgen": the instant the extra reminder is due (ISO), or null. */
  snoozeUntil?: string | null;
  /** Contact only: also remind the report's co-editors. */
  includeCoEditors?: boolean | null;
  /** Last time we could not reach the recipient (for the staff digest); null once reached again. */
  reach?: { status: ReachStatus; code?: string; at: string; stage: string } | null;
  updatedAt: string;
}

export type LedgerDoc = ReminderRecord | RecipientState;

/** Everything a reminder card shows, built by the service and rendered in cards/reminder.ts. */
export interface ReminderMessage {
  roundId: string;
  reportId: string;
  stageId: string;
  stageKind: StageKind;
  recipientRole: "contact" | "coeditor";
  partnershipName: string;
  tiltakName: string;
  /** ISO instant of the deadline. */
  deadline: string;
  /** "fredag 15. januar" */
  deadlineDate: string;
  /** "kl. 23.59" */
  deadlineClock: string;
  daysLeft: number;
  /** "i dag", "i morgen", "om 3 dager" */
  daysLeftText: string;
  sectionsDone: number;
  sectionsTotal: number;
  /** Index of the first section with unanswered required questions. */
  resumeSection: number;
  resumeSectionTitle: string;
  /** "Minn meg på i morgen" makes sense (tomorrow is before the deadline). */
  canSnooze: boolean;
  /** "Ikke flere påminnelser" makes sense (not on the deadline-day reminder). */
  canOptOut: boolean;
  /** The recipient's written standard (the texts above are bokmål; the card writes nynorsk from the raw values). */
  lang?: Lang;
}

/** Builds the card (cards/reminder.ts) from the message; passed in by the composition root. */
export type ReminderCardBuilder = (message: ReminderMessage) => object;
