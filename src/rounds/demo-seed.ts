/**
 * A demo round for local runs: one county, two partnerships, three tiltak. The Agents
 * Playground's default user (Alex Wilber) is the contact person of two of them.
 */
import type { ReportDoc } from "../reports/types.ts";
import { defaultDeadline } from "./round.ts";
import type { RoundDoc } from "./types.ts";

/** The Agents Playground's built-in current user and a second built-in user. */
export const PLAYGROUND_USER = {
  aadObjectId: "00000000-0000-0000-0000-0000000000020",
  name: "Alex Wilber",
  email: "alexw@example.com",
};
const PLAYGROUND_USER_2 = {
  aadObjectId: "00000000-0000-0000-0000-0000000000021",
  name: "Megan Bowen",
  email: "meganb@example.com",
};

export const DEMO_ROUND_ID = "nordland-2025";

/**
 * The next 15 January 23:59 Europe/Oslo after `now` (so a newcomer's first start never shows a deadline
 * that has already passed; with CLOCK_NOW the demo follows that clock).
 */
export function nextDemoDeadline(now: Date): string {
  const thisYear = defaultDeadline(now.getUTCFullYear() - 1);
  return Date.parse(thisYear) > now.getTime() ? thisYear : defaultDeadline(now.getUTCFullYear());
}

export function demoRound(now: Date): { round: RoundDoc; reports: ReportDoc[] } {
  const at = now.toISOString();
  const round: RoundDoc = {
    id: DEMO_ROUND_ID,
    county: "Nordland",
    formId: "dekom-2024-2025",
    reportingYear: 2025,
    deadline: nextDemoDeadline(now),
    staffIds: [],
    createdAt: at,
  };
  const base = {
    roundId: round.id,
    formId: round.formId,
    coEditors: [],
    status: "draft" as const,
    revision: 0,
    answers: {},
    createdAt: at,
    updatedAt: at,
  };
  const reports: ReportDoc[] = [
    {
      ...base,
      id: "t-salten-lesing",
      partnership: { id: "p-salten", name: "Salten regionråd", category: "Kommune", sector: "Offentlig" },
      tiltak: { id: "t-salten-lesing", name: "Lesing i alle fag", caseNumber: "2024/1234" },
      contact: { ...PLAYGROUND_USER, phone: "+4791234567", workplace: "Salten regionråd" },
    },
    {
      ...base,
      id: "t-salten-vurdering",
      partnership: { id: "p-salten", name: "Salten regionråd", category: "Kommune", sector: "Offentlig" },
      tiltak: { id: "t-salten-vurdering", name: "Vurdering for læring", caseNumber: "2024/1235" },
      contact: { ...PLAYGROUND_USER, phone: "+4791234567", workplace: "Salten regionråd" },
    },
    {
      ...base,
      id: "t-helgeland-inkludering",
      partnership: {
        id: "p-helgeland",
        name: "Kompetanseregion Helgeland",
        category: "Kommune",
        sector: "Offentlig",
      },
      tiltak: { id: "t-helgeland-inkludering", name: "Inkluderende læringsmiljø", caseNumber: "2024/1301" },
      contact: { ...PLAYGROUND_USER_2, phone: "92345678" },
    },
  ];
  return { round, reports };
}
