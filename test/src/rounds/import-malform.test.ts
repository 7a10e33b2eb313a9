/** The import's written-standard columns (optional): «målform» per partnership, «runde_målform» for staff texts. */
import { describe, expect, it } from "vitest";
import { parseImport } from "../../../src/rounds/import.ts";
import { csv, row } from "./fixtures.ts";

/** The fixture CSV with extra columns added. */
function withColumns(names: string[], values: string[]): string {
  const base = csv([row()]).split(/\r?\n/);
  const sep = base[0]?.includes(";") ? ";" : ",";
  return `${base[0]}${sep}${names.join(sep)}\n${base[1]}${sep}${values.join(sep)}\n`;
}

describe("import: målform", () => {
  it("should read the partnership's målform and the round's, in either spelling of the column", () => {
    for (const [names, values] of [
      [
        ["målform", "runde_målform"],
        ["nn", "nynorsk"],
      ],
      [
        ["malform", "runde_malform"],
        ["Nynorsk", "nn"],
      ],
    ] as const) {
      const result = parseImport("r.csv", withColumns([...names], [...values]));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) {
        expect(result.value.tiltak[0]?.partnership.malform).toBe("nn");
        expect(result.value.round.malform).toBe("nn");
      }
    }
  });

  it("should leave målform out when the cell is empty or the column absent (bokmål by default)", () => {
    const empty = parseImport("r.csv", withColumns(["målform"], [""]));
    expect(empty.ok && empty.value.tiltak[0]?.partnership.malform).toBeUndefined();
    const absent = parseImport("r.csv", csv([row()]));
    expect(absent.ok && absent.value.tiltak[0]?.partnership.malform).toBeUndefined();
    expect(absent.ok && absent.value.round.malform).toBeUndefined();
  });

  it("should refuse a value that is not nb or nn, naming the column", () => {
    const result = parseImport("r.csv", withColumns(["målform"], ["samisk"]));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.join("\n")).toContain("«samisk» er ikke nb eller nn (bokmål eller nynorsk).");
  });
});
