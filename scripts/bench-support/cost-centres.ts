/**
 * Where a bot's CPU went, by cost centre, from a V8 .cpuprofile (node --cpu-prof): each sample of the
 * measured window is charged to ONE centre, found from the sampled stack:
 *
 *   - the garbage collector is "GC";
 *   - JSON encoding/decoding is "JSON" wherever it is called from: V8 runs JSON.stringify inline in its
 *     caller, so the functions that are (nearly) only a JSON call count as JSON (see JSON_FRAMES);
 *   - otherwise the nearest frame, from the leaf up, that belongs to a known package or folder; Node's
 *     own code, native frames and the shared Azure HTTP pipeline (@azure/core-*, @typespec/ts-http-runtime,
 *     used by both @azure/cosmos and the Bot Connector client) are passed through to their caller;
 *   - a stack with no such frame (socket writes, timers, the HTTP parser called from libuv) is
 *     "node (HTTP, sockets, timers)".
 *
 *   node --import tsx scripts/bench-support/cost-centres.ts <file.cpuprofile>
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ownerOf, type Window } from "./profile-summary.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const CENTRES = {
  templating: "card templating",
  builders: "card builders (cards/)",
  json: "JSON",
  zod: "zod",
  cosmos: "@azure/cosmos",
  botbuilder: "botbuilder",
  restify: "restify",
  pino: "pino",
  ours: "our code (src/, bot/)",
  gc: "GC",
  node: "node (HTTP, sockets, timers)",
  azureHttp: "Azure HTTP pipeline (caller unknown)",
  loading: "module loading (tsx)",
  other: "other packages",
} as const;

/** Functions that are (nearly) only a JSON.stringify / JSON.parse call; `file` is matched on the url. */
const JSON_FRAMES: { name: string; file: RegExp }[] = [
  { name: "parse", file: /^$/ },
  { name: "stringify", file: /^$/ },
  { name: "formatJSON", file: /restify\/lib\/formatters\/json\.js$/ },
  { name: "parseJson", file: /restify\/lib\/plugins\/jsonBodyParser\.js$/ },
  { name: "javaScriptFriendlyJSONStringify", file: /@azure\/cosmos\// },
  { name: "fits", file: /cards\/render\.[jt]s$/ },
  { name: "cardBytes", file: /cards\/render\.[jt]s$/ },
  { name: "cardJson", file: /cards\/card-size\.[jt]s$/ },
];

/** Owners that are passed through to their caller. */
const TRANSPARENT =
  /^(node:internal|\(native\)|\(program\)|\(root\)|@azure\/core-|@azure\/abort-controller|@azure\/logger|@typespec\/|tslib$|lodash|semver$|uuid$|debug$|ms$)/;

function centreOfOwner(owner: string, url: string): string | undefined {
  if (TRANSPARENT.test(owner)) return undefined;
  if (/^(adaptivecards-templating|adaptive-expressions|antlr4ts)$/.test(owner)) return CENTRES.templating;
  if (owner === "tsx" || owner === "esbuild") return CENTRES.loading;
  if (owner === "cards/")
    return /\/cards\/(compile-[^/]*|render)\.[jt]s$/.test(url) ? CENTRES.templating : CENTRES.builders;
  if (owner === "zod") return CENTRES.zod;
  if (owner === "@azure/cosmos") return CENTRES.cosmos;
  if (/^(botbuilder|botframework-|adaptivecards$)/.test(owner)) return CENTRES.botbuilder;
  if (/^(restify|find-my-way|send$|formidable|negotiator)/.test(owner)) return CENTRES.restify;
  if (/^(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free)/.test(owner))
    return CENTRES.pino;
  if (owner === "src/" || owner === "bot/") return CENTRES.ours;
  return CENTRES.other;
}

export interface CostCentres {
  /** Busy µs in the window (idle left out). */
  busyUs: number;
  /** Centre -> µs, largest first. */
  centres: { centre: string; us: number; share: number }[];
}

export function costCentres(file: string, window?: Window): CostCentres {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const centreOfNode = new Map<number, string>();
  const centreOf = (leaf: number): string => {
    const cached = centreOfNode.get(leaf);
    if (cached !== undefined) return cached;
    let centre: string | undefined;
    let sawAzureHttp = false;
    const top = byId.get(leaf)?.callFrame;
    if (top?.functionName === "(garbage collector)") centre = CENTRES.gc;
    for (
      let cur: number | undefined = leaf;
      centre === undefined && cur !== undefined;
      cur = parent.get(cur)
    ) {
      const f = byId.get(cur)?.callFrame;
      if (f === undefined) continue;
      if (JSON_FRAMES.some((j) => j.name === f.functionName && j.file.test(f.url))) {
        centre = CENTRES.json;
        break;
      }
      const owner = ownerOf(f.url, f.functionName);
      if (/^(@azure\/core-|@typespec\/)/.test(owner)) sawAzureHttp = true;
      centre = centreOfOwner(owner, f.url);
    }
    const result = centre ?? (sawAzureHttp ? CENTRES.azureHttp : CENTRES.node);
    centreOfNode.set(leaf, result);
    return result;
  };

  const totals = new Map<string, number>();
  let busy = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (window !== undefined && (t < window.fromUs || t > window.toUs)) continue;
    if (byId.get(id)?.callFrame.functionName === "(idle)") continue;
    busy += dt;
    const c = centreOf(id);
    totals.set(c, (totals.get(c) ?? 0) + dt);
  }
  return {
    busyUs: busy,
    centres: [...totals]
      .map(([centre, us]) => ({ centre, us, share: us / Math.max(1, busy) }))
      .sort((a, b) => b.us - a.us),
  };
}

/**
 * The table of the top `top` centres; with the process's measured CPU per turn (/proc), each share as
 * ms of CPU per turn (the profile's own sample times are wall time, inflated when the machine is busy).
 */
export function formatCostCentres(c: CostCentres, top: number, cpuMsPerTurn?: number): string {
  const lines = c.centres.slice(0, top).map((x) => {
    const perTurn = cpuMsPerTurn ? `  ${(x.share * cpuMsPerTurn).toFixed(3).padStart(6)} ms/turn` : "";
    return `  ${(100 * x.share).toFixed(1).padStart(5)}%${perTurn}  ${x.centre}`;
  });
  return lines.join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error("usage: cost-centres.ts <file.cpuprofile>");
    process.exit(2);
  }
  const c = costCentres(file);
  console.log(`busy ${(c.busyUs / 1000).toFixed(0)} ms`);
  console.log(formatCostCentres(c, 20));
}
