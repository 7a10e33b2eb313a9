/**
 * Text in personal chat: the commands (hei/start, fortsett, status, hjelp, rapporter) and plain
 * questions (frist, kontaktperson, hva mangler), matched by src/conversation/chat-intent.ts.
 * Anything not understood gets one short line with buttons, never the big card again.
 */
import { contactReply, deadlineReply, missingReply, notUnderstoodCard } from "../../cards/chat-replies.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import type { EdgeApp } from "../../src/app.ts";
import { type ChatIntent, intentOf } from "../../src/conversation/chat-intent.ts";
import type { Lang } from "../../src/i18n/lang.ts";
import { texts } from "../../src/i18n/texts.ts";
import { isContact } from "../../src/people/access.ts";
import { formIn } from "../../src/questionnaire/form-lang.ts";
import { reportProgress, resumePosition } from "../../src/reports/report.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import { displayText } from "../../src/text/typed-text.ts";
import { botText, langOf } from "../lang.ts";
import type { Reply } from "../reply.ts";
import { deadlineOf } from "./review-actions.ts";
import { staffOverview } from "./staff-actions.ts";

export type Command = ChatIntent;

/** What the person typed, as a command or question ("unknown" when not understood). */
export const commandOf = (text: string): Command => intentOf(text);

export async function runCommand(app: EdgeApp, actor: Actor, command: Command, typed = ""): Promise<Reply> {
  if (command === "lang-nb" || command === "lang-nn")
    return chooseLang(app, actor, command === "lang-nn" ? "nn" : "nb");
  if (command === "reports") return (await staffOverview(app, actor)) ?? { text: botText(actor).staffOnly };
  const { mine, toApprove } = await app.reports.listWork(actor);
  // The partnership's målform of the report touched last counts before the Teams locale.
  const lang = langOf(
    actor,
    ...[...mine, ...toApprove].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  );
  const t = texts(lang).bot;
  if (command === "help") return { text: t.help };
  if (mine.length === 0 && toApprove.length > 0 && command !== "unknown") {
    // Asked to approve only: the reports to read, whatever the command (nothing here to fill in).
    return { card: await welcome(app, actor, [], toApprove, lang) };
  }
  if (mine.length === 0) {
    if (command === "unknown") return { card: notUnderstoodCard(typed, undefined, lang) };
    return (await staffOverview(app, actor)) ?? { text: t.notAContact };
  }
  const drafts = mine.filter((r) => r.status === "draft");
  const pick = resumeTarget(actor, drafts);
  switch (command) {
    case "start":
      return { card: await welcome(app, actor, mine, toApprove, lang) };
    case "status":
      return { text: statusText(app, mine, lang), plain: true };
    case "deadline": {
      const deadlines = await deadlinesOf(app, mine);
      return {
        text: deadlineReply(
          mine.map((report) => ({ report, ...deadlines.get(report.roundId) })),
          app.clock(),
          lang,
        ),
        plain: true,
      };
    }
    case "contact":
      return { text: contactReply(mine, lang), plain: true };
    case "missing":
      return {
        text: missingReply(
          mine.map((report) => ({ report, form: app.reports.formOf(report) })),
          undefined,
          lang,
        ),
        plain: true,
      };
    case "unknown":
      return {
        card: notUnderstoodCard(typed, pick ? { roundId: pick.roundId, reportId: pick.id } : undefined, lang),
      };
    case "continue": {
      // The draft this person touched last, at its first unanswered section.
      if (pick === undefined) return { card: await welcome(app, actor, mine, toApprove, lang) };
      const form = app.reports.formOf(pick);
      const context = await app.reports.context(pick.roundId);
      return { card: sectionCard({ form, report: pick, ...resumePosition(form, pick), ...context, lang }) };
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

async function welcome(app: EdgeApp, actor: Actor, reports: ReportDoc[], toApprove: ReportDoc[], lang: Lang) {
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
    lang,
  );
}

function statusText(app: EdgeApp, reports: ReportDoc[], lang: Lang): string {
  const t = texts(lang).chat;
  return reports
    .map((r) => {
      const form = app.reports.formOf(r);
      const shown = formIn(form, lang);
      const progress = reportProgress(form, r);
      const done = progress.filter((p) => p.complete && p.answered > 0).length;
      // Plain text (names from the import): no Markdown, sent with textFormat "plain".
      const head = `${displayText(r.tiltak.name)} (${displayText(r.partnership.name)}): ${
        r.status === "submitted" ? t.statusSubmitted : t.statusProgress(done, progress.length)
      }`;
      const lines = progress.map((p, i) =>
        t.statusLine(
          i + 1,
          shown.sections[i]?.title ?? p.title,
          !p.complete
            ? t.statusMissing(p.requiredMissing.length)
            : p.answered > 0
              ? t.statusDone
              : t.statusNothingRequired,
        ),
      );
      return [head, ...lines].join("\n");
    })
    .join("\n\n");
}

/** «bokmål» / «nynorsk» in chat or the welcome card's button: stored on the person, then the tiltak again. */
export async function chooseLang(app: EdgeApp, actor: Actor, lang: Lang): Promise<Reply> {
  await app.people.chooseLang(actor, lang);
  const chosen: Actor = { ...actor, lang, chosenLang: lang };
  const mine = await app.reports.listMine(chosen);
  const said = texts(lang).chat.langChosen;
  if (mine.length === 0) return { text: said };
  return { text: said, card: await welcome(app, chosen, mine, [], lang) };
}
