/**
 * The reminder ledger (container "ledger", partition key /roundId): one record per report, recipient
 * and reminder stage, claimed with a conditional create before sending; plus one recipient-state
 * document per report and recipient (snooze, opt-out, reachability).
 *
 * The claim is the create: Cosmos answers 409 to the second create of an id in a partition, so of
 * any number of runs (restarts, re-runs, other instances) exactly one gets to send. Re-claiming a
 * failed record and calling a stale claim uncertain are conditional replaces (If-Match), so two runs
 * never both win those either.
 */
import type { Container, ItemDefinition, PatchOperation } from "@azure/cosmos";
import type { LedgerDoc, RecipientState, ReminderRecord } from "../reminders/types.ts";
import { stripSystemFields, type Versioned } from "./cosmos.ts";
import { cosmosStatus } from "./errors.ts";

export const reminderRecordId = (reportId: string, recipient: string, stage: string) =>
  `rem:${reportId}:${recipient}:${stage}`;
const digestClaimId = (roundId: string, channel: string, slot: string) => `dig:${roundId}:${channel}:${slot}`;

/** The claim of one digest slot of a round's staff channel (no personal data). */
export interface DigestClaim {
  id: string;
  kind: "digest";
  roundId: string;
  slot: string;
  owner: string;
  claimedAt: string;
}
export const recipientStateId = (reportId: string, recipient: string) => `rcp:${reportId}:${recipient}`;

/** Fields of a recipient-state document that `updateRecipient` may set (null clears). */
export type RecipientFields = Partial<
  Pick<RecipientState, "optedOutAt" | "snoozeUntil" | "includeCoEditors" | "reach">
>;

export interface RoundLedger {
  reminders: Versioned<ReminderRecord>[];
  recipients: RecipientState[];
}

export class LedgerRepo {
  constructor(private readonly container: Container) {}

  /**
   * Claims a reminder: creates its record with status "sending". Returns the record with its ETag,
   * or undefined when any run (this one included) created it before (409).
   */
  async claim(
    record: Omit<ReminderRecord, "id" | "kind" | "status">,
  ): Promise<Versioned<ReminderRecord> | undefined> {
    const doc: ReminderRecord = {
      ...record,
      id: reminderRecordId(record.reportId, record.recipient, record.stage),
      kind: "reminder",
      status: "sending",
    };
    try {
      const response = await this.container.items.create<ReminderRecord>(doc);
      return { doc, etag: etagOf(response.etag, response.resource, doc.id) };
    } catch (err) {
      if (cosmosStatus(err) === 409) return undefined;
      throw err;
    }
  }

  /**
   * Claims a staff-channel digest slot: a conditional create of `dig:<roundId>:<channel>:<slot>`. True
   * for the one run whose create succeeded; false for every other (409), on any instance.
   */
  async claimDigestSlot(roundId: string, channel: string, slot: string, owner: string, at: string) {
    const doc: DigestClaim = {
      id: digestClaimId(roundId, channel, slot),
      kind: "digest",
      roundId,
      slot,
      owner,
      claimedAt: at,
    };
    try {
      await this.container.items.create<DigestClaim>(doc);
      return true;
    } catch (err) {
      if (cosmosStatus(err) === 409) return false;
      throw err;
    }
  }

  /** Gives a digest slot back (the post failed), so a later run may post it. */
  async releaseDigestSlot(roundId: string, channel: string, slot: string): Promise<void> {
    try {
      await this.container.item(digestClaimId(roundId, channel, slot), roundId).delete();
    } catch (err) {
      if (cosmosStatus(err) !== 404) throw err;
    }
  }

  /**
   * Takes over a record that a run left "failed" (not delivered): a conditional replace to "sending".
   * Undefined when another run changed it first (412) or it is gone.
   */
  async reclaim(
    current: Versioned<ReminderRecord>,
    owner: string,
    at: string,
  ): Promise<Versioned<ReminderRecord> | undefined> {
    const doc: ReminderRecord = {
      ...current.doc,
      status: "sending",
      owner,
      claimedAt: at,
      attempts: current.doc.attempts + 1,
      updatedAt: at,
    };
    delete doc.error;
    return this.replaceIf(doc, current.etag);
  }

  /** Marks a claimed record sent. Unconditional: whoever holds the claim knows best what happened. */
  markSent(record: ReminderRecord, at: string, activityId?: string): Promise<Versioned<ReminderRecord>> {
    const doc: ReminderRecord = { ...record, status: "sent", sentAt: at, updatedAt: at };
    if (activityId !== undefined) doc.activityId = activityId;
    delete doc.error;
    return this.write(doc);
  }

  /** 403/404: the recipient cannot be reached; this stage is not retried. */
  markUnreachable(
    record: ReminderRecord,
    at: string,
    error: ReminderRecord["error"],
  ): Promise<Versioned<ReminderRecord>> {
    return this.write({ ...record, status: "unreachable", updatedAt: at, ...(error ? { error } : {}) });
  }

  /**
   * Not delivered (429, 5xx, network): the record is open for a reclaim, by this run after its
   * back-off or by a later run. Returns the new ETag, which the reclaim must match.
   */
  markFailed(
    record: ReminderRecord,
    at: string,
    error: ReminderRecord["error"],
  ): Promise<Versioned<ReminderRecord>> {
    return this.write({ ...record, status: "failed", updatedAt: at, ...(error ? { error } : {}) });
  }

  /**
   * The message may or may not have gone out: a claim older than the lease (its sender died between
   * claiming and recording the outcome), or a request that got no answer. Marked "uncertain"
   * (conditionally) and never resent. Returns false when another run changed it first.
   */
  async markUncertain(
    current: Versioned<ReminderRecord>,
    at: string,
    error: ReminderRecord["error"] = {
      code: "claim_expired",
      message: `claimed by ${current.doc.owner} at ${current.doc.claimedAt}`,
    },
  ): Promise<boolean> {
    const doc: ReminderRecord = {
      ...current.doc,
      status: "uncertain",
      updatedAt: at,
      ...(error ? { error } : {}),
    };
    return (await this.replaceIf(doc, current.etag)) !== undefined;
  }

  /** Point read of one reminder record. */
  async getReminder(
    roundId: string,
    reportId: string,
    recipient: string,
    stage: string,
  ): Promise<Versioned<ReminderRecord> | undefined> {
    const id = reminderRecordId(reportId, recipient, stage);
    const response = await this.container.item(id, roundId).read<ReminderRecord>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return { doc: stripSystemFields(response.resource), etag: etagOf(response.etag, response.resource, id) };
  }

  /** Everything in a round's ledger: one query, filtered on the partition key in WHERE. */
  async listByRound(roundId: string): Promise<RoundLedger> {
    const { resources } = await this.container.items
      .query<LedgerDoc & ItemDefinition>(
        {
          query: "SELECT * FROM c WHERE c.roundId = @roundId",
          parameters: [{ name: "@roundId", value: roundId }],
        },
        { partitionKey: roundId },
      )
      .fetchAll();
    const reminders: Versioned<ReminderRecord>[] = [];
    const recipients: RecipientState[] = [];
    for (const raw of resources) {
      const etag = raw._etag as string | undefined;
      const doc = stripSystemFields(raw) as LedgerDoc;
      if (doc.kind === "reminder" && etag) reminders.push({ doc, etag });
      else if (doc.kind === "recipient") recipients.push(doc);
    }
    return { reminders, recipients };
  }

  /** The recipient-state document, if any. */
  async getRecipient(
    roundId: string,
    reportId: string,
    recipient: string,
  ): Promise<RecipientState | undefined> {
    const response = await this.container
      .item(recipientStateId(reportId, recipient), roundId)
      .read<RecipientState>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return stripSystemFields(response.resource);
  }

  /**
   * Sets fields of a recipient-state document, creating it when missing. A patch per field, so
   * concurrent writers of different fields (a click and a run) never lose each other's change.
   */
  async updateRecipient(
    roundId: string,
    reportId: string,
    recipient: string,
    fields: RecipientFields,
    at: string,
  ): Promise<void> {
    const id = recipientStateId(reportId, recipient);
    const operations: PatchOperation[] = Object.entries({ ...fields, updatedAt: at }).map(([key, value]) => ({
      op: "set",
      path: `/${key}`,
      value: value ?? null,
    }));
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.container.item(id, roundId).patch<RecipientState>(operations);
        return;
      } catch (err) {
        if (cosmosStatus(err) !== 404) throw err;
      }
      try {
        const doc: RecipientState = {
          id,
          kind: "recipient",
          roundId,
          reportId,
          recipient,
          ...fields,
          updatedAt: at,
        };
        await this.container.items.create<RecipientState>(doc);
        return;
      } catch (err) {
        if (cosmosStatus(err) !== 409) throw err; // created meanwhile: patch it
      }
    }
    throw new Error(`could not update ${id}`);
  }

  private async write(doc: ReminderRecord): Promise<Versioned<ReminderRecord>> {
    const response = await this.container.items.upsert<ReminderRecord>(doc);
    return { doc, etag: etagOf(response.etag, response.resource, doc.id) };
  }

  private async replaceIf(doc: ReminderRecord, etag: string): Promise<Versioned<ReminderRecord> | undefined> {
    try {
      const response = await this.container
        .item(doc.id, doc.roundId)
        .replace<ReminderRecord>(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return { doc, etag: etagOf(response.etag, response.resource, doc.id) };
    } catch (err) {
      const status = cosmosStatus(err);
      if (status === 412 || status === 404) return undefined;
      throw err;
    }
  }
}

function etagOf(header: string | undefined, resource: { _etag?: string } | undefined, id: string): string {
  const etag = header ?? resource?._etag;
  if (!etag) throw new Error(`Cosmos returned no ETag for ${id}`);
  return etag;
}
