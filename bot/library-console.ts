/**
 * botbuilder writes to the console itself: CloudAdapter.process() does `console.error(err)` for every
 * request it refuses (a forged or expired token prints a multi-line stack trace to stdout, outside
 * pino), and the token extractor adds lines of its own. While the adapter handles a request
 * (`withLibraryConsole`), console output is routed to our pino logger instead: one warn entry with
 * the error's type, message, code and status (src/log.ts serializer), never a stack. Console output
 * outside a request (our own start-up messages) is untouched.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../src/log.ts";

const current = new AsyncLocalStorage<Logger>();
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
      const log = current.getStore();
      if (log === undefined) original(...args);
      else toLog(log, method, args);
    };
  }
}

/** Runs `fn` (the adapter handling one request) with console output routed to `log`. */
export function withLibraryConsole<T>(log: Logger, fn: () => T): T {
  install();
  return current.run(log, fn);
}
