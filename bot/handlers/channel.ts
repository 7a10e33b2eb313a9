/**
 * The county staff's channel: "@bot bruk denne kanalen" binds it to the round; "status",
 * "oversikt", "eksport", "hjelp". Only staff of the round may ask; others are refused politely.
 */
import { TeamsInfo, type TurnContext } from "botbuilder";
import { exportLinksCard } from "../../cards/export-links.ts";
import { overviewHeadlineCard, overviewSectionCard } from "../../cards/overview.ts";
import type { CardJson } from "../../cards/render.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { roundStatusCard } from "../../cards/round-status.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import {
  EXPORT_LINK_TTL_MS,
  type ExportFormat,
  exportUrl,
  signExportToken,
} from "../../src/summaries/export-link.ts";
import { commandWords } from "../../src/text/command-text.ts";
import { targetOf } from "../conversation-ref.ts";
import type { Reply } from "../reply.ts";
import { t } from "../strings.ts";

export type ChannelCommand = "bind" | "status" | "overview" | "export" | "help";

function channelCommandOf(text: string): ChannelCommand {
  // Bounded and linear (src/text/command-text.ts): runs before the staff check, on any member's text.
  const words = commandWords(text);
  if (/bruk denne kanalen/.test(words)) return "bind";
  if (/^status\b/.test(words)) return "status";
  if (/^oversikt\b/.test(words)) return "overview";
  if (/^eksport\b/.test(words)) return "export";
  return "help";
}

/** Replies for the channel. */
export type ChannelReply = Reply;

export async function runChannelCommand(
  app: EdgeApp,
  ctx: TurnContext,
  actor: Actor,
  opts: { exportSecret: Buffer | string },
): Promise<ChannelReply> {
  const command = channelCommandOf(ctx.activity.text ?? "");
  if (command === "help") return { text: t.channelHelp };
  if (command === "bind") return bind(app, ctx, actor);
  const view = await app.channel.view(actor, ctx.activity.conversation.id);
  if (view.kind === "not_bound") return { text: t.channelNotBound };
  if (view.kind === "forbidden") return { text: t.staffOnly };
  const { round, form, reports } = view;
  switch (command) {
    case "status":
      return {
        card: roundStatusCard({
          round,
          reports,
          now: app.clock(),
          unreachable: await app.channel.unreachable(reports),
        }),
      };
    case "overview":
      // One headline card; each section's figures come on demand (verb overview.section).
      return { card: overviewHeadlineCard({ round, form, reports, now: app.clock() }) };
    case "export":
      return { card: exportCard(app, round, opts.exportSecret) };
  }
}

async function bind(app: EdgeApp, ctx: TurnContext, actor: Actor): Promise<Reply> {
  const target = targetOf(ctx.activity);
  const channelData = ctx.activity.channelData as
    | { team?: { id?: string }; channel?: { name?: string } }
    | undefined;
  let memberIds: string[] = [];
  try {
    const members = await TeamsInfo.getPagedTeamMembers(ctx, undefined, 500);
    // Guests and people from other tenants never become county staff.
    memberIds = members.members.flatMap((m) =>
      m.aadObjectId && m.userRole !== "guest" && (m.tenantId === undefined || m.tenantId === actor.tenantId)
        ? [m.aadObjectId]
        : [],
    );
  } catch (err) {
    app.log.warn({ err }, "could not list the staff team's members");
  }
  const { userId: _user, ...channel } = target;
  const round = await app.staff.bindChannel(
    actor,
    {
      ...channel,
      ...(channelData?.team?.id ? { teamId: channelData.team.id } : {}),
      ...(channelData?.channel?.name ? { channelName: channelData.channel.name } : {}),
    },
    memberIds,
  );
  if (round === undefined) return { text: t.staffOnly };
  app.log.info({ roundId: round.id, members: memberIds.length }, "staff channel bound");
  return { text: t.channelBound(`${round.county} ${round.reportingYear}`, memberIds.length) };
}

/**
 * A section of the round overview (button on the headline card). The round id in the card is only a hint:
 * the round is read again and the person must be its staff.
 */
export async function overviewSection(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.OverviewSection>,
): Promise<Reply> {
  const view = await app.channel.roundView(actor, data.roundId);
  if (view.kind !== "ok") return { text: t.staffOnly };
  const { round, form, reports } = view;
  const card = overviewSectionCard({ round, form, reports, sectionId: data.sectionId, now: app.clock() });
  return card ? { card } : { text: t.internalError };
}

/** Short-lived signed download links for the round (Excel, CSV and the samarbeidsforum document). */
function exportCard(app: EdgeApp, round: RoundDoc, secret: Buffer | string): CardJson {
  const expiresAt = app.clock().getTime() + EXPORT_LINK_TTL_MS;
  const url = (format: ExportFormat) =>
    exportUrl(app.config.publicBaseUrl, signExportToken({ roundId: round.id, format, expiresAt }, secret));
  // The PDF zip link has its own (equally short) expiry; the card states the export links' one.
  const pdfZipUrl = app.documents.roundZipLink(round.id).url;
  return exportLinksCard({
    round,
    xlsxUrl: url("xlsx"),
    csvUrl: url("csv"),
    docxUrl: url("docx"),
    pdfZipUrl,
    expiresAt,
  });
}

/** After a report is sent: a new thread in the round's staff channel with its summary. */
export async function postSummary(app: EdgeApp, report: ReportDoc): Promise<void> {
  if (app.messenger === undefined) return;
  const target = await app.channel.summaryTarget(report);
  if (target === undefined) return;
  const result = await app.messenger.send(target.channel, summaryCard(target.form, report));
  if (result.kind !== "ok") app.log.warn({ reportId: report.id, result: result.kind }, "summary not posted");
}
