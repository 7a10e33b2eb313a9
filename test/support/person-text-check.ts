/**
 * Finds person-typed text shown the wrong way in a card: inside a TextBlock (Markdown, raw or
 * backslash-escaped) or a FactSet value, instead of a TextRun of a RichTextBlock. Used by the card tests.
 */
type Node = Record<string, unknown>;

/**
 * Person text that Markdown would change or that escaping made unreadable (issue 14): a Sami double
 * name ("-"), a phone ("+"), a date ("1. desember" became a numbered list), emphasis, a backslash, HTML.
 */
export const HOSTILE_PERSON_TEXTS = [
  "Fauske - Fuosko kommune",
  "+4741804997",
  "1. desember",
  "*x*",
  "\\",
  "<b>",
] as const;

function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* nodes(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Node;
    for (const v of Object.values(value)) yield* nodes(v);
  }
}

/** Backslash-escaped Markdown of a text, as the cards made it before issue 14 (a regression would). */
const escaped = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|>~<]/g, (c) => `\\${c}`);

/** Where each of `texts` shows up other than as (part of) a TextRun; [] when all is right. */
export function personTextProblems(card: unknown, texts: readonly string[]): string[] {
  const problems: string[] = [];
  for (const n of nodes(card)) {
    const markdown =
      n.type === "TextBlock"
        ? [n.text]
        : n.type === "FactSet"
          ? ((n.facts ?? []) as Node[]).map((f) => f.value)
          : [];
    for (const shown of markdown) {
      if (typeof shown !== "string") continue;
      for (const t of texts) {
        if (shown.includes(t) || shown.includes(escaped(t)))
          problems.push(`${String(n.type)}: ${shown.slice(0, 80)}`);
      }
    }
  }
  return problems;
}

/** The texts of every TextRun in the card. */
export function textRuns(card: unknown): string[] {
  return [...nodes(card)].filter((n) => n.type === "TextRun").map((n) => String(n.text));
}
