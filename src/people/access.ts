/**
 * Who may do what with a report. Decided from the stored report and the actor that Teams
 * authenticated, never from ids that come back in card data.
 */
import type { Actor, Approver, ReportDoc } from "../reports/types.ts";

export type Role = "contact" | "coeditor" | "approver" | "staff";

const sameEmail = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim() !== "" && a.trim().toLowerCase() === b.trim().toLowerCase();

export function isContact(actor: Actor, report: ReportDoc): boolean {
  const c = report.contact;
  return c.aadObjectId !== undefined ? c.aadObjectId === actor.id : sameEmail(c.email, actor.email);
}

export function isCoEditor(actor: Actor, report: ReportDoc): boolean {
  return report.coEditors.some((e) =>
    e.aadObjectId !== undefined ? e.aadObjectId === actor.id : sameEmail(e.email, actor.email),
  );
}

/** The approver entry this actor is, on this report (by Entra id once bound, else by e-mail). */
export function approverOf(actor: Actor, report: ReportDoc): Approver | undefined {
  return (report.approvers ?? []).find((e) =>
    e.aadObjectId !== undefined ? e.aadObjectId === actor.id : sameEmail(e.email, actor.email),
  );
}

/** The strongest role the actor has on the report, or undefined when none. */
export function roleOf(actor: Actor, report: ReportDoc, staffIds: readonly string[]): Role | undefined {
  if (isContact(actor, report)) return "contact";
  if (isCoEditor(actor, report)) return "coeditor";
  if (approverOf(actor, report) !== undefined) return "approver";
  // Guests are never staff, whatever list their id is on.
  if (actor.guest !== true && staffIds.includes(actor.id)) return "staff";
  return undefined;
}

export const canEdit = (role: Role | undefined): boolean => role === "contact" || role === "coeditor";
export const canSubmit = (role: Role | undefined): boolean => role === "contact";
export const canRead = (role: Role | undefined): boolean => role !== undefined;
