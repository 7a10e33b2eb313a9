/**
 * Card actions on a report: open, save a section, review, submit. Maps service outcomes to
 * cards; every decision about access and validity is made in src/.
 */
import { shorten } from "../../cards/render.ts";
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Lang } from "../../src/i18n/lang.ts";
import { texts } from "../../src/i18n/texts.ts";
import { findQuestion } from "../../src/questionnaire/form.ts";
import { formIn } from "../../src/questionnaire/form-lang.ts";
import { errorsOfQuestion, inputIdsOf } from "../../src/questionnaire/input-ids.ts";
import type { Form } from "../../src/questionnaire/types.ts";
import type { Actor } from "../../src/reports/types.ts";
import { userMessageFor } from "../errors.ts";
import { botText, langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";
import { postSummary } from "./channel.ts";
import { deadlineOf } from "./review-actions.ts";

type Denied = { kind: "not_found" } | { kind: "forbidden" };
type BotText = ReturnType<typeof botText>;
const denied = (o: Denied, t: BotText): Reply => ({
  text: o.kind === "not_found" ? t.notFound : t.forbidden,
});

/** The report this person works on now: files sent next are attached to it (src/attachments/). */
function workingOn(app: EdgeApp, actor: Actor, report: { roundId: string; id: string }): void {
  app.attachments.memory.noteWorkingOn(actor.id, { roundId: report.roundId, reportId: report.id });
}

export async function openReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.OpenReport>,
): Promise<Reply> {
  const o = await app.reports.open(actor, data, data.section, data.page);
  if (o.kind !== "ok") return denied(o, botText(actor));
  workingOn(app, actor, o.report);
  const lang = langOf(actor, o.report);
  // Staff and approvers only read: the review, never a section to fill in.
  if (o.report.status === "submitted" || o.role === "staff" || o.role === "approver")
    return { card: reviewCard({ ...o, lang }) };
  return { card: sectionCard({ ...o, lang }) };
}

export async function reviewReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Review>,
): Promise<Reply> {
  const o = await app.reports.open(actor, data);
  if (o.kind !== "ok") return denied(o, botText(actor));
  workingOn(app, actor, o.report);
  return {
    card: reviewCard({
      ...o,
      lang: langOf(actor, o.report),
      now: app.clock(),
      ...(await deadlineOf(app, o.report.roundId)),
    }),
  };
}

export async function saveSection(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.SaveSection>,
  inputs: Record<string, unknown>,
): Promise<Reply> {
  let lang = langOf(actor);
  let t = botText(actor);
  let o: Awaited<ReturnType<EdgeApp["reports"]["saveSection"]>>;
  try {
    const { base, ...rest } = data;
    o = await app.reports.saveSection(actor, data, { ...rest, raw: inputs, ...(base ? { base } : {}) });
  } catch (err) {
    const text = userMessageFor(app.log, err, "save", { reportId: data.reportId }, lang);
    return storageFailed(app, actor, data, inputs, text);
  }
  if ("report" in o) {
    lang = langOf(actor, o.report);
    t = botText(actor, o.report);
  }
  if (o.kind !== "not_found" && o.kind !== "forbidden") workingOn(app, actor, o.report);
  switch (o.kind) {
    case "not_found":
    case "forbidden":
      return denied(o, botText(actor));
    case "read_only":
      return { card: reviewCard({ ...o, lang, notice: { text: t.readOnly, style: "warning" } }) };
    case "tampered":
      app.log.warn(
        { reportId: data.reportId, problem: o.problem },
        "refused a card payload that our card cannot send",
      );
      return { card: sectionCard({ ...o, lang, notice: { text: t.tampered, style: "attention" } }) };
    case "invalid":
      // Only the wrong answers come back as typed; everything else shows what is stored now
      // (the valid answers were just saved, and untouched ones may have been changed by someone else).
      return {
        card: sectionCard({
          ...o,
          lang,
          typed: typedOf(o.form, o.sectionIndex, inputs, o.errors),
          errors: o.errors,
          notice: { text: t.invalid, style: "attention" },
        }),
      };
    case "stale":
      return {
        card: sectionCard({
          ...o,
          lang,
          typed: typedOf(o.form, o.sectionIndex, inputs, o.errors),
          errors: o.errors,
          notice: { text: t.stale, lines: staleLines(o.form, o.questions, inputs, lang), style: "warning" },
        }),
      };
    case "saved": {
      if (o.sectionIndex >= o.form.sections.length)
        return {
          card: reviewCard({ ...o, lang, now: app.clock(), ...(await deadlineOf(app, o.report.roundId)) }),
        };
      const notice = o.nav === "pause" ? { text: t.paused, style: "good" as const } : undefined;
      return { card: sectionCard({ ...o, lang, ...(notice ? { notice } : {}) }) };
    }
  }
}

/** The typed inputs of the questions that have errors (those must come back exactly as typed). */
function typedOf(
  form: Form,
  sectionIndex: number,
  inputs: Record<string, unknown>,
  errors: Record<string, string>,
) {
  const section = form.sections[sectionIndex];
  // Errors may sit on an input or on the question as a whole (period pairs): errorsOfQuestion sees both.
  const wrong = (section?.questions ?? []).filter((q) => errorsOfQuestion(q, errors).length > 0);
  return Object.fromEntries(wrong.flatMap((q) => inputIdsOf(q).map((id) => [id, inputs[id]])));
}

/**
 * Which answers were left alone because someone else changed them, with what this person typed: one
 * literal line each (the typed text is shown in a TextRun, never Markdown).
 */
function staleLines(form: Form, qids: string[], inputs: Record<string, unknown>, lang: Lang): string[] {
  const t = texts(lang).bot;
  const shown = formIn(form, lang);
  const lines = qids.flatMap((qid) => {
    const q = findQuestion(form, qid);
    if (q === undefined) return [];
    const typed = inputIdsOf(q)
      .map((id) => inputs[id])
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .join(" / ");
    const text = findQuestion(shown, qid)?.text ?? q.text;
    return [t.staleLine(shorten(text, 80), shorten(typed, 200))];
  });
  return lines;
}

/**
 * Saving failed (storage down): show the same section with everything the person typed. When the
 * report cannot even be read, the card is drawn from the form and the typed values alone.
 */
async function storageFailed(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.SaveSection>,
  inputs: Record<string, unknown>,
  text: string,
): Promise<Reply> {
  const notice = { text, style: "attention" as const };
  // Keep what the person's card showed, so the retry is checked against it (not against newer values).
  const carried = { typed: inputs, notice, lang: langOf(actor), ...(data.base ? { base: data.base } : {}) };
  try {
    const o = await app.reports.open(actor, data);
    if (o.kind !== "ok") return denied(o, botText(actor));
    const index = o.form.sections.findIndex((s) => s.id === data.sectionId);
    return {
      card: sectionCard({
        ...o,
        report: { ...o.report, revision: data.revision },
        sectionIndex: index < 0 ? o.sectionIndex : index,
        page: index < 0 ? o.page : (data.page ?? 0),
        ...carried,
      }),
    };
  } catch (err) {
    userMessageFor(app.log, err, "reread", { reportId: data.reportId });
    const found = app.questionnaires.sectionById(data.sectionId);
    if (found === undefined) return { text };
    // Nothing stored is shown: ids and revision from the card, no names (the report could not be read).
    const report = { id: data.reportId, roundId: data.roundId, revision: data.revision, answers: {} };
    return { card: sectionCard({ ...found, report, page: data.page ?? 0, ...carried }) };
  }
}

export async function submitReport(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.Submit>,
): Promise<Reply> {
  const o = await app.reports.submit(actor, data, data.revision);
  const about = "report" in o ? o.report : undefined;
  const lang = langOf(actor, about);
  const t = botText(actor, about);
  switch (o.kind) {
    case "not_found":
    case "forbidden":
      return denied(o, botText(actor));
    case "not_contact":
      return {
        card: reviewCard({
          ...o,
          lang,
          notice: { text: t.onlyContactSubmits, style: "warning" },
        }),
      };
    case "incomplete":
      return {
        card: reviewCard({
          ...o,
          lang,
          notice: { text: t.notReadyToSubmit, style: "attention" },
        }),
      };
    case "stale":
      return {
        card: reviewCard({
          ...o,
          lang,
          notice: { text: t.submitStale, style: "warning" },
        }),
      };
    case "submitted":
      if (!o.already) {
        app.log.info({ reportId: o.report.id, roundId: o.report.roundId }, "report submitted");
        // Off the request path: the person's receipt never waits for (or fails with) the channel post.
        const report = o.report;
        void postSummary(app, report).catch((err: unknown) =>
          app.log.error({ err, reportId: report.id }, "posting the summary failed"),
        );
      }
      return { card: receiptCard(o.report, lang) };
  }
}
