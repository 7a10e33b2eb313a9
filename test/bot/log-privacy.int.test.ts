/**
 * No personal data in the logs. The real bot (bot/index.ts) runs as a child process with LOG_LEVEL=trace
 * against a local Cosmos server (behind a fault proxy) and a loopback Bot Connector. Alex fills in and
 * submits a whole 2024/2025 report (names, e-mails, phone numbers, long texts), with bad values first,
 * invites a co-editor, sends a tampered payload and an unknown verb; then Teams refuses a reply and
 * Cosmos refuses a write, so errors with `err` objects are logged too. Every name, e-mail, phone number
 * (in any format) and answer text is then looked for in everything the process wrote.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadForms } from "../../src/questionnaire/form.ts";
import { inputId } from "../../src/questionnaire/input-ids.ts";
import { type Form, OTHER_OPTION_ID, type Question } from "../../src/questionnaire/types.ts";
import { DEMO_ROUND_ID, PLAYGROUND_USER } from "../../src/rounds/demo-seed.ts";
import { type CosmosStore, openCosmos } from "../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { plan2024 } from "../e2e/report-plans.ts";
import { activityBase, type TestUser } from "../support/bot-harness.ts";
import { type BotProcess, startBot } from "../support/bot-process.ts";
import { type CosmosFaultProxy, startCosmosFaultProxy } from "../support/cosmos-fault-proxy.ts";
import type { Fill } from "../support/form-filler.ts";
import { type LoopbackConnector, startLoopbackConnector } from "../support/loopback-connector.ts";
import { freePort } from "../support/ports.ts";

const DATABASE = "log-privacy";
const form = loadForms().get("dekom-2024-2025") as Form;
const alex: TestUser = {
  id: "user-id-0",
  aadObjectId: PLAYGROUND_USER.aadObjectId,
  name: PLAYGROUND_USER.name,
};
const LESING = { roundId: DEMO_ROUND_ID, reportId: "t-salten-lesing" };
const VURDERING = { roundId: DEMO_ROUND_ID, reportId: "t-salten-vurdering" };

const LONG_1 =
  "Skolene i Saltdal og Bodø har arbeidet med lesestrategier i alle fag gjennom hele året. ".repeat(8) +
  "Vi har også hatt veiledning fra lektor Ingrid Solbakken, som kan nås på 48 05 12 34.";
const LONG_2 =
  "Partnerskapet ønsker å videreføre samarbeidet med Nord universitet om vurderingspraksis. ".repeat(6) +
  "Spørsmål kan sendes til Kari Nordmann, kari.nordmann@salten.kommune.no, tlf +47 915 55 432.";
const INVITED = "Ola.Nordmann@Bodo.Kommune.no";

/** The plan's values, with longer texts full of personal details in the free-text answers. */
const plan: Record<string, { good: Fill; bad?: Fill }> = {
  ...plan2024,
  q02: { good: { text: "Saltens skolekontor v/ Alex Wilber" } },
  q07: { good: { text: "Privatskolen Nordlys AS ved rektor Hanne Kvitberg" } },
  q24: { good: { text: LONG_1 } },
  q25: { good: { text: LONG_2 } },
};

/** Card inputs for one question from what a person would type or tick. */
function raw(q: Question, fill: Fill): Record<string, string> {
  const out: Record<string, string> = {};
  // Ticked by the option's text; the card's value is the option's id ("annet" for «Annet»).
  const index = (o: string) =>
    q.type === "yesno"
      ? o === "Ja"
        ? "true"
        : "false"
      : o === "Annet"
        ? OTHER_OPTION_ID
        : (q.options?.find((x) => x.text === o)?.id ?? o);
  if (q.type === "choice" || q.type === "multichoice" || q.type === "yesno")
    out[inputId(q.id)] = (fill.options ?? []).map(index).join(",");
  else if (q.type === "season_year") {
    out[inputId(q.id, "season")] = fill.season ?? "";
    out[inputId(q.id, "year")] = fill.year ?? "";
  } else out[inputId(q.id)] = fill.text ?? "";
  if (fill.other !== undefined) out[inputId(q.id, "other")] = fill.other;
  if (fill.comment !== undefined) out[inputId(q.id, "comment")] = fill.comment;
  return out;
}

/** Everything personal the run typed or the bot knows, to be looked for in the log. */
function secrets(): { texts: string[]; phones: string[] } {
  const texts = new Set<string>([
    PLAYGROUND_USER.name,
    ...PLAYGROUND_USER.name.split(" "),
    PLAYGROUND_USER.email,
    "Megan Bowen",
    "meganb@example.com",
    INVITED,
    INVITED.toLowerCase(),
    "Ingrid Solbakken",
    "Hanne Kvitberg",
    "Kari Nordmann",
    "kari.nordmann@salten.kommune.no",
  ]);
  for (const q of form.sections.flatMap((s) => s.questions)) {
    const step = plan[q.id];
    if (step === undefined) continue;
    for (const fill of [step.good, step.bad]) {
      // Numbers and the form's own option texts are not personal; free text is.
      if (fill?.text && !["integer", "amount_nok", "phone"].includes(q.type) && fill.text.length >= 4)
        texts.add(fill.text);
      if (fill?.other) texts.add(fill.other);
      if (fill?.comment) texts.add(fill.comment);
    }
  }
  // Distinctive pieces of long texts, in case one is logged cut short.
  for (const text of [LONG_1, LONG_2, plan2024.q23?.good.text ?? ""])
    for (let i = 0; i + 30 <= text.length; i += 60) texts.add(text.slice(i, i + 30));
  return { texts: [...texts], phones: ["91234567", "92345678", "48051234", "91555432"] };
}

/** A phone number in any common format: 91234567, 912 34 567, 91 23 45 67, +47 912-34-567, 004791234567. */
const phonePattern = (digits: string) =>
  new RegExp(`(?<!\\d)(?:(?:\\+|00)47[\\s.-]?)?${[...digits].join("[\\s.-]?")}(?!\\d)`);

describe("log privacy", () => {
  let cosmos: LocalCosmos;
  let proxy: CosmosFaultProxy;
  let connector: LoopbackConnector;
  let bot: BotProcess;
  let store: CosmosStore;
  let reports: ReportRepo;

  const post = async (activity: object) => {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, text };
  };
  const execute = (verb: string, data: Record<string, unknown>) =>
    post({
      ...activityBase(connector.url, alex),
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
    });
  const revision = async (ref: { roundId: string; reportId: string }) =>
    (await reports.get(ref.roundId, ref.reportId))?.doc.revision ?? -1;

  beforeAll(async () => {
    cosmos = await startLocalCosmos({ port: 0, database: DATABASE });
    proxy = await startCosmosFaultProxy({ target: cosmos.endpoint });
    connector = await startLoopbackConnector();
    store = await openCosmos({ endpoint: cosmos.endpoint, key: cosmos.key, database: DATABASE });
    reports = new ReportRepo(store.containers.reports);
    bot = await startBot({
      port: await freePort(),
      env: {
        LOG_LEVEL: "trace",
        COSMOS_ENDPOINT: proxy.url,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: DATABASE,
        SEED_DEMO: "true",
      },
    });
  });
  afterAll(async () => {
    await bot?.kill();
    store?.dispose();
    await connector?.close();
    await proxy?.close();
    await cosmos?.stop();
  });

  it("should log no name, e-mail, phone number or answer text, even for errors", {
    timeout: 120_000,
  }, async () => {
    expect((await post({ ...activityBase(connector.url, alex), type: "message", text: "hei" })).status).toBe(
      200,
    );

    // The whole report, bad values first where the plan has them.
    for (const section of form.sections) {
      const steps = section.questions.map((q) => ({ q, step: plan[q.id] }));
      const send = async (pick: "bad" | "good") => {
        const inputs = Object.assign(
          {},
          ...steps.map(({ q, step }) => raw(q, (pick === "bad" && step?.bad) || (step?.good ?? {}))),
        );
        return execute("section.save", {
          ...LESING,
          sectionId: section.id,
          revision: await revision(LESING),
          nav: "next",
          ...inputs,
        });
      };
      if (steps.some(({ step }) => step?.bad !== undefined))
        expect((await send("bad")).text).toContain("Noen svar må rettes");
      const saved = await send("good");
      expect(saved.status).toBe(200);
      expect(saved.text).not.toContain("Noen svar må rettes");
    }
    const submitted = await execute("report.submit", { ...LESING, revision: await revision(LESING) });
    expect(submitted.text).toContain("Referanse");
    expect((await reports.get(LESING.roundId, LESING.reportId))?.doc.status).toBe("submitted");

    // A co-editor by e-mail, a wrong e-mail, a tampered payload, an unknown verb.
    expect((await execute("coeditors.invite", { ...VURDERING, inviteEmail: INVITED })).text).toContain(
      INVITED.toLowerCase(),
    );
    await execute("coeditors.invite", { ...VURDERING, inviteEmail: "Kari Nordmann <kari.nordmann@salten" });
    await execute("section.save", {
      ...VURDERING,
      sectionId: "s1",
      revision: 1,
      nav: "next",
      q01: "Alex Wilber",
      q99: "Hanne Kvitberg",
    });
    await execute("no.such.verb", { ...LESING, q01: "Alex Wilber", note: LONG_2 });

    // Teams refuses to update and to send the review card (full of answers): botbuilder errors are logged.
    connector.setFailure(`personal-${alex.id}`, { status: 403, code: "MessageWritesBlocked" });
    await post({
      ...activityBase(connector.url, alex),
      type: "message",
      replyToId: "act-1",
      value: { verb: "report.open", ...LESING },
    });
    connector.setFailure(`personal-${alex.id}`, undefined);

    // Cosmos refuses a write of a section with the contact's name and phone: the Cosmos error is logged.
    proxy.setFaults([{ kinds: ["write"], container: "reports", fault: { type: "unavailable" }, count: 1 }]);
    const failed = await execute("section.save", {
      ...VURDERING,
      sectionId: "s1",
      revision: await revision(VURDERING),
      nav: "next",
      ...raw(form.sections[0]?.questions[0] as Question, { text: "Alex Wilber" }),
      ...raw(form.sections[0]?.questions[2] as Question, { text: "+47 912 34 567" }),
    });
    expect(failed.text).toContain("lagre");
    proxy.clearFaults();

    await bot.stop();
    const log = bot.output();
    // The paths above were really logged (so this test looks at errors too).
    for (const msg of [
      "report submitted",
      "co-editor invited",
      "refused a card payload",
      "saving a section failed",
    ])
      expect(log).toContain(msg);
    expect(log).toMatch(/"err":\{/);
    expect(log).toMatch(/unhandled turn error|turn failed/);

    const { texts, phones } = secrets();
    const lower = log.toLowerCase();
    const leaks = [
      ...texts.filter((t) => lower.includes(t.toLowerCase())),
      ...phones.filter((p) => phonePattern(p).test(log)),
    ];
    if (leaks.length > 0) {
      const where = leaks.map((l) => {
        const at = lower.indexOf(l.toLowerCase());
        return `${JSON.stringify(l)} in: ${at >= 0 ? log.slice(Math.max(0, at - 200), at + 100) : "(phone pattern)"}`;
      });
      expect.fail(`personal data in the log:\n${where.join("\n---\n")}`);
    }
  });
});
