/** Texts about people: co-editors, and what the contact is told when staff reopen a report (nynorsk). */
import type { Catalogue } from "../catalogue.ts";
import type { people as nb } from "../nb/people.ts";

export const people: Catalogue<typeof nb> = {
  coEditorInvited: (by: string, tiltak: string, partnership: string) =>
    `${by} har invitert deg som medredaktør på rapporteringa «${tiltak}» (${partnership}). ` +
    "Du kan fylle ut og endre alle delar; berre kontaktpersonen kan sende inn. Skriv «hei» for å opne ho.",
  invalidEmail: "Skriv ei gyldig e-postadresse, til dømes kari.nordmann@kommune.no.",
  isContact: "Det er du som er kontaktperson – du har allereie tilgang.",
  tooMany: "Ei rapportering kan ha høgst 20 medredaktørar.",
  reopenedToContact: (tiltak: string, partnership: string, reason: string) =>
    `Statsforvaltaren har opna rapporteringa «${tiltak}» (${partnership}) att, ` +
    `så ho kan rettast og sendast inn på nytt. Grunngiving: ${reason}\n\nSkriv «fortsett» for å opne ho.`,
  reasonRequired: "Skriv ei grunngiving (minst 5 teikn) – kontaktpersonen får ho i chatten.",
  reasonTooLong: "Grunngivinga kan ha høgst 1000 teikn.",
};
