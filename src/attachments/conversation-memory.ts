/**
 * What the bot remembers of a personal conversation, in this process only (lost on restart, not
 * shared between instances; attachments then ask which tiltak): the report a person last opened or
 * saved, and files waiting for the person to say which tiltak they belong to.
 */
import { randomUUID } from "node:crypto";
import type { ReportRef } from "../reports/report-outcomes.ts";

/** How long "the report I am working on" holds after the person last touched it. */
const WORKING_ON_TTL_MS = 8 * 60 * 60 * 1000;
/** How long sent files wait for the choice of tiltak (Teams' download URLs are short-lived). */
const PENDING_TTL_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 10_000;

/** A file as Teams announced it (not yet fetched). */
export interface IncomingFile {
  name: string;
  downloadUrl: string;
}

function bounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}

export class ConversationMemory {
  private readonly workingOn = new Map<string, { ref: ReportRef; at: number }>();
  private readonly pending = new Map<string, { ownerId: string; files: IncomingFile[]; at: number }>();

  /** `now` in ms; the real clock (Date.now) by default, so a frozen app clock does not keep entries alive. */
  constructor(private readonly now: () => number = Date.now) {}

  noteWorkingOn(actorId: string, ref: ReportRef): void {
    bounded(this.workingOn, actorId, {
      ref: { roundId: ref.roundId, reportId: ref.reportId },
      at: this.now(),
    });
  }

  /** The report the person last opened or saved, while it is recent. */
  lastWorkedOn(actorId: string): ReportRef | undefined {
    const e = this.workingOn.get(actorId);
    return e !== undefined && this.now() - e.at <= WORKING_ON_TTL_MS ? e.ref : undefined;
  }

  /** Keep files until the person picks the tiltak; the id goes on the choice card. */
  hold(ownerId: string, files: IncomingFile[]): string {
    const id = randomUUID();
    bounded(this.pending, id, { ownerId, files, at: this.now() });
    return id;
  }

  /** The held files, once, for the person who sent them; undefined when unknown, expired or someone else's. */
  take(ownerId: string, id: string): IncomingFile[] | undefined {
    const e = this.pending.get(id);
    if (e === undefined || e.ownerId !== ownerId) return undefined;
    this.pending.delete(id);
    return this.now() - e.at <= PENDING_TTL_MS ? e.files : undefined;
  }
}
