import { describe, expect, it } from "vitest";
import { cachedDeadlines } from "../../../src/rounds/deadlines.ts";
import type { RoundDoc } from "../../../src/rounds/types.ts";

describe("cachedDeadlines", () => {
  it("should read a round once per time-to-live and then again", async () => {
    let now = Date.parse("2026-12-01T09:00:00Z");
    const reads: string[] = [];
    const rounds = {
      get: async (id: string) => {
        reads.push(id);
        return id === "r1" ? ({ id, deadline: "2027-01-15T22:59:00.000Z" } as RoundDoc) : undefined;
      },
    };
    const deadlineOf = cachedDeadlines(rounds, () => new Date(now), 60_000);
    expect(await deadlineOf("r1")).toBe("2027-01-15T22:59:00.000Z");
    expect(await deadlineOf("r1")).toBe("2027-01-15T22:59:00.000Z");
    expect(await deadlineOf("nope")).toBeUndefined();
    expect(await deadlineOf("nope")).toBeUndefined();
    expect(reads).toEqual(["r1", "nope"]);
    now += 61_000;
    await deadlineOf("r1");
    expect(reads).toEqual(["r1", "nope", "r1"]);
  });
});
