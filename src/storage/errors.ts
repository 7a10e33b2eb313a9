/**
 * Errors raised by the storage layer. Each carries a stable string `code` so one central handler
 * (in bot/) can map it to a polite message without parsing texts, and the HTTP status Cosmos gave.
 */

export const STORAGE_ERROR_CODES = {
  notFound: "storage_not_found",
  conflict: "storage_conflict",
  concurrency: "storage_concurrency",
  timeout: "storage_timeout",
} as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[keyof typeof STORAGE_ERROR_CODES];

export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;
  /** The HTTP status returned by Cosmos DB. */
  abstract readonly status: number;
}

/** A document that had to exist was not there (404). */
export class NotFoundError extends StorageError {
  readonly code = STORAGE_ERROR_CODES.notFound;
  readonly status = 404;
  constructor(
    readonly container: string,
    readonly id: string,
    options?: ErrorOptions,
  ) {
    super(`${container}/${id} was not found`, options);
    this.name = "NotFoundError";
  }
}

/** A create hit an existing id (409). */
export class ConflictError extends StorageError {
  readonly code = STORAGE_ERROR_CODES.conflict;
  readonly status = 409;
  constructor(
    readonly container: string,
    readonly id: string,
    options?: ErrorOptions,
  ) {
    super(`${container}/${id} already exists`, options);
    this.name = "ConflictError";
  }
}

/** A conditional write lost a race: the ETag given is no longer current (412). */
export class ConcurrencyError extends StorageError {
  readonly code = STORAGE_ERROR_CODES.concurrency;
  readonly status = 412;
  constructor(
    readonly container: string,
    readonly id: string,
    options?: ErrorOptions,
  ) {
    super(`${container}/${id} was changed by someone else`, options);
    this.name = "ConcurrencyError";
  }
}

/**
 * A storage call did not finish within its deadline (src/storage/cosmos.ts). Whether a write was
 * applied is unknown: the person is asked to try again, with every typed value kept.
 */
export class StorageTimeoutError extends StorageError {
  readonly code = STORAGE_ERROR_CODES.timeout;
  readonly status = 408;
  constructor(
    readonly deadlineMs: number,
    options?: ErrorOptions,
  ) {
    super(`storage call took more than ${deadlineMs} ms`, options);
    this.name = "StorageTimeoutError";
  }
}

/** The status code of an error thrown by @azure/cosmos (ErrorResponse.code), if any. */
export function cosmosStatus(err: unknown): number | undefined {
  if (typeof err === "object" && err !== null && "code" in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === "number" ? code : undefined;
  }
  return undefined;
}

/** Turns a Cosmos 404/409/412 into our error (keeping the original as `cause`); other errors pass through. */
export function toStorageError(err: unknown, container: string, id: string): unknown {
  switch (cosmosStatus(err)) {
    case 404:
      return new NotFoundError(container, id, { cause: err });
    case 409:
      return new ConflictError(container, id, { cause: err });
    case 412:
      return new ConcurrencyError(container, id, { cause: err });
    default:
      return err;
  }
}
