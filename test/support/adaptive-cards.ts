/**
 * Checks a card with the `adaptivecards` library itself: parse events, and what the library loses
 * when it reads the card and writes it back (properties it does not know, values of the wrong type,
 * enum values it does not accept).
 */
import * as AC from "adaptivecards";
import type { CardJson } from "../../cards/render.ts";

type Node = Record<string, unknown>;

/**
 * Expected differences are left out: action fallbacks (kept only for rendering), empty strings, empty
 * arrays, the default Input.Text style "text" and Input.ChoiceSet style "compact" (dropped as defaults), and enum values written back
 * capitalised.
 */
function lostInRoundTrip(source: unknown, back: unknown, path: string, out: string[]): void {
  if (typeof source === "string" && typeof back === "string") {
    if (source.toLowerCase() !== back.toLowerCase()) out.push(`${path}: ${source} -> ${back}`);
    return;
  }
  if (typeof source === "object" && source !== null && typeof back === "object" && back !== null) {
    const s = source as Node;
    const b = back as Node;
    for (const key of new Set([...Object.keys(s), ...Object.keys(b)])) {
      if (key === "fallback" && typeof s.type === "string" && s.type.startsWith("Action.")) continue;
      const v = s[key];
      const isDefault =
        v === "" ||
        (Array.isArray(v) && v.length === 0) ||
        (key === "style" && v === "text") ||
        (key === "style" && v === "compact" && s.type === "Input.ChoiceSet");
      if (b[key] === undefined && isDefault) continue;
      lostInRoundTrip(s[key], b[key], `${path}.${key}`, out);
    }
    return;
  }
  if (source !== back) out.push(`${path}: ${JSON.stringify(source)} -> ${JSON.stringify(back)}`);
}

/**
 * Parse problems and round-trip losses. `ignore` skips parse messages that are expected (e.g. chart
 * elements the library does not know and replaces by their fallback); `expected` maps the card to what
 * the library should write back (e.g. charts replaced by their fallbacks).
 */
export function cardProblems(
  json: CardJson,
  opts: { ignore?: RegExp; expected?: (json: CardJson) => unknown } = {},
): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    if (opts.ignore?.test(e.message)) continue;
    problems.push(`parse event ${e.event}: ${e.message}`);
  }
  lostInRoundTrip(opts.expected ? opts.expected(json) : json, card.toJSON(), "$", problems);
  return problems;
}
