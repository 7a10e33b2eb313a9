/**
 * The manifest's command lists name every command the bot understands: each personal-scope title
 * parses (bot/handlers/commands.ts) and each team-scope title parses (bot/handlers/channel.ts) to a
 * command, and together they cover every command kind. The Record types make a new command kind a
 * type error here until it is listed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ChannelCommand, channelCommandOf } from "../../bot/handlers/channel.ts";
import { type Command, commandOf } from "../../bot/handlers/commands.ts";

const template = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "manifest", "manifest.template.json"), "utf8"),
) as { bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }> };
const titles = (scope: string) =>
  template.bots[0]?.commandLists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];

/** "unknown" is what the bot answers when it did not understand: not a command to list. */
const PERSONAL: Record<Exclude<Command, "unknown">, true> = {
  start: true,
  continue: true,
  status: true,
  help: true,
  reports: true,
  deadline: true,
  contact: true,
  missing: true,
  "lang-nb": true,
  "lang-nn": true,
};
const TEAM: Record<ChannelCommand, true> = {
  bind: true,
  status: true,
  overview: true,
  export: true,
  help: true,
};

describe("manifest command lists", () => {
  it("should list every personal-chat command, each parsed to a different command", () => {
    const parsed = titles("personal").map(commandOf);
    expect(new Set(parsed).size).toBe(parsed.length);
    expect([...parsed].sort()).toEqual(Object.keys(PERSONAL).sort());
  });

  it("should list every channel command, each parsed to a different command", () => {
    const parsed = titles("team").map(channelCommandOf);
    expect(new Set(parsed).size).toBe(parsed.length);
    expect([...parsed].sort()).toEqual(Object.keys(TEAM).sort());
  });

  it("should understand every nynorsk command title (nn-no.json) as the same command as its bokmål title", () => {
    const nn = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "..", "manifest", "nn-no.json"), "utf8"),
    ) as Record<string, string>;
    const nnTitles = (list: number, count: number) =>
      Array.from({ length: count }, (_, i) => nn[`bots[0].commandLists[${list}].commands[${i}].title`] ?? "");
    const personal = titles("personal");
    expect(nnTitles(0, personal.length).map(commandOf)).toEqual(personal.map(commandOf));
    const team = titles("team");
    expect(nnTitles(1, team.length).map(channelCommandOf)).toEqual(team.map(channelCommandOf));
    expect(nnTitles(0, personal.length)).toContain("hald fram");
  });

  it("should notice a missing command (the check can fail)", () => {
    const parsed = titles("team")
      .filter((t) => t !== "bruk denne kanalen")
      .map(channelCommandOf);
    expect([...parsed].sort()).not.toEqual(Object.keys(TEAM).sort());
  });
});
