/**
 * Builders for stored documents used by the storage integration tests.
 */

import type { PersonDoc } from "../../../src/people/types.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";

const NOW = "2026-11-02T10:00:00.000Z";

export function makeReport(overrides: Partial<ReportDoc> & Pick<ReportDoc, "id" | "roundId">): ReportDoc {
  return {
    formId: "form-2025",
    partnership: { id: "p-1", name: "Kulturnettverket", category: "Kommune", sector: "Offentlig" },
    tiltak: { id: `t-${overrides.id}`, name: `Tiltak ${overrides.id}` },
    contact: { name: "Kari Nordmann", email: "kari@example.com" },
    coEditors: [],
    status: "draft",
    revision: 0,
    answers: {},
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function makeRound(overrides: Partial<RoundDoc> & Pick<RoundDoc, "id">): RoundDoc {
  return {
    county: "Vestland",
    formId: "form-2025",
    reportingYear: 2025,
    deadline: "2026-01-15T22:59:00.000Z",
    staffIds: ["staff-1"],
    createdAt: NOW,
    ...overrides,
  };
}

export function makePerson(overrides: Partial<PersonDoc> & Pick<PersonDoc, "id">): PersonDoc {
  return { name: `Person ${overrides.id}`, updatedAt: NOW, ...overrides };
}

/** A unique id per call, so tests in one file never collide. */
let counter = 0;
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
