/**
 * The county staff's channel: "@bot bruk denne kanalen" binds it to the round; "status",
 * "oversikt", "eksport", "hjelp". Only staff of the round may ask; others are refused politely.
 * With several rounds, binding asks which one (cards/round-choice.ts). Export links go to the asking
 * person in personal chat, never into the channel.
 */
import { ActivityTypes, TeamsInfo, type TurnContext } from "botbuilder";
import { exportLinksCard } from "../../cards/export-links.ts";
import { overviewHeadlineCard, overviewSectionCard } from "../../cards/overview.ts";
import type { CardJson } from "../../cards/render.ts";
import { summaryCard } from "../../cards/report-summary.ts";
import { roundChoiceCard } from "../../cards/round-choice.ts";
import { roundStatusCard } from "../../cards/round-status.ts";
import type { Payload, Verb } from "../../cards/verbs.ts";
import type { EdgeApp } from "../../src/app.ts";
import { DEFAULT_LANG, type Lang } from "../../src/i18n/lang.ts";
import { texts } from "../../src/i18n/texts.ts";
import { isCountyMember } from "../../src/people/staff-membership.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import type { RoundDoc } from "../../src/rounds/types.ts";
import {
  EXPORT_LINK_TTL_MS,
  type ExportFormat,
  exportUrl,
  signExportToken,
} from "../../src/summaries/export-link.ts";
import { commandWords } from "../../src/text/command-text.ts";
import { displayText } from "../../src/text/typed-text.ts";
import { targetOf } from "../conversation-ref.ts";
import { staffLangOf } from "../lang.ts";
import type { Reply } from "../reply.ts";

export type ChannelCommand = "bind" | "status" | "overview" | "export" | "help";

export function channelCommandOf(text: string): ChannelCommand {
  // Bounded and linear (src/text/command-text.ts): runs before the staff check, on any member's text.
  const words = commandWords(text);
  if (/bruk denne kanalen/.test(words)) return "bind";
  if (/^status\b/.test(words)) return "status";
  if (/^oversikt\b/.test(words)) return "overview";
  if (/^eksport\b/.test(words)) return "export";
  return "help";
}

/** The written standard of a round's channel posts: the import's setting, else bokmål. */
const roundLang = (round: RoundDoc): Lang => round.malform ?? DEFAULT_LANG;

/** Replies for the channel. */
export type ChannelReply = Reply;

/** Commands that build something from the whole round (2-3 s for a big one): typing is shown at once. */
const SLOW: ReadonlySet<ChannelCommand> = new Set(["status", "overview", "export"]);

export async function runChannelCommand(
  app: EdgeApp,
  ctx: TurnContext,
  actor: Actor,
  opts: { exportSecret: Buffer | string },
): Promise<ChannelReply> {
  const command = channelCommandOf(ctx.activity.text ?? "");
  // Before the round is known: bokmål; after, the round's setting (import), the same for everyone in the channel.
  const t = texts(DEFAULT_LANG).bot;
  if (command === "help") return { text: t.channelHelp };
  if (command === "bind") return bind(app, ctx, actor);
  if (SLOW.has(command) && app.config.typingIndicator) await showTyping(app, ctx);
  const view = await app.channel.view(actor, ctx.activity.conversation.id);
  if (view.kind === "not_bound") return { text: t.channelNotBound };
  if (view.kind === "forbidden") return { text: t.staffOnly };
  const { round, form, reports } = view;
  switch (command) {
    case "status": {
      const reasons = await app.channel.unreachableReasons(reports);
      return {
        card: roundStatusCard({
          round,
          reports,
          now: app.clock(),
          unreachable: new Set(reasons.keys()),
          reasons,
          lang: roundLang(round),
        }),
      };
    }
    case "overview":
      // One headline card; each section's figures come on demand (verb overview.section).
      return {
        card: overviewHeadlineCard({ round, form, reports, now: app.clock(), lang: roundLang(round) }),
      };
    case "export":
      return { text: await sendExportPersonally(app, actor, round, opts.exportSecret, roundLang(round)) };
  }
}

/** Teams' typing indicator, at once; a failure to show it never stops the answer. */
async function showTyping(app: EdgeApp, ctx: TurnContext): Promise<void> {
  try {
    await ctx.sendActivity({ type: ActivityTypes.Typing });
  } catch (err) {
    app.log.debug({ err }, "could not show the typing indicator");
  }
}

/**
 * The export links go to the asking staff member in personal chat (a proactive message on the
 * conversation reference stored when they last wrote to the bot there). The channel is only told
 * where they went, or that a personal chat must be opened first.
 */
async function sendExportPersonally(
  app: EdgeApp,
  actor: Actor,
  round: RoundDoc,
  secret: Buffer | string,
  lang: Lang,
): Promise<string> {
  const channelText = texts(lang).channel;
  const person = await app.people.find(actor.id);
  const target = person?.target;
  if (app.messenger === undefined || target === undefined) return channelText.exportNeedsChat;
  const result = await app.messenger.send(target, exportCard(app, round, secret, staffLangOf(actor, round)));
  if (result.kind === "ok") return channelText.exportSent;
  app.log.warn({ roundId: round.id, result: result.kind }, "export links could not be sent in personal chat");
  return channelText.exportNeedsChat;
}

/** "@bot bruk denne kanalen": bind the only round, or ask which one (never silently the newest). */
async function bind(app: EdgeApp, ctx: TurnContext, actor: Actor, roundId?: string): Promise<Reply> {
  const t = texts(DEFAULT_LANG).bot;
  const channelText = texts(DEFAULT_LANG).channel;
  const target = targetOf(ctx.activity);
  const channelData = ctx.activity.channelData as
    | { team?: { id?: string }; channel?: { name?: string } }
    | undefined;
  if (ctx.activity.conversation.conversationType !== "channel")
    return { text: channelText.bindOnlyInChannel };
  const { userId: _user, ...channel } = target;
  const outcome = await app.staff.bindChannel(
    actor,
    {
      ...channel,
      ...(channelData?.team?.id ? { teamId: channelData.team.id } : {}),
      ...(channelData?.channel?.name ? { channelName: channelData.channel.name } : {}),
    },
    roundId,
  );
  switch (outcome.kind) {
    case "forbidden":
      return { text: t.staffOnly };
    case "no_round":
      return { text: channelText.noRound };
    case "choose":
      return { card: roundChoiceCard(outcome.rounds, actor.chosenLang ?? DEFAULT_LANG) };
    case "bound": {
      const members = await countyMemberCount(app, ctx, actor);
      app.log.info({ roundId: outcome.round.id, members }, "staff channel bound");
      const said = texts(roundLang(outcome.round)).channel;
      // The county name is from the import: plain text, never Markdown.
      return {
        text: said.bound(`${displayText(outcome.round.county)} ${outcome.round.reportingYear}`, members),
        plain: true,
      };
    }
  }
}

/** The round-choice card's button: bind the channel it was clicked in to the chosen round. */
export async function bindChosenRound(
  app: EdgeApp,
  actor: Actor,
  data: Payload<typeof Verb.ChannelBind>,
  ctx: TurnContext | undefined,
): Promise<Reply> {
  if (ctx === undefined) return { text: texts(DEFAULT_LANG).channel.bindOnlyInChannel };
  return bind(app, ctx, actor, data.roundId);
}

/** How many of the team's members are county staff by membership (for the reply); 0 when Teams cannot say. */
async function countyMemberCount(app: EdgeApp, ctx: TurnContext, actor: Actor): Promise<number> {
  try {
    const members = await TeamsInfo.getPagedTeamMembers(ctx, undefined, 500);
    return members.members.filter((m) => m.aadObjectId && isCountyMember(m, actor.tenantId)).length;
  } catch (err) {
    app.log.warn({ err }, "could not list the staff team's members");
    return 0;
  }
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
  if (view.kind !== "ok") return { text: texts(DEFAULT_LANG).bot.staffOnly };
  const { round, form, reports } = view;
  // The section card is a reply in the channel, like the headline card: the round's setting.
  const lang = roundLang(round);
  const card = overviewSectionCard({
    round,
    form,
    reports,
    sectionId: data.sectionId,
    now: app.clock(),
    lang,
  });
  // A section id the form does not have (an odd one from card data too) is not found, not an error.
  return card ? { card } : { text: texts(staffLangOf(actor, round)).channel.sectionNotFound };
}

/** Short-lived signed download links for the round (Excel, CSV and the samarbeidsforum document). */
function exportCard(app: EdgeApp, round: RoundDoc, secret: Buffer | string, lang: Lang): CardJson {
  const expiresAt = app.clock().getTime() + EXPORT_LINK_TTL_MS;
  const url = (format: ExportFormat) =>
    exportUrl(
      app.config.publicBaseUrl,
      signExportToken({ roundId: round.id, format, expiresAt, lang }, secret),
    );
  // The PDF zip link has its own (equally short) expiry; the card states the export links' one.
  const pdfZipUrl = app.documents.roundZipLink(round.id, lang).url;
  return exportLinksCard({
    round,
    xlsxUrl: url("xlsx"),
    csvUrl: url("csv"),
    docxUrl: url("docx"),
    pdfZipUrl,
    expiresAt,
    lang,
  });
}

/** After a report is sent: a new thread in the round's staff channel with its summary. */
export async function postSummary(app: EdgeApp, report: ReportDoc): Promise<void> {
  if (app.messenger === undefined) return;
  const target = await app.channel.summaryTarget(report);
  if (target === undefined) return;
  const card = summaryCard(target.form, report, target.deadline, target.malform ?? DEFAULT_LANG);
  const result = await app.messenger.send(target.channel, card);
  if (result.kind !== "ok") app.log.warn({ reportId: report.id, result: result.kind }, "summary not posted");
}
