/**
 * Files a contact or co-editor sends in personal chat become attachments of the report they are
 * working on (src/attachments/); an allocation list from county staff goes to the round import.
 * Answers with the section card of the form's attachment question, listing the files with «Fjern»
 * and saying what happened to each sent file. Access is decided in src/ from the stored report.
 */
import {
  attachmentChoiceCard,
  attachmentLinksCard,
  attachmentPosition,
  type FileResult,
} from "../../cards/attachment-cards.ts";
import { reviewCard } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_REPORT } from "../../src/attachments/attachment-rules.ts";
import type { AddOutcome, IncomingFile } from "../../src/attachments/attachment-service.ts";
import { texts } from "../../src/i18n/texts.ts";
import type { ReportRef } from "../../src/reports/report-service.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import { langOf, staffLangOf } from "../lang.ts";
import type { Reply } from "../reply.ts";
import { type FileAttachment, importFromFile } from "./import-actions.ts";
import { deadlineOf } from "./review-actions.ts";

/** The bot's and the documents' sentences in the person's language (about a report, when there is one). */
const textsFor = (actor: Actor, report?: ReportDoc) => {
  const all = texts(langOf(actor, report));
  return { t: all.bot, dt: all.botDocuments };
};

const IMPORT_FILE = /\.(xlsx|csv)$/i;

/** A message with files: the round import for staff sending an allocation list, else attachments. */
export async function receiveFiles(
  app: EdgeApp,
  actor: Actor,
  files: FileAttachment[],
  personal: boolean,
): Promise<Reply> {
  const { dt } = textsFor(actor);
  const importType = files.every((f) => IMPORT_FILE.test(f.name));
  if (importType && (await app.imports.isAnyStaff(actor))) return importFromFile(app, actor, files, personal);
  if (!personal) return { text: dt.attachmentsPersonalOnly };
  const target = await app.attachments.target(actor);
  if (target.kind === "none") {
    // Nobody's draft to attach to: staff, or an allocation list, get the import's own answer.
    if (importType || (await app.imports.isAnyStaff(actor)))
      return importFromFile(app, actor, files, personal);
    return { text: dt.attachmentsNoReport };
  }
  if (!app.attachments.available) return { text: dt.attachmentsUnavailable };
  const incoming: IncomingFile[] = files.map((f) => ({ name: f.name, downloadUrl: f.content.downloadUrl }));
  if (target.kind === "choose") {
    const pendingId = app.attachments.memory.hold(actor.id, incoming);
    const lang = langOf(actor, ...target.reports);
    return { card: attachmentChoiceCard(pendingId, target.reports, incoming.length, lang) };
  }
  return addAndShow(app, actor, target.ref, incoming);
}

/** «Velg» on the choice of tiltak: the held files go to the chosen report (access checked there). */
export async function chooseAttachmentTarget(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.AttachmentTarget>,
): Promise<Reply> {
  const files = app.attachments.memory.take(actor.id, data.pendingId);
  if (files === undefined) return { text: textsFor(actor).dt.attachmentsGone };
  return addAndShow(app, actor, data, files);
}

function resultOf(f: Extract<AddOutcome, { kind: "done" }>["files"][number]): FileResult {
  if (f.kind === "too_big")
    return { name: f.name, kind: "too_big", maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 };
  if (f.kind === "too_many") return { name: f.name, kind: "too_many", max: ATTACHMENTS_PER_REPORT };
  return { name: f.name, kind: f.kind };
}

async function addAndShow(app: EdgeApp, actor: Actor, ref: ReportRef, files: IncomingFile[]): Promise<Reply> {
  const o = await app.attachments.add(actor, ref, files);
  const { t, dt } = textsFor(actor, "report" in o ? o.report : undefined);
  switch (o.kind) {
    case "not_found":
      return { text: t.notFound };
    case "forbidden":
      return { text: t.forbidden };
    case "read_only":
      return { text: dt.attachmentsReadOnly };
    case "unavailable":
      return { text: dt.attachmentsUnavailable };
    case "done":
      app.log.info({ reportId: o.report.id, files: o.files.map((f) => f.kind) }, "attachments received");
      app.attachments.memory.noteWorkingOn(actor.id, { roundId: o.report.roundId, reportId: o.report.id });
      return attachmentCard(app, actor, ref, o.files.map(resultOf));
  }
}

/** The section card of the form's attachment question (or the review when the form has none). */
async function attachmentCard(
  app: EdgeApp,
  actor: Actor,
  ref: ReportRef,
  fileResults: FileResult[],
  view: { kind: "section" } | { kind: "review"; page?: number } = { kind: "section" },
): Promise<Reply> {
  const o = await app.reports.open(actor, ref);
  if (o.kind !== "ok") {
    const { t } = textsFor(actor);
    return { text: o.kind === "not_found" ? t.notFound : t.forbidden };
  }
  const lang = langOf(actor, o.report);
  const at = attachmentPosition(o.form);
  if (view.kind === "review" || at === undefined || o.report.status === "submitted" || o.role === "staff") {
    const page = view.kind === "review" ? view.page : undefined;
    return {
      card: reviewCard({
        ...o,
        ...(page !== undefined ? { page } : {}),
        ...(await deadlineOf(app, o.report.roundId)),
        lang,
        now: app.clock(),
      }),
    };
  }
  return { card: sectionCard({ ...o, ...at, fileResults, lang }) };
}

/** «Fjern» on an attachment line: only an attachment of this report, only for its editors. */
export async function removeAttachment(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.RemoveAttachment>,
): Promise<Reply> {
  const o = await app.attachments.remove(actor, data, data.attachmentId);
  const { t, dt } = textsFor(actor, "report" in o ? o.report : undefined);
  switch (o.kind) {
    case "not_found":
      return { text: t.notFound };
    case "forbidden":
      return { text: t.forbidden };
    case "read_only":
      return { text: dt.attachmentsReadOnly };
    case "unavailable":
      return { text: dt.attachmentsUnavailable };
    case "gone":
    case "removed": {
      const results: FileResult[] = o.kind === "removed" ? [{ name: o.name, kind: "removed" }] : [];
      if (o.kind === "removed") app.log.info({ reportId: o.report.id }, "attachment removed");
      const view =
        data.view === "review"
          ? { kind: "review" as const, ...(data.page !== undefined ? { page: data.page } : {}) }
          : { kind: "section" as const };
      const reply = await attachmentCard(app, actor, data, results, view);
      return o.kind === "gone" ? { ...reply, text: dt.attachmentAlreadyGone } : reply;
    }
  }
}

/** Staff («Last ned vedlegg» on a summary): fresh signed links, after the staff check on the stored report. */
export async function attachmentLinks(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.AttachmentLinks>,
): Promise<Reply> {
  const o = await app.reports.open(actor, data);
  const { t, dt } = textsFor(actor);
  if (o.kind === "not_found") return { text: t.notFound };
  if (o.kind !== "ok") return { text: dt.attachmentsStaffOnly };
  // Staff who are also this report's contact or co-editor (a demo round, a county's own tiltak) are staff here.
  if (o.role !== "staff" && (await app.staff.isStaffOf(actor, o.report.roundId)) === undefined)
    return { text: dt.attachmentsStaffOnly };
  const links = app.documents.attachmentLinks(o.report);
  const expiresAt = links[0]?.expiresAt ?? app.clock().getTime();
  app.log.info({ reportId: o.report.id, files: links.length }, "attachment links made");
  // Staff: their own choice, else the round's written standard (as the summary the button is on).
  const round = await app.channel.roundFacts(o.report.roundId);
  return { card: attachmentLinksCard(o.report, links, expiresAt, staffLangOf(actor, round)) };
}
