/**
 * Answers to plain questions in chat ("når er fristen?", "hvem er kontaktperson?", "hva mangler?")
 * and the one-line reply to anything not understood. The answers name tiltak and contacts, so they carry
 * no Markdown and go out as plain text (textFormat "plain": Teams shows them raw, bot/teams-bot.ts);
 * the not-understood card shows the typed text in a TextRun.
 */
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { formIn } from "../src/questionnaire/form-lang.ts";
import type { Form } from "../src/questionnaire/types.ts";
import { submitBlockers } from "../src/reports/report.ts";
import type { ReportDoc } from "../src/reports/types.ts";
import { displayText } from "../src/text/typed-text.ts";
import { deadlineLine } from "./deadline.ts";
import { type CardJson, shorten } from "./render.ts";
import { actionData, Verb } from "./verbs.ts";

export interface ReportWithDeadline {
  report: ReportDoc;
  /** The round's deadline (ISO), when the round was found. */
  deadline?: string;
}

/** "Frist fredag 15. januar 2027 kl. 23.59 – 45 dager igjen." per round, with each tiltak's state. */
export function deadlineReply(
  items: readonly ReportWithDeadline[],
  now: Date,
  lang: Lang = DEFAULT_LANG,
): string {
  const t = texts(lang).chat;
  const byDeadline = new Map<string, ReportDoc[]>();
  for (const { report, deadline } of items)
    byDeadline.set(deadline ?? "", [...(byDeadline.get(deadline ?? "") ?? []), report]);
  const parts: string[] = [];
  for (const [deadline, reports] of byDeadline) {
    const lines = [
      deadline === "" ? t.noDeadline : `${deadlineLine(deadline, now, lang)}.`.replace(/\.\.$/, "."),
    ];
    for (const r of reports) {
      const name = displayText(r.tiltak.name);
      lines.push(r.status === "submitted" ? t.submitted(name) : t.notSent(name));
    }
    parts.push(lines.join("\n\n"));
  }
  return parts.join("\n\n");
}

/** Who the contact person of each report is. */
export function contactReply(reports: readonly ReportDoc[], lang: Lang = DEFAULT_LANG): string {
  const t = texts(lang).chat;
  return reports
    .map((r) =>
      t.contactOf(displayText(r.tiltak.name), displayText(r.contact.name), displayText(r.contact.email)),
    )
    .join("\n\n");
}

/** Which required questions are still unanswered, per report (at most `max` listed per report). */
export function missingReply(
  items: readonly { report: ReportDoc; form: Form }[],
  max = 8,
  lang: Lang = DEFAULT_LANG,
): string {
  const t = texts(lang).chat;
  return items
    .map(({ report, form }) => {
      const name = displayText(report.tiltak.name);
      if (report.status === "submitted") return t.alreadySent(name);
      const blockers = submitBlockers(form, report);
      if (blockers.missing.length === 0 && !blockers.unconfirmed) return t.nothingMissing(name);
      const lines = [t.missingHead(name, blockers.missing.length)];
      const missing = new Set(blockers.missing);
      formIn(form, lang).sections.forEach((s, i) => {
        for (const q of s.questions) {
          if (missing.has(q.id) && lines.length <= max) {
            lines.push(t.missingLine(t.missingSection(i + 1, s.title), shorten(q.text, 90)));
          }
        }
      });
      if (blockers.missing.length > max) lines.push(t.missingMore(blockers.missing.length - max));
      if (blockers.unconfirmed) lines.push(t.unconfirmed);
      return lines.join("\n");
    })
    .join("\n\n");
}

/**
 * "Jeg forstod ikke «…»" in one short card with buttons to go on: continue the report (when there
 * is one to continue) and the list of tiltak.
 */
export function notUnderstoodCard(
  typed: string,
  resume?: { roundId: string; reportId: string },
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const t = texts(lang).chat;
  // Cut before any regex: the raw message can be 200,000 characters, and a tag regex over a long run of
  // "<" is quadratic (issue 14, item 1).
  const shown = shorten(
    typed
      .slice(0, 400)
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
    60,
  );
  const action = (title: string, data: Record<string, unknown>) => ({
    type: "Action.Execute",
    title,
    verb: data.verb,
    data,
    fallback: { type: "Action.Submit", title, data },
  });
  const actions = [
    ...(resume ? [action(t.continue, actionData(Verb.OpenReport, resume))] : []),
    action(t.myTiltak, actionData(Verb.ListReports, {})),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "RichTextBlock",
        inlines: [
          { type: "TextRun", text: t.notUnderstood(shown) },
          { type: "TextRun", text: t.notUnderstoodTail },
        ],
      },
    ],
    actions,
  };
}
