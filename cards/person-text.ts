/**
 * Text people typed (answers, names) and names from the import (partnerships, tiltak, contacts) in
 * cards: always as a TextRun inside a RichTextBlock, which Adaptive Cards never treat as Markdown, so
 * it reads the same on every Teams client (no backslash escapes, "1. desember" stays a date). Our own
 * fixed texts may sit in the same block as plain runs. Person text is normalised on the way out
 * (src/text/typed-text.ts: no bidi controls, lone surrogates or controls).
 */
import { displayText } from "../src/text/typed-text.ts";

export interface TextRun {
  type: "TextRun";
  text: string;
  weight?: "Bolder";
  isSubtle?: boolean;
  size?: "Small" | "Default" | "Medium" | "Large";
  italic?: boolean;
  color?: "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";
}

type RunStyle = Omit<TextRun, "type" | "text">;

/** Person-typed or imported text as a run: normalised, shown literally. */
export function personRun(text: unknown, style: RunStyle = {}): TextRun {
  return { type: "TextRun", text: displayText(text), ...style };
}

/** One of our own fixed texts as a run (beside person text in one block). */
export function ownRun(text: string, style: RunStyle = {}): TextRun {
  return { type: "TextRun", text, ...style };
}

/** "<partnership> – <tiltak>": the title of a report everywhere. */
export function reportTitleRuns(
  report: { partnership: { name: string }; tiltak: { name: string } },
  style: RunStyle = {},
): TextRun[] {
  return [
    personRun(report.partnership.name, style),
    ownRun(" – ", style),
    personRun(report.tiltak.name, style),
  ];
}

/** Where a RichTextBlock sits (the run styles go on its runs). */
export interface BlockStyle {
  spacing?: "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  separator?: boolean;
}

/** A RichTextBlock of runs. */
function richText(inlines: TextRun[], block: BlockStyle = {}): Record<string, unknown> {
  return { type: "RichTextBlock", inlines, ...block };
}

/**
 * A whole line that holds person text (one of our sentences with a name, an e-mail or a typed value
 * put in), as one literal run: nothing in it is read as Markdown, and it is normalised like person text.
 */
export function literalLine(
  text: string,
  style: RunStyle = {},
  block: BlockStyle = {},
): Record<string, unknown> {
  return richText([personRun(text, style)], block);
}
