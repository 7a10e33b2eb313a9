/** The review card's own actions: pages of a long review, and "Stemmer" on a plausibility warning. */
import { reviewCard } from "../../cards/report-review.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Actor } from "../../src/reports/types.ts";
import { botText, langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";

/** The round's deadline for the deadline line; the review still shows when the round cannot be read. */
export async function deadlineOf(app: EdgeApp, roundId: string): Promise<{ deadline?: string }> {
  try {
    const deadline = await app.review.deadlineOf(roundId);
    return deadline === undefined ? {} : { deadline };
  } catch (err) {
    app.log.warn({ err, roundId }, "reading the round for the deadline failed");
    return {};
  }
}

export async function reviewPage(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Review>,
): Promise<Reply> {
  const t = botText(actor);
  const o = await app.reports.open(actor, data);
  if (o.kind !== "ok") return { text: o.kind === "not_found" ? t.notFound : t.forbidden };
  const deadline = await deadlineOf(app, o.report.roundId);
  return {
    card: reviewCard({
      ...o,
      lang: langOf(actor, o.report),
      page: data.page ?? 0,
      now: app.clock(),
      ...deadline,
    }),
  };
}

export async function confirmWarningAction(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.ConfirmWarning>,
): Promise<Reply> {
  const t = botText(actor);
  const o = await app.review.confirmWarning(actor, data, data.rule);
  if (o.kind === "not_found" || o.kind === "forbidden") {
    return { text: o.kind === "not_found" ? t.notFound : t.forbidden };
  }
  const deadline = await deadlineOf(app, o.report.roundId);
  return { card: reviewCard({ ...o, lang: langOf(actor, o.report), now: app.clock(), ...deadline }) };
}
