/**
 * Co-editors: partners the contact person invites by e-mail to help fill in a report. They can
 * change any section but cannot submit. Only the contact person invites and removes.
 */

import { z } from "zod";
import type { Clock } from "../clock.ts";
import { DEFAULT_LANG } from "../i18n/lang.ts";
import { texts } from "../i18n/texts.ts";
import type { ReportRef } from "../reports/report-service.ts";
import type { Actor, ReportDoc } from "../reports/types.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import { isContact } from "./access.ts";

const MAX_COEDITORS = 20;
const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

export type CoEditorOutcome =
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "not_contact"; report: ReportDoc }
  | { kind: "invalid"; report: ReportDoc; message: string }
  | { kind: "ok"; report: ReportDoc; changed: boolean; email: string };

export class CoEditorService {
  constructor(private readonly deps: { reports: ReportRepo; clock: Clock }) {}

  invite(actor: Actor, ref: ReportRef, rawEmail: unknown): Promise<CoEditorOutcome> {
    const coEditorMessages = texts(actor.lang ?? DEFAULT_LANG).people;
    const parsed = emailSchema.safeParse(rawEmail);
    const email = parsed.success ? parsed.data : "";
    return this.change(actor, ref, email, (doc) => {
      if (!parsed.success) return { kind: "invalid", report: doc, message: coEditorMessages.invalidEmail };
      if (doc.contact.email.toLowerCase() === email)
        return { kind: "invalid", report: doc, message: coEditorMessages.isContact };
      if (doc.coEditors.some((e) => e.email === email))
        return { kind: "ok", report: doc, changed: false, email };
      if (doc.coEditors.length >= MAX_COEDITORS)
        return { kind: "invalid", report: doc, message: coEditorMessages.tooMany };
      const now = this.deps.clock().toISOString();
      return {
        ...doc,
        coEditors: [...doc.coEditors, { email, invitedAt: now, invitedBy: actor.id }],
        revision: doc.revision + 1,
        updatedAt: now,
      };
    });
  }

  remove(actor: Actor, ref: ReportRef, rawEmail: unknown): Promise<CoEditorOutcome> {
    const email = typeof rawEmail === "string" ? rawEmail.trim().toLowerCase() : "";
    return this.change(actor, ref, email, (doc) => {
      if (!doc.coEditors.some((e) => e.email === email))
        return { kind: "ok", report: doc, changed: false, email };
      const now = this.deps.clock().toISOString();
      return {
        ...doc,
        coEditors: doc.coEditors.filter((e) => e.email !== email),
        revision: doc.revision + 1,
        updatedAt: now,
      };
    });
  }

  /** Load for display: only the contact person manages co-editors. */
  async list(actor: Actor, ref: ReportRef): Promise<CoEditorOutcome> {
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    if (found === undefined) return { kind: "not_found" };
    if (!isContact(actor, found.doc)) return { kind: "forbidden" };
    return { kind: "ok", report: found.doc, changed: false, email: "" };
  }

  private async change(
    actor: Actor,
    ref: ReportRef,
    email: string,
    decide: (doc: ReportDoc) => ReportDoc | CoEditorOutcome,
  ): Promise<CoEditorOutcome> {
    let outcome: CoEditorOutcome | undefined;
    try {
      const result = await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, (doc) => {
        if (!isContact(actor, doc)) {
          outcome = { kind: "forbidden" };
          return undefined;
        }
        const d = decide(doc);
        if ("kind" in d) {
          outcome = d;
          return undefined;
        }
        outcome = undefined;
        return d;
      });
      return outcome ?? { kind: "ok", report: result.doc, changed: true, email };
    } catch (err) {
      if (err instanceof NotFoundError) return { kind: "not_found" };
      throw err;
    }
  }
}
