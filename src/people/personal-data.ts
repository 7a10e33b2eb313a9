/**
 * Personal data about one person: reading what may concern them (`loadHoldings`) and writing an erasure
 * plan (`applyErasure`): reports through `ReportRepo.updateWithRetry` (the erasure is re-planned on the
 * fresh document on every attempt), people and ledger documents by deleting them. The planning is pure
 * and lives in personal-data-plan.ts and personal-data-subject.ts; this module re-exports it.
 */
import type { Container } from "@azure/cosmos";
import type { LedgerDoc } from "../reminders/types.ts";
import type { ReportDoc } from "../reports/types.ts";
import { stripSystemFields } from "../storage/cosmos.ts";
import { cosmosStatus } from "../storage/errors.ts";
import type { LedgerRepo } from "../storage/ledger-repo.ts";
import type { PeopleRepo } from "../storage/people-repo.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { type ErasurePlan, eraseInReport } from "./personal-data-plan.ts";
import { type Holdings, identify, norm } from "./personal-data-subject.ts";
import { type ReachDoc, type ReachStore, reachDocIdOfKey } from "./reach-service.ts";
import type { PersonDoc } from "./types.ts";

export * from "./personal-data-export.ts";
export * from "./personal-data-plan.ts";
export * from "./personal-data-subject.ts";

/** Where the documents live. Deleting people and ledger documents goes to the containers directly. */
export interface PersonalDataStores {
  reports: ReportRepo;
  rounds: RoundRepo;
  people: PeopleRepo;
  ledger: LedgerRepo;
  reach: ReachStore;
  containers: { people: Container; ledger: Container };
}

/**
 * Reads what may concern the person: people with the e-mail (and then their ids), every report of
 * every round (answers may carry their id even where they are no longer a co-editor), and the ledger
 * of those rounds. Cross-partition reads: an administrative task, not for the hot path.
 */
export async function loadHoldings(st: PersonalDataStores, email: string): Promise<Holdings> {
  const { resources } = await st.containers.people.items
    .query<PersonDoc>({
      query: "SELECT * FROM c WHERE LOWER(c.email) = @email",
      parameters: [{ name: "@email", value: norm(email) }],
    })
    .fetchAll();
  const people = new Map(resources.map((p) => [p.id, stripSystemFields(p)]));
  const rounds = await st.rounds.list();
  const reports = new Map<string, ReportDoc>();
  for (const round of rounds)
    for (const r of await st.reports.listByRound(round.id)) reports.set(`${r.roundId}/${r.id}`, r);
  for (const r of await st.reports.listForPerson({ id: "", email })) reports.set(`${r.roundId}/${r.id}`, r);
  // People documents of ids found through reports (a person may have no e-mail on record).
  const tried = new Set(people.keys());
  for (;;) {
    const found = identify(email, { people: [...people.values()], reports: [...reports.values()] });
    const missing = found.ids.filter((id) => !tried.has(id));
    if (missing.length === 0) break;
    for (const id of missing) {
      tried.add(id);
      const person = await st.people.get(id);
      if (person) people.set(id, person);
    }
  }
  const roundIds = new Set([...rounds.map((r) => r.id), ...[...reports.values()].map((r) => r.roundId)]);
  const ledger: LedgerDoc[] = [];
  for (const roundId of roundIds) {
    const l = await st.ledger.listByRound(roundId);
    ledger.push(...l.reminders.map((v) => v.doc), ...l.recipients);
  }
  const subject = identify(email, { people: [...people.values()], reports: [...reports.values()] });
  const reach: ReachDoc[] = [];
  for (const key of subject.recipientKeys) {
    const doc = await st.reach.get(reachDocIdOfKey(key));
    if (doc) reach.push(doc);
  }
  return {
    people: [...people.values()],
    reports: [...reports.values()],
    rounds,
    ledger,
    reach,
  };
}

export interface ErasureResult {
  peopleDeleted: number;
  reachDeleted: number;
  reportsChanged: number;
  ledgerDeleted: number;
}

/** Writes the plan. Safe to run again: what is already gone or already erased is skipped. */
export async function applyErasure(
  st: PersonalDataStores,
  plan: ErasurePlan,
  now: Date,
): Promise<ErasureResult> {
  const result: ErasureResult = { peopleDeleted: 0, reachDeleted: 0, reportsChanged: 0, ledgerDeleted: 0 };
  for (const r of plan.reports) {
    const u = await st.reports.updateWithRetry(
      r.roundId,
      r.reportId,
      (doc) => eraseInReport(doc, plan.subject, now, plan.confirmed)?.doc,
    );
    if (u.written) result.reportsChanged++;
  }
  for (const p of plan.people) if (await remove(st.containers.people, p.id, p.id)) result.peopleDeleted++;
  for (const d of plan.reach) if (await remove(st.containers.people, d.id, d.id)) result.reachDeleted++;
  for (const d of plan.ledger)
    if (await remove(st.containers.ledger, d.id, d.roundId)) result.ledgerDeleted++;
  return result;
}

/** Deletes one document; false when it was already gone. */
async function remove(container: Container, id: string, partitionKey: string): Promise<boolean> {
  try {
    const response = await container.item(id, partitionKey).delete();
    return response.statusCode !== 404;
  } catch (err) {
    if (cosmosStatus(err) === 404) return false;
    throw err;
  }
}
