/**
 * The fuzz's checks: whether person-typed text shown in cards is Markdown-escaped,
 * and short descriptions of requests for failure messages.
 */
import { END, MARK } from "./fuzz-activities.ts";

/** A short description of a request for failure messages. */
export function describeRequest(body: string): string {
  try {
    const a = JSON.parse(body) as Record<string, unknown>;
    const missing = ["from", "conversation", "recipient", "serviceUrl", "channelId"].filter(
      (k) => a[k] === undefined,
    );
    return JSON.stringify({
      type: a.type,
      name: a.name,
      text: a.text,
      value: a.value,
      missing,
      serviceUrl: a.serviceUrl,
      from: a.from,
      conversation: a.conversation,
    }).slice(0, 600);
  } catch {
    return body.slice(0, 200);
  }
}

/** Checks that every marked person-typed text in a TextBlock (or a text message) is Markdown-escaped. */
export class EscapeCheck {
  readonly unescaped: string[] = [];
  checked = 0;
  private static readonly SPECIAL = new Set("\\`*_{}[]()#+-.!|>~<");

  check(texts: string[], where: string): void {
    for (const t of texts) {
      for (const m of t.matchAll(MARK)) {
        const start = (m.index ?? 0) + m[0].length;
        // The generator puts a space after the marker; anything else means the text was cut right at
        // the marker (e.g. only the first word of a name is shown) and what follows is the bot's own.
        if (t[start] !== " ") continue;
        this.checked++;
        const stop = t.indexOf(END, start);
        const segment = t.slice(start, stop < 0 ? t.length : stop);
        for (let i = 0; i < segment.length; i++) {
          const ch = segment[i] as string;
          if (ch === "\\") i++;
          else if (EscapeCheck.SPECIAL.has(ch)) {
            this.unescaped.push(`${where}: ${JSON.stringify(t.slice(0, 200))}`);
            break;
          }
        }
      }
    }
  }
}

/**
 * Person-typed text in TextRuns (RichTextBlock) is shown literally by Teams, never as Markdown: the
 * house rule since issue 12. Counts the marked texts found there as checked, and flags any that were
 * Markdown-escaped anyway (a TextRun would show the backslashes).
 */
export function checkTextRuns(check: EscapeCheck, card: unknown, where: string): void {
  const runs: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) visit(n);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === "TextRun" && typeof o.text === "string") runs.push(o.text);
      for (const v of Object.values(o)) visit(v);
    }
  };
  visit(card);
  for (const run of runs) {
    // The fuzz types "\\*allerede\\*" itself (already-escaped text): a TextRun must show it literally.
    const t = run.replaceAll("\\*allerede\\*", "");
    for (const m of t.matchAll(MARK)) {
      check.checked++;
      const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
      if (/\\[*_[\]()#`]/.test(after))
        check.unescaped.push(`${where} (escaped in a TextRun): ${JSON.stringify(t.slice(0, 200))}`);
    }
  }
}
