/**
 * Expand an Adaptive Card template with data, and check the result fits Teams.
 *
 * Each template is compiled once, on its first use, into a function that builds the card
 * (compile-template.ts): the same card as adaptivecards-templating gives, byte for byte, for a fraction
 * of the CPU. A template using something the compiler does not support is expanded by the library, and
 * so is a single card whose data the compiled code does not handle (NotCompiled); `templateEngines()`
 * says which templates use which.
 */
import * as ACData from "adaptivecards-templating";
import { CARD_BUDGET_BYTES, checkCardSize } from "./card-size.ts";
import { NotCompiled } from "./compile-expression.ts";
import { type CompiledTemplate, compileTemplate } from "./compile-template.ts";

export { CardTooLargeError } from "./card-size.ts";

/** Teams allows ~100 KB per message, counted in UTF-16; we keep every card under 80 KB (card-size.ts). */
export const MAX_CARD_BYTES = CARD_BUDGET_BYTES;

export type CardJson = Record<string, unknown>;

interface Prepared {
  /** The compiled card builder, or why the template stays with the library. */
  compiled: CompiledTemplate | { notCompiled: string };
  /** The library's parsed template, made when first needed. */
  library?: ACData.Template;
}

/** One entry per template object (parsing and compiling cost far more than building a card). */
const prepared = new WeakMap<object, Prepared>();
/** Templates that stay with the library, and why (for `templateEngines`). */
const notCompiled = new Map<string, string>();

function prepare(template: object): Prepared {
  let p = prepared.get(template);
  if (p === undefined) {
    let compiled: Prepared["compiled"];
    try {
      compiled = compileTemplate(template);
    } catch (err) {
      // Unsupported features, and templates the library itself cannot parse (it then fails as before).
      compiled = { notCompiled: err instanceof Error ? err.message : String(err) };
      notCompiled.set(templateName(template), compiled.notCompiled);
    }
    p = { compiled };
    prepared.set(template, p);
  }
  return p;
}

function templateName(template: object): string {
  const body = (template as { body?: { text?: unknown }[] }).body;
  return typeof body?.[0]?.text === "string" ? body[0].text : JSON.stringify(template).slice(0, 60);
}

/** Which engine expands cards: "compiled" (the default) or "library" (for comparing the two). */
let engine: "compiled" | "library" = "compiled";

/** Switches the engine for every later `render` (tests compare both). */
export function useTemplateEngine(which: "compiled" | "library"): void {
  engine = which;
}

/** Expands with adaptivecards-templating itself. */
export function expandWithLibrary(template: object, data: object): unknown {
  const p = prepare(template);
  p.library ??= new ACData.Template(template);
  return p.library.expand({ $root: data });
}

/** Expands with the compiled builder; undefined when the template or this data needs the library. */
export function expandCompiled(template: object, data: object): { card: unknown } | undefined {
  const { compiled } = prepare(template);
  if (typeof compiled !== "function") return undefined;
  try {
    return { card: compiled(data) };
  } catch (err) {
    if (err instanceof NotCompiled) return undefined;
    throw err;
  }
}

/** The templates seen so far that the compiler could not take, with the reason. */
export function templateEngines(): { notCompiled: Record<string, string> } {
  return { notCompiled: Object.fromEntries(notCompiled) };
}

export function render(template: object, data: object): CardJson {
  const compiled = engine === "compiled" ? expandCompiled(template, data) : undefined;
  const card = compiled ? compiled.card : expandWithLibrary(template, data);
  return fits(card as CardJson);
}

/** The card itself, or CardTooLargeError when it would not fit a Teams message with margin. */
export function fits(card: CardJson): CardJson {
  return checkCardSize(card);
}

/** Shorten for display, on a word boundary where possible. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
