/**
 * Which whole-bulk failures group commit resolves by reading back (src/storage/bulk-resolution.ts).
 * The errors are the SDK's own classes where it exports them; a connection-level failure is the shape
 * @azure/core-rest-pipeline gives (a RestError with Node's errno code and no status; seen against the
 * fault proxy's `drop`, see report-group-commit.int.test.ts).
 */
import { ErrorResponse, TimeoutError } from "@azure/cosmos";
import { describe, expect, it } from "vitest";
import { outcomeUnknown } from "../../../src/storage/bulk-resolution.ts";
import { StorageTimeoutError } from "../../../src/storage/errors.ts";

function status(code: number): ErrorResponse {
  const err = new ErrorResponse(`HTTP ${code}`);
  err.code = code;
  return err;
}

function restError(fields: { code?: string; statusCode?: number }) {
  return Object.assign(new Error("socket hang up"), { name: "RestError", ...fields });
}

describe("outcomeUnknown", () => {
  it.each([
    ["a connection reset (RestError ECONNRESET, no status)", restError({ code: "ECONNRESET" })],
    ["a RestError without code or status", restError({})],
    ["a Node socket error (EPIPE)", Object.assign(new Error("write EPIPE"), { code: "EPIPE" })],
    ["503 ServiceUnavailable", status(503)],
    ["408 RequestTimeout", status(408)],
    ["the SDK's request timeout", new TimeoutError()],
  ])("should resolve %s by reading back", (_name, err) => {
    expect(outcomeUnknown(err)).toBe(true);
  });

  it.each([
    ["our storage deadline", new StorageTimeoutError(8_000)],
    [
      "our storage deadline over an aborted reset",
      new StorageTimeoutError(8_000, { cause: restError({ code: "ECONNRESET" }) }),
    ],
    ["a 412", status(412)],
    ["a 500", status(500)],
    ["a 400", status(400)],
    ["a RestError with a status", restError({ statusCode: 502 })],
    ["a bug of ours (TypeError)", new TypeError("x is undefined")],
    ["a plain Error", new Error("Cannot run bulk request with more than 100 operations per partition")],
    ["not an error", "ECONNRESET"],
  ])("should not resolve %s (every caller gets it)", (_name, err) => {
    expect(outcomeUnknown(err)).toBe(false);
  });
});
