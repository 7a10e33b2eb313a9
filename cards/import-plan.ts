/**
 * The round import in Teams: the dry run of a sent allocation list (new, changed, unchanged, missing;
 * every row error with row and column) with "Importer", and the result after importing. Lines name
 * partnerships and tiltak (person-typed), so they are TextRuns, never Markdown.
 */

import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { RunImportResult } from "../src/rounds/import.ts";
import { planCardLines, summaryText } from "../src/rounds/import-messages.ts";
import type { CardJson } from "./render.ts";
import { actionData, Verb } from "./verbs.ts";

/** Lines shown at most (a county round has tens of tiltak; the rest is counted). */
const MAX_LINES = 60;

const plain = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "RichTextBlock",
  inlines: [{ type: "TextRun", text, ...extra }],
});

function lines(all: readonly string[], color?: string, lang: Lang = DEFAULT_LANG): object[] {
  const docText = texts(lang).documents;
  const out: object[] = all.slice(0, MAX_LINES).map((l) => plain(l, color ? { color } : {}));
  if (all.length > MAX_LINES)
    out.push({ type: "TextBlock", text: docText.importMore(all.length - MAX_LINES), wrap: true });
  return out;
}

export interface ImportPlanCardInput {
  fileName: string;
  result: RunImportResult;
  /** Set for a dry run that may be imported. */
  uploadId?: string;
  /** The staff member's written standard (bokmål when absent); `result` must be made in it too (runImport's lang). */
  lang?: Lang;
}

export function importPlanCard({
  fileName,
  result,
  uploadId,
  lang = DEFAULT_LANG,
}: ImportPlanCardInput): CardJson {
  const docText = texts(lang).documents;
  const t = texts(lang).imports;
  const body: object[] = [
    {
      type: "TextBlock",
      text: docText.importHeading,
      weight: "Bolder",
      size: "Medium",
      style: "heading",
      wrap: true,
    },
    plain(fileName, { italic: true }),
  ];
  const actions: object[] = [];
  switch (result.status) {
    case "invalid":
      body.push(
        // Names the sender's file: a literal run.
        plain(t.invalid(fileName, result.errors.length), { color: "Attention" }),
        ...lines(result.errors, "Attention", lang),
        { type: "TextBlock", text: docText.importFix, wrap: true },
      );
      break;
    case "refused":
      body.push(
        ...lines(planCardLines(result.plan, lang), undefined, lang),
        ...lines(result.plan.problems, "Attention", lang),
        {
          type: "TextBlock",
          text: t.refused,
          wrap: true,
          color: "Attention",
        },
      );
      break;
    case "planned":
      body.push(
        { type: "TextBlock", text: docText.importChecked, wrap: true },
        { type: "TextBlock", text: docText.importCounts(result.summary), wrap: true, weight: "Bolder" },
        ...lines(planCardLines(result.plan, lang), undefined, lang),
        { type: "TextBlock", text: docText.importAsk, wrap: true },
      );
      if (uploadId !== undefined) {
        const data = actionData(Verb.ImportRound, { uploadId });
        actions.push({
          type: "Action.Execute",
          title: docText.importButton,
          verb: Verb.ImportRound,
          data,
          fallback: { type: "Action.Submit", title: docText.importButton, data },
        });
      }
      break;
    case "applied":
      body.push(
        { type: "TextBlock", text: t.done(summaryText(result.summary, lang)), wrap: true, color: "Good" },
        ...lines(planCardLines(result.plan, lang), undefined, lang),
      );
      break;
  }
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}
