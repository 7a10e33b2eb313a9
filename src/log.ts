/**
 * Structured JSON logs. Never log names, emails, phone numbers or answer text: log ids only.
 */
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
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
