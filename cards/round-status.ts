/**
 * The progress digest staff see in the channel: "12 av 16 levert", per respondent category, the
 * missing reports with their contact persons, contacts the bot cannot reach, and after the
 * deadline the late ones. Built as plain card JSON (its shape varies with the round).
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { UnreachableReason } from "../src/people/person-service.ts";
import { RESPONDENT_CATEGORIES, type ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { progress } from "../src/summaries/statistics.ts";
import { cardBytes } from "./card-size.ts";
import { literalLine } from "./person-text.ts";
import { type CardJson, fits, shorten } from "./render.ts";
import { formatOsloTime } from "./time.ts";

export interface StatusInput {
  round: RoundDoc;
  reports: ReportDoc[];
  now: Date;
  /** Report ids whose contact the bot cannot reach in Teams (never opened it, blocked, uninstalled). */
  unreachable: ReadonlySet<string>;
  /** Why, per report id (the staff status); without it the card only flags them. */
  reasons?: ReadonlyMap<string, UnreachableReason>;
  /** The round's written standard for staff texts (bokmål when absent). */
  lang?: Lang;
}

type StatusTexts = ReturnType<typeof texts>["staff"]["status"];

const detail = (r: { status?: number; code?: string }) =>
  r.status !== undefined || r.code !== undefined
    ? ` (${[r.status !== undefined && r.status !== 0 ? `HTTP ${r.status}` : undefined, r.code].filter(Boolean).join(" ")})`
    : "";

/** Why the bot cannot reach a contact, in the staff's words. */
function reasonText(reason: UnreachableReason, t: StatusTexts): string {
  switch (reason.kind) {
    case "never_opened":
      return t.neverOpened;
    case "blocked":
      return t.blocked(detail(reason));
    case "not_in_directory":
      return t.notInDirectory;
    case "install_refused":
      return t.installRefused(detail(reason));
    case "conversation_failed":
      return t.conversationFailed(detail(reason));
    case "lookup_failed":
      return t.lookupFailed(detail(reason));
  }
}

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});

/** Room for the missing lines (one card holds the whole digest: it is updated in place). */
const LINES_BUDGET_BYTES = 60 * 1024;

/** As many lines as fit LINES_BUDGET_BYTES, then one line counting the rest. */
function linesThatFit(lines: readonly object[], more: (n: number) => string): object[] {
  let used = 0;
  const shown = lines.findIndex((l) => {
    used += cardBytes(l) + 2;
    return used > LINES_BUDGET_BYTES;
  });
  if (shown < 0) return [...lines];
  return [...lines.slice(0, shown), text(more(lines.length - shown), { isSubtle: true })];
}

export function roundStatusCard({
  round,
  reports,
  now,
  unreachable,
  reasons,
  lang = DEFAULT_LANG,
}: StatusInput): CardJson {
  const t = texts(lang).staff.status;
  const when = (d: Date) => formatOsloTime(d, lang);
  const p = progress(reports);
  const late = now.getTime() > new Date(round.deadline).getTime();
  const missing = reports.filter((r) => r.status !== "submitted");
  const names = texts(lang).overview.categories;
  const categories = RESPONDENT_CATEGORIES.filter((c) => p.byCategory[c].total > 0).map((c) => ({
    title: names[c],
    value: t.categoryProgress(p.byCategory[c].submitted, p.byCategory[c].total),
  }));
  // Names and e-mails from the import: one literal run per line, never Markdown.
  const missingLines = missing.map((r) => {
    const who = `${shorten(r.contact.name, 80)} (${shorten(r.contact.email, 80)})`;
    const reason = reasons?.get(r.id);
    const flag = unreachable.has(r.id)
      ? t.unreachableFlag(reason !== undefined ? reasonText(reason, t) : "")
      : "";
    return literalLine(
      `• ${shorten(`${r.partnership.name} – ${r.tiltak.name}`, 120)}: ${who}${flag}`,
      {},
      {
        spacing: "None",
      },
    );
  });
  const unreachableCount = missing.filter((r) => unreachable.has(r.id)).length;
  const body: object[] = [
    literalLine(t.heading(round.county, round.reportingYear), { weight: "Bolder", size: "Medium" }),
    text(t.progress(p.submitted, p.total), { size: "Large", spacing: "Small" }),
    text(
      late
        ? t.passed(when(new Date(round.deadline)), missing.length)
        : t.deadline(when(new Date(round.deadline))),
      { isSubtle: !late, color: late && missing.length > 0 ? "Attention" : "Default", spacing: "None" },
    ),
    { type: "FactSet", facts: categories },
  ];
  if (missing.length > 0) {
    body.push(text(late ? t.late : t.missing, { weight: "Bolder", separator: true }));
    body.push(...linesThatFit(missingLines, texts(lang).overview.statusMore));
  }
  if (unreachableCount > 0) body.push(text(t.unreachable(unreachableCount), { color: "Warning" }));
  body.push(text(t.updated(when(now)), { size: "Small", isSubtle: true }));
  return fits({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  });
}
