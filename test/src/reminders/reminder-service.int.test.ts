/**
 * The reminder service against the real ledger on a local Cosmos server, with a fake Messenger
 * (a plain object: it is our own port, not a repository).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.ts";
import type { Form } from "../../../src/questionnaire/types.ts";
import type { ConversationTarget, Messenger, SendResult } from "../../../src/reminders/messenger.ts";
import { recipientKey } from "../../../src/reminders/recipients.ts";
import { ReminderService, type RunOptions } from "../../../src/reminders/reminder-service.ts";
import type { ReminderMessage } from "../../../src/reminders/types.ts";
import type { Actor, ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { LedgerRepo } from "../../../src/storage/ledger-repo.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { makePerson, makeReport, makeRound, uid } from "../storage/fixtures.ts";

/** 15 January 2026 23:59 Oslo, a Thursday. Stages: d7 Thu 8 Jan, d3 Mon 12, d1 Wed 14, d0 Thu 15, 09:00. */
const DEADLINE = "2026-01-15T22:59:00.000Z";
const D7 = "2026-01-08T08:05:00.000Z";
const D3 = "2026-01-12T08:05:00.000Z";
const D1 = "2026-01-14T08:05:00.000Z";
const D0 = "2026-01-15T08:05:00.000Z";

const FORM: Form = {
  id: "tiny-form",
  title: "Test",
  reportingYear: "2025",
  guidance: [],
  confirmationQuestionId: null,
  periodPairs: [],
  sections: ["Om tiltaket", "Deltakere", "Økonomi"].map((title, i) => ({
    id: `s${i + 1}`,
    title,
    intro: null,
    questions: [
      {
        id: `q${i + 1}`,
        text: `Spørsmål ${i + 1}`,
        help: null,
        type: "text" as const,
        options: null,
        allowOther: false,
        comment: false,
        maxLength: null,
        commentMaxLength: null,
        required: true,
      },
    ],
  })),
};

let server: LocalCosmos;
let store: CosmosStore;
let repos: { rounds: RoundRepo; reports: ReportRepo; people: PeopleRepo; ledger: LedgerRepo };
const log = createLogger("silent");

beforeAll(async () => {
  server = await startLocalCosmos({ database: "reminders-test" });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "reminders-test" });
  repos = {
    rounds: new RoundRepo(store.containers.rounds),
    reports: new ReportRepo(store.containers.reports),
    people: new PeopleRepo(store.containers.people),
    ledger: new LedgerRepo(store.containers.ledger),
  };
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

interface Sent {
  target: ConversationTarget;
  message: ReminderMessage;
}

/** A fake Messenger: records what it sends; `behave` decides the outcome per call. */
function fakeMessenger(
  behave: (target: ConversationTarget, n: number) => SendResult = () => ({ kind: "ok" }),
) {
  const sent: Sent[] = [];
  const calls: ConversationTarget[] = [];
  const messenger: Messenger = {
    async send(target, card) {
      calls.push(target);
      const result = behave(target, calls.length);
      if (result.kind === "ok")
        sent.push({ target, message: (card as { message: ReminderMessage }).message });
      return result;
    },
  };
  // The "card" is the message itself, so tests can read what would be shown.
  const edge = { messenger, buildCard: (message: ReminderMessage) => ({ message }) };
  return { edge, sent, calls };
}

/** A round with `n` draft reports; each contact has a stored 1:1 conversation unless told otherwise. */
async function seedRound(
  n: number,
  opts: { withConversation?: (i: number) => boolean; deadline?: string } = {},
) {
  const roundId = uid("round");
  await repos.rounds.upsert(makeRound({ id: roundId, formId: FORM.id, deadline: opts.deadline ?? DEADLINE }));
  const reports: ReportDoc[] = [];
  for (let i = 0; i < n; i++) {
    const aad = `${roundId}-aad-${i}`;
    const report = makeReport({
      id: `rep-${i}`,
      roundId,
      formId: FORM.id,
      contact: { name: `Kontakt ${i}`, email: `k${i}@example.com`, aadObjectId: aad },
    });
    await repos.reports.upsert(report);
    reports.push(report);
    if (opts.withConversation?.(i) ?? true) {
      await repos.people.upsert(
        makePerson({
          id: aad,
          target: {
            serviceUrl: "http://connector.invalid",
            channelId: "msteams",
            conversationId: `conv-${aad}`,
            tenantId: "tenant-1",
          },
        }),
      );
    }
  }
  return { roundId, reports };
}

function service(at: { now: Date }, extra: { claimLeaseMs?: number; instanceId?: string } = {}) {
  return new ReminderService({
    ...repos,
    forms: new Map([[FORM.id, FORM]]),
    clock: () => at.now,
    log,
    ...extra,
  });
}

const actorOf = (report: ReportDoc): Actor => ({
  id: report.contact.aadObjectId ?? "",
  name: report.contact.name,
});
const fast: RunOptions = { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } };
const only = (roundId: string, extra: RunOptions = {}): RunOptions => ({
  ...fast,
  roundIds: [roundId],
  ...extra,
});

describe("ReminderService.run", () => {
  it("should send the current stage once to the contact of every unsubmitted report", async () => {
    const { roundId, reports } = await seedRound(3);
    const answered = { value: "ja", by: { id: "x", name: "X" }, at: D7, rev: 1 };
    await repos.reports.upsert({ ...(reports[1] as ReportDoc), answers: { q1: answered } });
    await repos.reports.upsert({ ...(reports[2] as ReportDoc), status: "submitted" });
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger();

    const first = await service(clock).run(fake.edge, only(roundId));
    expect(first).toMatchObject({ due: 2, sent: 2, failed: 0 });
    const byReport = Object.fromEntries(fake.sent.map((s) => [s.message.reportId, s.message]));
    expect(Object.keys(byReport).sort()).toEqual(["rep-0", "rep-1"]);
    expect(byReport["rep-1"]).toMatchObject({
      stageId: "d7",
      deadlineDate: "torsdag 15. januar",
      deadlineClock: "kl. 23.59",
      daysLeft: 7,
      daysLeftText: "om 7 dager",
      sectionsDone: 1,
      sectionsTotal: 3,
      resumeSection: 1,
      resumeSectionTitle: "Deltakere",
      recipientRole: "contact",
      canSnooze: true,
      canOptOut: true,
    });
    expect(fake.sent[0]?.target.conversationId).toMatch(/^conv-/);

    // A re-run, later the same day: nothing new.
    clock.now = new Date("2026-01-08T13:00:00.000Z");
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ due: 0, sent: 0 });
    expect(fake.sent).toHaveLength(2);
    const record = await repos.ledger.getReminder(
      roundId,
      "rep-0",
      recipientKey(reports[0]?.contact ?? {}),
      "d7",
    );
    expect(record?.doc).toMatchObject({ status: "sent", attempts: 1, stage: "d7" });
  });

  it("should never send a reminder twice when two instances run at the same time", async () => {
    const { roundId } = await seedRound(40);
    const clock = { now: new Date(D3) };
    const fake = fakeMessenger();
    const [a, b] = await Promise.all([
      service(clock, { instanceId: "a" }).run(fake.edge, only(roundId)),
      service(clock, { instanceId: "b" }).run(fake.edge, only(roundId)),
    ]);
    expect(fake.sent).toHaveLength(40);
    expect(new Set(fake.sent.map((s) => s.message.reportId)).size).toBe(40);
    expect(a.sent + b.sent).toBe(40);
    expect(a.taken + b.taken + a.inProgressElsewhere + b.inProgressElsewhere).toBeGreaterThan(0);
  });

  it("should finish after a restart in the middle without duplicates or misses", async () => {
    const { roundId } = await seedRound(30);
    const clock = { now: new Date(D1) };
    const controller = new AbortController();
    const fake = fakeMessenger((_t, n) => {
      if (n === 10) controller.abort(new Error("restart"));
      return { kind: "ok" };
    });
    const first = await service(clock, { instanceId: "before" }).run(
      fake.edge,
      only(roundId, { signal: controller.signal }),
    );
    expect(first.aborted).toBe(true);
    expect(first.sent).toBeGreaterThanOrEqual(10);
    expect(first.sent).toBeLessThan(30);
    expect(first.sent + first.notStarted).toBe(30);

    const second = await service(clock, { instanceId: "after" }).run(fake.edge, only(roundId));
    expect(second.sent).toBe(30 - first.sent);
    const ids = fake.sent.map((s) => s.message.reportId);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it("should not resend a claim whose sender died, and report it as uncertain after the lease", async () => {
    const { roundId, reports } = await seedRound(2);
    const clock = { now: new Date(D1) };
    const report = reports[0] as ReportDoc;
    // A sender claimed rep-0 and died before recording what happened.
    await repos.ledger.claim({
      roundId,
      reportId: report.id,
      recipient: recipientKey(report.contact),
      recipientRole: "contact",
      stage: "d1",
      stageKind: "before",
      dueAt: "2026-01-14T08:00:00.000Z",
      owner: "dead-instance",
      claimedAt: "2026-01-14T08:04:00.000Z",
      attempts: 1,
      updatedAt: "2026-01-14T08:04:00.000Z",
    });
    const fake = fakeMessenger();
    const first = await service(clock, { claimLeaseMs: 5 * 60_000 }).run(fake.edge, only(roundId));
    expect(first).toMatchObject({ sent: 1, inProgressElsewhere: 1, markedUncertain: 0 });

    clock.now = new Date("2026-01-14T08:30:00.000Z"); // the lease has run out
    const later = await service(clock, { claimLeaseMs: 5 * 60_000 }).run(fake.edge, only(roundId));
    expect(later).toMatchObject({ sent: 0, markedUncertain: 1 });
    expect(fake.sent.map((s) => s.message.reportId)).toEqual(["rep-1"]);
    const issues = await service(clock).reachIssues(roundId);
    expect(issues).toEqual([
      expect.objectContaining({ reportId: "rep-0", status: "uncertain", stage: "d1" }),
    ]);
  });

  it("should not send to or claim for a contact with no stored conversation, and tell staff", async () => {
    const { roundId, reports } = await seedRound(2, { withConversation: (i) => i !== 1 });
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger();
    const run = await service(clock).run(fake.edge, only(roundId));
    expect(run).toMatchObject({ sent: 1, noConversation: 1 });
    const key = recipientKey((reports[1] as ReportDoc).contact);
    expect(await repos.ledger.getReminder(roundId, "rep-1", key, "d7")).toBeUndefined();
    expect(await service(clock).reachIssues(roundId)).toEqual([
      expect.objectContaining({ reportId: "rep-1", status: "no_conversation", stage: "d7" }),
    ]);

    // The contact opens the app; the next run sends the still-current stage.
    const aad = (reports[1] as ReportDoc).contact.aadObjectId as string;
    await repos.people.upsert(
      makePerson({
        id: aad,
        target: { serviceUrl: "http://x", channelId: "msteams", conversationId: "conv-late" },
      }),
    );
    clock.now = new Date("2026-01-08T12:00:00.000Z");
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 1, noConversation: 0 });
    expect(await service(clock).reachIssues(roundId)).toEqual([]);
  });

  it("should mark a contact who blocked the app unreachable and try again at the next stage", async () => {
    const { roundId, reports } = await seedRound(2);
    const aad = (reports[0] as ReportDoc).contact.aadObjectId as string;
    const clock = { now: new Date(D7) };
    let blocked = true;
    const fake = fakeMessenger((t) =>
      blocked && t.conversationId.endsWith("-0")
        ? { kind: "unreachable", status: 403, code: "MessageWritesBlocked" }
        : { kind: "ok" },
    );
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 1, unreachable: 1 });
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ due: 0 });
    expect(fake.calls).toHaveLength(2); // 403 is not retried
    expect(await service(clock).reachIssues(roundId)).toEqual([
      expect.objectContaining({ reportId: "rep-0", status: "unreachable", code: "MessageWritesBlocked" }),
    ]);
    expect((await repos.people.get(aad))?.unreachable).toEqual({
      status: 403,
      code: "MessageWritesBlocked",
      at: D7,
    });

    blocked = false;
    clock.now = new Date(D3);
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 2 });
    expect(await service(clock).reachIssues(roundId)).toEqual([]);
    const person = await repos.people.get(aad);
    expect(person?.unreachable).toBeUndefined();
    expect(person?.target?.conversationId).toBe(`conv-${aad}`);
  });

  it("should back off on 429, honouring Retry-After, and deliver once", async () => {
    const { roundId } = await seedRound(1);
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger((_t, n) =>
      n <= 2 ? { kind: "throttled", retryAfterMs: 150 } : { kind: "ok" },
    );
    const started = performance.now();
    const run = await service(clock).run(fake.edge, only(roundId));
    expect(run).toMatchObject({ sent: 1, throttled: 2, retries: 2, failed: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(fake.calls).toHaveLength(3);
    expect(fake.sent).toHaveLength(1);
  });

  it("should leave an undelivered reminder for the next run to retry", async () => {
    const { roundId, reports } = await seedRound(1);
    const clock = { now: new Date(D7) };
    let down = true;
    const fake = fakeMessenger(() =>
      down ? { kind: "failed", status: 502, message: "bad gateway" } : { kind: "ok" },
    );
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({
      sent: 0,
      failed: 1,
      retries: 2,
    });
    const key = recipientKey((reports[0] as ReportDoc).contact);
    expect((await repos.ledger.getReminder(roundId, "rep-0", key, "d7"))?.doc).toMatchObject({
      status: "failed",
      attempts: 3,
    });

    down = false;
    clock.now = new Date("2026-01-08T09:00:00.000Z");
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 1 });
    expect((await repos.ledger.getReminder(roundId, "rep-0", key, "d7"))?.doc).toMatchObject({
      status: "sent",
      attempts: 4,
    });
    expect(fake.sent).toHaveLength(1);
  });

  it("should never resend a reminder whose request got no answer, and tell staff", async () => {
    const { roundId } = await seedRound(1);
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger(() => ({ kind: "unknown", code: "ECONNRESET", message: "socket hang up" }));
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({
      sent: 0,
      uncertain: 1,
      retries: 0,
    });
    clock.now = new Date("2026-01-08T12:00:00.000Z");
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ due: 0 });
    expect(fake.calls).toHaveLength(1);
    expect(await service(clock).reachIssues(roundId)).toEqual([
      expect.objectContaining({ reportId: "rep-0", status: "uncertain", code: "ECONNRESET" }),
    ]);
  });

  it("should send nothing after the deadline", async () => {
    const { roundId } = await seedRound(2);
    const fake = fakeMessenger();
    const run = await service({ now: new Date("2026-01-16T08:05:00.000Z") }).run(fake.edge, only(roundId));
    expect(run).toMatchObject({ due: 0, sent: 0 });
  });

  it("should send nothing outside the sending hours", async () => {
    const { roundId } = await seedRound(1);
    const fake = fakeMessenger();
    const run = await service({ now: new Date("2026-01-08T03:00:00.000Z") }).run(fake.edge, only(roundId));
    expect(run).toMatchObject({ outsideHours: true, sent: 0 });
  });

  it("should send the deadline-day reminder with the right texts and without opt-out", async () => {
    const { roundId } = await seedRound(1);
    const fake = fakeMessenger();
    await service({ now: new Date(D0) }).run(fake.edge, only(roundId));
    expect(fake.sent[0]?.message).toMatchObject({
      stageId: "d0",
      stageKind: "deadline",
      daysLeft: 0,
      daysLeftText: "i dag",
      canOptOut: false,
      canSnooze: false,
    });
  });
});

describe("ReminderService actions", () => {
  it("should send a snoozed reminder at 09:00 the next day, once", async () => {
    const { roundId, reports } = await seedRound(1);
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger();
    await service(clock).run(fake.edge, only(roundId));

    clock.now = new Date("2026-01-08T10:30:00.000Z");
    const outcome = await service(clock).snooze(actorOf(reports[0] as ReportDoc), {
      roundId,
      reportId: "rep-0",
    });
    expect(outcome).toMatchObject({ kind: "snoozed", until: new Date("2026-01-09T08:00:00.000Z") });

    clock.now = new Date("2026-01-09T07:59:00.000Z");
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 0 });
    clock.now = new Date("2026-01-09T08:01:00.000Z");
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 1 });
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 0 });
    clock.now = new Date(D3);
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 1 });
    expect(fake.sent.map((s) => s.message.stageId)).toEqual(["d7", "s20260109", "d3"]);
    expect(fake.sent[1]?.message).toMatchObject({ stageKind: "snooze", daysLeft: 6 });
  });

  it("should snooze from Friday to Monday, and not past the deadline", async () => {
    const { roundId, reports } = await seedRound(1);
    const actor = actorOf(reports[0] as ReportDoc);
    const friday = await service({ now: new Date("2026-01-09T10:00:00.000Z") }).snooze(actor, {
      roundId,
      reportId: "rep-0",
    });
    expect(friday).toMatchObject({ kind: "snoozed", until: new Date("2026-01-12T08:00:00.000Z") });
    const deadlineDay = await service({ now: new Date(D0) }).snooze(actor, { roundId, reportId: "rep-0" });
    expect(deadlineDay).toMatchObject({ kind: "too_late_to_snooze" });
  });

  it("should stop reminders after an opt-out except the one on the deadline day", async () => {
    const { roundId, reports } = await seedRound(1);
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger();
    await service(clock).run(fake.edge, only(roundId));
    const outcome = await service(clock).optOut(actorOf(reports[0] as ReportDoc), {
      roundId,
      reportId: "rep-0",
    });
    expect(outcome).toMatchObject({
      kind: "opted_out",
      deadlineReminder: new Date("2026-01-15T08:00:00.000Z"),
    });
    for (const at of [D3, D1]) {
      clock.now = new Date(at);
      expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 0 });
    }
    clock.now = new Date(D0);
    expect(await service(clock).run(fake.edge, only(roundId))).toMatchObject({ sent: 1 });
    expect(fake.sent.map((s) => s.message.stageId)).toEqual(["d7", "d0"]);
  });

  it("should remind co-editors only when the contact chooses so", async () => {
    const { roundId, reports } = await seedRound(1);
    const report = reports[0] as ReportDoc;
    const coAad = `${roundId}-co`;
    await repos.reports.upsert({
      ...report,
      coEditors: [
        { email: "co@example.com", name: "Medredaktør", aadObjectId: coAad, invitedAt: D7, invitedBy: "x" },
      ],
    });
    await repos.people.upsert(
      makePerson({
        id: coAad,
        target: { serviceUrl: "http://x", channelId: "msteams", conversationId: "conv-co" },
      }),
    );
    const clock = { now: new Date(D7) };
    const fake = fakeMessenger();
    await service(clock).run(fake.edge, only(roundId));
    expect(fake.sent.map((s) => s.message.recipientRole)).toEqual(["contact"]);

    const coActor = { id: coAad, name: "Medredaktør" };
    expect(await service(clock).setIncludeCoEditors(coActor, { roundId, reportId: report.id }, true)).toEqual(
      {
        kind: "forbidden",
      },
    );
    expect(
      await service(clock).setIncludeCoEditors(actorOf(report), { roundId, reportId: report.id }, true),
    ).toEqual({
      kind: "ok",
    });
    clock.now = new Date("2026-01-08T10:00:00.000Z");
    await service(clock).run(fake.edge, only(roundId));
    expect(fake.sent.map((s) => [s.message.recipientRole, s.target.conversationId])).toEqual([
      ["contact", `conv-${report.contact.aadObjectId}`],
      ["coeditor", "conv-co"],
    ]);
    // The co-editor's own snooze is theirs alone.
    expect(await service(clock).snooze(coActor, { roundId, reportId: report.id })).toMatchObject({
      kind: "snoozed",
    });
  });

  it("should refuse people who are not on the report, and close after submit or deadline", async () => {
    const { roundId, reports } = await seedRound(1);
    const ref = { roundId, reportId: "rep-0" };
    const clock = { now: new Date(D7) };
    expect(await service(clock).snooze({ id: "stranger", name: "X" }, ref)).toEqual({ kind: "forbidden" });
    expect(
      await service(clock).optOut(actorOf(reports[0] as ReportDoc), { roundId, reportId: "nope" }),
    ).toEqual({
      kind: "not_found",
    });
    clock.now = new Date("2026-01-16T09:00:00.000Z");
    expect(await service(clock).snooze(actorOf(reports[0] as ReportDoc), ref)).toMatchObject({
      kind: "closed",
      reason: "after_deadline",
    });
    await repos.reports.upsert({ ...(reports[0] as ReportDoc), status: "submitted" });
    clock.now = new Date(D7);
    expect(await service(clock).optOut(actorOf(reports[0] as ReportDoc), ref)).toMatchObject({
      kind: "closed",
      reason: "submitted",
    });
  });
});

describe("ReminderService.plan", () => {
  it("should say who would get what now and what comes next, without writing", async () => {
    const { roundId } = await seedRound(2, { withConversation: (i) => i === 0 });
    const plan = await service({ now: new Date(D7) }).plan(new Date(D7), { roundIds: [roundId] });
    const round = plan.rounds[0];
    expect(round?.stages.map((s) => s.id)).toEqual(["d21", "d14", "d7", "d3", "d1", "d0"]);
    expect(round?.entries.map((e) => [e.report.id, e.status, e.stage?.id, e.next?.id])).toEqual([
      ["rep-0", "send", "d7", "d3"],
      ["rep-1", "no_conversation", "d7", "d3"],
    ]);
    expect((await repos.ledger.listByRound(roundId)).reminders).toEqual([]);
  });
});
