/**
 * What the report service answers: outcomes as unions, mapped to cards and messages by bot/.
 */
import type { Role } from "../people/access.ts";
import type { Form } from "../questionnaire/types.ts";
import type { ReportDoc } from "./types.ts";

/** After saving: the next section, the previous one, stay (pause), or the review of the whole report. */
export type Nav = "next" | "back" | "pause" | "review";

export interface ReportRef {
  roundId: string;
  reportId: string;
}

export type Denied = { kind: "not_found" } | { kind: "forbidden" };

/** What every card of a report shows besides the answers: the deadline and "now" to count days. */
export interface CardContext {
  /** ISO instant of the round's deadline, when the round is known. */
  deadline?: string;
  now: Date;
}

export type OpenOutcome =
  | Denied
  | ({
      kind: "ok";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      page: number;
    } & CardContext);

export type SaveOutcome =
  | Denied
  | { kind: "read_only"; report: ReportDoc; form: Form; role: Role }
  | ({
      kind: "tampered";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      page: number;
      problem: string;
    } & CardContext)
  | ({
      kind: "invalid";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      page: number;
      errors: Record<string, string>;
    } & CardContext)
  | ({
      kind: "stale";
      report: ReportDoc;
      form: Form;
      role: Role;
      sectionIndex: number;
      page: number;
      /** Left as stored: someone else changed them after the card was made. The rest was saved. */
      questions: string[];
      errors: Record<string, string>;
    } & CardContext)
  | ({
      kind: "saved";
      report: ReportDoc;
      form: Form;
      role: Role;
      /** Where to go next (sections.length = the review). */
      sectionIndex: number;
      page: number;
      nav: Nav;
      wrote: boolean;
    } & CardContext);

export type SubmitOutcome =
  | Denied
  | { kind: "not_contact"; report: ReportDoc; form: Form; role: Role }
  | { kind: "incomplete"; report: ReportDoc; form: Form; role: Role; missing: string[]; unconfirmed: boolean }
  | { kind: "stale"; report: ReportDoc; form: Form; role: Role }
  | { kind: "submitted"; report: ReportDoc; form: Form; role: Role; already: boolean };
