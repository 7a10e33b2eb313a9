/**
 * The overview of a round for county staff (SUMMARY-SPEC §2), read in a minute:
 * - the headline card: "Oversikt – Nordland 2025: 12 av 16 levert", late reports against the deadline,
 *   progress per respondent category, the sums that matter (egenfinansiering, tilskudd skoleeier, tilskudd
 *   UH) with charts, and one button per section of the form that has figures;
 * - a section card on demand (verb overview.section): the figures of that section's number and choice
 *   questions. Text questions (names, phones, e-mail, free text) are not statistics: they are in the export
 *   and the per-report summaries.
 * Every card is measured the way Teams counts it (UTF-16) and kept under OVERVIEW_MAX_BYTES. Charts always
 * carry a FactSet fallback.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { type Texts, texts } from "../src/i18n/texts.ts";
import { formIn } from "../src/questionnaire/form-lang.ts";
import type { Form, Section } from "../src/questionnaire/types.ts";
import { RESPONDENT_CATEGORIES, type ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { formatNumber, roundedPercent } from "../src/summaries/number-format.ts";
import {
  headlineSums,
  isStatistic,
  lateness,
  progress,
  type QuestionStats,
  questionStats,
} from "../src/summaries/statistics.ts";
import { type Element, questionElements, textBlock } from "./overview-blocks.ts";
import { literalLine } from "./person-text.ts";
import { type CardJson, CardTooLargeError, shorten } from "./render.ts";
import { formatOsloTime } from "./time.ts";
import { actionData, Verb } from "./verbs.ts";

type OverviewTexts = Texts["overview"];

/** Every overview card stays under 60 KB as Teams measures it (UTF-16). */
export const OVERVIEW_MAX_BYTES = 60_000;

export interface OverviewInput {
  round: RoundDoc;
  form: Form;
  /** Every report of the round (all statuses: progress counts them all, statistics only submitted ones). */
  reports: ReportDoc[];
  /** questionStats(form, reports), when the caller has it already. */
  stats?: QuestionStats[];
  /** For late reports: after the deadline, reports not submitted are late. */
  now: Date;
  /** The staff's language: the round's setting in the channel (bokmål when unset). */
  lang?: Lang;
}

/** The input in its language: the form's texts and the statistics' labels in `lang`. */
function localized(input: OverviewInput): {
  lang: Lang;
  T: OverviewTexts;
  form: Form;
  stats: () => QuestionStats[];
} {
  const lang = input.lang ?? DEFAULT_LANG;
  const form = formIn(input.form, lang);
  return {
    lang,
    T: texts(lang).overview,
    form,
    stats: () => input.stats ?? questionStats(form, input.reports, lang),
  };
}

/** The size of a card as Teams counts it: UTF-16 code units, two bytes each. */
export function utf16Bytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), "utf16le");
}

const BUTTON_MAX = 40;
/** Buttons per ActionSet (Teams shows at most 6 actions in a set). */
const BUTTONS_PER_SET = 5;

function cardOf(body: Element[]): CardJson {
  const card = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  };
  const bytes = utf16Bytes(card);
  if (bytes > OVERVIEW_MAX_BYTES) {
    throw new CardTooLargeError(`Overview card is ${bytes} bytes in UTF-16 (limit ${OVERVIEW_MAX_BYTES})`);
  }
  return card;
}

/** A heading that names the county (from the import): a literal run, never Markdown. */
function header(text: string): Element {
  return literalLine(text, { weight: "Bolder", size: "Medium" });
}

/** Sections with at least one number or choice question, and their statistics. */
function statisticSections(
  form: Form,
  stats: readonly QuestionStats[],
): { section: Section; stats: QuestionStats[] }[] {
  return form.sections.flatMap((section) => {
    const own = stats.filter((s) => s.sectionId === section.id && isStatistic(s));
    return own.length > 0 ? [{ section, stats: own }] : [];
  });
}

/** "KONTAKTINFORMASJON, REFERANSENUMMER …" (2021) reads better as "Kontaktinformasjon, referansenummer …". */
function sectionTitle(section: Section): string {
  const title = section.title.trim();
  const caps = title === title.toUpperCase() && /[A-ZÆØÅ]/.test(title);
  return caps ? title.charAt(0) + title.slice(1).toLowerCase() : title;
}

function progressElements(reports: readonly ReportDoc[], T: OverviewTexts): Element[] {
  const p = progress(reports);
  const facts = RESPONDENT_CATEGORIES.flatMap((c) => {
    const count = p.byCategory[c];
    return count.total > 0
      ? [{ title: T.categories[c], value: T.categoryProgress(count.submitted, count.total) }]
      : [];
  });
  return [
    {
      type: "Chart.Donut",
      data: [
        { legend: `${T.submitted}: ${p.submitted}`, value: p.submitted },
        { legend: `${T.notSubmitted}: ${p.total - p.submitted}`, value: p.total - p.submitted },
      ],
      fallback: {
        type: "FactSet",
        facts: [
          { title: T.submitted, value: String(p.submitted) },
          { title: T.notSubmitted, value: String(p.total - p.submitted) },
        ],
      },
    },
    textBlock(T.progressHeading, { weight: "Bolder", spacing: "Small" }),
    { type: "FactSet", facts, spacing: "Small" },
  ];
}

function sumsElements(formId: string, stats: readonly QuestionStats[], T: OverviewTexts): Element[] {
  const sums = headlineSums(formId, stats).map((s) => ({ ...s, label: T.headlineSums[s.key] }));
  if (sums.length === 0) return [];
  const total = sums.reduce((acc, s) => acc + s.sum, 0);
  const facts = sums.map((s) => ({ title: s.label, value: T.sumValue(formatNumber(s.sum), s.n) }));
  const out: Element[] = [textBlock(T.sumsHeading, { weight: "Bolder", separator: true, spacing: "Medium" })];
  if (total > 0) {
    // How the money splits, as shares: short legends (long ones fold into an English "+2 items") and no
    // raw amounts such as "16461000" at the ends of bars. The amounts follow once, in the FactSet.
    const shares = sums.map((s) => roundedPercent(s.sum, total));
    out.push({
      type: "Chart.Donut",
      data: sums.map((s, i) => ({ legend: s.label, value: shares[i] ?? 0 })),
      fallback: {
        type: "FactSet",
        facts: sums.map((s, i) => ({ title: s.label, value: T.share(shares[i] ?? 0) })),
      },
    });
  }
  out.push({ type: "FactSet", facts, spacing: "Small" });
  return out;
}

function sectionButtons(
  round: RoundDoc,
  form: Form,
  stats: readonly QuestionStats[],
  T: OverviewTexts,
): Element[] {
  const sections = statisticSections(form, stats);
  if (sections.length === 0) return [];
  const actions = sections.map(({ section }) => {
    const title = shorten(sectionTitle(section), BUTTON_MAX);
    const data = actionData(Verb.OverviewSection, { roundId: round.id, sectionId: section.id });
    return {
      type: "Action.Execute",
      title,
      verb: Verb.OverviewSection,
      data,
      fallback: { type: "Action.Submit", title, data },
    };
  });
  const sets: Element[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_SET) {
    sets.push({ type: "ActionSet", actions: actions.slice(i, i + BUTTONS_PER_SET), spacing: "Small" });
  }
  return [textBlock(T.sectionsHeading, { weight: "Bolder", separator: true, spacing: "Medium" }), ...sets];
}

/** The headline card: progress, late reports, the sums that matter, and a button per section. */
export function overviewHeadlineCard(input: OverviewInput): CardJson {
  const { round, reports, now } = input;
  const { lang, T, form, stats: statsOf } = localized(input);
  const p = progress(reports);
  const body: Element[] = [
    header(T.headline(round.county, round.reportingYear, p.submitted, p.total)),
    // The form's own title (test/cards/form-markdown.test.ts keeps form texts free of Markdown syntax).
    textBlock(T.formLine(form.title, formatOsloTime(new Date(round.deadline), lang)), {
      isSubtle: true,
      spacing: "None",
    }),
  ];
  const late = lateness(reports, round.deadline, now);
  const lateLines = [
    ...(late.overdue > 0 ? [T.overdue(late.overdue)] : []),
    ...(late.submittedLate > 0 ? [T.submittedLate(late.submittedLate)] : []),
  ];
  if (lateLines.length > 0) {
    body.push(
      textBlock(lateLines.join(" "), { color: late.overdue > 0 ? "Attention" : "Default", spacing: "Small" }),
    );
  }
  if (p.total > 0) body.push(...progressElements(reports, T));
  if (p.submitted === 0) {
    body.push(textBlock(T.noneSubmitted, { spacing: "Medium" }));
    return cardOf(body);
  }
  const stats = statsOf();
  body.push(...sumsElements(form.id, stats, T));
  body.push(...sectionButtons(round, form, stats, T));
  body.push(textBlock(T.basis(p.submitted), { size: "Small", isSubtle: true, spacing: "Medium" }));
  return cardOf(body);
}

/** The figures of one section, or undefined when the form has no such section. */
export function overviewSectionCard(input: OverviewInput & { sectionId: string }): CardJson | undefined {
  const { round, reports } = input;
  const { lang, T, form, stats: statsOf } = localized(input);
  const section = form.sections.find((s) => s.id === input.sectionId);
  if (section === undefined) return undefined;
  const p = progress(reports);
  const body: Element[] = [
    header(T.sectionHeader(round.county, round.reportingYear, sectionTitle(section))),
    literalLine(
      T.headline(round.county, round.reportingYear, p.submitted, p.total),
      { isSubtle: true },
      {
        spacing: "None",
      },
    ),
  ];
  const stats = statsOf().filter((s) => s.sectionId === section.id && isStatistic(s));
  if (p.submitted === 0) body.push(textBlock(T.noneSubmitted, { spacing: "Medium" }));
  else if (stats.length === 0) body.push(textBlock(T.noStatistics, { spacing: "Medium" }));
  else for (const s of stats) if (isStatistic(s)) body.push(...questionElements(s, lang));
  return cardOf(body);
}

/** Every overview card of a round: the headline card, then each section card (for benches and tests). */
export function overviewCards(input: OverviewInput): CardJson[] {
  const stats = localized(input).stats();
  const withStats = { ...input, stats };
  if (!input.reports.some((r) => r.status === "submitted")) return [overviewHeadlineCard(withStats)];
  const sections = statisticSections(input.form, stats).flatMap(({ section }) => {
    const card = overviewSectionCard({ ...withStats, sectionId: section.id });
    return card ? [card] : [];
  });
  return [overviewHeadlineCard(withStats), ...sections];
}
