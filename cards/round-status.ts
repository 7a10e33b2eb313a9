/**
 * The progress digest staff see in the channel: "12 av 16 levert", per respondent category, the
 * missing reports with their contact persons, contacts the bot cannot reach, and after the
 * deadline the late ones. Built as plain card JSON (its shape varies with the round).
 */
import type { ReportDoc } from "../src/reports/types.ts";
import type { RoundDoc } from "../src/rounds/types.ts";
import { progress } from "../src/summaries/statistics.ts";
import { type CardJson, escapeMarkdown, fits, shorten } from "./render.ts";
import { formatOsloTime } from "./time.ts";

export interface StatusInput {
  round: RoundDoc;
  reports: ReportDoc[];
  now: Date;
  /** Report ids whose contact the bot cannot reach in Teams (never opened it, blocked, uninstalled). */
  unreachable: ReadonlySet<string>;
}

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});

export function roundStatusCard({ round, reports, now, unreachable }: StatusInput): CardJson {
  const p = progress(reports);
  const late = now.getTime() > new Date(round.deadline).getTime();
  const missing = reports.filter((r) => r.status !== "submitted");
  const categories = Object.entries(p.byCategory)
    .filter(([, c]) => c.total > 0)
    .map(([title, c]) => ({ title, value: `${c.submitted} av ${c.total} levert` }));
  const missingLines = missing.map((r) => {
    const who = `${escapeMarkdown(r.contact.name)} (${escapeMarkdown(r.contact.email)})`;
    const flag = unreachable.has(r.id) ? " – ⚠ når ikke kontaktpersonen i Teams" : "";
    return `- ${escapeMarkdown(shorten(`${r.partnership.name} – ${r.tiltak.name}`, 120))}: ${who}${flag}`;
  });
  const unreachableCount = missing.filter((r) => unreachable.has(r.id)).length;
  const body: object[] = [
    text(`Status – ${escapeMarkdown(round.county)} ${round.reportingYear}`, {
      weight: "Bolder",
      size: "Medium",
      style: "heading",
    }),
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
    body.push(text(missingLines.join("\n"), { spacing: "Small" }));
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
