/**
 * Child processes for benchmarks and reliability tests: the local Cosmos server, the real bot and the
 * echo bot, each as ONE node process (`node --import tsx <file>`, not the `tsx` wrapper, which runs the
 * program in a second process: its pid would be the wrong one for /proc CPU times and for kill -9).
 * Also the CPU time of a process from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
/** Node 22 from the `node` devDependency (the machines' own node is 20). */
const NODE = join(ROOT, "node_modules", ".bin", "node");

export interface Child {
  pid: number;
  process: ChildProcess;
  /** Everything written to stdout and stderr so far (last 1 MB). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs` (default 10 s). */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL, no chance to clean up. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Working directory (default: the repository root). */
  cwd?: string;
}

/**
 * Compiles bot/, cards/, src/ of `root` and the echo bot with tsc, as `npm run build` does for the
 * deployed app (tsconfig.build.json; App Service runs `node dist/bot/index.js`), into a new temp
 * directory under root/node_modules/.cache, and returns it. Run from there, a process pays no tsx cost at run time (esbuild's
 * `__name` wrapper on every function our code creates, source-map lookups), which the product pays in
 * its own code only and the echo bot hardly at all.
 */
export function buildTree(root = ROOT): string {
  // Inside the tree, so that the compiled files find root/node_modules as dist/ does.
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, "bench-build-"));
  const config = join(out, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(root, "tsconfig.build.json"),
      compilerOptions: { outDir: out, rootDir: root, sourceMap: false, incremental: false },
      include: ["bot", "cards", "src"]
        .map((d) => join(root, d))
        .concat(join(root, "test", "support", "echo-bot.ts")),
    }),
  );
  execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", config], { cwd: root, stdio: "inherit" });
  return out;
}

/** Runs a TypeScript file (through tsx) or a JavaScript file (plain node) as a single node process. */
function spawnTs(file: string, opts: SpawnOptions = {}): Child {
  const loader = file.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(NODE, [...(opts.nodeArgs ?? []), ...loader, file], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${file}`);
  let out = "";
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 1_000_000) out = out.slice(-1_000_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    pid: child.pid,
    process: child,
    output: () => out,
    exited,
    async stop(graceMs = 10_000) {
      if (!running()) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (!running()) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Waits for the first stdout line that parses as JSON (a "ready" line). */
function readyLine<T>(child: Child, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ready line within ${timeoutMs} ms:\n${child.output()}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      buffer += d.toString();
      for (const line of buffer.split("\n")) {
        const trimmed = line.trim();
        if (!trimmed.startsWith("{")) continue;
        try {
          const value = JSON.parse(trimmed) as T;
          cleanup();
          resolve(value);
          return;
        } catch {
          // a partial line or a log line: keep reading
        }
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`process exited (${code}) before it was ready:\n${child.output()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.process.stdout?.off("data", onData);
      child.process.off("exit", onExit);
    };
    child.process.stdout?.on("data", onData);
    child.process.once("exit", onExit);
  });
}

export interface CosmosProcess extends Child {
  endpoint: string;
  key: string;
}

/** The local Cosmos server in its own process (src/storage/local-cosmos-main.ts). */
export async function startCosmosProcess(
  opts: { database?: string; snapshotFile?: string } = {},
): Promise<CosmosProcess> {
  const child = spawnTs(join(ROOT, "src", "storage", "local-cosmos-main.ts"), {
    env: {
      PORT: "0",
      COSMOS_DATABASE: opts.database ?? "dekom-rapport",
      ...(opts.snapshotFile ? { COSMOS_SNAPSHOT: opts.snapshotFile } : {}),
    },
  });
  const { endpoint, key } = await readyLine<{ endpoint: string; key: string }>(child);
  return { ...child, endpoint, key };
}

export interface BotChild extends Child {
  /** http://127.0.0.1:<port> */
  url: string;
}

/**
 * The real bot (bot/index.ts, or that file under `root` for an experimental copy of the tree; with
 * `built`, bot/index.js of a buildTree() output), ready when GET /readyz answers 200 (/healthz is
 * liveness only: it answers before Cosmos is reachable).
 */
export async function startBotProcess(opts: {
  port: number;
  env: Record<string, string>;
  root?: string;
  built?: string;
  /** Runtime flags instead of those of `npm start` (startFlags). */
  nodeFlags?: string[];
  nodeArgs?: string[];
}): Promise<BotChild> {
  const root = opts.root ?? ROOT;
  const nodeArgs = [...(opts.nodeFlags ?? startFlags(root)), ...(opts.nodeArgs ?? [])];
  const file = opts.built ? join(opts.built, "bot", "index.js") : join(root, "bot", "index.ts");
  const child = spawnTs(file, {
    cwd: root,
    env: { NODE_ENV: "test", LOG_LEVEL: "warn", ...opts.env, PORT: String(opts.port) },
    nodeArgs,
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitHealthy(child, `${url}/readyz`);
  return { ...child, url };
}

/**
 * The node flags of `npm start` (package.json scripts.start, which infra/main.bicep runs on App Service
 * as its appCommandLine), e.g. ["--max-semi-space-size=64"]: the product bot is benchmarked and tested
 * with the runtime settings it is deployed with.
 */
export function startFlags(root = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  if (words[0] !== "node") throw new Error(`npm start is not a node command: ${pkg.scripts.start}`);
  return words.slice(1).filter((w) => w.startsWith("--"));
}

/** The bare botbuilder echo bot (test/support/echo-bot.ts, or its .js in a buildTree() output). */
export async function startEchoProcess(
  opts: { cardBytes?: number; nodeArgs?: string[]; built?: string } = {},
) {
  const file = opts.built
    ? join(opts.built, "test", "support", "echo-bot.js")
    : join(ROOT, "test", "support", "echo-bot.ts");
  const child = spawnTs(file, {
    env: { PORT: "0", ECHO_CARD_BYTES: String(opts.cardBytes ?? 16 * 1024) },
    ...(opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {}),
  });
  const { url } = await readyLine<{ url: string }>(child);
  return { ...child, url } as BotChild;
}

async function waitHealthy(child: Child, healthz: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`process exited early:\n${child.output()}`);
    try {
      const res = await fetch(healthz, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.kill();
      throw new Error(`not healthy within ${timeoutMs} ms:\n${child.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

let clockTicks: number | undefined;

/** Clock ticks per second of /proc times (getconf CLK_TCK; 100 almost everywhere). */
export function clkTck(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU time of a process, in ms, from /proc/<pid>/stat (utime + stime). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clkTck();
}

/** Resident set size of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) / 1024 : 0;
}
