/**
 * Card actions on a report: open, save a section, review, submit. Maps service outcomes to
 * cards; every decision about access and validity is made in src/.
 */
import { receiptCard } from "../../cards/report-receipt.ts";
import { reviewCard } from "../../cards/report-review.ts";
import { sectionCard } from "../../cards/report-section.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { App } from "../../src/app.ts";
import { decodeFingerprints } from "../../src/questionnaire/fingerprint.ts";
import type { Actor } from "../../src/reports/types.ts";
import type { Reply } from "../reply.ts";
import { t } from "../strings.ts";
import { postSummary } from "./channel.ts";

type Denied = { kind: "not_found" } | { kind: "forbidden" };
const denied = (o: Denied): Reply => ({ text: o.kind === "not_found" ? t.notFound : t.forbidden });

export async function openReport(
  app: App,
  actor: Actor,
  data: Payload<typeof Verb.OpenReport>,
): Promise<Reply> {
  const o = await app.reports.open(actor, data, data.section);
  if (o.kind !== "ok") return denied(o);
  if (o.report.status === "submitted" || o.role === "staff") return { card: reviewCard(o) };
  return { card: sectionCard({ form: o.form, report: o.report, sectionIndex: o.sectionIndex }) };
}

export async function reviewReport(
  app: App,
  actor: Actor,
  data: Payload<typeof Verb.Review>,
): Promise<Reply> {
  const o = await app.reports.open(actor, data);
  if (o.kind !== "ok") return denied(o);
  return { card: reviewCard(o) };
}

export async function saveSection(
  app: App,
  actor: Actor,
  data: Payload<typeof Verb.SaveSection>,
  inputs: Record<string, unknown>,
): Promise<Reply> {
  let o: Awaited<ReturnType<App["reports"]["saveSection"]>>;
  try {
    const base = decodeFingerprints(data.base);
    const { base: _encoded, ...rest } = data;
    o = await app.reports.saveSection(actor, data, { ...rest, raw: inputs, ...(base ? { base } : {}) });
  } catch (err) {
    app.log.error({ err, reportId: data.reportId }, "saving a section failed");
    return storageFailed(app, actor, data, inputs);
  }
  switch (o.kind) {
    case "not_found":
    case "forbidden":
      return denied(o);
    case "read_only":
      return { card: reviewCard({ ...o, notice: { text: t.readOnly, style: "warning" } }) };
    case "tampered":
      app.log.warn(
        { reportId: data.reportId, problem: o.problem },
        "refused a card payload that our card cannot send",
      );
      return { card: sectionCard({ ...o, notice: { text: t.tampered, style: "attention" } }) };
    case "invalid":
      return {
        card: sectionCard({
          ...o,
          typed: inputs,
          errors: o.errors,
          notice: { text: t.invalid, style: "attention" },
        }),
      };
    case "stale":
      return { card: sectionCard({ ...o, notice: { text: t.stale, style: "warning" } }) };
    case "saved": {
      if (o.sectionIndex >= o.form.sections.length) return { card: reviewCard(o) };
      const notice = o.nav === "pause" ? { text: t.paused, style: "good" as const } : undefined;
      return { card: sectionCard({ ...o, ...(notice ? { notice } : {}) }) };
    }
  }
}

/** Saving failed (storage down): show the same section with everything the person typed. */
async function storageFailed(
  app: App,
  actor: Actor,
  data: Payload<typeof Verb.SaveSection>,
  inputs: Record<string, unknown>,
): Promise<Reply> {
  try {
    const o = await app.reports.open(actor, data);
    if (o.kind !== "ok") return denied(o);
    const index = o.form.sections.findIndex((s) => s.id === data.sectionId);
    return {
      card: sectionCard({
        form: o.form,
        report: { ...o.report, revision: data.revision },
        sectionIndex: index < 0 ? o.sectionIndex : index,
        typed: inputs,
        notice: { text: t.storageFailed, style: "attention" },
      }),
    };
  } catch (err) {
    app.log.error({ err, reportId: data.reportId }, "reading the report after a failed save also failed");
    return { text: t.storageFailed };
  }
}

export async function submitReport(
  app: App,
  actor: Actor,
  data: Payload<typeof Verb.Submit>,
): Promise<Reply> {
  const o = await app.reports.submit(actor, data, data.revision);
  switch (o.kind) {
    case "not_found":
    case "forbidden":
      return denied(o);
    case "not_contact":
      return {
        card: reviewCard({
          ...o,
          notice: {
            text: "Bare kontaktpersonen for tiltaket kan sende inn rapporteringen.",
            style: "warning",
          },
        }),
      };
    case "incomplete":
      return {
        card: reviewCard({
          ...o,
          notice: {
            text: "Rapporteringen er ikke klar til innsending ennå – se hva som mangler.",
            style: "attention",
          },
        }),
      };
    case "stale":
      return {
        card: reviewCard({
          ...o,
          notice: {
            text: "Rapporteringen er endret siden du åpnet dette kortet. Se gjennom den nyeste versjonen før du sender inn.",
            style: "warning",
          },
        }),
      };
    case "submitted":
      if (!o.already) {
        app.log.info({ reportId: o.report.id, roundId: o.report.roundId }, "report submitted");
        await postSummary(app, await app.repos.rounds.get(o.report.roundId), o.report).catch((err: unknown) =>
          app.log.error({ err, reportId: o.report.id }, "posting the summary failed"),
        );
      }
      return { card: receiptCard(o.report) };
  }
}
