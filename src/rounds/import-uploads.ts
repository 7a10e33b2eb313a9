/**
 * The round import from Teams: county staff send the allocation list (.xlsx or CSV) to the bot; the
 * same import code as `npm run import` makes the dry run, and the upload is kept here (in this process,
 * for 30 minutes) under an id the server made, bound to the staff member who sent it. "Importer" names
 * only that id: the server re-reads its own copy, checks it is the same person, and imports (re-planned
 * against the database as it is then). Card data is never trusted for anything but the id.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { isConfiguredStaff, isImportedStaff } from "../people/staff.ts";
import type { Actor } from "../reports/types.ts";
import type { ReportRepo } from "../storage/report-repo.ts";
import type { RoundRepo } from "../storage/round-repo.ts";
import { parseImportFile, type RunImportResult, runImport } from "./import.ts";

/** How long an upload waits for "Importer". */
const UPLOAD_TTL_MS = 30 * 60 * 1000;
/** Uploads kept at most (oldest dropped first). */
const MAX_UPLOADS = 50;
/** The largest allocation list accepted (a county's list is a few kilobytes). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export interface ImportUploadDeps {
  rounds: RoundRepo;
  reports: ReportRepo;
  staffIds: readonly string[];
  clock: Clock;
}

interface Upload {
  ownerId: string;
  name: string;
  content: Uint8Array;
  at: number;
}

export type DryRunOutcome =
  | { kind: "forbidden" }
  | { kind: "checked"; uploadId?: string; result: RunImportResult; fileName: string };

export type ApplyOutcome =
  | { kind: "forbidden" }
  /** Unknown, expired, or someone else's upload. */
  | { kind: "gone" }
  | { kind: "done"; result: RunImportResult; fileName: string };

export class ImportUploadService {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly deps: ImportUploadDeps) {}

  /** Configured staff may import any round; a round's own staff may re-import that round. */
  private async mayImport(actor: Actor, roundId: string | undefined): Promise<boolean> {
    if (isConfiguredStaff(actor, this.deps.staffIds)) return true;
    if (roundId === undefined) return false;
    const round = await this.deps.rounds.get(roundId);
    return round !== undefined && isImportedStaff(actor, round);
  }

  /** Whether the actor is county staff at all (before the file is even fetched). */
  async isAnyStaff(actor: Actor): Promise<boolean> {
    if (isConfiguredStaff(actor, this.deps.staffIds)) return true;
    const rounds = await this.deps.rounds.list();
    return rounds.some((r) => isImportedStaff(actor, r));
  }

  /** The dry run of a sent file, its messages in `lang`; a valid one is kept for "Importer". */
  async dryRun(
    actor: Actor,
    file: { name: string; content: Uint8Array },
    lang: Lang = DEFAULT_LANG,
  ): Promise<DryRunOutcome> {
    const parsed = await parseImportFile(file.name, file.content, lang);
    const roundId = parsed.ok ? parsed.value.round.id : undefined;
    if (!(await this.mayImport(actor, roundId))) return { kind: "forbidden" };
    const result = await runImport(file, this.deps, { now: this.deps.clock(), dryRun: true, lang });
    if (result.status !== "planned") return { kind: "checked", result, fileName: file.name };
    this.prune();
    const uploadId = randomUUID();
    this.uploads.set(uploadId, { ownerId: actor.id, ...file, at: this.deps.clock().getTime() });
    return { kind: "checked", uploadId, result, fileName: file.name };
  }

  /** Import a kept upload: only for the staff member who sent it, while it is kept (messages in `lang`). */
  async apply(actor: Actor, uploadId: string, lang: Lang = DEFAULT_LANG): Promise<ApplyOutcome> {
    this.prune();
    const upload = this.uploads.get(uploadId);
    if (upload === undefined || upload.ownerId !== actor.id) return { kind: "gone" };
    const parsed = await parseImportFile(upload.name, upload.content, lang);
    if (!(await this.mayImport(actor, parsed.ok ? parsed.value.round.id : undefined)))
      return { kind: "forbidden" };
    this.uploads.delete(uploadId);
    const result = await runImport(upload, this.deps, { now: this.deps.clock(), lang });
    return { kind: "done", result, fileName: upload.name };
  }

  private prune(): void {
    const now = this.deps.clock().getTime();
    for (const [id, u] of this.uploads) if (now - u.at > UPLOAD_TTL_MS) this.uploads.delete(id);
    while (this.uploads.size >= MAX_UPLOADS) {
      const oldest = this.uploads.keys().next().value;
      if (oldest === undefined) break;
      this.uploads.delete(oldest);
    }
  }
}
