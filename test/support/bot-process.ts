/**
 * Run the real bot (bot/index.ts) as a child process on a real HTTP port, so tests can stop,
 * kill -9 and restart it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

export interface BotProcess {
  url: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to clean up. */
  kill(): Promise<void>;
}

/** Whether something answers on the port (a bot left over would make a restart test lie). */
async function listening(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

export async function startBot(opts: { port: number; env: Record<string, string> }): Promise<BotProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  if (await listening(url))
    throw new Error(`port ${opts.port} is already in use: refusing to start a second bot`);
  // Node itself with tsx as a loader (not the tsx wrapper), so kill() reaches the bot's own process.
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bot", "index.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", ...opts.env, PORT: String(opts.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  // E2E_BOT_START_MS: more time to start on a loaded machine (tsx compiles everything at start-up).
  const deadline = Date.now() + (Number(process.env.E2E_BOT_START_MS) || 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`bot did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill("SIGKILL");
      await exited;
      if (await listening(url)) throw new Error("the bot still answers after SIGKILL");
    },
  };
}
