/**
 * Attachments in cards: the list under the form's "Last opp eventuelle vedlegg" question and on the
 * review (file names are person-typed: TextRuns, never Markdown), each with «Fjern» for the report's
 * editors; what happened to each sent file; the choice of tiltak when it is unclear which report
 * files belong to; and the staff's download links.
 */

import { asksForAttachments, sizeText } from "../src/attachments/attachment-rules.ts";
import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import { pageOfQuestion } from "../src/questionnaire/pages.ts";
import type { Form } from "../src/questionnaire/types.ts";
import type { ReportAttachment, ReportDoc } from "../src/reports/types.ts";
import { displayText } from "../src/text/typed-text.ts";
import { osloClockTime } from "./export-links.ts";
import { ownRun, personRun, reportTitleRuns } from "./person-text.ts";
import type { CardJson } from "./render.ts";
import { formatOsloTime } from "./time.ts";
import { actionData, Verb } from "./verbs.ts";

/** What happened to one sent (or removed) file, for the card that answers. */
export type FileResult =
  | { name: string; kind: "stored" | "removed" | "wrong_type" | "failed" }
  | { name: string; kind: "too_big"; maxMb: number }
  | { name: string; kind: "too_many"; max: number };

const subtle = { isSubtle: true, size: "Small" } as const;

/** Template data of the attachment lines: runs, and the «Fjern» button's data when removable. */
export function attachmentItems(
  report: Pick<ReportDoc, "roundId" | "id"> & { attachments?: ReportAttachment[] },
  opts: { canRemove: boolean; view: "section" | "review"; page?: number; lang?: Lang },
) {
  const lang = opts.lang ?? DEFAULT_LANG;
  return (report.attachments ?? []).map((a) => ({
    runs: [
      personRun(a.name, { weight: "Bolder" }),
      ownRun(` · ${sizeText(a.bytes)} · `, subtle),
      personRun(a.by.name, subtle),
      ownRun(`, ${formatOsloTime(new Date(a.at), lang)}`, subtle),
    ],
    canRemove: opts.canRemove,
    removeTitle: texts(lang).documents.attachmentRemove,
    removeData: actionData(Verb.RemoveAttachment, {
      roundId: report.roundId,
      reportId: report.id,
      attachmentId: a.id,
      view: opts.view,
      ...(opts.page !== undefined ? { page: opts.page } : {}),
    }),
  }));
}

function resultText(r: FileResult, lang: Lang): string {
  const t = texts(lang).documents.attachmentResult;
  switch (r.kind) {
    case "too_big":
      return t.too_big(r.maxMb);
    case "too_many":
      return t.too_many(r.max);
    default:
      return t[r.kind];
  }
}

/** One line per file: «name» and what happened (green when stored or removed). */
export function resultLines(results: readonly FileResult[], lang: Lang = DEFAULT_LANG) {
  return results.map((r) => {
    const color = r.kind === "stored" || r.kind === "removed" ? "Good" : "Attention";
    return {
      runs: [
        { ...ownRun("«"), color },
        { ...personRun(r.name), color },
        { ...ownRun(`»${resultText(r, lang)}`), color },
      ],
    };
  });
}

const card = (body: object[], actions: object[] = []): CardJson => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

const heading = (text: string) => ({
  type: "TextBlock",
  text,
  weight: "Bolder",
  size: "Medium",
  style: "heading",
  wrap: true,
});

/** A line with a button at its end (an ActionSet in an auto-width column). */
function lineWithButton(runs: object[], action: object) {
  return {
    type: "ColumnSet",
    separator: true,
    columns: [
      {
        type: "Column",
        width: "stretch",
        verticalContentAlignment: "Center",
        items: [{ type: "RichTextBlock", inlines: runs }],
      },
      { type: "Column", width: "auto", items: [{ type: "ActionSet", actions: [action] }] },
    ],
  };
}

/** Which tiltak sent files belong to: one button per draft report (ids re-checked on the server). */
export function attachmentChoiceCard(
  pendingId: string,
  reports: readonly ReportDoc[],
  files: number,
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const docText = texts(lang).documents;
  return card([
    heading(docText.attachmentChooseHeading),
    { type: "TextBlock", text: docText.attachmentChooseBody(files), wrap: true },
    ...reports.map((r) => {
      const data = actionData(Verb.AttachmentTarget, { roundId: r.roundId, reportId: r.id, pendingId });
      const title = docText.attachmentChooseButton(displayText(r.tiltak.name));
      return lineWithButton(reportTitleRuns(r), {
        type: "Action.Execute",
        title,
        verb: Verb.AttachmentTarget,
        data,
        fallback: { type: "Action.Submit", title, data },
      });
    }),
  ]);
}

/** Staff: a report's attachments as download links (signed, short-lived). */
export function attachmentLinksCard(
  report: ReportDoc,
  links: readonly { id: string; url: string }[],
  expiresAt: number,
  lang: Lang = DEFAULT_LANG,
): CardJson {
  const docText = texts(lang).documents;
  const byId = new Map(links.map((l) => [l.id, l.url]));
  return card([
    heading(docText.attachmentsLinksHeading),
    { type: "RichTextBlock", inlines: reportTitleRuns(report) },
    ...(report.attachments ?? []).map((a) =>
      lineWithButton([personRun(a.name), ownRun(` · ${sizeText(a.bytes)}`, subtle)], {
        type: "Action.OpenUrl",
        title: docText.attachmentDownload,
        url: byId.get(a.id) ?? "",
      }),
    ),
    {
      type: "TextBlock",
      text: docText.attachmentsLinksExpiry(osloClockTime(expiresAt)),
      wrap: true,
      size: "Small",
      isSubtle: true,
    },
  ]);
}

/** Where the form asks for attachments (its "Last opp eventuelle vedlegg" question), if it does. */
export function attachmentPosition(form: Form): { sectionIndex: number; page: number } | undefined {
  const q = form.sections.flatMap((s) => s.questions).find(asksForAttachments);
  const page = q && pageOfQuestion(form, q.id);
  return page === undefined ? undefined : { sectionIndex: page.sectionIndex, page: page.index };
}
