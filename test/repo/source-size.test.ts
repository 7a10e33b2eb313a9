/**
 * House rule: a source file under bot/, cards/ or src/ holds one concern and stays within 300 lines
 * (counted as `wc -l` does). Card templates and form definitions (*.json) are data, not counted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => relative(ROOT, join(ROOT, dir, name)).replaceAll("\\", "/"))
    .sort();
}

function lineCount(file: string): number {
  return readFileSync(join(ROOT, file), "utf8").split("\n").length - 1;
}

describe("source file size", () => {
  const files = ["bot", "cards", "src"].flatMap(sourceFiles);

  it("finds the source files", () => {
    expect(files).toContain("bot/index.ts");
    expect(files).toContain("cards/verbs.ts");
    expect(files).toContain("src/app.ts");
  });

  it(`keeps every file under bot/, cards/, src/ within ${MAX_LINES} lines`, () => {
    const over = files
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(over).toEqual([]);
  });
});
