import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, serializeError } from "../../src/log.ts";

describe("serializeError", () => {
  it("should keep type, message, code and status only: no stack, no other properties", () => {
    const err = Object.assign(new Error("boom"), { code: "E_X", statusCode: 503, body: { text: "svar" } });
    expect(serializeError(err)).toEqual({ type: "Error", message: "boom", code: "E_X", statusCode: 503 });
  });

  it("should follow causes and aggregate errors the same way", () => {
    const inner = new TypeError("inner");
    const err = new AggregateError([inner], "outer", { cause: new RangeError("why") });
    const out = serializeError(err);
    expect(JSON.stringify(out)).not.toContain("at ");
    expect(out).toEqual({
      type: "AggregateError",
      message: "outer",
      cause: { type: "RangeError", message: "why" },
      errors: [{ type: "TypeError", message: "inner" }],
    });
  });
});

describe("createLogger", () => {
  it("should write one line per error without a stack, whether the error is the first argument or err", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(
          ...String(chunk)
            .split("\n")
            .filter((l) => l !== ""),
        );
        done();
      },
    });
    const log = createLogger("info", sink);
    log.error(new Error("first"), "as first argument");
    log.error({ err: new Error("second") }, "as err");
    log.child({ reportId: "r" }).warn({ err: new Error("third") }, "from a child");
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const entry = JSON.parse(line) as { err: Record<string, unknown> };
      expect(entry.err.stack).toBeUndefined();
      expect(entry.err.type).toBe("Error");
    }
  });
});
