import { describe, expect, it } from "vitest";
import { parseImport } from "../../../src/rounds/import.ts";
import { csv, row } from "./fixtures.ts";

/** The fixture CSV with the optional allocation columns added. */
function withGrant(cells: [string, string][]): string {
  const base = csv([row()]).split(/\r?\n/);
  const sep = base[0]?.includes(";") ? ";" : ",";
  return `${base[0]}${sep}tilskudd_eiere${sep}tilskudd_uh\n${cells.map((c, i) => `${base[1]}${sep}${c[0]}${sep}${c[1]}`.replace(/2024\/1234/, `2024/12${34 + i}`)).join("\n")}\n`;
}

describe("import: the allocation columns (optional)", () => {
  it("should read krone amounts onto the tiltak", () => {
    const result = parseImport("r.csv", withGrant([["400 000", "120000 kr"]]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.tiltak[0]?.tiltak.grant).toEqual({ owners: 400_000, uh: 120_000 });
  });

  it("should leave the grant out when the cells are empty or the columns absent", () => {
    const empty = parseImport("r.csv", withGrant([["", ""]]));
    expect(empty.ok && empty.value.tiltak[0]?.tiltak.grant).toBeUndefined();
    const absent = parseImport("r.csv", csv([row()]));
    expect(absent.ok && absent.value.tiltak[0]?.tiltak.grant).toBeUndefined();
  });

  it("should refuse an amount that is not whole kroner, naming the column", () => {
    const result = parseImport("r.csv", withGrant([["mye", "12,5"]]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join("\n")).toContain("«tilskudd_eiere»: «mye» er ikke et gyldig kronebeløp");
      expect(result.errors.join("\n")).toContain("«tilskudd_uh»");
    }
  });
});
