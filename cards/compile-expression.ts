/**
 * Adaptive Expressions (the `${…}` language of adaptivecards-templating) turned into plain functions.
 *
 * The expressions are parsed by the templating library itself (`Template.parseInterpolatedString`), so
 * parsing is exactly the library's; this module only evaluates the parsed tree, following
 * adaptive-expressions 4.x rule by rule: memory paths resolved case-insensitively under `$data` unless
 * they start with `$`, a missing value replaced by the text `${path}` where the library substitutes,
 * comparisons and `!`/`&&`/`||` evaluating their operands without substitution and turning operand
 * errors into `false`, "logic true" meaning anything but `false`, `null` and `undefined`.
 *
 * Supported: paths (`a.b`), constants, `!`, `&&`, `||`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `count()`,
 * `if()`. Anything else throws `NotCompiled` when compiling (the caller keeps the library for that
 * template); a value the compiled code does not handle (a Map, object-to-object equality) throws
 * `NotCompiled` when evaluating (the caller renders that card with the library).
 *
 * One known difference: a property is looked up case-insensitively like the library, but when the
 * exact-case key exists it is taken directly; the library would take the first key in key order whose
 * lower case matches. They differ only for an object with two keys that differ only in case.
 */
import { GlobalSettings } from "adaptivecards-templating";

/**
 * An evaluation error of adaptive-expressions (the library's `{ value, error }` result with an error;
 * `value` is what that result carries, which `||` passes on).
 */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly value: unknown = undefined,
  ) {
    super(message);
  }
}

/** The compiled code does not do this; use the templating library instead. */
export class NotCompiled extends Error {}

/** What the library's memory holds during an expansion: `$root`, `$data` (current), `$index`. */
export interface Scope {
  root: unknown;
  data: unknown;
  index: number | undefined;
}

/** Evaluates with the library's null substitution (`subst`) or without it. Throws ExpressionError. */
export type Evaluate = (scope: Scope, subst: boolean) => unknown;

/** The shape of a parsed adaptive-expressions Expression, as far as we read it. */
export interface ParsedExpression {
  type: string;
  children: ParsedExpression[];
  value?: unknown;
  toString(): string;
}

/** The library's memory object has these keys, in this order (TemplateObjectMemory). */
const MEMORY_KEYS = ["_memory", "$root", "$data", "$index", "$host", "$_acTemplateVersion"] as const;

const isLogicTrue = (v: unknown): boolean => (typeof v === "boolean" ? v : v != null);
const isNumber = (v: unknown): v is number => typeof v === "number" && !Number.isNaN(v);

/** InternalFunctionUtils.accessProperty (see the module comment for the exact-case shortcut). */
function accessProperty(instance: unknown, property: string, lower: string): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) throw new NotCompiled("Map in card data");
  if (typeof instance === "object" && Object.hasOwn(instance, property)) {
    return (instance as Record<string, unknown>)[property];
  }
  for (const key of Object.keys(instance)) {
    if (key.toLowerCase() === lower) return (instance as Record<string, unknown>)[key];
  }
  return undefined;
}

/** A memory path as SimpleObjectMemory.getValue walks it, split into its parts once. */
function compilePath(path: string): (scope: Scope) => unknown {
  const actual = path.length > 0 && path[0] !== "$" ? `$data.${path}` : path;
  const parts = actual
    .split(/[.[\]]+/)
    .filter((u) => u !== "")
    .map((u) =>
      (u.startsWith('"') && u.endsWith('"')) || (u.startsWith("'") && u.endsWith("'")) ? u.slice(1, -1) : u,
    );
  const head = parts[0];
  if (head === undefined) return () => undefined;
  const memoryKey = MEMORY_KEYS.find((k) => k.toLowerCase() === head.toLowerCase());
  const rest = parts.slice(1).map((p) => ({ p, lower: p.toLowerCase(), idx: Number.parseInt(p, 10) }));
  const start: (scope: Scope) => unknown =
    memoryKey === "$data"
      ? (scope) => scope.data
      : memoryKey === "$root"
        ? (scope) => scope.root
        : memoryKey === "$index"
          ? (scope) => scope.index
          : memoryKey === "$_acTemplateVersion"
            ? () => {
                throw new NotCompiled("$_acTemplateVersion");
              }
            : () => undefined; // $host (never given), _memory, unknown names
  const [only] = rest;
  if (rest.length === 0) return start;
  // The common case, one name under $data or $root ("${label}"), without the loop.
  if (rest.length === 1 && only !== undefined && Number.isNaN(only.idx)) {
    const { p, lower } = only;
    return (scope) => accessProperty(start(scope), p, lower);
  }
  return (scope) => {
    let cur = start(scope);
    for (const { p, lower, idx } of rest) {
      if (!Number.isNaN(idx) && Array.isArray(cur)) {
        if (idx < 0 || idx >= cur.length) return undefined; // accessIndex error: getValue gives undefined
        cur = cur[idx];
      } else {
        cur = accessProperty(cur, p, lower);
      }
    }
    return cur;
  };
}

/** The text the library leaves for a missing value (GlobalSettings can change it). */
function substitute(path: string): string {
  const custom = GlobalSettings.getUndefinedFieldValueSubstitutionString?.(path);
  return custom ? custom : `\${${path}}`;
}

/** FunctionUtils.commonEquals, without the object-to-object case. */
function commonEquals(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => commonEquals(item, b[i]));
  }
  const objectLike = (v: unknown) => typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
  if (objectLike(a) && objectLike(b)) throw new NotCompiled("object equality");
  if (isNumber(a) && isNumber(b) && Math.abs(a - b) < Number.EPSILON) return true;
  return a === b;
}

function comparable(a: unknown, b: unknown): boolean {
  return (
    (isNumber(a) && isNumber(b)) ||
    (typeof a === "string" && typeof b === "string") ||
    (a instanceof Date && b instanceof Date)
  );
}

const ORDER: Record<string, (a: never, b: never) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

/** Evaluates without substitution, an error as a result (as operators see their operands). */
function orElse(child: Evaluate, scope: Scope): { ok: boolean; value: unknown } {
  try {
    return { ok: true, value: child(scope, false) };
  } catch (err) {
    if (err instanceof ExpressionError) return { ok: false, value: err.value };
    throw err;
  }
}

/** Compiles a parsed expression, or throws NotCompiled naming what it does not support. */
export function compileExpression(e: ParsedExpression): Evaluate {
  const kids = () => e.children.map(compileExpression);
  switch (e.type) {
    case "Constant": {
      const value = e.value;
      return () => value;
    }
    case "Accessor": {
      let path = "";
      let left: ParsedExpression | undefined = e;
      while (left?.type === "Accessor") {
        path = `${String(left.children[0]?.value)}.${path}`;
        left = left.children[1];
      }
      if (left !== undefined) throw new NotCompiled(`accessor on an expression: ${e}`);
      path = path.replace(/(\.*$)/g, "");
      const get = compilePath(path);
      return (scope, subst) => {
        const v = get(scope);
        return v !== undefined ? v : subst ? substitute(path) : undefined;
      };
    }
    case "!": {
      const [child] = kids();
      if (child === undefined || e.children.length !== 1) throw new NotCompiled(`${e}`);
      return (scope) => {
        const r = orElse(child, scope);
        return r.ok ? !isLogicTrue(r.value) : true;
      };
    }
    case "&&": {
      const children = kids();
      return (scope) => {
        for (const child of children) {
          const r = orElse(child, scope);
          if (!r.ok || !isLogicTrue(r.value)) return false;
        }
        return true;
      };
    }
    case "||": {
      // Like the library: when no operand is true, the result is the last operand's value.
      const children = kids();
      return (scope) => {
        let last: unknown = false;
        for (const child of children) {
          const r = orElse(child, scope);
          if (r.ok && isLogicTrue(r.value)) return true;
          last = r.value;
        }
        return last;
      };
    }
    case "==":
    case "!=": {
      const [a, b] = kids();
      if (a === undefined || b === undefined || e.children.length !== 2) throw new NotCompiled(`${e}`);
      const negate = e.type === "!=";
      return (scope) => {
        const x = orElse(a, scope);
        if (!x.ok) return false;
        const y = orElse(b, scope);
        if (!y.ok) return false;
        return commonEquals(x.value, y.value) !== negate;
      };
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const [a, b] = kids();
      const op = ORDER[e.type];
      if (a === undefined || b === undefined || op === undefined || e.children.length !== 2)
        throw new NotCompiled(`${e}`);
      return (scope) => {
        const x = orElse(a, scope);
        if (!x.ok || x.value == null) return false;
        const y = orElse(b, scope);
        if (!y.ok || y.value == null) return false;
        if (!comparable(x.value, y.value))
          throw new ExpressionError(`${x.value} and ${y.value} must be comparable.`, false);
        return op(x.value as never, y.value as never);
      };
    }
    case "count": {
      const [child] = kids();
      if (child === undefined || e.children.length !== 1) throw new NotCompiled(`${e}`);
      const text = e.children[0]?.toString();
      return (scope, subst) => {
        const v = child(scope, subst);
        if (typeof v === "string" || Array.isArray(v)) return v.length;
        if (v instanceof Map) throw new NotCompiled("Map in card data");
        if (typeof v !== "object")
          throw new ExpressionError(`${text} must be a string, list, map or object.`);
        if (v === null) throw new ExpressionError("Cannot convert undefined or null to object");
        return Object.keys(v).length;
      };
    }
    case "if": {
      const [cond, then, otherwise] = kids();
      if (cond === undefined || then === undefined || otherwise === undefined || e.children.length !== 3)
        throw new NotCompiled(`${e}`);
      return (scope, subst) => {
        const r = orElse(cond, scope);
        return r.ok && isLogicTrue(r.value) ? then(scope, subst) : otherwise(scope, subst);
      };
    }
    default:
      throw new NotCompiled(`function or operator "${e.type}" in ${e}`);
  }
}
