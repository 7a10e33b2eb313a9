/**
 * The one place where an error becomes words for the person. Details (type, code, status) go to the
 * log; the person gets one polite Norwegian sentence. Storage errors (src/storage/errors.ts, or a
 * Cosmos status the SDK threw) during a save say that the answers could not be saved, so the card
 * that keeps what was typed can say so; everything else says that something went wrong.
 */

import { DEFAULT_LANG, type Lang } from "../src/i18n/lang.ts";
import { texts } from "../src/i18n/texts.ts";
import type { Logger } from "../src/log.ts";
import { cosmosStatus, StorageError } from "../src/storage/errors.ts";

/** What the person was doing when it failed, with its log message. */
const STEPS = {
  turn: "turn failed",
  save: "saving a section failed",
  reread: "reading the report after a failed save also failed",
} as const;
export type FailedStep = keyof typeof STEPS;

function isStorageError(err: unknown): boolean {
  return err instanceof StorageError || cosmosStatus(err) !== undefined;
}

/** The sentence for the person; `details` are logged (ids only, never personal data). */
export function userMessageFor(
  log: Logger,
  err: unknown,
  step: FailedStep,
  details: Record<string, unknown> = {},
  lang: Lang = DEFAULT_LANG,
): string {
  const t = texts(lang).bot;
  log.error({ err, storage: isStorageError(err), ...details }, STEPS[step]);
  return step === "turn" ? t.internalError : t.storageFailed;
}
