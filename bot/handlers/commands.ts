/**
 * Text in personal chat: the commands (hei/start, fortsett, status, hjelp, rapporter) and plain
 * questions (frist, kontaktperson, hva mangler), matched by src/conversation/chat-intent.ts.
 * Anything not understood gets one short line with buttons, never the big card again.
 */
import { contactReply, deadlineReply, missingReply, notUnderstoodCard } from "../../cards/chat-replies.ts";
import { escapeMarkdown } from "../../cards/render.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import type { EdgeApp } from "../../src/app.ts";
import { type ChatIntent, intentOf } from "../../src/conversation/chat-intent.ts";
import { isContact } from "../../src/people/access.ts";
import { reportProgress, resumePosition } from "../../src/reports/report.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import type { Reply } from "../reply.ts";
import { t } from "../strings.ts";
import { deadlineOf } from "./review-actions.ts";
import { staffOverview } from "./staff-actions.ts";

export type Command = ChatIntent;

/** What the person typed, as a command or question ("unknown" when not understood). */
export const commandOf = (text: string): Command => intentOf(text);

export async function runCommand(app: EdgeApp, actor: Actor, command: Command, typed = ""): Promise<Reply> {
  if (command === "help") return { text: t.help };
  if (command === "reports") return (await staffOverview(app, actor)) ?? { text: t.staffOnly };
  const { mine, toApprove } = await app.reports.listWork(actor);
  if (mine.length === 0 && toApprove.length > 0 && command !== "unknown") {
    // Asked to approve only: the reports to read, whatever the command (nothing here to fill in).
    return { card: await welcome(app, actor, [], toApprove) };
  }
  if (mine.length === 0) {
    if (command === "unknown") return { card: notUnderstoodCard(typed) };
    return (await staffOverview(app, actor)) ?? { text: t.notAContact };
  }
  const drafts = mine.filter((r) => r.status === "draft");
  const pick = resumeTarget(actor, drafts);
  switch (command) {
    case "start":
      return { card: await welcome(app, actor, mine, toApprove) };
    case "status":
      return { text: statusText(app, mine) };
    case "deadline": {
      const deadlines = await deadlinesOf(app, mine);
      return {
        text: deadlineReply(
          mine.map((report) => ({ report, ...deadlines.get(report.roundId) })),
          app.clock(),
        ),
      };
    }
    case "contact":
      return { text: contactReply(mine) };
    case "missing":
      return { text: missingReply(mine.map((report) => ({ report, form: app.reports.formOf(report) }))) };
    case "unknown":
      return {
        card: notUnderstoodCard(typed, pick ? { roundId: pick.roundId, reportId: pick.id } : undefined),
      };
    case "continue": {
      // The draft this person touched last, at its first unanswered section.
      if (pick === undefined) return { card: await welcome(app, actor, mine) };
      const form = app.reports.formOf(pick);
      const context = await app.reports.context(pick.roundId);
      return { card: sectionCard({ form, report: pick, ...resumePosition(form, pick), ...context }) };
    }
  }
}

/** The draft to continue: the one this person touched last; undefined when it is not clear which. */
function resumeTarget(actor: Actor, drafts: ReportDoc[]): ReportDoc | undefined {
  if (drafts.length === 0) return undefined;
  const touched = drafts.filter((r) => Object.values(r.answers).some((a) => a.by.id === actor.id));
  if (touched.length === 0 && drafts.length > 1) return undefined;
  return [...(touched.length > 0 ? touched : drafts)].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  )[0];
}

/** The deadline of each round among the reports (one point read per round). */
async function deadlinesOf(app: EdgeApp, reports: ReportDoc[]): Promise<Map<string, { deadline?: string }>> {
  const rounds = [...new Set(reports.map((r) => r.roundId))];
  return new Map(await Promise.all(rounds.map(async (id) => [id, await deadlineOf(app, id)] as const)));
}

async function welcome(app: EdgeApp, actor: Actor, reports: ReportDoc[], toApprove: ReportDoc[] = []) {
  const deadlines = await deadlinesOf(app, [...reports, ...toApprove]);
  const item = (report: ReportDoc, approver: boolean) => ({
    report,
    form: app.reports.formOf(report),
    isContact: !approver && isContact(actor, report),
    ...(approver ? { approver } : {}),
    ...deadlines.get(report.roundId),
  });
  return welcomeCard(
    actor.name,
    [...reports.map((r) => item(r, false)), ...toApprove.map((r) => item(r, true))],
    app.clock(),
  );
}

function statusText(app: EdgeApp, reports: ReportDoc[]): string {
  return reports
    .map((r) => {
      const progress = reportProgress(app.reports.formOf(r), r);
      const done = progress.filter((p) => p.complete && p.answered > 0).length;
      const head = `**${escapeMarkdown(r.tiltak.name)}** (${escapeMarkdown(r.partnership.name)}): ${
        r.status === "submitted" ? "sendt inn" : `${done} av ${progress.length} deler besvart`
      }`;
      const lines = progress.map(
        (p, i) =>
          `- Del ${i + 1} ${p.title}: ${
            !p.complete
              ? `${p.requiredMissing.length} obligatoriske svar mangler`
              : p.answered > 0
                ? "ferdig"
                : "ingen obligatoriske spørsmål, ikke besvart"
          }`,
      );
      return [head, ...lines].join("\n");
    })
    .join("\n\n");
}
