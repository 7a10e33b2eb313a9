/**
 * Structured JSON logs. Never log names, emails, phone numbers or answer text: log ids only.
 */
import { pino } from "pino";

export type Logger = pino.Logger;

/** Properties of an error that are safe to log: codes and statuses, never payloads. */
const ERROR_FIELDS = ["code", "statusCode", "status", "substatus"] as const;

/**
 * What of an error (or anything thrown) goes into the log: type, message, code and status only. No
 * stack (multi-line, and a stack of a parse error can quote payload text), no other properties.
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (typeof err !== "object" || err === null) return { type: typeof err };
  const e = err as Record<string, unknown>;
  const out: Record<string, unknown> = { type: err.constructor?.name ?? "Object" };
  if (typeof e.message === "string") out.message = e.message;
  for (const field of ERROR_FIELDS) {
    const value = e[field];
    if (typeof value === "string" || typeof value === "number") out[field] = value;
  }
  if (depth < 3 && e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
  if (depth < 3 && err instanceof AggregateError)
    out.errors = err.errors.slice(0, 5).map((inner: unknown) => serializeError(inner, depth + 1));
  return out;
}

/** The product's logger; `destination` (default stdout) lets a test read what is written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: serializeError },
    redact: {
      paths: [
        "*.name",
        "*.email",
        "*.phone",
        "*.text",
        "*.answers",
        "*.value",
        "name",
        "email",
        "phone",
        "text",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
