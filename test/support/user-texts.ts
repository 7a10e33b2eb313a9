/**
 * Every user-facing text of the product, for the spelling check: the Norwegian string literals and
 * template parts of src/, cards/ and bot/ (read with a small scanner below: TypeScript 7 has no JS
 * parser API), every text of the card
 * templates (*.card.json), and the forms' titles, questions, help texts and options.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export interface UserText {
  /** "bot/strings.ts:12" or "cards/welcome.card.json $.body[1].text" or "form dekom-2024-2025 q10". */
  where: string;
  text: string;
}

const ROOT = join(import.meta.dirname, "..", "..");

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

/**
 * Norwegian, not code or English log text: it has æ/ø/å or one of the common bokmål words. (English
 * messages to the log and ids are left out on purpose; they are not shown to people.)
 */
const NORWEGIAN_WORDS =
  /(^|[^\p{L}])(og|er|ikke|du|deg|på|til|av|med|som|det|kan|har|må|jeg|hvis|ingen|eller|denne|dette|din|ditt|dine|svar|ble|fra|etter|når|hva|hvem|skriv|trykk|sendt|hei|frist|fristen|mangler|rapporteringen|tiltak|tiltaket|side|del)([^\p{L}]|$)/iu;
const looksNorwegian = (s: string) => /[æøåÆØÅ]/.test(s) || NORWEGIAN_WORDS.test(s);

/**
 * The string literals and the static parts of template literals in TypeScript source, with their
 * line numbers. Comments and regular expression literals are skipped.
 */
function literalsOf(src: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let i = 0;
  let line = 1;
  let last = ""; // the last significant character (to tell a regex from a division)
  const n = src.length;
  const unescapeRaw = (raw: string) =>
    raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|n|t|.)/g, (_, e: string) =>
      e === "n"
        ? "\n"
        : e === "t"
          ? "\t"
          : e.startsWith("u")
            ? String.fromCodePoint(Number.parseInt(e.replace(/[u{}]/g, ""), 16))
            : e,
    );
  /** Reads a template literal from i (just after the backtick); returns to the caller after its end. */
  const template = () => {
    let part = "";
    let startLine = line;
    while (i < n) {
      const c = src[i] as string;
      if (c === "\\") {
        part += c + (src[i + 1] ?? "");
        i += 2;
        continue;
      }
      if (c === "`") {
        i++;
        out.push({ line: startLine, text: unescapeRaw(part) });
        return;
      }
      if (c === "$" && src[i + 1] === "{") {
        out.push({ line: startLine, text: unescapeRaw(part) });
        part = "";
        i += 2;
        code(1);
        startLine = line;
        continue;
      }
      if (c === "\n") line++;
      part += c;
      i++;
    }
  };
  /** Scans code until the brace depth drops to zero (inside ${…}) or the end. */
  const code = (depth: number) => {
    let d = depth;
    while (i < n) {
      const c = src[i] as string;
      const next = src[i + 1];
      if (c === "\n") {
        line++;
        i++;
        continue;
      }
      if (c === "/" && next === "/") {
        while (i < n && src[i] !== "\n") i++;
        continue;
      }
      if (c === "/" && next === "*") {
        const end = src.indexOf("*/", i + 2);
        const stop = end === -1 ? n : end + 2;
        line += (src.slice(i, stop).match(/\n/g) ?? []).length;
        i = stop;
        continue;
      }
      if (
        c === "/" &&
        (last === "" ||
          "(,=:[!&|?{};+-*%<>~^".includes(last) ||
          /\b(return|typeof|case)$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))
      ) {
        i++;
        let inClass = false;
        while (i < n && (src[i] !== "/" || inClass)) {
          if (src[i] === "\\") i++;
          else if (src[i] === "[") inClass = true;
          else if (src[i] === "]") inClass = false;
          i++;
        }
        i++;
        while (i < n && /[a-z]/i.test(src[i] as string)) i++;
        last = "/";
        continue;
      }
      if (c === '"' || c === "'") {
        const startLine = line;
        let j = i + 1;
        let raw = "";
        while (j < n && src[j] !== c) {
          if (src[j] === "\\") {
            raw += src[j] + (src[j + 1] ?? "");
            j += 2;
          } else raw += src[j++];
        }
        out.push({ line: startLine, text: unescapeRaw(raw) });
        i = j + 1;
        last = c;
        continue;
      }
      if (c === "`") {
        i++;
        template();
        last = "`";
        continue;
      }
      if (c === "{") d++;
      if (c === "}") {
        d--;
        if (depth > 0 && d === 0) {
          i++;
          return;
        }
      }
      if (!/\s/.test(c)) last = c;
      i++;
    }
  };
  code(0);
  return out;
}

/** The string literals and template parts of the TypeScript files that look Norwegian. */
export function sourceTexts(dirs = ["src", "cards", "bot"]): UserText[] {
  const out: UserText[] = [];
  for (const file of dirs.flatMap((d) => filesUnder(d, ".ts"))) {
    for (const { line, text } of literalsOf(readFileSync(join(ROOT, file), "utf8"))) {
      if (looksNorwegian(text)) out.push({ where: `${file}:${line}`, text });
    }
  }
  return out;
}

const TEXT_KEYS = new Set(["text", "title", "label", "placeholder", "errorMessage", "altText", "value"]);

/** Every text of the card templates, with the template expressions (${…}) taken out. */
export function templateTexts(): UserText[] {
  const out: UserText[] = [];
  for (const file of filesUnder("cards", ".card.json")) {
    const walk = (v: unknown, path: string, key: string) => {
      if (typeof v === "string") {
        const text = v.replace(/\$\{[^}]*\}/g, " ");
        if (TEXT_KEYS.has(key) && text.trim() !== "") out.push({ where: `${file} ${path}`, text });
      } else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`, key);
      } else if (typeof v === "object" && v !== null)
        for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, k);
    };
    walk(JSON.parse(readFileSync(join(ROOT, file), "utf8")), "$", "");
  }
  return out;
}

interface FormJson {
  id: string;
  title: string;
  guidance?: string[];
  sections: {
    id: string;
    title: string;
    intro: string | null;
    questions: {
      id: string;
      text: string;
      help: string | null;
      options: { id: string; text: string }[] | null;
    }[];
  }[];
}

/**
 * The forms' texts. `skipOptions` names questions whose options are place names (the municipality
 * list), which a dictionary cannot judge.
 */
export function formTexts(skipOptions: ReadonlySet<string>): UserText[] {
  const out: UserText[] = [];
  for (const file of filesUnder("src/questionnaire/forms", ".json")) {
    const form = JSON.parse(readFileSync(join(ROOT, file), "utf8")) as FormJson;
    const at = (x: string) => `form ${form.id} ${x}`;
    out.push({ where: at("title"), text: form.title });
    for (const g of form.guidance ?? []) out.push({ where: at("guidance"), text: g });
    for (const s of form.sections) {
      out.push({ where: at(`section ${s.id}`), text: s.title });
      if (s.intro) out.push({ where: at(`section ${s.id} intro`), text: s.intro });
      for (const q of s.questions) {
        out.push({ where: at(q.id), text: q.text });
        if (q.help) out.push({ where: at(`${q.id} help`), text: q.help });
        if (skipOptions.has(`${form.id}/${q.id}`)) continue;
        for (const o of q.options ?? []) out.push({ where: at(`${q.id} option`), text: o.text });
      }
    }
  }
  return out;
}
