/**
 * Random data for an Adaptive Card template, to compare two ways of expanding it: every name used in the
 * template's `${…}` expressions gets values of every kind the templating language treats differently
 * (empty and non-empty strings, strings that look like expressions or Markdown, numbers, booleans, null,
 * missing, lists of objects with the same names, nested objects). Deterministic for a seed.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${…}" is the card template syntax under test

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOT_NAMES = new Set(["true", "false", "null", "undefined"]);

/** The names a template's expressions read (function names and keywords left out). */
export function namesIn(template: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (typeof node === "string") {
      for (const m of node.matchAll(/\$\{([^}]*)\}/g)) {
        const expr = (m[1] ?? "").replace(/'[^']*'|"[^"]*"/g, " ");
        for (const t of expr.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*(?=\s*(\()?)/g)) {
          if (t[1] === undefined && !NOT_NAMES.has(t[0])) names.add(t[0].replace(/^\$/, ""));
        }
      }
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) Object.values(node).forEach(visit);
  };
  visit(template);
  return [...names].filter((n) => n !== "");
}

const STRINGS = [
  "",
  "tekst",
  "Del 1 av 6 – Økonomi",
  "**fet** <b>x</b> ${heading}",
  'linje\n"sitat" \\ æøå',
  " ",
];

export function randomData(names: string[], random: () => number, depth = 0): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const value = (d: number): unknown => {
    const r = random();
    if (r < 0.35) return pick(STRINGS);
    if (r < 0.45) return pick([0, 1, 2, 4000, -1, 2.5]);
    if (r < 0.6) return random() < 0.5;
    if (r < 0.65) return null;
    if (r < 0.85 && d < 2) {
      const n = Math.floor(random() * 4);
      return Array.from({ length: n }, () =>
        random() < 0.8 ? randomData(names, random, d + 1) : pick(STRINGS),
      );
    }
    if (d < 2) return randomData(names, random, d + 1);
    return pick(STRINGS);
  };
  const out: Record<string, unknown> = {};
  const keep = depth === 0 ? 0.85 : 0.5;
  for (const name of names) if (random() < keep) out[name] = value(depth);
  return out;
}

/** What an expansion gave: the JSON text, or that it threw. */
export function outcome(expand: () => unknown): string {
  try {
    return `ok ${JSON.stringify(expand())}`;
  } catch {
    return "threw";
  }
}
