/** Texts of the co-editor card (cards/coeditors.ts and its template), bokmål. */
export const coeditors = {
  invited: (when: string) => ` – invitert ${when}`,
  remove: (email: string) => `Fjern ${email}`,
  remindersAll: "Påminnelser før fristen går også til medredaktørene.",
  remindersMe: "Påminnelser før fristen går bare til deg.",
  remindOnlyMe: "Bare påminn meg",
  remindAll: "Påminn medredaktørene også",
  card: {
    heading: "Medredaktører",
    intro:
      "Medredaktører kan fylle ut og endre alle deler av rapporteringen, men bare du som kontaktperson kan sende den inn.",
    none: "Ingen er invitert ennå.",
    emailLabel: "E-postadressen til den du vil invitere",
    emailPlaceholder: "kari.nordmann@kommune.no",
    invite: "Inviter",
    continue: "Fortsett rapporteringen",
  },
} as const;
