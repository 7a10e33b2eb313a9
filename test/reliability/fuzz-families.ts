/**
 * The hostile input families an outside attack run got through (issue 14), as data: the targeted
 * suite (fuzz-hostile.int.test.ts) sends each of them, and the random fuzz (fuzz-activities.ts) mixes
 * them into its messages, answers and ids, so they stay fixed.
 */

/**
 * Long punctuation and bracket runs in a chat message: quadratic for `/[!.?]+$/` and `/<[^>]*>/g`
 * (28,000 "!" and a letter froze the event loop for 0.8 s, 150,000 for 27 s).
 */
export const PUNCTUATION_RUNS: readonly [string, string][] = [
  ["28,000 '!' and a letter", `${"!".repeat(28_000)}a`],
  ["150,000 '!' and a letter", `${"!".repeat(150_000)}a`],
  ["200,000 '!'", "!".repeat(200_000)],
  ["199,999 '.' and a letter", `${".".repeat(199_999)}a`],
  ["200,000 '?!.' mixed", "?!.".repeat(66_667)],
  ["200,000 '<'", "<".repeat(200_000)],
  ["an unclosed mention of 200,000", `<at>${"x".repeat(199_996)}`],
  ["100,000 '<>' pairs", "<>".repeat(100_000)],
  ["200,000 spaces and a letter", `${" ".repeat(199_999)}a`],
  ["hei and 199,997 '!'", `hei${"!".repeat(199_997)}`],
];

/**
 * Answers that show nothing: zero-width and blank-pattern characters, bidi controls, a lone surrogate.
 * Each must count as empty (an "empty" contact name was submitted once).
 */
export const INVISIBLE_ONLY: readonly string[] = [
  "\u200b",
  "\u2060",
  "\u2800",
  "\u3164",
  "\u115f\u1160",
  "\uffa0",
  "\ufeff",
  "\u200b\u200c\u200d",
  "\u202e\u202c",
  "\u2066\u2069",
  "\ud800",
  "\u00ad",
  " \u200b \n\u2800\t\u3164 ",
  "\u2800".repeat(1000),
];

/** Characters that cost the most in a card (4 bytes each as Teams counts it). */
export const HEAVY_FILLS: readonly [string, string][] = [
  ["backslashes", "\\"],
  ["emoji", "😀"],
  ["quotes", '"'],
];

/** Report ids of a shape no stored document can have, in card data. */
export const ODD_IDS: readonly string[] = [
  "a/b",
  "r#1",
  "r?x=1",
  "a\\b",
  "../../dbs",
  "r/../../x",
  "%2F",
  "x".repeat(200),
  "t-salten-lesing/",
  "#",
  // Over the old 200-character schema limit, and empty: «finner ikke» too, not «forstod ikke».
  "x".repeat(201),
  "r/".repeat(5_000),
  "",
];
