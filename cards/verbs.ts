/**
 * Every action verb a card can send, and the zod schema of the data each one carries.
 * Card data is untrusted: ids here are only hints of what the person clicked; bot/ and src/
 * check access against the stored report and the Teams identity.
 */
import { z } from "zod";
import { LANGS } from "../src/i18n/lang.ts";
import { PLAUSIBILITY_RULES } from "../src/reports/plausibility.ts";
import { decodeFingerprints } from "./fingerprints.ts";

export const Verb = {
  ListReports: "report.list",
  OpenReport: "report.open",
  SaveSection: "section.save",
  Review: "report.review",
  Submit: "report.submit",
  ConfirmWarning: "report.confirmWarning",
  Status: "report.status",
  Reopen: "report.reopen",
  StaffReports: "staff.reports",
  /** Bind the channel the card is in to the chosen round (the round-choice card). */
  ChannelBind: "channel.bind",
  /** Read a whole report, every answer in full with its comment (several cards when long). */
  ReadReport: "report.read",
  CoEditors: "coeditors.show",
  InviteCoEditor: "coeditors.invite",
  RemoveCoEditor: "coeditors.remove",
  CoEditorReminders: "coeditors.reminders",
  ReminderSnooze: "reminder.snooze",
  ReminderOptOut: "reminder.optout",
  OverviewSection: "overview.section",
  ReportPdf: "report.pdf",
  ImportRound: "round.import",
  /** The person's written standard (bokmål or nynorsk), chosen on the welcome card. */
  ChooseLang: "person.lang",
  /** The contact's list of approvers (ask by e-mail, withdraw). */
  Approvals: "approvals.show",
  RequestApproval: "approvals.request",
  RemoveApprover: "approvals.remove",
  /** An approver's "Godkjenn" / "Kommenter" on the read-only review (who they are: from Teams). */
  Approve: "report.approve",
  CommentReport: "report.comment",
  /** Remove one attachment from a report (section card or review). */
  RemoveAttachment: "attachment.remove",
  /** The tiltak that files waiting for a choice belong to. */
  AttachmentTarget: "attachment.target",
  /** Staff: fresh download links to a report's attachments (summary thread). */
  AttachmentLinks: "attachment.links",
} as const;
export type Verb = (typeof Verb)[keyof typeof Verb];

/**
 * An id in card data: any string, of any length or shape (a number is taken as its digits, null, true, an
 * object or an array as no id). It is only a hint: an id no stored document has, "/", "#", 300
 * characters or "", is answered "finner ikke" like every other unknown id (src/storage/ids.ts keeps it
 * from Cosmos), not «forstod ikke». Only a missing id makes the payload malformed.
 */
const id = z
  .custom<string>((v) => v !== undefined)
  .transform((v): string =>
    typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "",
  );
/** Whole numbers arrive as numbers or as digit strings (some clients send every value as a string). */
const wholeNumber = (max: number) =>
  z.union([
    z.number().int().min(0).max(max),
    z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number)
      .pipe(z.number().max(max)),
  ]);
const revision = wholeNumber(1_000_000_000);
const ref = { roundId: id, reportId: id };

export const payloadSchemas = {
  [Verb.ListReports]: z.object({}),
  [Verb.OpenReport]: z.object({
    ...ref,
    section: wholeNumber(100).optional(),
    page: wholeNumber(100).optional(),
  }),
  [Verb.SaveSection]: z.object({
    ...ref,
    sectionId: id,
    /** The page of the section the card showed; which questions it holds is decided from the form. */
    page: wholeNumber(100).optional(),
    revision,
    nav: z.enum(["next", "back", "pause", "review"]),
    /**
     * Fingerprints of the values the card showed: sent as "q01=abc;…", decoded here to a map by
     * question id (cards/fingerprints.ts; computed by src/questionnaire/fingerprint.ts).
     */
    base: z.string().max(20_000).optional().transform(decodeFingerprints),
  }),
  [Verb.Review]: z.object({ ...ref, page: wholeNumber(100).optional() }),
  /** "Stemmer" on a plausibility warning: the server recomputes the warning and what it is confirmed for. */
  [Verb.ConfirmWarning]: z.object({ ...ref, rule: z.enum(PLAUSIBILITY_RULES) }),
  [Verb.Submit]: z.object({ ...ref, revision }),
  [Verb.Status]: z.object({ ...ref }),
  [Verb.Reopen]: z.object({ ...ref, revision, reopenReason: z.string().max(2000).optional() }),
  [Verb.StaffReports]: z.object({ roundId: id }),
  [Verb.ChannelBind]: z.object({ roundId: id }),
  [Verb.ReadReport]: z.object({ ...ref }),
  [Verb.CoEditors]: z.object({ ...ref }),
  [Verb.InviteCoEditor]: z.object({ ...ref, inviteEmail: z.string().max(1000).optional() }),
  [Verb.RemoveCoEditor]: z.object({ ...ref, email: z.string().min(1).max(254) }),
  [Verb.CoEditorReminders]: z.object({ ...ref, include: z.enum(["true", "false"]) }),
  [Verb.ReminderSnooze]: z.object({ ...ref }),
  [Verb.ReminderOptOut]: z.object({ ...ref }),
  /** Staff: the statistics of one section of the round overview (the round is re-checked for staff). */
  [Verb.OverviewSection]: z.object({ roundId: id, sectionId: id }),
  [Verb.ReportPdf]: z.object({ ...ref }),
  /** Only the id the server gave the upload; the file and its plan stay on the server. */
  [Verb.ImportRound]: z.object({ uploadId: z.uuid() }),
  [Verb.ChooseLang]: z.object({ lang: z.enum(LANGS) }),
  [Verb.Approvals]: z.object({ ...ref }),
  [Verb.RequestApproval]: z.object({ ...ref, approverEmail: z.string().max(1000).optional() }),
  [Verb.RemoveApprover]: z.object({ ...ref, email: z.string().min(1).max(254) }),
  /** `answersRev`: the answers' revision the card showed; a newer one refuses the approval. */
  [Verb.Approve]: z.object({
    ...ref,
    answersRev: revision,
    approvalComment: z.string().max(20_000).optional(),
  }),
  /** The text is checked by the service (Norwegian message, typed text kept); here only bounded. */
  [Verb.CommentReport]: z.object({ ...ref, approvalComment: z.string().max(20_000).optional() }),
  /**
   * The attachment id is checked against the stored report (it must be one of its attachments) and the
   * actor against the report's editors; `view` only says which card to answer with.
   */
  [Verb.RemoveAttachment]: z.object({
    ...ref,
    attachmentId: z.uuid(),
    view: z.enum(["section", "review"]),
    page: wholeNumber(100).optional(),
  }),
  /** The server's id of the held files, and the report chosen (access re-checked on the stored report). */
  [Verb.AttachmentTarget]: z.object({ ...ref, pendingId: z.uuid() }),
  [Verb.AttachmentLinks]: z.object({ ...ref }),
} as const;

/** The data a handler gets for a verb (parsed: numbers as numbers, fingerprints decoded). */
export type Payload<V extends Verb> = z.output<(typeof payloadSchemas)[V]>;
/** The data a card button carries for a verb (before parsing). */
export type CardData<V extends Verb> = z.input<(typeof payloadSchemas)[V]>;

/** A parsed card action; `ParsedAction` alone is the union over every verb. */
export type ParsedAction<V extends Verb = Verb> = {
  [K in V]: { verb: K; data: Payload<K>; inputs: Record<string, unknown> };
}[V];

const KNOWN = new Set<string>(Object.values(Verb));
const RESERVED = new Set([
  "verb",
  "roundId",
  "reportId",
  "sectionId",
  "revision",
  "base",
  "nav",
  "section",
  "page",
  "rule",
  "lang",
  "msteams",
]);

/**
 * Parse what a card sent (Action.Execute data or Action.Submit value). Returns undefined for an
 * unknown verb or a malformed payload. `inputs` holds everything that is not a routing field.
 */
export function parseAction(verb: unknown, data: unknown): ParsedAction | undefined {
  if (typeof verb !== "string" || !KNOWN.has(verb)) return undefined;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const schema = payloadSchemas[verb as Verb];
  const parsed = schema.safeParse(record);
  if (!parsed.success) return undefined;
  const inputs = Object.fromEntries(Object.entries(record).filter(([k]) => !RESERVED.has(k)));
  return { verb, data: parsed.data, inputs } as ParsedAction;
}

/** The data object of a button, with the verb repeated inside for Action.Submit fallbacks. */
export const actionData = <V extends Verb>(verb: V, data: CardData<V>) => ({ verb, ...data });
