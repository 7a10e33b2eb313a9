/**
 * Which contact, in which step, caused each Cosmos request the counting proxy saw. A bulk request
 * (group commit of report writes, src/storage/group-commit.ts) is ONE request shared by the steps whose
 * reports it carries: each of them is charged 1/size of a write, so "writes" per step is a fraction and
 * a batched step never counts more than one write. The mean batch size is reported beside it. A bulk
 * request of point reads (group read of reports) is charged the same way: 1/size of a read to each.
 */
import type {
  CosmosFaultProxy,
  CosmosRequestInfo,
  CosmosRequestKind,
} from "../../test/support/cosmos-fault-proxy.ts";
import { type BenchContact, HEI, type Progress } from "./report-walk.ts";

/** Attributes each Cosmos request to the contact (by report id, person id or query @id) and its current step. */
export function attributeCosmos(proxy: CosmosFaultProxy, contacts: BenchContact[]) {
  const progress = new Map<BenchContact, Progress>();
  const byId = new Map<string, BenchContact>();
  for (const c of contacts) {
    byId.set(c.reportId, c);
    byId.set(c.user.aadObjectId, c);
    progress.set(c, { step: undefined });
  }
  /** Requests per turn: "<contact>|<step>" -> kind -> count. */
  let turns = new Map<string, Record<CosmosRequestKind, number>>();
  let other = 0;
  const otherKinds = new Map<string, number>();
  /** Writes to the reports container in the measured phases: requests, and the reports they carried. */
  let reportWrites = { requests: 0, documents: 0, bulks: 0, bulkDocuments: 0 };
  /** The phase running now, to tell where requests that name no contact come from. */
  let phase = "";
  /** While one contact walks alone, every request belongs to its current step (exact counts). */
  let solo: Progress | undefined;
  const exact = new Map<string, Record<CosmosRequestKind, number> & { containers: Record<string, number> }>();
  proxy.onRequest((info) => {
    if (solo !== undefined) {
      const step = solo.step ?? "(between steps)";
      let t = exact.get(step);
      if (t === undefined) {
        t = { read: 0, write: 0, query: 0, meta: 0, containers: {} };
        exact.set(step, t);
      }
      t[info.kind]++;
      const where = `${info.container ?? "-"} ${info.kind}`;
      t.containers[where] = (t.containers[where] ?? 0) + 1;
      return;
    }
    if (info.kind === "write" && info.container === "reports") {
      const size = info.docIds?.length ?? 1;
      reportWrites.requests++;
      reportWrites.documents += size;
      if (info.docIds !== undefined) {
        reportWrites.bulks++;
        reportWrites.bulkDocuments += size;
      }
    }
    if (info.docIds !== undefined) {
      const share = 1 / Math.max(1, info.docIds.length);
      const { docIds, ...one } = info;
      for (const id of docIds) count({ ...one, docId: id }, share);
      return;
    }
    count(info, 1);
  });
  /** Charges `amount` of a request to the contact and step it names (or to "other"). */
  function count(info: CosmosRequestInfo, amount: number) {
    const idParam = info.query?.parameters?.find((p) => p.name === "@id")?.value;
    const c = byId.get(info.docId ?? (typeof idParam === "string" ? idParam : ""));
    const step = c === undefined ? undefined : progress.get(c)?.step;
    if (c === undefined || step === undefined) {
      other += amount;
      const kind = `${phase} ${info.container ?? "-"}:${info.kind}${c === undefined ? "" : " (between steps)"}`;
      otherKinds.set(kind, (otherKinds.get(kind) ?? 0) + amount);
      return;
    }
    const key = `${c.index}|${step}`;
    let t = turns.get(key);
    if (t === undefined) {
      t = { read: 0, write: 0, query: 0, meta: 0 };
      turns.set(key, t);
    }
    t[info.kind] += amount;
  }
  return {
    progress: (c: BenchContact) => progress.get(c) as Progress,
    setPhase(name: string) {
      phase = name;
    },
    /** Count every request against this contact's step until called with undefined. */
    setSolo(progress: Progress | undefined) {
      solo = progress;
    },
    reset() {
      turns = new Map();
      other = 0;
      reportWrites = { requests: 0, documents: 0, bulks: 0, bulkDocuments: 0 };
      otherKinds.clear();
    },
    /** Per step: mean requests of each kind per turn, and the most reads/writes any one turn made. */
    summary(answerSteps: string[]) {
      const steps = [HEI, ...answerSteps];
      const rows = steps.map((step) => {
        const ts = [...turns.entries()]
          .filter(([k]) => k.slice(k.indexOf("|") + 1) === step)
          .map(([, v]) => v);
        const n = Math.max(1, ts.length);
        const sum = (kind: CosmosRequestKind) => ts.reduce((s, t) => s + t[kind], 0);
        return {
          step,
          turns: ts.length,
          read: sum("read") / n,
          write: sum("write") / n,
          query: sum("query") / n,
          meta: sum("meta") / n,
          maxRead: Math.max(0, ...ts.map((t) => t.read)),
          maxWrite: Math.max(0, ...ts.map((t) => t.write)),
          maxQuery: Math.max(0, ...ts.map((t) => t.query)),
        };
      });
      const exactRows = [...steps, "(between steps)"]
        .filter((step) => exact.has(step))
        .map((step) => {
          const t = exact.get(step) as Record<CosmosRequestKind, number> & {
            containers: Record<string, number>;
          };
          const where = Object.entries(t.containers)
            .map(([k, v]) => `${k} x${v}`)
            .join(", ");
          return { step, read: t.read, write: t.write, query: t.query, meta: t.meta, where };
        });
      const batching = {
        ...reportWrites,
        /** Reports per write request to the reports container (1 = no group commit). */
        meanBatch: reportWrites.documents / Math.max(1, reportWrites.requests),
        /** Reports per bulk request alone. */
        meanBulk: reportWrites.bulkDocuments / Math.max(1, reportWrites.bulks),
      };
      return {
        rows,
        exactRows,
        batching,
        unattributed: other,
        unattributedKinds: Object.fromEntries(otherKinds),
      };
    },
  };
}

export type CosmosAttribution = ReturnType<ReturnType<typeof attributeCosmos>["summary"]>;
