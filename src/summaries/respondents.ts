/**
 * Who answered (one report = one tiltak of a partnership) and the county's grouping by respondent category.
 * Pure functions, no I/O.
 */
import {
  RESPONDENT_CATEGORIES,
  type ReportDoc,
  type RespondentCategory,
  type Sector,
} from "../reports/types.ts";

export interface Respondent {
  reportId: string;
  partnership: string;
  tiltak: string;
  category: RespondentCategory;
  sector: Sector;
}

export interface NumberEntry {
  respondent: Respondent;
  value: number;
}

export interface TextEntry {
  respondent: Respondent;
  text: string;
}

export interface CategoryGroup<T> {
  category: RespondentCategory;
  entries: T[];
}

export function respondentOf(report: ReportDoc): Respondent {
  return {
    reportId: report.id,
    partnership: report.partnership.name,
    tiltak: report.tiltak.name,
    category: report.partnership.category,
    sector: report.partnership.sector,
  };
}

const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

function compareRespondents(a: Respondent, b: Respondent): number {
  return (
    collator.compare(a.partnership, b.partnership) ||
    collator.compare(a.tiltak, b.tiltak) ||
    collator.compare(a.reportId, b.reportId)
  );
}

/** Rank of a category in the county's order; unknown categories last. */
function categoryRank(category: RespondentCategory): number {
  const index = RESPONDENT_CATEGORIES.indexOf(category);
  return index < 0 ? RESPONDENT_CATEGORIES.length : index;
}

/**
 * Groups entries by respondent category in the county's order (Kommune, Fylkeskommune, Universitet / Høgskole,
 * Skole, Organisasjon, Annet); empty categories are left out. Within a category, entries are sorted by
 * partnership and tiltak name.
 */
export function groupByCategory<T extends { respondent: Respondent }>(
  entries: readonly T[],
): CategoryGroup<T>[] {
  const groups = new Map<RespondentCategory, T[]>();
  for (const entry of entries) {
    const list = groups.get(entry.respondent.category) ?? [];
    list.push(entry);
    groups.set(entry.respondent.category, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b))
    .map(([category, list]) => ({
      category,
      entries: list.sort((a, b) => compareRespondents(a.respondent, b.respondent)),
    }));
}

/** Respondents in category order, then by partnership and tiltak. Sorts in place. */
export function sortRespondents(list: Respondent[]): Respondent[] {
  return list.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || compareRespondents(a, b));
}
