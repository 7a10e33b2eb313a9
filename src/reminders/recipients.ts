/**
 * Who receives a report's reminders: its contact person and, when the contact chose so, its
 * co-editors. Each recipient has a stable key used in ledger ids.
 */
import { createHash } from "node:crypto";
import type { Actor, ReportDoc } from "../reports/types.ts";

export interface Recipient {
  /** Stable key: a hash of the Entra id, else of the e-mail (ids stay short and carry no e-mail). */
  key: string;
  role: "contact" | "coeditor";
  name: string;
  email?: string;
  aadObjectId?: string;
}

export function recipientKey(person: { aadObjectId?: string; email?: string }): string {
  const basis =
    person.aadObjectId !== undefined && person.aadObjectId !== ""
      ? `aad:${person.aadObjectId}`
      : `email:${(person.email ?? "").trim().toLowerCase()}`;
  return `r${createHash("sha256").update(basis).digest("hex").slice(0, 20)}`;
}

function contactRecipient(report: ReportDoc): Recipient {
  const c = report.contact;
  return {
    key: recipientKey(c),
    role: "contact",
    name: c.name,
    email: c.email,
    ...(c.aadObjectId ? { aadObjectId: c.aadObjectId } : {}),
  };
}

/** The contact, then (when chosen) every co-editor who is not the contact. */
export function recipientsOf(report: ReportDoc, includeCoEditors: boolean): Recipient[] {
  const list = [contactRecipient(report)];
  if (!includeCoEditors) return list;
  for (const e of report.coEditors) {
    const key = recipientKey(e);
    if (list.some((r) => r.key === key)) continue;
    list.push({
      key,
      role: "coeditor",
      name: e.name ?? e.email,
      email: e.email,
      ...(e.aadObjectId ? { aadObjectId: e.aadObjectId } : {}),
    });
  }
  return list;
}

const sameEmail = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The recipient the actor is on this report (matched like people/access.ts does), if any. */
export function recipientOfActor(actor: Actor, report: ReportDoc): Recipient | undefined {
  const matches = (p: { aadObjectId?: string; email?: string }) =>
    p.aadObjectId !== undefined ? p.aadObjectId === actor.id : sameEmail(p.email, actor.email);
  if (matches(report.contact)) return contactRecipient(report);
  return recipientsOf(report, true).find((r) => r.role === "coeditor" && matches(r));
}
