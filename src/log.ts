/**
 * Structured JSON logs. Never log names, emails, phone numbers or answer text: log ids only.
 */
import { pino } from "pino";

export type Logger = pino.Logger;

/** Properties of an error that are safe to log: codes and statuses, never payloads. */
const ERROR_FIELDS = ["code", "statusCode", "status", "substatus"] as const;

/** What of an error (or anything thrown) goes into the log. */
function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (typeof err !== "object" || err === null) return { type: typeof err };
  const e = err as Record<string, unknown>;
  const out: Record<string, unknown> = { type: err.constructor?.name ?? "Object" };
  if (typeof e.message === "string") out.message = e.message;
  if (typeof e.stack === "string") out.stack = e.stack;
  for (const field of ERROR_FIELDS) {
    const value = e[field];
    if (typeof value === "string" || typeof value === "number") out[field] = value;
  }
  if (depth < 3 && e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
  if (depth < 3 && err instanceof AggregateError)
    out.errors = err.errors.slice(0, 5).map((inner: unknown) => serializeError(inner, depth + 1));
  return out;
}

export function createLogger(level: string): Logger {
  return pino({
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
  });
}
