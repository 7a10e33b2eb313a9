/**
 * The progress digest staff see in the channel: "12 av 16 levert", per respondent category, the
 * missing reports with their contact persons, contacts the bot cannot reach, and after the
 * deadline the late ones. Built as plain card JSON (its shape varies with the round).
 */
import type { UnreachableReason } from "../src/people/person-service.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { progress } from "../src/summaries/statistics.ts";
import { cardBytes } from "./card-size.ts";
import { overviewText as T } from "./overview-strings.ts";
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
}

const detail = (r: { status?: number; code?: string }) =>
  r.status !== undefined || r.code !== undefined
    ? ` (${[r.status !== undefined && r.status !== 0 ? `HTTP ${r.status}` : undefined, r.code].filter(Boolean).join(" ")})`
    : "";

/** Why the bot cannot reach a contact, in the staff's words. */
function reasonText(reason: UnreachableReason): string {
  switch (reason.kind) {
    case "never_opened":
      return "har aldri åpnet boten";
    case "blocked":
      return `har blokkert eller fjernet boten${detail(reason)}`;
    case "not_in_directory":
      return "finnes ikke i Teams hos Statsforvalteren (ikke invitert som gjest?)";
    case "install_refused":
      return `appen kunne ikke installeres for personen${detail(reason)}`;
    case "conversation_failed":
      return `chatten kunne ikke åpnes${detail(reason)}`;
    case "lookup_failed":
      return `oppslag i katalogen feilet${detail(reason)}`;
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
function linesThatFit(lines: readonly object[]): object[] {
  let used = 0;
  const shown = lines.findIndex((l) => {
    used += cardBytes(l) + 2;
    return used > LINES_BUDGET_BYTES;
  });
  if (shown < 0) return [...lines];
  return [...lines.slice(0, shown), text(T.statusMore(lines.length - shown), { isSubtle: true })];
}

export function roundStatusCard({ round, reports, now, unreachable, reasons }: StatusInput): CardJson {
  const p = progress(reports);
  const late = now.getTime() > new Date(round.deadline).getTime();
  const missing = reports.filter((r) => r.status !== "submitted");
  const categories = Object.entries(p.byCategory)
    .filter(([, c]) => c.total > 0)
    .map(([title, c]) => ({ title, value: `${c.submitted} av ${c.total} levert` }));
  // Names and e-mails from the import: one literal run per line, never Markdown.
  const missingLines = missing.map((r) => {
    const who = `${shorten(r.contact.name, 80)} (${shorten(r.contact.email, 80)})`;
    const reason = reasons?.get(r.id);
    const flag = unreachable.has(r.id)
      ? ` – ⚠ når ikke kontaktpersonen i Teams${reason !== undefined ? `: ${reasonText(reason)}` : ""}`
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
    literalLine(`Status – ${round.county} ${round.reportingYear}`, { weight: "Bolder", size: "Medium" }),
    text(`**${p.submitted} av ${p.total} levert**`, { size: "Large", spacing: "Small" }),
    text(
      late
        ? `Fristen gikk ut ${formatOsloTime(new Date(round.deadline))}. ${missing.length} ${missing.length === 1 ? "rapportering" : "rapporteringer"} er forsinket.`
        : `Frist ${formatOsloTime(new Date(round.deadline))}.`,
      { isSubtle: !late, color: late && missing.length > 0 ? "Attention" : "Default", spacing: "None" },
    ),
    { type: "FactSet", facts: categories },
  ];
  if (missing.length > 0) {
    body.push(text(late ? "Forsinket:" : "Mangler:", { weight: "Bolder", separator: true }));
    body.push(...linesThatFit(missingLines));
  }
  if (unreachableCount > 0)
    body.push(
      text(
        `${unreachableCount} ${unreachableCount === 1 ? "kontaktperson" : "kontaktpersoner"} kan ikke nås av boten i Teams (har ikke åpnet den, eller har blokkert den). Påminnelser når dem ikke – ta kontakt på annen måte.`,
        { color: "Warning" },
      ),
    );
  body.push(text(`Oppdatert ${formatOsloTime(now)}`, { size: "Small", isSubtle: true }));
  return fits({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  });
}
