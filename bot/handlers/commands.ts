/** Text commands in personal chat: hei/start, fortsett, status, hjelp. */
import { escapeMarkdown } from "../../cards/render.ts";
import { sectionCard } from "../../cards/report-section.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import type { EdgeApp } from "../../src/app.ts";
import { isContact } from "../../src/people/access.ts";
import { reportProgress, resumeSectionIndex } from "../../src/reports/report.ts";
import type { Actor, ReportDoc } from "../../src/reports/types.ts";
import { commandWords } from "../../src/text/command-text.ts";
import type { Reply } from "../reply.ts";
import { t } from "../strings.ts";
import { staffOverview } from "./staff-actions.ts";

export type Command = "start" | "continue" | "status" | "help" | "reports";

/** Normalise what the person typed to a command (bounded, linear: src/text/command-text.ts). Anything unknown resumes the work. */
export function commandOf(text: string): Command {
  const word = commandWords(text);
  if (["hei", "hallo", "start", "meny", "hi", "hello", "tiltak"].includes(word)) return "start";
  if (["status", "fremdrift"].includes(word)) return "status";
  if (["hjelp", "help", "?"].includes(word)) return "help";
  if (["rapporter", "rapporteringer", "innleveringer"].includes(word)) return "reports";
  return "continue";
}

export async function runCommand(app: EdgeApp, actor: Actor, command: Command): Promise<Reply> {
  if (command === "help") return { text: t.help };
  if (command === "reports") return (await staffOverview(app, actor)) ?? { text: t.staffOnly };
  const mine = await app.reports.listMine(actor);
  if (mine.length === 0) return (await staffOverview(app, actor)) ?? { text: t.notAContact };
  if (command === "start") return { card: welcome(app, actor, mine) };
  if (command === "status") return { text: statusText(app, mine) };
  // "fortsett" (or anything else): the draft this person touched last, at its first unanswered section.
  const drafts = mine.filter((r) => r.status === "draft");
  if (drafts.length === 0) return { card: welcome(app, actor, mine) };
  const touched = drafts.filter((r) => Object.values(r.answers).some((a) => a.by.id === actor.id));
  const pick = (touched.length > 0 ? touched : drafts).sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  )[0];
  if (pick === undefined || (touched.length === 0 && drafts.length > 1))
    return { card: welcome(app, actor, mine) };
  const form = app.reports.formOf(pick);
  return { card: sectionCard({ form, report: pick, sectionIndex: resumeSectionIndex(form, pick) }) };
}

function welcome(app: EdgeApp, actor: Actor, reports: ReportDoc[]) {
  return welcomeCard(
    actor.name,
    reports.map((report) => ({
      report,
      form: app.reports.formOf(report),
      isContact: isContact(actor, report),
    })),
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
