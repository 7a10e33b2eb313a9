/**
 * Coded errors of the domain. bot/ turns them into one polite Norwegian message each;
 * details go to the log only.
 */
export const ErrorCode = {
  NotFound: "not_found",
  Forbidden: "forbidden",
  Invalid: "invalid",
  Stale: "stale",
  AlreadySubmitted: "already_submitted",
  StorageUnavailable: "storage_unavailable",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CodedError";
  }
}
