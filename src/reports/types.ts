/**
 * The stored report document and its parts (actor, contact, co-editors, answers). Pure types, shared by
 * services and storage. The round is in rounds/types.ts, the person in people/types.ts.
 */
import type { Lang } from "../i18n/lang.ts";
import type { AnswerContent } from "../questionnaire/types.ts";

/** Somebody acting in the bot, as identified from the Teams activity (never from card data). */
export interface Actor {
  /** Entra object id (aadObjectId) when Teams gives it; otherwise the channel user id. */
  id: string;
  name: string;
  email?: string;
  tenantId?: string;
  /** A B2B guest of the bot's tenant (Teams member record: userRole "guest" or a #EXT# UPN). Never staff. */
  guest?: boolean;
  /** The written standard for this person's personal chat, resolved once per turn (bot/lang.ts). */
  lang?: Lang;
  /** The person's own choice of written standard, when they made one (it also wins for staff cards). */
  chosenLang?: Lang;
}

export interface Contact {
  name: string;
  email: string;
  phone?: string;
  /** Where the contact works (import column «arbeidssted»), when known. */
  workplace?: string;
  /** Entra object id, when known (import or first match). */
  aadObjectId?: string;
}

export interface CoEditor {
  email: string;
  name?: string;
  aadObjectId?: string;
  invitedAt: string;
  invitedBy: string;
}

/**
 * A partner representative the contact asked to approve the report (by e-mail, like a co-editor).
 * Their latest approval and comment carry the answers' revision they saw (see approvals.ts), so an
 * approval of an earlier version stays on record but shows as such.
 */
export interface Approver {
  email: string;
  name?: string;
  /** Entra object id, bound the first time they approve or comment. */
  aadObjectId?: string;
  requestedAt: string;
  requestedBy: string;
  approved?: { at: string; by: { id: string; name: string }; rev: number };
  comment?: { text: string; at: string; by: { id: string; name: string }; rev: number };
}

/** One saved answer with who changed it last, when, and at which report revision. */
export interface Answer extends AnswerContent {
  by: { id: string; name: string };
  at: string;
  /** The report revision this answer was written in (used to detect stale cards). */
  rev: number;
}

export const RESPONDENT_CATEGORIES = [
  "Kommune",
  "Fylkeskommune",
  "Universitet / Høgskole",
  "Skole",
  "Organisasjon",
  "Annet",
] as const;
export type RespondentCategory = (typeof RESPONDENT_CATEGORIES)[number];
export type Sector = "Offentlig" | "Privat";

export type ReportStatus = "draft" | "submitted";

/** One report per tiltak. Container "reports", partition key /roundId. */
export interface ReportDoc {
  id: string;
  roundId: string;
  formId: string;
  partnership: {
    id: string;
    name: string;
    category: RespondentCategory;
    sector: Sector;
    /** The partnership's written standard (import «målform»: nb/nn), when the county set one. */
    malform?: Lang;
  };
  tiltak: {
    id: string;
    name: string;
    caseNumber?: string;
    /** The same tiltak's id in an earlier round, when it had another id (import «forrige_tiltak_id»). */
    previousId?: string;
    /** The county's allocation (kroner), when the import has amounts. */
    grant?: Allocation;
  };
  contact: Contact;
  coEditors: CoEditor[];
  /** Partner representatives asked to approve before sending (absent on older documents). */
  approvers?: Approver[];
  status: ReportStatus;
  /** Increases by one on every write of answers or status. */
  revision: number;
  answers: Record<string, Answer>;
  /**
   * The same tiltak's answers from an earlier round (only questions that rarely change), copied by the
   * import; shown pre-filled and marked for checking until someone saves them.
   */
  previous?: { roundId: string; reportId: string; answers: Record<string, AnswerContent> };
  /** Revision at which an answer was cleared (so an older card cannot bring it back). */
  cleared?: Record<string, number>;
  submittedAt?: string;
  submittedBy?: { id: string; name: string };
  /** Set when county staff reopened a submitted report. */
  reopened?: { by: { id: string; name: string }; at: string; reason: string };
  /** Human-readable receipt reference, set on submit. */
  receipt?: string;
  /** Plausibility warnings confirmed ("Stemmer"), by rule, with the values they were confirmed for. */
  plausibility?: Record<string, PlausibilityConfirmation>;
  /** Files sent to the bot for this report (the bytes are in Blob Storage; src/attachments/). */
  attachments?: ReportAttachment[];
  createdAt: string;
  updatedAt: string;
}

/** The county's allocation for the tiltak, from the import (kroner), when it has amounts. */
export interface Allocation {
  owners?: number;
  uh?: number;
}

/** A stored confirmation ("Stemmer") of a warning. */
export interface PlausibilityConfirmation {
  signature: string;
  by: { id: string; name: string };
  at: string;
}

/** A file attached to a report: what the report keeps of it (the content is a blob). */
export interface ReportAttachment {
  /** Made by the server when the file arrived. */
  id: string;
  /** The file name as sent (person-typed: shown in TextRuns). */
  name: string;
  contentType: string;
  bytes: number;
  /** The blob's name in the attachments container. */
  blob: string;
  by: { id: string; name: string };
  at: string;
}
