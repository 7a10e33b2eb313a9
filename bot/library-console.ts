/**
 * botbuilder writes to the console itself: CloudAdapter.process() does `console.error(err)` for every
 * request it refuses (a forged or expired token prints a multi-line stack trace to stdout, outside
 * pino), and the token extractor adds lines of its own. While the adapter handles a request
 * (`withLibraryConsole`), console output is routed to our pino logger instead: one warn entry with
 * the error's type, message, code and status (src/log.ts serializer), never a stack. Console output
 * while no request is in progress (our own start-up messages) is untouched.
 *
 * "In progress" is a count of the requests inside withLibraryConsole, not an AsyncLocalStorage: a
 * store would switch on Node's async hooks for the whole process, and then every promise and callback
 * of every request pays for them (about 5 % of an answer step's CPU). Our own code writes to the console
 * only before it serves requests, so the count routes the same output. With several loggers active at
 * once (several servers in one test process), output goes to the one that entered last.
 */
import type { Logger } from "../src/log.ts";

/** Loggers of the requests in progress, with how many requests use each (insertion order = entry order). */
const active = new Map<Logger, number>();

function current(): Logger | undefined {
  let last: Logger | undefined;
  for (const log of active.keys()) last = log;
  return last;
}

function enter(log: Logger): void {
  const n = active.get(log);
  if (n === undefined) active.set(log, 1);
  else active.set(log, n + 1);
}

function leave(log: Logger): void {
  const n = active.get(log) ?? 0;
  if (n <= 1) active.delete(log);
  else active.set(log, n - 1);
}
const METHODS = ["error", "warn", "log", "info", "debug", "trace"] as const;
let installed = false;

/** The first line of a text, at most 200 characters (library messages, never payloads). */
function firstLine(s: string): string {
  const line = s.split("\n", 1)[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Sends one console call to the logger: errors through the err serializer, text as one short line. */
function toLog(log: Logger, method: string, args: unknown[]): void {
  const err = args.find((a) => a instanceof Error);
  const text = args
    .filter((a) => typeof a === "string")
    .map((a) => firstLine(a as string))
    .join(" ");
  const fields = { source: "botbuilder", console: method, ...(err ? { err } : {}) };
  log.warn(fields, text || "library console output");
}

/** Replaces the console methods once, so calls made inside withLibraryConsole go to its logger. */
function install(): void {
  if (installed) return;
  installed = true;
  for (const method of METHODS) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const log = current();
      if (log === undefined) original(...args);
      else toLog(log, method, args);
    };
  }
}

/** Runs `fn` (the adapter handling one request) with console output routed to `log` until it settles. */
export async function withLibraryConsole<T>(log: Logger, fn: () => Promise<T>): Promise<T> {
  install();
  enter(log);
  try {
    return await fn();
  } finally {
    leave(log);
  }
}
