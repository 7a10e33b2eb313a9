/** Synthetic forms and reports for the summaries tests. */

import type { AnswerContent, Form, Question } from "../../../src/questionnaire/types.ts";
import type { ReportDoc, RespondentCategory, Sector } from "../../../src/reports/types.ts";
import { testOptions } from "../../support/choice-options.ts";

export function question(id: string, type: Question["type"], extra: Partial<Question> = {}): Question {
  return {
    id,
    text: `Spørsmål ${id}`,
    help: null,
    type,
    options: null,
    allowOther: false,
    comment: false,
    maxLength: null,
    commentMaxLength: null,
    required: true,
    ...extra,
  };
}

export const Q = {
  schools: question("q1", "integer", { text: "Hvor mange skoler har deltatt?" }),
  amount: question("q2", "amount_nok", { text: "Egenfinansiering (kr)" }),
  phases: question("q3", "multichoice", {
    text: "Hvilke faser?",
    options: testOptions("Kartlegging", "Planlegging", "Gjennomføring"),
    allowOther: true,
  }),
  sami: question("q4", "choice", {
    text: "I hvilken grad er samiske perspektiver ivaretatt?",
    options: testOptions("I stor grad", "I noen grad", "I liten grad"),
    comment: true,
  }),
  confirm: question("q5", "yesno", { text: "Jeg bekrefter" }),
  goal: question("q6", "longtext", { text: "Hva er målet for tiltaket?" }),
  extra: question("q7", "longtext", { text: "Tilleggsinformasjon", required: false }),
  start: question("q8", "season_year", { text: "Oppstart", options: testOptions("Vår", "Høst") }),
} as const;

export const form: Form = {
  id: "test-form",
  title: "Rapportering – test",
  reportingYear: "2024/2025",
  guidance: [],
  sections: [
    { id: "s1", title: "Tall", intro: null, questions: [Q.schools, Q.amount] },
    { id: "s2", title: "Valg", intro: null, questions: [Q.phases, Q.sami, Q.confirm] },
    { id: "s3", title: "Tekst", intro: null, questions: [Q.goal, Q.extra, Q.start] },
  ],
  confirmationQuestionId: "q5",
  periodPairs: [],
};

let counter = 0;

export interface ReportInput {
  partnership: string;
  category?: RespondentCategory;
  sector?: Sector;
  tiltak?: string;
  status?: ReportDoc["status"];
  submittedAt?: string;
  answers?: Record<string, AnswerContent>;
}

export function report(input: ReportInput): ReportDoc {
  counter += 1;
  const status = input.status ?? "submitted";
  const answers: ReportDoc["answers"] = {};
  for (const [id, content] of Object.entries(input.answers ?? {})) {
    answers[id] = { ...content, by: { id: "u1", name: "Kari" }, at: "2025-01-10T10:00:00.000Z", rev: 1 };
  }
  return {
    id: `r${counter}`,
    roundId: "round-1",
    formId: form.id,
    partnership: {
      id: `p-${input.partnership}`,
      name: input.partnership,
      category: input.category ?? "Kommune",
      sector: input.sector ?? "Offentlig",
    },
    tiltak: { id: `t${counter}`, name: input.tiltak ?? `Tiltak ${counter}` },
    contact: { name: "Kari Nordmann", email: "kari@example.no" },
    coEditors: [],
    status,
    revision: 1,
    answers,
    ...(status === "submitted" ? { submittedAt: input.submittedAt ?? "2025-01-14T12:05:00.000Z" } : {}),
    createdAt: "2025-01-01T10:00:00.000Z",
    updatedAt: "2025-01-14T12:05:00.000Z",
  };
}
