/**
 * Tell an invited co-editor in Teams, when we can reach them: a person seen in Teams with that
 * e-mail and a stored conversation reference gets a short message through the proactive path
 * (the `notify` port lent by bot/). Someone the bot has never met cannot be reached yet; they see
 * the report when they first say "hei".
 */
import { chooseLang } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import type { NotifyPerson } from "../reports/staff-service.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";

export interface CoEditorNotifyDeps {
  people: Pick<PeopleRepo, "findByEmail">;
  notify: NotifyPerson;
}

/** True when the message went out; false when the person cannot be reached (yet) or the send failed. */
export async function tellInvitedCoEditor(
  deps: CoEditorNotifyDeps,
  report: ReportDoc,
  email: string,
  invitedBy: Actor,
): Promise<boolean> {
  const person = await deps.people.findByEmail(email);
  if (person?.target === undefined || person.unreachable !== undefined) return false;
  // In the invitee's written standard: own choice, the partnership's målform, their last Norwegian locale.
  const lang = chooseLang({
    chosen: person.lang,
    malform: report.partnership.malform,
    locale: person.locale,
  });
  return deps.notify(
    person.target,
    texts(lang).people.coEditorInvited(invitedBy.name, report.tiltak.name, report.partnership.name),
  );
}
