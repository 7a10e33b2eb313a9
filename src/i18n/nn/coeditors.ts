/** Texts of the co-editor card (cards/coeditors.ts and its template), nynorsk. */
import type { Catalogue } from "../catalogue.ts";
import type { coeditors as nb } from "../nb/coeditors.ts";

export const coeditors: Catalogue<typeof nb> = {
  invited: (when: string) => ` – invitert ${when}`,
  remove: (email: string) => `Fjern ${email}`,
  remindersAll: "Påminningar før fristen går òg til medredaktørane.",
  remindersMe: "Påminningar før fristen går berre til deg.",
  remindOnlyMe: "Berre minn meg på",
  remindAll: "Minn medredaktørane på òg",
  card: {
    heading: "Medredaktørar",
    intro:
      "Medredaktørar kan fylle ut og endre alle delar av rapporteringa, men berre du som kontaktperson kan sende ho inn.",
    none: "Ingen er inviterte enno.",
    emailLabel: "E-postadressa til den du vil invitere",
    emailPlaceholder: "kari.nordmann@kommune.no",
    invite: "Inviter",
    continue: "Hald fram med rapporteringa",
  },
};
