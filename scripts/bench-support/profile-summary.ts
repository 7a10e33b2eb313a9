/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: self time per function and
 * per package (node_modules/<package>, or our own top folder), leaving out idle time.
 *
 *   node --import tsx scripts/bench-support/profile-summary.ts <file.cpuprofile> [top] [pattern]
 *
 * With a pattern, also the inclusive time of the functions whose "name  file:line" matches it.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

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

/** A time window in µs of the monotonic clock (process.hrtime.bigint() / 1000n), as V8 stamps samples. */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** Monotonic now in µs, comparable with V8 profile sample times of processes on the same machine. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Self time (µs) per node id, only of samples inside `window` when given. */
function selfTimes(profile: Profile, window?: Window): Map<number, number> {
  const self = new Map<number, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (window !== undefined && (t < window.fromUs || t > window.toUs)) continue;
    const id = profile.samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  return self;
}

/** Where a script lives: "botbuilder", "@azure/cosmos", "bot/", "(gc)", "node:internal" ... */
export function ownerOf(url: string, name: string): string {
  if (url === "") return name.startsWith("(") ? name : "(native)";
  // Our own tree compiled by buildTree() into node_modules/.cache/bench-build-*/
  const built = /\/node_modules\/\.cache\/bench-build-[^/]+\/([^/]+)\//.exec(url);
  if (built) return `${built[1]}/`;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return "node:internal";
  const m = /\/work\/[^/]+\/([^/]+)\//.exec(url) ?? /\/(bot|cards|src|test|scripts)\//.exec(url);
  return m ? `${m[1]}/` : url;
}

export function summarizeProfile(file: string, top = 25, window?: Window): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = selfTimes(profile, window);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    busy += us;
    const short = url
      .replace(/^.*\/bench-build-[^/]+\//, "")
      .replace(/^.*node_modules\//, "")
      .replace(/^file:\/\/\/work\/[^/]+\//, "");
    const key = `${functionName || "(anonymous)"}  ${short}${url ? `:${lineNumber + 1}` : ""}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const owner = ownerOf(url, functionName);
    pkg.set(owner, (pkg.get(owner) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
  const lines = [
    `busy ${(busy / 1000).toFixed(0)} ms${window ? " in the measured phases" : ""} (idle left out); self time by package:`,
  ];
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(us)}  ${k}`);
  lines.push("self time by function:");
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join("\n");
}

/**
 * Inclusive time of every function whose name or url matches `pattern` (a call counted once per
 * sample, however deep the recursion), as a share of busy time.
 */
function inclusiveShare(file: string, pattern: RegExp, window?: Window): { key: string; pct: number }[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
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
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      if (f === undefined) continue;
      const key = `${f.functionName || "(anonymous)"}  ${f.url
        .replace(/^.*\/bench-build-[^/]+\//, "")
        .replace(/^.*node_modules\//, "")
        .replace(/^file:\/\/\/work\/[^/]+\//, "")}:${f.lineNumber + 1}`;
      if (!pattern.test(key) || seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + dt);
    }
  }
  return [...totals]
    .map(([key, us]) => ({ key, pct: (100 * us) / Math.max(1, busy) }))
    .sort((a, b) => b.pct - a.pct);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, topArg, pattern] = process.argv.slice(2);
  if (!file) {
    console.error("usage: profile-summary.ts <file.cpuprofile> [top] [inclusive-pattern]");
    process.exit(2);
  }
  console.log(summarizeProfile(file, Number(topArg ?? 25)));
  if (pattern) {
    console.log(`inclusive time of functions matching /${pattern}/:`);
    for (const { key, pct } of inclusiveShare(file, new RegExp(pattern)).slice(0, 40))
      console.log(`  ${pct.toFixed(1).padStart(5)}%  ${key}`);
  }
}
