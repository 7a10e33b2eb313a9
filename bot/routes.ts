/**
 * Card actions: one typed table from verb to handler, `{ [V in Verb]: Handler<V> }` (the shape of
 * Agents-for-js `actionExecute(verb, handler)`), so a verb without a handler, or a handler reading the
 * wrong payload, does not compile.
 */
import type { TurnContext } from "botbuilder";
import { reminderActionCard } from "../cards/reminder.ts";
import { type ParsedAction, type Payload, Verb } from "../cards/verbs.ts";
import type { EdgeApp } from "../src/app.ts";
import type { Actor } from "../src/reports/types.ts";
import {
  approveReport,
  commentReport,
  removeApprover,
  requestApproval,
  showApprovals,
} from "./handlers/approval-actions.ts";
import { attachmentLinks, chooseAttachmentTarget, removeAttachment } from "./handlers/attachment-actions.ts";
import { bindChosenRound, overviewSection } from "./handlers/channel.ts";
import { readReport } from "./handlers/channel-report.ts";
import {
  inviteCoEditor,
  removeCoEditor,
  setCoEditorReminders,
  showCoEditors,
} from "./handlers/coeditor-actions.ts";
import { chooseLang, runCommand } from "./handlers/commands.ts";
import { reportPdfLink } from "./handlers/document-actions.ts";
import { importRound } from "./handlers/import-actions.ts";
import { openReport, reviewReport, saveSection, submitReport } from "./handlers/report-actions.ts";
import { confirmWarningAction, reviewPage } from "./handlers/review-actions.ts";
import { reopenReport, staffReports } from "./handlers/staff-actions.ts";
import { langOf } from "./lang.ts";
import type { Reply } from "./reply.ts";

/** What one card action gets: the app's services, the Teams identity, the parsed payload, the inputs. */
export interface ActionTurn<V extends Verb> {
  app: EdgeApp;
  actor: Actor;
  data: Payload<V>;
  /** Every card input that is not a routing field (answers, e-mail to invite, reason, ...). */
  inputs: Record<string, unknown>;
  /** The turn, for handlers that need where the card is (binding the channel it was clicked in). */
  ctx?: TurnContext;
}

export type Handler<V extends Verb> = (turn: ActionTurn<V>) => Promise<Reply>;

export const actions: { [V in Verb]: Handler<V> } = {
  [Verb.ListReports]: ({ app, actor }) => runCommand(app, actor, "start"),
  [Verb.OpenReport]: ({ app, actor, data }) => openReport(app, actor, data),
  [Verb.SaveSection]: ({ app, actor, data, inputs }) => saveSection(app, actor, data, inputs),
  [Verb.Review]: ({ app, actor, data }) => reviewPage(app, actor, data),
  [Verb.ConfirmWarning]: ({ app, actor, data }) => confirmWarningAction(app, actor, data),
  [Verb.Status]: ({ app, actor, data }) => reviewReport(app, actor, data),
  [Verb.Submit]: ({ app, actor, data }) => submitReport(app, actor, data),
  [Verb.Reopen]: ({ app, actor, data }) => reopenReport(app, actor, data),
  [Verb.StaffReports]: ({ app, actor, data }) => staffReports(app, actor, data),
  [Verb.ChannelBind]: ({ app, actor, data, ctx }) => bindChosenRound(app, actor, data, ctx),
  [Verb.ReadReport]: ({ app, actor, data }) => readReport(app, actor, data),
  [Verb.ReminderSnooze]: async ({ app, actor, data }) => ({
    card: reminderActionCard(await app.reminders.snooze(actor, data), langOf(actor)),
  }),
  [Verb.ReminderOptOut]: async ({ app, actor, data }) => ({
    card: reminderActionCard(await app.reminders.optOut(actor, data), langOf(actor)),
  }),
  [Verb.CoEditors]: ({ app, actor, data }) => showCoEditors(app, actor, data),
  [Verb.InviteCoEditor]: ({ app, actor, data }) => inviteCoEditor(app, actor, data),
  [Verb.CoEditorReminders]: ({ app, actor, data }) => setCoEditorReminders(app, actor, data),
  [Verb.RemoveCoEditor]: ({ app, actor, data }) => removeCoEditor(app, actor, data),
  [Verb.OverviewSection]: ({ app, actor, data }) => overviewSection(app, actor, data),
  [Verb.ReportPdf]: ({ app, actor, data }) => reportPdfLink(app, actor, data),
  [Verb.ImportRound]: ({ app, actor, data }) => importRound(app, actor, data),
  [Verb.ChooseLang]: ({ app, actor, data }) => chooseLang(app, actor, data.lang),
  [Verb.Approvals]: ({ app, actor, data }) => showApprovals(app, actor, data),
  [Verb.RequestApproval]: ({ app, actor, data }) => requestApproval(app, actor, data),
  [Verb.RemoveApprover]: ({ app, actor, data }) => removeApprover(app, actor, data),
  [Verb.Approve]: ({ app, actor, data }) => approveReport(app, actor, data),
  [Verb.CommentReport]: ({ app, actor, data }) => commentReport(app, actor, data),
  [Verb.RemoveAttachment]: ({ app, actor, data }) => removeAttachment(app, actor, data),
  [Verb.AttachmentTarget]: ({ app, actor, data }) => chooseAttachmentTarget(app, actor, data),
  [Verb.AttachmentLinks]: ({ app, actor, data }) => attachmentLinks(app, actor, data),
};

/** Run the handler of a parsed card action. */
export function route<V extends Verb>(
  app: EdgeApp,
  actor: Actor,
  action: ParsedAction<V>,
  table: { [K in Verb]: Handler<K> } = actions,
  ctx?: TurnContext,
): Promise<Reply> {
  const handler: Handler<V> = table[action.verb];
  return handler({ app, actor, data: action.data, inputs: action.inputs, ...(ctx ? { ctx } : {}) });
}
