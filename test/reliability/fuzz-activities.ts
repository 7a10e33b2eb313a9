/**
 * The fuzz's random activities, seeded so that a run can be replayed. Person-typed text carries a
 * marker so the checks (fuzz-checks.ts) can find it again in the cards the bot shows.
 */
import { randomUUID } from "node:crypto";
import { Verb } from "../../cards/verbs.ts";
import { baseActivity, type ChatUser } from "../../scripts/bench-support/activities.ts";
import { inputIdsOf } from "../../src/questionnaire/input-ids.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { HOSTILE_PERSON_TEXTS } from "../support/person-text-check.ts";
import { HEAVY_FILLS, INVISIBLE_ONLY, ODD_IDS, PUNCTUATION_RUNS } from "./fuzz-families.ts";
import { form2024 } from "./support.ts";

/** mulberry32: small, fast, seedable. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ALEX = { id: "user-id-0", aadObjectId: "00000000-0000-0000-0000-0000000000020" };
export const MEGAN = { id: "user-id-1", aadObjectId: "00000000-0000-0000-0000-0000000000021" };
export const REPORTS = [
  { roundId: DEMO_ROUND_ID, reportId: "t-salten-lesing" },
  { roundId: DEMO_ROUND_ID, reportId: "t-salten-vurdering" },
  { roundId: DEMO_ROUND_ID, reportId: "t-helgeland-inkludering" },
];

/** Person-typed text carries a marker, so the cards that show it can be checked for escaping. */
export const MARK = /Zq\d{5}/g;
export const END = "Zz";
const MARKDOWN_BITS = [
  "**fet**",
  "_kursiv_",
  "<b>html</b>",
  "<script>alert(1)</script>",
  "[lenke](http://evil.example)",
  "![bilde](http://x/y.png)",
  "# Overskrift",
  "- punkt",
  "1. nummer",
  "`kode`",
  "> sitat",
  "~~strek~~",
  "| a | b |",
  "\\*allerede\\*",
  "{{mal}}",
  `\${root}`,
  "&lt;&amp;",
  "\n\n- linje",
  // What the attack run saw escaped in cards (issue 14 item 9): must show literally, in TextRuns.
  ...HOSTILE_PERSON_TEXTS,
];
const UNICODE_BITS = [
  "æøå ÆØÅ",
  "😀👩‍👩‍👧",
  "مرحبا",
  "\u200b\u200d",
  "e\u0301",
  "\u202eabc",
  "𝔘𝔫𝔦",
  "\ud800",
  "\u0000",
  "\uffff",
];
const COMMANDS = [
  "hei",
  "Hei!",
  "start",
  "status",
  "fortsett",
  "hjelp",
  "?",
  "rapporter",
  "<at>Bot</at> hei",
  "meny",
  "",
];

/** [body, content-type, category] of one request. */
export type FuzzRequest = [string, string, string];

/**
 * Random requests: 7% malformed bodies, 33% messages, 5% Action.Submit messages, 40% card actions
 * (adaptiveCard/action invokes, known and unknown verbs, good and broken data), 5% other invokes and
 * 10% other activity types, with fields dropped or of the wrong type now and then.
 */
export function fuzzGenerator(opts: {
  seed: number;
  serviceUrl: string;
  /** The stored revision of a report, so some saves are current and get written. */
  currentRevision: (roundId: string, reportId: string) => Promise<number | undefined>;
}): () => Promise<FuzzRequest> {
  const { serviceUrl, currentRevision } = opts;
  const rnd = prng(opts.seed);
  const chance = (p: number) => rnd() < p;
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  let markCount = 0;

  const marked = (body: string) => `Zq${String(markCount++ % 100_000).padStart(5, "0")} ${body} ${END}`;
  const markdown = () => marked(Array.from({ length: 1 + int(3) }, () => pick(MARKDOWN_BITS)).join(" "));
  const garbage = (): unknown =>
    pick<() => unknown>([
      () => int(1000) - 500,
      () => rnd() * 1e12,
      () => null,
      () => true,
      () => [],
      () => [1, "a", null],
      () => ({}),
      () => ({ nested: { deep: [{ x: "y" }] } }),
      () => "x".repeat(int(20_000)),
      () => pick(UNICODE_BITS),
      () => markdown(),
      () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
    ])();
  const text = (): unknown =>
    pick<() => unknown>([
      () => pick(COMMANDS),
      () => pick(COMMANDS).toUpperCase(),
      () => markdown(),
      () => `${pick(UNICODE_BITS)} ${markdown()}`,
      () => (chance(0.5) ? "a".repeat(10_000 + int(200_000)) : pick(PUNCTUATION_RUNS)[1]),
      () => " \t\n ",
      () => garbage(),
    ])();
  const user = (): ChatUser => {
    const name = chance(0.5)
      ? marked(pick(MARKDOWN_BITS))
      : pick(["Alex Wilber", "", "Megan", pick(UNICODE_BITS)]);
    const who = chance(0.45)
      ? ALEX
      : chance(0.3)
        ? MEGAN
        : { id: `29:fuzz-${int(300)}`, aadObjectId: `fuzz-aad-${int(300)}` };
    return { ...who, name, ...(chance(0.05) ? { tenantId: randomUUID() } : {}) };
  };
  /** Inputs of a section as a card could send them, or not. */
  const inputs = (sectionIndex: number): Record<string, unknown> => {
    const section = form2024.sections[sectionIndex];
    const out: Record<string, unknown> = {};
    if (section === undefined) return out;
    for (const q of section.questions) {
      for (const id of inputIdsOf(q)) {
        if (chance(0.2)) continue;
        out[id] = pick<() => unknown>([
          () => markdown(),
          () => markdown(),
          () => String(int(100)),
          () => pick(["0", "1", "0,1", "2,0,1", "true", "false", "Vår", "2024", "912 34 567", "a@b.no"]),
          () => "9".repeat(int(30)),
          () => pick(INVISIBLE_ONLY),
          () => pick(HEAVY_FILLS)[1].repeat(int(4_000)),
          () => garbage(),
        ])();
      }
    }
    if (chance(0.05)) out[pick(["q99", "x", "__proto__", "verb", "q01__other"])] = garbage();
    return out;
  };
  const verbData = async (verb: string): Promise<Record<string, unknown>> => {
    const ref = { ...pick(REPORTS) };
    if (chance(0.1)) ref.reportId = pick(["nope", "", "../../etc", "x".repeat(300), markdown(), ...ODD_IDS]);
    const current = await currentRevision(ref.roundId, ref.reportId);
    const revision = chance(0.7) ? (current ?? 0) : garbage();
    const sectionIndex = int(form2024.sections.length + 1);
    const data: Record<string, unknown> = { ...ref };
    switch (verb) {
      case Verb.SaveSection:
        Object.assign(data, {
          sectionId: chance(0.9) ? (form2024.sections[sectionIndex]?.id ?? "s99") : garbage(),
          revision,
          nav: chance(0.85) ? pick(["next", "back", "pause", "review"]) : garbage(),
          ...(chance(0.3) ? { base: chance(0.5) ? "q01=abc;q02=def" : garbage() } : {}),
          ...inputs(sectionIndex),
        });
        break;
      case Verb.OpenReport:
        if (chance(0.5)) data.section = chance(0.7) ? int(10) : garbage();
        break;
      case Verb.Submit:
      case Verb.Reopen:
        data.revision = revision;
        if (verb === Verb.Reopen) data.reopenReason = text();
        break;
      case Verb.InviteCoEditor:
        data.inviteEmail = chance(0.5) ? `${markCount++}fuzz@example.com` : text();
        break;
      case Verb.RemoveCoEditor:
        data.email = chance(0.5) ? "alexw@example.com" : text();
        break;
    }
    // Wrong types and missing fields.
    for (const key of Object.keys(data)) {
      const roll = rnd();
      if (roll < 0.03) delete data[key];
      else if (roll < 0.06) data[key] = garbage();
    }
    return data;
  };

  const envelope = (u: ChatUser) => {
    const a: Record<string, unknown> = baseActivity(serviceUrl, u);
    for (const field of [
      "from",
      "conversation",
      "recipient",
      "serviceUrl",
      "channelId",
      "id",
      "channelData",
      "timestamp",
    ]) {
      // Without a usable serviceUrl every outbound call of the turn goes to botbuilder's default
      // (api.botframework.com) and waits in its retry policy for 4-10 s: keep those rare.
      const p = field === "serviceUrl" ? 0.2 : 1;
      if (chance(0.015 * p)) delete a[field];
      else if (chance(0.01 * p)) a[field] = garbage();
    }
    return a;
  };

  /** One random request: [body, content-type, category]. */
  const next = async (): Promise<[string, string, string]> => {
    const r = rnd();
    const json = (o: unknown, category: string): [string, string, string] => [
      JSON.stringify(o),
      "application/json",
      category,
    ];
    if (r < 0.07) {
      return pick<() => [string, string, string]>([
        () => ["", "application/json", "body:empty"],
        () => ["{", "application/json", "body:broken-json"],
        () => ["[]", "application/json", "body:array"],
        () => ["null", "application/json", "body:null"],
        () => ["42", "application/json", "body:number"],
        () => ['"hei"', "application/json", "body:string"],
        () => ["{}", "application/json", "body:no-type"],
        () => [
          JSON.stringify({ ...baseActivity(serviceUrl, user()), type: garbage() }),
          "application/json",
          "body:type-not-string",
        ],
        () => ["<activity/>", "application/xml", "body:xml"],
        () => ["type=message&text=hei", "application/x-www-form-urlencoded", "body:form"],
        () => [`{"type":"message","text":"${"x".repeat(1_100_000)}"}`, "application/json", "body:too-large"],
      ])();
    }
    const u = user();
    if (r < 0.4) return json({ ...envelope(u), type: "message", text: text() }, "message");
    if (r < 0.45) {
      const verb = chance(0.8) ? pick(Object.values(Verb)) : String(garbage());
      return json(
        { ...envelope(u), type: "message", value: { verb, ...(await verbData(verb)) } },
        "message:submit",
      );
    }
    if (r < 0.85) {
      const verb = chance(0.85) ? pick(Object.values(Verb)) : garbage();
      const data = typeof verb === "string" ? await verbData(verb) : garbage();
      const value = chance(0.95)
        ? { action: { type: chance(0.95) ? "Action.Execute" : garbage(), verb, data } }
        : garbage();
      return json({ ...envelope(u), type: "invoke", name: "adaptiveCard/action", value }, "invoke:card");
    }
    if (r < 0.9) {
      const name = pick([
        "composeExtension/query",
        "task/fetch",
        "signin/verifyState",
        "config/fetch",
        "fileConsent/invoke",
        "healthCheck",
        "",
        String(garbage()),
      ]);
      return json({ ...envelope(u), type: "invoke", name, value: garbage() }, "invoke:other");
    }
    const type = pick([
      "conversationUpdate",
      "installationUpdate",
      "messageReaction",
      "typing",
      "event",
      "endOfConversation",
      "trace",
      "handoff",
      "messageUpdate",
      "messageDelete",
      "",
      "whatever",
    ]);
    return json(
      {
        ...envelope(u),
        type,
        ...(chance(0.5) ? { action: pick(["add", "remove", "add-upgrade", garbage()]) } : {}),
        ...(chance(0.5) ? { membersAdded: chance(0.5) ? [{ id: u.id, name: u.name }] : garbage() } : {}),
        ...(chance(0.3) ? { name: text(), value: garbage() } : {}),
      },
      `activity:${type || "empty"}`,
    );
  };

  return next;
}
