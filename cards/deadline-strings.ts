/** Norwegian texts of the deadline line (cards/deadline.ts). */
export const deadlineStrings = {
  open: (when: string, days: number): string =>
    days <= 0 ? `Frist ${when} – i dag` : `Frist ${when} – ${days} ${days === 1 ? "dag" : "dager"} igjen`,
  passed: (when: string): string => `Fristen gikk ut ${when}. Du kan fortsatt sende inn rapporteringen.`,
} as const;
