/**
 * A small reader for Bicep text, enough for the consistency tests: the Bicep CLI cannot be installed on
 * these machines, so infra/main.bicep is checked as text. It understands comments, single-quoted and
 * ''' multi-line strings, and bracket nesting; nothing more.
 */

/** Bicep text with // and /* *\/ comments blanked out (strings kept, offsets preserved). */
export function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end < 0 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
    } else if (text[i] === "'") {
      const j = stringEnd(text, i);
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

const CLOSE: Record<string, string> = { "[": "]", "{": "}", "(": ")" };

/** Index of the quote that closes the single-quoted string opening at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== "'") j += text[j] === "\\" ? 2 : 1;
  return j;
}

/** The text from the bracket at `open` to its matching closing bracket (inclusive); skips strings. */
function balanced(text: string, open: number): string {
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'") {
      i = stringEnd(text, i);
    } else if (ch in CLOSE) {
      stack.push(CLOSE[ch] as string);
    } else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return text.slice(open, i + 1);
    }
  }
  throw new Error(`unbalanced bracket at offset ${open}`);
}

/** The `{ ... }` objects directly inside an array text `[ ... ]`. */
function objectsIn(arrayText: string): string[] {
  const objects: string[] = [];
  let i = 1;
  while (i < arrayText.length - 1) {
    const ch = arrayText[i];
    if (ch === "{") {
      const obj = balanced(arrayText, i);
      objects.push(obj);
      i += obj.length;
    } else if (ch === "'") {
      i = stringEnd(arrayText, i) + 1;
    } else if (ch === "[" || ch === "(") {
      i += balanced(arrayText, i).length;
    } else {
      i++;
    }
  }
  return objects;
}

/** The value expression of `key:` at the top level of an object text `{ ... }`, trimmed. */
export function property(objectText: string, key: string): string | undefined {
  const inner = objectText.slice(1, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch === "'") {
      i = stringEnd(inner, i);
      continue;
    }
    if (ch in CLOSE) depth++;
    else if (ch === "]" || ch === "}" || ch === ")") depth--;
    if (depth !== 0) continue;
    const m = new RegExp(`^${key}\\s*:`).exec(inner.slice(i));
    const before = i === 0 ? " " : (inner[i - 1] as string);
    if (m === null || !/[\s{,]/.test(before)) continue;
    // The value runs to the end of the line, or to a comma at depth 0 on a single-line object.
    let j = i + m[0].length;
    let d = 0;
    let value = "";
    for (; j < inner.length; j++) {
      const c = inner[j] as string;
      if (c === "'") {
        const k = stringEnd(inner, j);
        value += inner.slice(j, k + 1);
        j = k;
        continue;
      }
      if (c in CLOSE) d++;
      else if (c === "]" || c === "}" || c === ")") d--;
      if (d < 0 || (d === 0 && (c === "\n" || c === ","))) break;
      value += c;
    }
    return value.trim();
  }
  return undefined;
}

/** The array text that follows the first `<prefix>[` (prefix is a regex source ending before `[`). */
function arrayAfter(bicep: string, prefix: string): string | undefined {
  const m = new RegExp(`${prefix}\\s*\\[`).exec(bicep);
  if (m === null) return undefined;
  return balanced(bicep, m.index + m[0].length - 1);
}

/** A string literal's content, or undefined for any other expression. */
export function literal(expr: string | undefined): string | undefined {
  const m = expr === undefined ? null : /^'([^'\\]*)'$/.exec(expr);
  return m?.[1];
}

/** The web app's app settings: name -> value expression (as written in Bicep). */
export function appSettings(bicepText: string): Map<string, string> {
  const block = arrayAfter(stripComments(bicepText), "\\bappSettings\\s*:");
  const settings = new Map<string, string>();
  for (const obj of block === undefined ? [] : objectsIn(block)) {
    const name = literal(property(obj, "name"));
    if (name !== undefined) settings.set(name, property(obj, "value") ?? "");
  }
  return settings;
}

/** Which of `required` are not set in the Bicep app settings. */
export function missingSettings(bicepText: string, required: readonly string[]): string[] {
  const settings = appSettings(bicepText);
  return required.filter((name) => !settings.has(name));
}

/** The `var containers = [...]` list: name and partition key path of each container. */
export function containers(bicepText: string): Array<{ name: string; partitionKeyPath: string }> {
  const block = arrayAfter(stripComments(bicepText), "\\bvar\\s+containers\\s*=");
  if (block === undefined) return [];
  return objectsIn(block).map((obj) => ({
    name: literal(property(obj, "name")) ?? `<not a literal: ${property(obj, "name")}>`,
    partitionKeyPath:
      literal(property(obj, "partitionKeyPath")) ?? `<not a literal: ${property(obj, "partitionKeyPath")}>`,
  }));
}

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  default?: string;
  secure: boolean;
}

/** Every `param` with its decorators' secure flag and its default expression. */
export function params(bicepText: string): BicepParam[] {
  const lines = stripComments(bicepText).split("\n");
  const result: BicepParam[] = [];
  lines.forEach((line, index) => {
    const m = /^\s*param\s+(\w+)\s+(\w+)\s*(=\s*(.+))?$/.exec(line);
    if (m === null) return;
    let secure = false;
    for (let k = index - 1; k >= 0 && /^\s*@/.test(lines[k] as string); k--) {
      if (/^\s*@secure\(\)/.test(lines[k] as string)) secure = true;
    }
    result.push({
      name: m[1] as string,
      type: m[2] as string,
      hasDefault: m[3] !== undefined,
      ...(m[4] !== undefined ? { default: m[4].trim() } : {}),
      secure,
    });
  });
  return result;
}

/** The first top-level-looking `key: value` anywhere in the file (for single-valued settings). */
export function firstValue(bicepText: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s{,])${key}\\s*:\\s*([^\\n]+)`, "m").exec(stripComments(bicepText));
  return m?.[1]?.trim();
}

export interface BicepResource {
  /** The symbolic name (`resource <symbol> '...'`). */
  symbol: string;
  /** The resource type without the API version, e.g. Microsoft.Web/sites. */
  type: string;
  /** The body `{ ... }` (or the `[for ...]` loop text). */
  body: string;
}

/** Every top-level `resource` declaration. */
export function resources(bicepText: string): BicepResource[] {
  const text = stripComments(bicepText);
  const out: BicepResource[] = [];
  for (const m of text.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@[^']+'\s*=\s*([[{])/gm)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    out.push({ symbol: m[1] as string, type: m[2] as string, body: balanced(text, open) });
  }
  return out;
}

/** The `var <name> = ...` expression: a ''' string's content, or the bracketed/one-line text. */
export function variable(bicepText: string, name: string): string | undefined {
  const text = stripComments(bicepText);
  const m = new RegExp(`^var\\s+${name}\\s*=\\s*`, "m").exec(text);
  if (m === null) return undefined;
  const start = m.index + m[0].length;
  if (text.startsWith("'''", start)) return text.slice(start + 3, text.indexOf("'''", start + 3));
  if (text[start] === "[" || text[start] === "{") return balanced(text, start);
  return text.slice(start, text.indexOf("\n", start)).trim();
}

/** The string literals of an array text such as `['a', 'b']`. */
export function stringItems(arrayText: string | undefined): string[] {
  return [...(arrayText ?? "").matchAll(/'([^'\\]*)'/g)].map((m) => m[1] as string);
}
