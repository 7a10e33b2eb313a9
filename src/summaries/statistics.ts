/**
 * Statistics of a reporting round, computed the way the county's survey tool does (SUMMARY-SPEC §2).
 * One entry point for the split modules, by concern:
 * - numeric-stats.ts: N, Sum, Snitt, Median, Standardavvik (shown as whole numbers, half up);
 * - choice-stats.ts: option counts and percentages (of respondents overall, of ticks per category);
 * - respondents.ts: who answered, grouped by respondent category;
 * - question-stats.ts: per question over the submitted reports of a round;
 * - progress.ts: "12 av 16 levert" and late reports against the deadline;
 * - headline.ts: the sums of the overview's headline card.
 * All pure, no I/O.
 */
export * from "./choice-stats.ts";
export * from "./headline.ts";
export * from "./numeric-stats.ts";
export * from "./progress.ts";
export * from "./question-stats.ts";
export * from "./respondents.ts";
