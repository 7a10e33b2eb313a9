/** Fixed Norwegian texts of the card builders that are not part of a template (see also overview-strings.ts). */
export const cardText = {
  /** Heading of a section card drawn while the report cannot be read (storage down). */
  sectionUnsaved: "Rapportering – lagres ikke akkurat nå",
} as const;
