/**
 * The README's configuration table lists exactly the variables the config schema (src/config.ts)
 * reads, each once, and its defaults agree with the schema's where the table names a plain value.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, loadConfig } from "../../src/config.ts";

const README = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");

/** Rows of the table under "## Configuration": variable name -> default column text. */
function configTable(readme: string): Array<{ name: string; default: string }> {
  const start = readme.indexOf("## Configuration");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return section
    .split("\n")
    .map((line) => /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*([^|]*?)\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1] as string, default: m[2] as string }));
}

describe("README configuration table", () => {
  const rows = configTable(README);

  it("should list every variable of the config schema exactly once, and nothing else", () => {
    const names = rows.map((r) => r.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect([...names].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("should notice a variable missing from the table (the check can fail)", () => {
    const without = README.replace(/^\| `PLAYGROUND_PORT`.*\n/m, "");
    expect(without).not.toBe(README);
    expect(configTable(without).map((r) => r.name)).not.toContain("PLAYGROUND_PORT");
    expect(CONFIG_VARIABLES).toContain("PLAYGROUND_PORT");
  });

  it("should give the schema's defaults for ports, levels and names", () => {
    const c = loadConfig({});
    const dflt = (name: string) => rows.find((r) => r.name === name)?.default;
    expect(dflt("PORT")).toBe(String(c.port));
    expect(dflt("PLAYGROUND_PORT")).toBe(String(c.playgroundPort));
    expect(dflt("LOG_LEVEL")).toBe(c.logLevel);
    expect(dflt("COSMOS_DATABASE")).toBe(c.cosmos.database);
    expect(dflt("LOCAL_DATA_DIR")).toBe(c.cosmos.localDataDir);
    expect(dflt("MICROSOFT_APP_TYPE")).toBe(c.bot.appType);
    expect(dflt("NODE_ENV")).toBe(c.env);
    expect(dflt("SCHEDULES")).toBe(c.schedules ? "on" : "off");
    expect(dflt("REACH_CONTACTS")).toBe(c.reach.enabled ? "on" : "off");
    expect(dflt("GRAPH_BASE_URL")).toBe(c.reach.graphBaseUrl);
    expect(dflt("TEAMS_SERVICE_URL")).toBe(c.reach.serviceUrl);
  });
});
