/**
 * Start the Microsoft 365 Agents Playground (the local Teams-like client) pointed at a bot.
 * Used by `npm run dev` and by the end-to-end tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface Playground {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

export function playgroundCli(): string {
  return join(dirname(require.resolve("@microsoft/m365agentsplayground/package.json")), "cli.js");
}

/**
 * @param workDir scratch folder (the Playground writes ./devTools/*.log into its cwd)
 * @param configYaml optional Playground config (currentUser, users, ...) written to workDir
 */
export async function startPlayground(opts: {
  botEndpoint: string;
  port: number;
  workDir: string;
  configYaml?: string;
  timeoutMs?: number;
}): Promise<Playground> {
  mkdirSync(opts.workDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: "none",
    TEAMSAPPTESTER_PORT: String(opts.port),
  };
  if (opts.configYaml !== undefined) {
    const file = join(opts.workDir, ".m365agentsplayground.yml");
    writeFileSync(file, opts.configYaml);
    env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = file;
  }
  const child = spawn(
    process.execPath,
    [
      playgroundCli(),
      "-e",
      opts.botEndpoint,
      "-c",
      "msteams",
      "-p",
      String(opts.port),
      "--disable-telemetry",
    ],
    { cwd: opts.workDir, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Agents Playground exited early:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Agents Playground did not start within the time limit:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}
