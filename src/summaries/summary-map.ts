/**
 * The county's per-tiltak summary (SUMMARY-SPEC §1) as labelled paragraphs, each mapped to the
 * questions of the form in use. Pure data.
 */
export interface SummaryParagraph {
  label: string;
  /** Question ids whose answers (and comments) make up the paragraph, in order. */
  questions: string[];
}

const MAP: Record<string, SummaryParagraph[]> = {
  "dekom-skole-2021": [
    { label: "Mål for tiltaket", questions: ["5.1", "6.1"] },
    { label: "Måloppnåelse", questions: ["6.6"] },
    { label: "Partner", questions: ["3.3", "4.3"] },
    { label: "Tilskudd skoleeier", questions: ["4.1"] },
    { label: "Egenfinansiering", questions: ["4.2", "4.7"] },
    { label: "Forankret i skolenes behov", questions: ["5.2"] },
    { label: "Samisk perspektiv", questions: ["5.3"] },
    { label: "Samarbeid UH", questions: ["6.4"] },
    { label: "UHs bruk av erfaringer", questions: ["6.5"] },
    { label: "Sammenheng", questions: ["7.1"] },
    { label: "Tillegg", questions: ["7.2"] },
  ],
  "dekom-2024-2025": [
    { label: "Mål for tiltaket", questions: ["q20", "q23"] },
    { label: "Måloppnåelse", questions: ["q22"] },
    { label: "Partner", questions: ["q09", "q14"] },
    { label: "Tilskudd skoleeier", questions: ["q13"] },
    { label: "Egenfinansiering", questions: ["q11", "q10"] },
    { label: "Forankret i skolenes behov", questions: ["q18"] },
    { label: "Samisk perspektiv", questions: ["q19"] },
    { label: "Samarbeid UH", questions: ["q17"] },
    { label: "UHs bruk av erfaringer", questions: ["q21"] },
    { label: "Sammenheng", questions: ["q24"] },
    { label: "Tillegg", questions: ["q25", "q26"] },
  ],
};

export function summaryParagraphs(formId: string): SummaryParagraph[] {
  return MAP[formId] ?? [];
}
