import { describe, expect, it } from "vitest";
import { COMMAND_TEXT_MAX_LENGTH, commandWords } from "../../../src/text/command-text.ts";

/** CPU time (user + system, ms) of running `fn` once. */
function cpuMs(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

describe("commandWords", () => {
  it.each([
    ["hei", "hei"],
    ["  Hei!!! ", "hei"],
    ["Fortsett.", "fortsett"],
    ["<at>Dekom</at> status", "status"],
    ["<at>Dekom</at> <p>Bruk   denne\nkanalen?</p>", "bruk denne kanalen"],
    ["<AT>Dekom rapport</AT> oversikt", "oversikt"],
    ["hjelp ?", "hjelp"],
    ["a < b", "a < b"],
    ["\u200bstatus\u202e", "status"],
  ])("should read %j as %j", (text, words) => {
    expect(commandWords(text)).toBe(words);
  });

  it("should give '' for a message longer than any command, and for a non-string", () => {
    expect(commandWords(`status ${"x".repeat(COMMAND_TEXT_MAX_LENGTH)}`)).toBe("");
    expect(commandWords(undefined)).toBe("");
    expect(commandWords({ text: "hei" })).toBe("");
  });

  // The attack: 28,000 "!" and one letter froze the event loop for 0.8 s in /[!.?]+$/; "<<<<" did the
  // same in /<[^>]*>/g. Each family at 200,000 characters, and at the longest length still parsed.
  const hostile: [string, string][] = [
    ["punctuation then a letter", `${"!".repeat(199_999)}a`],
    ["open brackets", "<".repeat(200_000)],
    ["unclosed mention", `<at>${"x".repeat(199_996)}`],
    ["dots and question marks", ".?".repeat(100_000)],
  ];
  it.each(hostile)("should parse 200,000 characters of %s in under 50 ms of CPU", (_name, text) => {
    expect(cpuMs(() => commandWords(text))).toBeLessThan(50);
    const longest = text.slice(0, COMMAND_TEXT_MAX_LENGTH);
    expect(cpuMs(() => commandWords(longest))).toBeLessThan(50);
  });
});
