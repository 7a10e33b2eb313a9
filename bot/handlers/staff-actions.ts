/** County staff in personal chat: the round's reports, reading any report, reopening with a reason. */
import { reviewCard } from "../../cards/report-review.ts";
import { staffReportsCard } from "../../cards/staff-reports.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Actor } from "../../src/reports/types.ts";
import { botText, langOf, staffLangOf } from "../lang.ts";
import type { Reply } from "../reply.ts";

export async function staffReports(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.StaffReports>,
): Promise<Reply> {
  const t = botText(actor);
  const listed = await app.staff.listRound(actor, data.roundId);
  if (listed === undefined) return { text: t.staffOnly };
  const lang = staffLangOf(actor, listed.round);
  return { card: staffReportsCard(listed.round, listed.form, listed.reports, lang) };
}

/** "rapporter": the reports of every round this person is staff of (one card per round). */
export async function staffOverview(app: EdgeApp, actor: Actor): Promise<Reply | undefined> {
  const rounds = await app.staff.roundsOf(actor);
  const first = rounds[0];
  if (first === undefined) return undefined;
  return staffReports(app, actor, { roundId: first.id });
}

export async function reopenReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Reopen>,
): Promise<Reply> {
  const t = botText(actor);
  const o = await app.staff.reopen(actor, data, { reason: data.reopenReason, revision: data.revision });
  switch (o.kind) {
    case "not_found":
      return { text: t.notFound };
    case "forbidden":
      return { text: t.staffOnly };
    case "invalid":
      return {
        card: reviewCard({
          lang: langOf(actor),
          ...o,
          role: "staff",
          reopen: { reason: data.reopenReason ?? "", error: o.message },
        }),
      };
    case "not_submitted":
      return {
        card: reviewCard({
          lang: langOf(actor),
          ...o,
          role: "staff",
          notice: { text: t.notSubmitted, style: "warning" },
        }),
      };
    case "stale":
      return {
        card: reviewCard({
          lang: langOf(actor),
          ...o,
          role: "staff",
          notice: { text: t.reopenStale, style: "warning" },
        }),
      };
    case "reopened":
      app.log.info({ reportId: o.report.id, contactTold: o.contactTold }, "report reopened by staff");
      return {
        card: reviewCard({
          lang: langOf(actor),
          ...o,
          role: "staff",
          notice: {
            text: o.contactTold ? t.reopenedTold : t.reopenedNotTold,
            style: o.contactTold ? "good" : "warning",
          },
        }),
      };
  }
}
