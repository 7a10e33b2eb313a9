/**
 * Tell an invited co-editor in Teams, when we can reach them: a person seen in Teams with that
 * e-mail and a stored conversation reference gets a short message through the proactive path
 * (the `notify` port lent by bot/). Someone the bot has never met cannot be reached yet; they see
 * the report when they first say "hei".
 */
import type { NotifyPerson } from "../reports/staff-service.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";

const coEditorNotifyText = {
  invited: (by: string, tiltak: string, partnership: string) =>
    `${by} har invitert deg som medredaktør på rapporteringen «${tiltak}» (${partnership}). ` +
    "Du kan fylle ut og endre alle deler; bare kontaktpersonen kan sende inn. Skriv «hei» for å åpne den.",
} as const;

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
  return deps.notify(
    person.target,
    coEditorNotifyText.invited(invitedBy.name, report.tiltak.name, report.partnership.name),
  );
}
