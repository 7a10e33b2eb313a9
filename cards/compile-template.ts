/**
 * An Adaptive Card template (*.card.json) turned, once, into a function that builds the card: the same
 * result as adaptivecards-templating's `new Template(t).expand({ $root: data })`, byte for byte, without
 * its per-node bookkeeping (a state stack, a memory object and an options object per expression, a
 * case-insensitive key scan per property lookup).
 *
 * The template walk follows the library's `internalExpand` rule by rule: `$data` (an expression or a
 * literal; an array repeats the object, `$index` set), `$when` (kept only when it evaluates to `true`;
 * a literal `$when` drops the object when truthy), the reserved keys left out, `undefined` properties
 * left out, an object expanded to nothing is `null` and an array drops `null` items and flattens
 * array items one level. Strings are parsed by the library (`Template.parseInterpolatedString`): a
 * string that is one `${…}` keeps the type of its value; an interpolated string is concatenated part by
 * part, a part that fails becoming the text `${part}`. One deliberate difference: a part whose value is
 * null adds nothing, as in adaptive-expressions' own interpolation, where the library's concatenation
 * throws a TypeError (`null.toString()`) and so fails the whole card. (An `undefined` part, which only
 * `a || b` with both missing gives, still throws as in the library.)
 *
 * `compileTemplate` throws NotCompiled when the template uses something compile-expression.ts does not
 * support; render.ts then keeps the library for that template.
 */
import { Template } from "adaptivecards-templating";
import {
  compileExpression,
  type Evaluate,
  ExpressionError,
  NotCompiled,
  type ParsedExpression,
  type Scope,
} from "./compile-expression.ts";

/** The card builder: data in, card out. Throws like the library does (and NotCompiled, see above). */
export type CompiledTemplate = (data: unknown) => unknown;

/**
 * Expansion state, also the scope expressions see. `data` holds what the library's `$data` getter
 * returns (its own `_$data`, else `$root`), so saving and restoring it is the same as the library's.
 */
type Context = Scope;

type Expand = (ctx: Context) => unknown;

const RESERVED = new Set(["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"]);

const isExpression = (v: unknown): v is ParsedExpression =>
  typeof v === "object" && v !== null && typeof (v as ParsedExpression).type === "string" && "children" in v;

/** A string of the template: constant, one expression, or an interpolation. */
function compileString(
  text: string,
): { constant: true; value: string } | { constant: false; eval: Evaluate } {
  const parsed = Template.parseInterpolatedString(text) as unknown;
  if (typeof parsed === "string") return { constant: true, value: parsed };
  if (!isExpression(parsed)) throw new NotCompiled(`unexpected parse result for ${text}`);
  if (parsed.type !== "concat") return { constant: false, eval: compileExpression(parsed) };
  // The library's own concatenation (internalTryEvaluateExpression with substitutions).
  const parts = parsed.children.map((child) => ({ eval: compileExpression(child), text: `\${${child}}` }));
  return {
    constant: false,
    eval: (scope) => {
      let out = "";
      for (const part of parts) {
        let value: unknown;
        try {
          value = part.eval(scope, true);
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          value = part.text;
        }
        // The library's own loop calls value.toString() and so throws a TypeError on null (a null
        // field in data: "Del ${n}: ${title}" with title null). We render null as adaptive-expressions'
        // own string interpolation does: as nothing.
        if (value !== null) out += (value as { toString(): string }).toString();
      }
      return out;
    },
  };
}

/** Evaluates a property value or `$data` (substitutions on); an error stops the expansion. */
function evaluateOrThrow(evaluate: Evaluate, ctx: Context): unknown {
  try {
    return evaluate(ctx, true);
  } catch (err) {
    if (err instanceof ExpressionError) throw new Error(err.message);
    throw err;
  }
}

function hasExpression(node: unknown): boolean {
  if (typeof node === "string") return typeof Template.parseInterpolatedString(node) !== "string";
  if (Array.isArray(node)) return node.some(hasExpression);
  if (typeof node === "object" && node !== null) return Object.values(node).some(hasExpression);
  return false;
}

function compileNode(node: unknown): Expand {
  if (typeof node === "string") {
    const s = compileString(node);
    if (s.constant) {
      const value = s.value;
      return () => value;
    }
    const evaluate = s.eval;
    return (ctx) => evaluateOrThrow(evaluate, ctx);
  }
  if (Array.isArray(node)) return compileArray(node);
  if (typeof node === "object" && node !== null) return compileObject(node as Record<string, unknown>);
  return () => node;
}

function compileArray(node: unknown[]): Expand {
  const items = node.map(compileNode);
  return (ctx) => {
    const out: unknown[] = [];
    for (const item of items) {
      const v = item(ctx);
      if (v === null) continue;
      if (Array.isArray(v)) for (const x of v) out.push(x);
      else out.push(v);
    }
    return out;
  };
}

function compileObject(node: Record<string, unknown>): Expand {
  const keys = Object.keys(node).filter((k) => !RESERVED.has(k));
  const expands = keys.map((key) => compileNode(node[key]));
  const n = keys.length;
  const single = (ctx: Context): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const v = (expands[i] as Expand)(ctx);
      if (v !== undefined) out[keys[i] as string] = v;
    }
    return out;
  };

  const when = whenOf(node.$when);
  if (!("$data" in node) || node.$data === undefined) {
    if (when === undefined) return single;
    return (ctx) => (when(ctx) ? single(ctx) : null);
  }

  const data = dataOf(node.$data);
  const keep = when ?? (() => true);
  return (ctx) => {
    const saved = { data: ctx.data, index: ctx.index };
    let contexts = data(ctx);
    const isArray = Array.isArray(contexts);
    if (!isArray) contexts = [contexts];
    const result: unknown[] = [];
    try {
      const list = contexts as unknown[];
      for (let i = 0; i < list.length; i++) {
        if (isArray) ctx.index = i;
        if (list[i] !== undefined) ctx.data = list[i];
        if (keep(ctx)) result.push(single(ctx));
      }
    } finally {
      ctx.data = saved.data;
      ctx.index = saved.index;
    }
    return result.length === 0 ? null : result.length === 1 ? result[0] : result;
  };
}

/** `$when`: an expression kept only when it is `true` (errors count as false); a literal drops when truthy. */
function whenOf(raw: unknown): ((ctx: Context) => boolean) | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string") return raw ? () => false : undefined;
  const s = compileString(raw);
  if (s.constant) return s.value ? () => false : undefined;
  if ((Template.parseInterpolatedString(raw) as ParsedExpression).type === "concat")
    throw new NotCompiled(`interpolated $when: ${raw}`);
  const evaluate = s.eval;
  return (ctx) => {
    try {
      return evaluate(ctx, false) === true;
    } catch (err) {
      if (err instanceof ExpressionError) return false;
      throw err;
    }
  };
}

/** `$data`: an expression evaluated in the outer context, or a literal value. */
function dataOf(raw: unknown): (ctx: Context) => unknown {
  if (typeof raw === "string") {
    const s = compileString(raw);
    if (s.constant) {
      const value = s.value;
      return () => value;
    }
    const evaluate = s.eval;
    return (ctx) => evaluateOrThrow(evaluate, ctx);
  }
  if (hasExpression(raw)) throw new NotCompiled("a literal $data holding expressions");
  const literal = structuredClone(raw);
  return () => literal;
}

/** Compiles a template (throws NotCompiled when a feature is not supported, see the module comment). */
export function compileTemplate(template: object): CompiledTemplate {
  const expand = compileNode(template);
  return (data) => expand({ root: data, data, index: undefined });
}
