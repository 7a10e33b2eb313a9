/**
 * The two written standards of Norwegian the bot writes in, and how a person's is chosen (pure).
 * Order (issue 15): the person's own choice, else the partnership's målform from the import, else
 * Teams' locale (nn-NO -> nynorsk), else bokmål.
 */

import type { Lang } from "../text/lang.ts";

export type { Lang };

export const LANGS = ["nb", "nn"] as const satisfies readonly Lang[];

export const DEFAULT_LANG: Lang = "nb";

/** The written standard of a Teams/BCP 47 locale: "nn", "nn-NO" and "no-NN" are nynorsk; others none. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (locale === undefined) return undefined;
  const l = locale.trim().toLowerCase().replace("_", "-");
  if (l === "nn" || l.startsWith("nn-") || l === "no-nn") return "nn";
  if (l === "nb" || l.startsWith("nb-") || l === "no" || l === "no-no") return "nb";
  return undefined;
}

/** "nb"/"nn" and the words people write in an import column: bokmål, nynorsk. Undefined when not one of them. */
export function langOfMalform(value: string | undefined): Lang | undefined {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === "") return undefined;
  if (v === "nn" || v === "nynorsk") return "nn";
  if (v === "nb" || v === "bokmål" || v === "bokmal") return "nb";
  return undefined;
}

export interface LangSources {
  /** The person's own choice ("nynorsk"/"bokmål" in chat or on the welcome card). */
  chosen?: Lang | undefined;
  /** The partnership's målform from the import. */
  malform?: Lang | undefined;
  /** Teams' activity.locale. */
  locale?: string | undefined;
}

/** The person's written standard: own choice, partnership, Teams locale, bokmål. */
export function chooseLang(s: LangSources): Lang {
  return s.chosen ?? s.malform ?? langOfLocale(s.locale) ?? DEFAULT_LANG;
}

/**
 * The written standard for a person about their reports: their own choice, else the first of the reports'
 * partnership målform, else what the turn found without reports (`lang`: Teams locale, else bokmål).
 */
export function langForReports(
  person: { lang?: Lang; chosenLang?: Lang },
  ...reports: ({ partnership: { malform?: Lang } } | undefined)[]
): Lang {
  const malform = reports.find((r) => r?.partnership.malform !== undefined)?.partnership.malform;
  return person.chosenLang ?? malform ?? person.lang ?? DEFAULT_LANG;
}

/** What staff cards and channel posts use: the staff member's own choice, else the round's setting, else bokmål. */
export function staffLang(chosen: Lang | undefined, round: Lang | undefined): Lang {
  return chosen ?? round ?? DEFAULT_LANG;
}
