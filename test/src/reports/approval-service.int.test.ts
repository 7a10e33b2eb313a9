/**
 * Approval before sending through the real @azure/cosmos SDK against the embedded Cosmos-protocol
 * server, with a counting proxy in between: what is stored, who may do what, concurrent approvers
 * (If-Match), and at most one report read and one report write per step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { ApprovalService } from "../../../src/reports/approval-service.ts";
import { approvalLines, approvalMessages } from "../../../src/reports/approvals.ts";
import { ReportService } from "../../../src/reports/report-service.ts";
import type { Actor, ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { type CosmosFaultProxy, startCosmosFaultProxy } from "../../support/cosmos-fault-proxy.ts";
import { uid } from "../storage/fixtures.ts";
import {
  completeContents,
  contactActor,
  form2021,
  forms,
  makeReport,
  staffActor,
  stored,
  strangerActor,
} from "./fixtures.ts";

const DATABASE = "approval-test";
const NOW = "2026-12-01T10:00:00.000Z";
const megan: Actor = { id: "aad-megan", name: "Megan Bowen", email: "meganb@example.com" };
const adele: Actor = { id: "aad-adele", name: "Adele Vance", email: "adelev@example.com" };
const target = {
  serviceUrl: "http://127.0.0.1:1/_connector",
  channelId: "msteams",
  conversationId: "c-megan",
};

let server: LocalCosmos;
let proxy: CosmosFaultProxy;
let store: CosmosStore;
let people: PeopleRepo;

/** A fresh repository (no remembered ETags) and service, as a new process would have. */
function fresh() {
  const reports = new ReportRepo(store.containers.reports);
  const approvals = new ApprovalService({ reports, people, forms, clock: fixedClock(NOW) });
  const service = new ReportService({ reports, forms, staffIds: [staffActor.id], clock: fixedClock(NOW) });
  return { reports, approvals, service };
}

async function seed(overrides: Partial<ReportDoc> = {}) {
  const doc = makeReport(form2021, {
    id: uid("r"),
    roundId: "r-2021",
    answers: stored(completeContents(form2021), contactActor, 4),
    revision: 4,
    ...overrides,
  });
  await fresh().reports.create(doc);
  return { roundId: doc.roundId, reportId: doc.id };
}
const read = async (ref: { roundId: string; reportId: string }) =>
  (await fresh().reports.get(ref.roundId, ref.reportId))?.doc as ReportDoc;

/** Report-container requests made while `step` runs. */
async function counted<T>(step: () => Promise<T>): Promise<{ result: T; reads: number; writes: number }> {
  proxy.resetCounts();
  const result = await step();
  const c = proxy.counts().byContainer;
  return { result, reads: c["reports:read"] ?? 0, writes: c["reports:write"] ?? 0 };
}

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  proxy = await startCosmosFaultProxy({ target: server.endpoint });
  store = await openCosmos({ endpoint: proxy.url, key: server.key, database: DATABASE });
  people = new PeopleRepo(store.containers.people);
  await people.upsert({ id: megan.id, name: megan.name, email: megan.email, target, updatedAt: NOW });
});
afterAll(async () => {
  store?.dispose();
  await proxy?.close();
  await server?.stop();
});

describe("ApprovalService", () => {
  it("should let the contact ask by e-mail, with the name and Teams target of someone the bot has met", async () => {
    const ref = await seed();
    const { approvals } = fresh();
    const { result, reads, writes } = await counted(() =>
      approvals.request(contactActor, ref, " MeganB@Example.com "),
    );
    expect(result).toMatchObject({ kind: "ok", changed: true, email: "meganb@example.com", target });
    expect(reads).toBeLessThanOrEqual(1);
    expect(writes).toBe(1);
    const doc = await read(ref);
    expect(doc.approvers).toEqual([
      { email: "meganb@example.com", name: "Megan Bowen", requestedAt: NOW, requestedBy: contactActor.id },
    ]);
    expect(doc.revision).toBe(4); // «Send inn» on the contact's open review still works
    // Someone the bot has never met: asked, no target.
    const other = await approvals.request(contactActor, ref, "adelev@example.com");
    expect(other).toMatchObject({ kind: "ok", changed: true });
    expect(other.kind === "ok" && other.target).toBeFalsy();
  });

  it("should refuse a bad address with a Norwegian message, and anyone but the contact", async () => {
    const ref = await seed();
    const { approvals } = fresh();
    const bad = await counted(() => approvals.request(contactActor, ref, "megan@"));
    expect(bad.result).toMatchObject({ kind: "invalid", message: approvalMessages.invalidEmail });
    expect(bad.writes).toBe(0);
    expect(await approvals.request(megan, ref, "x@example.com")).toEqual({ kind: "forbidden" });
    expect(await approvals.request(staffActor, ref, "x@example.com")).toEqual({ kind: "forbidden" });
    expect(await approvals.list(strangerActor, ref)).toEqual({ kind: "forbidden" });
    expect(await approvals.request(contactActor, { ...ref, reportId: "nope" }, "x@example.com")).toEqual({
      kind: "not_found",
    });
    expect((await read(ref)).approvers).toBeUndefined();
  });

  it("should find the report for the approver on «hei», and record their approval in one read and one write", async () => {
    const ref = await seed();
    await fresh().approvals.request(contactActor, ref, megan.email);
    const { approvals, service } = fresh();
    const work = await service.listWork(megan);
    expect(work.mine.map((r) => r.id)).not.toContain(ref.reportId);
    expect(work.toApprove.map((r) => r.id)).toContain(ref.reportId);
    const opened = await service.open(megan, ref);
    expect(opened).toMatchObject({ kind: "ok", role: "approver" });

    const step = await counted(() => fresh().approvals.approve(megan, ref, 4, "  Ser bra ut  "));
    expect(step.result.kind).toBe("done");
    expect(step.reads).toBeLessThanOrEqual(1);
    expect(step.writes).toBe(1);
    const doc = await read(ref);
    expect(doc.approvers?.[0]).toMatchObject({
      aadObjectId: megan.id,
      approved: { at: NOW, by: { id: megan.id, name: megan.name }, rev: 4 },
      comment: { text: "Ser bra ut", rev: 4 },
    });
    // Bound by Entra id now: still found, and the approval is not repeated.
    expect(
      (await service.listWork({ ...megan, email: "new@example.com" })).toApprove.map((r) => r.id),
    ).toContain(ref.reportId);
    expect((await approvals.approve(megan, ref, 4)).kind).toBe("unchanged");
  });

  it("should keep an approval when the contact changes an answer afterwards, marked as an earlier version", async () => {
    const ref = await seed();
    await fresh().approvals.request(contactActor, ref, megan.email);
    await fresh().approvals.approve(megan, ref, 4);
    const { service, approvals } = fresh();
    const saved = await service.saveSection(contactActor, ref, {
      sectionId: "2",
      revision: 4,
      nav: "pause",
      raw: { "2.3": "2024/9999" },
    });
    expect(saved.kind).toBe("saved");
    const doc = await read(ref);
    expect(approvalLines(doc)[0]).toMatchObject({ state: "stale", approvedAt: NOW });
    // Megan's old card (revision 4) cannot approve the new answers unseen.
    expect((await approvals.approve(megan, ref, 4)).kind).toBe("changed");
    expect((await approvals.approve(megan, ref, doc.revision)).kind).toBe("done");
    expect(approvalLines(await read(ref))[0]?.state).toBe("approved");
  });

  it("should store both of two approvers acting at the same moment (If-Match, re-read on 412)", async () => {
    const ref = await seed();
    const setup = fresh().approvals;
    await setup.request(contactActor, ref, megan.email);
    await setup.request(contactActor, ref, adele.email);
    const a = fresh().approvals;
    const b = fresh().approvals;
    const [x, y] = await Promise.all([
      a.approve(megan, ref, 4),
      b.comment(adele, ref, "Del 5 mangler et mål"),
    ]);
    expect([x.kind, y.kind]).toEqual(["done", "done"]);
    const lines = approvalLines(await read(ref));
    expect(lines.map((l) => l.state)).toEqual(["approved", "pending"]);
    expect(lines[1]?.comment?.text).toBe("Del 5 mangler et mål");
  });

  it("should refuse an empty or long comment without writing, and strangers and the submitted", async () => {
    const ref = await seed();
    await fresh().approvals.request(contactActor, ref, megan.email);
    const { approvals } = fresh();
    const empty = await counted(() => approvals.comment(megan, ref, "   "));
    expect(empty.result).toMatchObject({ kind: "invalid", message: approvalMessages.emptyComment });
    expect(empty.writes).toBe(0);
    expect(await approvals.approve(megan, ref, 4, "x".repeat(501))).toMatchObject({
      kind: "invalid",
      message: approvalMessages.longComment,
    });
    expect(await approvals.approve(strangerActor, ref, 4)).toEqual({ kind: "forbidden" });
    expect(await approvals.comment(contactActor, ref, "Selvgodkjent")).toEqual({ kind: "forbidden" });
    expect((await read(ref)).approvers?.[0]?.approved).toBeUndefined();

    const submitted = await seed({ status: "submitted" });
    const doc = await read(submitted);
    await fresh().reports.upsert({
      ...doc,
      approvers: [{ email: "meganb@example.com", requestedAt: NOW, requestedBy: contactActor.id }],
    });
    expect((await fresh().approvals.approve(megan, submitted, 4)).kind).toBe("submitted");
  });

  it("should make its messages in the language about the report: own choice, else the partnership's", async () => {
    const partnership = { ...makeReport(form2021).partnership, malform: "nn" as const };
    const ref = await seed({ partnership });
    const { approvals } = fresh();
    expect(await approvals.request(contactActor, ref, "ikkje-ei-adresse")).toMatchObject({
      kind: "invalid",
      message: "Skriv ei gyldig e-postadresse, til dømes kari.nordmann@kommune.no.",
    });
    expect(await approvals.request(contactActor, ref, contactActor.email)).toMatchObject({
      kind: "invalid",
      message: "Det er du som er kontaktperson – du treng ikkje godkjenne di eiga rapportering.",
    });
    await approvals.request(contactActor, ref, megan.email);
    const long = await counted(() => fresh().approvals.approve(megan, ref, 4, "x".repeat(501)));
    expect(long.result).toMatchObject({ kind: "invalid", message: "Kommentaren kan ha høgst 500 teikn." });
    expect([long.reads, long.writes]).toEqual([1, 0]);
    expect(await approvals.comment(megan, ref, " ")).toMatchObject({
      message: "Skriv ein kommentar før du trykkjer «Kommenter».",
    });
    // Megan chose bokmål for herself: her messages are bokmål on the nynorsk partnership's report.
    expect(await approvals.comment({ ...megan, chosenLang: "nb" }, ref, " ")).toMatchObject({
      message: "Skriv en kommentar før du trykker «Kommenter».",
    });
  });
});
