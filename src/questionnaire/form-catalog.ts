/** The loaded forms, for the edge's lookups that need no stored report. */
import type { Form } from "./types.ts";

export class FormCatalog {
  constructor(private readonly forms: ReadonlyMap<string, Form>) {}

  /** The form holding the section with this id, and the section's index (section ids are unique per form). */
  sectionById(sectionId: string): { form: Form; sectionIndex: number } | undefined {
    for (const form of this.forms.values()) {
      const sectionIndex = form.sections.findIndex((s) => s.id === sectionId);
      if (sectionIndex >= 0) return { form, sectionIndex };
    }
    return undefined;
  }
}
