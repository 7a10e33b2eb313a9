/** One table from card verb to handler. */
import { reminderActionCard } from "../cards/reminder.ts";
import { type ParsedAction, Verb } from "../cards/verbs.ts";
import type { App } from "../src/app.ts";
import type { Actor } from "../src/reports/types.ts";
import {
  inviteCoEditor,
  removeCoEditor,
  setCoEditorReminders,
  showCoEditors,
} from "./handlers/coeditor-actions.ts";
import { runCommand } from "./handlers/commands.ts";
import { openReport, reviewReport, saveSection, submitReport } from "./handlers/report-actions.ts";
import { reopenReport, staffReports } from "./handlers/staff-actions.ts";
import type { Reply } from "./reply.ts";

export function route(app: App, actor: Actor, action: ParsedAction): Promise<Reply> {
  switch (action.verb) {
    case Verb.ListReports:
      return runCommand(app, actor, "start");
    case Verb.OpenReport:
      return openReport(app, actor, action.data);
    case Verb.SaveSection:
      return saveSection(app, actor, action.data, action.inputs);
    case Verb.Review:
    case Verb.Status:
      return reviewReport(app, actor, action.data);
    case Verb.Submit:
      return submitReport(app, actor, action.data);
    case Verb.Reopen:
      return reopenReport(app, actor, action.data);
    case Verb.StaffReports:
      return staffReports(app, actor, action.data);
    case Verb.ReminderSnooze:
      return app.reminders.snooze(actor, action.data).then((o) => ({ card: reminderActionCard(o) }));
    case Verb.ReminderOptOut:
      return app.reminders.optOut(actor, action.data).then((o) => ({ card: reminderActionCard(o) }));
    case Verb.CoEditors:
      return showCoEditors(app, actor, action.data);
    case Verb.InviteCoEditor:
      return inviteCoEditor(app, actor, action.data);
    case Verb.CoEditorReminders:
      return setCoEditorReminders(app, actor, action.data);
    case Verb.RemoveCoEditor:
      return removeCoEditor(app, actor, action.data);
  }
}
