/**
 * Report attachments: files a contact or co-editor sends to the bot in personal chat. Each file is
 * checked (type by name and content, size, at most ATTACHMENTS_PER_REPORT per report), fetched under
 * the download policy, stored as a blob under its round and report, and recorded on the report
 * document. Access is decided here from the Teams identity and the stored report, never from card data.
 * Adding is one point read and one conditional write of the report (more only when a save races it).
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.ts";
import { canEdit, roleOf } from "../people/access.ts";
import type { ReportRef, ReportService } from "../reports/report-service.ts";
import type { Actor, ReportAttachment, ReportDoc } from "../reports/types.ts";
import type { AttachmentBlobs } from "../storage/attachment-blobs.ts";
import { NotFoundError } from "../storage/errors.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_REPORT,
  attachmentType,
  cleanFileName,
  contentMatches,
} from "./attachment-rules.ts";
import { ConversationMemory, type IncomingFile } from "./conversation-memory.ts";
import { type DownloadPolicy, downloadFile } from "./file-download.ts";

export type { IncomingFile } from "./conversation-memory.ts";

/** What happened to one sent file. */
export type FileOutcome =
  | { name: string; kind: "stored"; attachment: ReportAttachment }
  | { name: string; kind: "wrong_type" | "too_big" | "too_many" | "failed" };

export type AddOutcome =
  | { kind: "not_found" | "forbidden" | "read_only" | "unavailable" }
  | { kind: "done"; report: ReportDoc; files: FileOutcome[] };

export type RemoveOutcome =
  | { kind: "not_found" | "forbidden" | "read_only" | "unavailable" }
  /** The attachment is not (or no longer) on this report. */
  | { kind: "gone"; report: ReportDoc }
  | { kind: "removed"; report: ReportDoc; name: string };

/** Which report sent files belong to. */
export type Target =
  | { kind: "report"; ref: ReportRef }
  | { kind: "choose"; reports: ReportDoc[] }
  | { kind: "none" };

export interface AttachmentServiceDeps {
  reports: ReportRepo;
  service: ReportService;
  staffIds: readonly string[];
  clock: Clock;
  /** The blob container, opened on first use; undefined when Blob Storage is not configured. */
  blobs?: () => Promise<AttachmentBlobs>;
  policy: DownloadPolicy;
  memory?: ConversationMemory;
  onError?: (err: unknown, what: string) => void;
}

const editable = (actor: Actor, doc: ReportDoc, staffIds: readonly string[]) =>
  canEdit(roleOf(actor, doc, staffIds));

export class AttachmentService {
  readonly memory: ConversationMemory;

  constructor(private readonly deps: AttachmentServiceDeps) {
    this.memory = deps.memory ?? new ConversationMemory();
  }

  get available(): boolean {
    return this.deps.blobs !== undefined;
  }

  /**
   * The report files go to: the one the person last opened or saved here (if they may still edit it),
   * else their only draft report, else a choice between their drafts.
   */
  async target(actor: Actor): Promise<Target> {
    const drafts = (await this.deps.service.listMine(actor)).filter((r) => r.status === "draft");
    const last = this.memory.lastWorkedOn(actor.id);
    const hit = last && drafts.find((r) => r.roundId === last.roundId && r.id === last.reportId);
    if (hit) return { kind: "report", ref: { roundId: hit.roundId, reportId: hit.id } };
    const [only, ...more] = drafts;
    if (only === undefined) return { kind: "none" };
    if (more.length === 0) return { kind: "report", ref: { roundId: only.roundId, reportId: only.id } };
    return { kind: "choose", reports: drafts };
  }

  /** Check, fetch, store and record the files on the report. */
  async add(actor: Actor, ref: ReportRef, files: IncomingFile[]): Promise<AddOutcome> {
    if (this.deps.blobs === undefined) return { kind: "unavailable" };
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    if (found === undefined) return { kind: "not_found" };
    const doc = found.doc;
    const role = roleOf(actor, doc, this.deps.staffIds);
    if (role === undefined) return { kind: "forbidden" };
    if (!canEdit(role)) return { kind: "forbidden" };
    if (doc.status === "submitted") return { kind: "read_only" };
    const blobs = await this.deps.blobs();
    const outcomes: FileOutcome[] = [];
    let room = ATTACHMENTS_PER_REPORT - (doc.attachments?.length ?? 0);
    for (const file of files) {
      const o = await this.fetchAndStore(actor, doc, file, room, blobs);
      if (o.kind === "stored") room--;
      outcomes.push(o);
    }
    const stored = outcomes.flatMap((o) => (o.kind === "stored" ? [o.attachment] : []));
    if (stored.length === 0) return { kind: "done", report: doc, files: outcomes };
    const now = this.deps.clock().toISOString();
    let dropped: ReportAttachment[] = [];
    let refused = false;
    const result = await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, (d) => {
      // Decided again on the copy written: a remove, a submit or another upload may have come between.
      refused = d.status === "submitted" || !editable(actor, d, this.deps.staffIds);
      if (refused) return undefined;
      const space = Math.max(0, ATTACHMENTS_PER_REPORT - (d.attachments?.length ?? 0));
      dropped = stored.slice(space);
      const kept = stored.slice(0, space);
      if (kept.length === 0) return undefined;
      return {
        ...d,
        attachments: [...(d.attachments ?? []), ...kept],
        revision: d.revision + 1,
        updatedAt: now,
      };
    });
    const lost = refused ? stored : dropped;
    for (const a of lost) await this.dropBlob(blobs, a.blob);
    const lostIds = new Set(lost.map((a) => a.id));
    const files2 = outcomes.map(
      (o): FileOutcome =>
        o.kind === "stored" && lostIds.has(o.attachment.id) ? { name: o.name, kind: "too_many" } : o,
    );
    if (refused) return { kind: "read_only" };
    return { kind: "done", report: result.doc, files: files2 };
  }

  private async fetchAndStore(
    actor: Actor,
    doc: ReportDoc,
    file: IncomingFile,
    room: number,
    blobs: AttachmentBlobs,
  ): Promise<FileOutcome> {
    const name = cleanFileName(file.name);
    const contentType = attachmentType(name);
    if (contentType === undefined || name === "") return { name, kind: "wrong_type" };
    if (room <= 0) return { name, kind: "too_many" };
    const got = await downloadFile(file.downloadUrl, ATTACHMENT_MAX_BYTES, this.deps.policy);
    if (got.kind === "too_big") return { name, kind: "too_big" };
    if (got.kind !== "ok") return { name, kind: "failed" };
    if (!contentMatches(name, got.body)) return { name, kind: "wrong_type" };
    const id = randomUUID();
    const at = this.deps.clock().toISOString();
    try {
      const blob = await blobs.put({ roundId: doc.roundId, reportId: doc.id, attachmentId: id }, got.body, {
        name,
        contentType,
        uploaderId: actor.id,
        uploadedAt: at,
      });
      return {
        name,
        kind: "stored",
        attachment: {
          id,
          name,
          contentType,
          bytes: got.body.length,
          blob: blob.name,
          by: { id: actor.id, name: actor.name },
          at,
        },
      };
    } catch (err) {
      this.deps.onError?.(err, "attachment blob upload failed");
      return { name, kind: "failed" };
    }
  }

  /** Remove an attachment from the report (and its blob): the attachment must be on this very report. */
  async remove(actor: Actor, ref: ReportRef, attachmentId: string): Promise<RemoveOutcome> {
    if (this.deps.blobs === undefined) return { kind: "unavailable" };
    let outcome: RemoveOutcome | undefined;
    let removed: ReportAttachment | undefined;
    try {
      const result = await this.deps.reports.updateWithRetry(ref.roundId, ref.reportId, (d) => {
        removed = undefined;
        const role = roleOf(actor, d, this.deps.staffIds);
        if (role === undefined || !canEdit(role)) outcome = { kind: "forbidden" };
        else if (d.status === "submitted") outcome = { kind: "read_only" };
        else {
          removed = d.attachments?.find((a) => a.id === attachmentId);
          outcome = removed === undefined ? { kind: "gone", report: d } : undefined;
        }
        if (removed === undefined) return undefined;
        return {
          ...d,
          attachments: (d.attachments ?? []).filter((a) => a.id !== attachmentId),
          revision: d.revision + 1,
          updatedAt: this.deps.clock().toISOString(),
        };
      });
      if (outcome !== undefined) return outcome;
      if (removed === undefined) return { kind: "gone", report: result.doc };
      await this.dropBlob(await this.deps.blobs(), removed.blob);
      return { kind: "removed", report: result.doc, name: removed.name };
    } catch (err) {
      if (err instanceof NotFoundError) return { kind: "not_found" };
      throw err;
    }
  }

  private async dropBlob(blobs: AttachmentBlobs, blob: string): Promise<void> {
    try {
      await blobs.removeBlob(blob);
    } catch (err) {
      // The report no longer names it; a left-over blob is only storage.
      this.deps.onError?.(err, "attachment blob removal failed");
    }
  }

  /** The attachment's stream for a verified staff link: it must be recorded on the report. */
  async open(ref: ReportRef, attachmentId: string) {
    if (this.deps.blobs === undefined) return undefined;
    const found = await this.deps.reports.get(ref.roundId, ref.reportId);
    const record = found?.doc.attachments?.find((a) => a.id === attachmentId);
    if (record === undefined) return undefined;
    const blob = await (await this.deps.blobs()).openRead(record.blob);
    return blob === undefined ? undefined : { record, ...blob };
  }
}
