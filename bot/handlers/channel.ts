/**
 * The county staff's channel: "@bot bruk denne kanalen" binds it to the round; "status",
 * "oversikt", "eksport", "hjelp". Only staff of the round may ask; others are refused politely.
 */
import { TeamsInfo, type TurnContext } from "botbuilder";
import { exportLinksCard } from "../../cards/export-links.ts";
import { overviewCards } from "../../cards/overview.ts";
import type { CardJson } from "../../cards/render.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { roundStatusCard } from "../../cards/round-status.ts";
import type { EdgeApp } from "../../src/app.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import { EXPORT_LINK_TTL_MS, exportUrl, signExportToken } from "../../src/summaries/export-link.ts";
import { targetOf } from "../conversation-ref.ts";
import type { Reply } from "../reply.ts";
import { t } from "../strings.ts";

export type ChannelCommand = "bind" | "status" | "overview" | "export" | "help";

function channelCommandOf(text: string): ChannelCommand {
  const words = text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[!.?]+$/, "");
  if (/bruk denne kanalen/.test(words)) return "bind";
  if (/^status\b/.test(words)) return "status";
  if (/^oversikt\b/.test(words)) return "overview";
  if (/^eksport\b/.test(words)) return "export";
  return "help";
}

/** Replies for the channel (`extraCards`: an overview split in parts). */
export type ChannelReply = Reply;

/** Overview cards posted at most; a bigger round gets the rest in the export. */
const OVERVIEW_MAX_CARDS = 8;

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
    case "overview": {
      const cards = overviewCards({ round, form, reports });
      const [first, ...rest] = cards;
      if (first === undefined) return { text: t.internalError };
      const shown = rest.slice(0, OVERVIEW_MAX_CARDS - 1);
      const more = cards.length - 1 - shown.length;
      return {
        card: first,
        extraCards: more > 0 ? [...shown, exportCard(app, round, opts.exportSecret)] : shown,
        ...(more > 0 ? { text: t.overviewTruncated(more) } : {}),
      };
    }
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

/** Short-lived signed download links for the round (Excel and CSV). */
function exportCard(app: EdgeApp, round: RoundDoc, secret: Buffer | string): CardJson {
  const expiresAt = app.clock().getTime() + EXPORT_LINK_TTL_MS;
  const url = (format: "xlsx" | "csv") =>
    exportUrl(app.config.publicBaseUrl, signExportToken({ roundId: round.id, format, expiresAt }, secret));
  return exportLinksCard({ round, xlsxUrl: url("xlsx"), csvUrl: url("csv"), expiresAt });
}

/** After a report is sent: a new thread in the round's staff channel with its summary. */
export async function postSummary(app: EdgeApp, report: ReportDoc): Promise<void> {
  if (app.messenger === undefined) return;
  const target = await app.channel.summaryTarget(report);
  if (target === undefined) return;
  const result = await app.messenger.send(target.channel, summaryCard(target.form, report));
  if (result.kind !== "ok") app.log.warn({ reportId: report.id, result: result.kind }, "summary not posted");
}
