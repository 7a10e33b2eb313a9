import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCosmos } from "../../../src/storage/cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { makeReport } from "./fixtures.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const MAIN = join(ROOT, "src/storage/local-cosmos-main.ts");

interface Running {
  child: ChildProcess;
  endpoint: string;
  key: string;
  stderr: () => string;
}

/** Starts the CLI and waits for its ready line on stdout. */
async function startMain(env: Record<string, string>): Promise<Running> {
  const child = spawn(TSX, [MAIN], {
    cwd: ROOT,
    // The same Node that runs the tests, first on PATH for tsx's shebang.
    env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = await new Promise<{ endpoint: string; key: string }>((ok, fail) => {
    child.once("exit", (code) => fail(new Error(`local-cosmos-main exited with ${code}: ${stderr}`)));
    lines.once("line", (line) => ok(JSON.parse(line)));
  });
  return { child, ...ready, stderr: () => stderr };
}

function stopMain(running: Running, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((ok) => {
    running.child.once("exit", (code) => ok(code));
    running.child.kill(signal);
  });
}

let dir: string;
const started: Running[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "local-cosmos-main-"));
});

afterAll(async () => {
  for (const r of started)
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

describe("local-cosmos-main (child process)", () => {
  it("should print its endpoint, snapshot on SIGTERM and restore on the next start", async () => {
    const file = join(dir, "data.json");
    const env = { PORT: "0", COSMOS_SNAPSHOT: file, COSMOS_DATABASE: "app" };

    const first = await startMain(env);
    started.push(first);
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const store = await openCosmos({ endpoint: first.endpoint, key: first.key, database: "app" });
    await new ReportRepo(store.containers.reports).create(makeReport({ id: "kept", roundId: "r1" }));
    store.dispose();
    expect(await stopMain(first)).toBe(0);
    expect(JSON.parse(await readFile(file, "utf8")).databases[0].containers).toBeDefined();

    const second = await startMain(env);
    started.push(second);
    const again = await openCosmos({ endpoint: second.endpoint, key: second.key, database: "app" });
    const back = await new ReportRepo(again.containers.reports).get("r1", "kept");
    expect(back?.doc).toEqual(makeReport({ id: "kept", roundId: "r1" }));
    again.dispose();
    expect(await stopMain(second, "SIGINT")).toBe(0);
  });

  it("should snapshot periodically while running", async () => {
    const file = join(dir, "periodic.json");
    const running = await startMain({ PORT: "0", COSMOS_SNAPSHOT: file, COSMOS_SNAPSHOT_INTERVAL_MS: "200" });
    started.push(running);
    const store = await openCosmos({
      endpoint: running.endpoint,
      key: running.key,
      database: "dekom-rapport",
    });
    await new ReportRepo(store.containers.reports).create(makeReport({ id: "tick", roundId: "r1" }));
    store.dispose();
    await expect
      .poll(async () => (await readFile(file, "utf8").catch(() => "")).includes('"tick"'), { timeout: 5_000 })
      .toBe(true);
    expect(await stopMain(running)).toBe(0);
  });

  it("should exit with an error for an invalid PORT", async () => {
    await expect(startMain({ PORT: "eighty" })).rejects.toThrow(/PORT must be an integer/);
  });
});
