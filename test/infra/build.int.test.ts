/**
 * The production build: `tsc -p tsconfig.build.json` into a temporary folder, laid out as App Service
 * runs it (dist/ + package.json + node_modules), then checked:
 * - the emitted JavaScript imports ".js"/".json" files that exist, and the card templates and form JSON
 *   are emitted beside it;
 * - no emitted module imports a devDependency statically; only the embedded local Cosmos server
 *   (src/storage/local-cosmos.js) may import one, dynamically;
 * - with a node_modules of production dependencies only, `node dist/bot/index.js` in production loads
 *   every module and never the local Cosmos server (a resolve hook records each import), while
 *   development mode there fails for lack of @vercel/cosmosdb-server (so the tree really lacks dev deps);
 * - with all dependencies, `node dist/bot/index.js` starts in development with an empty environment.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/ports.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const DEV_DEPS = new Set(Object.keys(pkg.devDependencies));
const PROD_DEPS = new Set(Object.keys(pkg.dependencies));
/** The only emitted module allowed to import a devDependency (dynamically): the local Cosmos server. */
const LOCAL_ONLY = "src/storage/local-cosmos.js";

const A_GUID = "3f1c2b9e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";

let tmp: string;
/** dist + package.json + production-only node_modules. */
let prodApp: string;
/** dist + package.json + all node_modules. */
let fullApp: string;
let registerHook: string;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const isBuiltin = (s: string) => s.startsWith("node:") || builtinModules.includes(s.split("/")[0] as string);
const packageName = (s: string) =>
  (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]) as string;
const isRelative = (s: string) => s.startsWith("./") || s.startsWith("../");

/** Static (import/export ... from, bare import) and dynamic (import("...")) specifiers of a module. */
function importsOf(js: string): { static: string[]; dynamic: string[] } {
  const stat = [
    ...js.matchAll(/^\s*import\s+(?:[^'"();]*?\s+from\s+)?["']([^"']+)["']/gm),
    ...js.matchAll(/^\s*export\s+[^'"();]*?\s+from\s+["']([^"']+)["']/gm),
  ].map((m) => m[1] as string);
  const dynamic = [...js.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string);
  return { static: stat, dynamic };
}

/** Links the top-level packages of package-lock.json that are not dev-only into `dir/node_modules`. */
async function linkProductionModules(dir: string): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const linked: string[] = [];
  for (const [key, info] of Object.entries(lock.packages)) {
    const name = key.slice("node_modules/".length);
    if (!key.startsWith("node_modules/") || name.includes("/node_modules/") || info.dev === true) continue;
    const target = join(ROOT, "node_modules", name);
    if (!(await stat(target).catch(() => undefined))) continue; // an optional package not installed here
    await mkdir(dirname(join(dir, "node_modules", name)), { recursive: true });
    await symlink(target, join(dir, "node_modules", name), "dir");
    linked.push(name);
  }
  return linked;
}

interface Run {
  code: number | null;
  output: string;
  /** Every module resolution seen by the hook: specifier, importing module, resolved URL. */
  resolved: Array<{ specifier: string; parent?: string; url: string }>;
}

/** Runs `node dist/bot/index.js` in `app` with exactly `env` (plus PATH), recording every import. */
async function runBot(app: string, env: Record<string, string>, timeoutMs = 30_000): Promise<Run> {
  const log = join(app, `resolve-${Date.now()}.log`);
  const child = spawn(process.execPath, ["--import", pathToFileURL(registerHook).href, "dist/bot/index.js"], {
    cwd: app,
    env: { PATH: process.env.PATH ?? "", RESOLVE_LOG: log, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const code = await exitOf(child, timeoutMs);
  const text = await readFile(log, "utf8").catch(() => "");
  const resolved = text
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Run["resolved"][number]);
  return { code, output, resolved };
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`process did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

beforeAll(async () => {
  tmp = await realpath(await mkdtemp(join(tmpdir(), "dekom-build-")));
  prodApp = join(tmp, "prod");
  fullApp = join(tmp, "full");
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = spawnSync(
    process.execPath,
    [tsc, "-p", "tsconfig.build.json", "--outDir", join(prodApp, "dist")],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  await cp(join(ROOT, "package.json"), join(prodApp, "package.json"));
  await linkProductionModules(prodApp);

  await mkdir(fullApp);
  await cp(join(prodApp, "dist"), join(fullApp, "dist"), { recursive: true });
  await cp(join(ROOT, "package.json"), join(fullApp, "package.json"));
  await symlink(join(ROOT, "node_modules"), join(fullApp, "node_modules"), "dir");

  // A resolve hook that appends every resolution to $RESOLVE_LOG (hooks run on their own thread).
  await writeFile(
    join(tmp, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.RESOLVE_LOG, JSON.stringify({ specifier, parent: context.parentURL, url: result.url }) + "\\n");
  return result;
}
`,
  );
  registerHook = join(tmp, "register.mjs");
  await writeFile(
    registerHook,
    `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`,
  );
}, 120_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("npm run build", () => {
  it("should be tsc with tsconfig.build.json, and npm start should run the compiled bot", () => {
    expect(pkg.scripts.build).toBe("tsc -p tsconfig.build.json");
    expect(pkg.scripts.start).toBe("node --max-semi-space-size=64 dist/bot/index.js");
  });

  it("should emit plain JavaScript whose relative imports point at emitted .js/.json files", async () => {
    const dist = join(prodApp, "dist");
    const files = await listFiles(dist);
    expect(files).toContain(join(dist, "bot", "index.js"));
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith(".js"))) {
      const { static: s, dynamic: d } = importsOf(await readFile(file, "utf8"));
      for (const spec of [...s, ...d].filter(isRelative)) {
        expect(spec, `${relative(dist, file)} imports ${spec}`).toMatch(/\.(js|json)$/);
        expect(files, `${relative(dist, file)} imports ${spec}`).toContain(resolve(dirname(file), spec));
      }
    }
  });

  it("should emit the card templates and the form JSON beside the code", async () => {
    const sources = [
      ...(await listFiles(join(ROOT, "cards"))),
      ...(await listFiles(join(ROOT, "src"))),
    ].filter((f) => f.endsWith(".json"));
    expect(sources.some((f) => f.endsWith(".card.json"))).toBe(true);
    expect(sources.some((f) => f.includes(join("questionnaire", "forms")))).toBe(true);
    for (const source of sources) {
      const emitted = join(prodApp, "dist", relative(ROOT, source));
      // tsc re-serialises imported JSON, so compare the data, not the text.
      const data = JSON.parse(await readFile(emitted, "utf8")) as unknown;
      expect(data, relative(ROOT, source)).toEqual(JSON.parse(await readFile(source, "utf8")));
    }
  });

  it("should import no devDependency statically, and dynamically only in the local Cosmos server", async () => {
    const dist = join(prodApp, "dist");
    const offenders: string[] = [];
    let dynamicDevImports = 0;
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith(".js"))) {
      const rel = relative(dist, file).split("\\").join("/");
      const { static: s, dynamic: d } = importsOf(await readFile(file, "utf8"));
      for (const spec of s.filter((x) => !isRelative(x) && !isBuiltin(x))) {
        if (!PROD_DEPS.has(packageName(spec))) offenders.push(`${rel}: static import of ${spec}`);
      }
      for (const spec of d.filter((x) => !isRelative(x) && !isBuiltin(x))) {
        if (DEV_DEPS.has(packageName(spec))) {
          dynamicDevImports++;
          if (rel !== LOCAL_ONLY) offenders.push(`${rel}: dynamic import of devDependency ${spec}`);
        } else if (!PROD_DEPS.has(packageName(spec))) {
          offenders.push(`${rel}: dynamic import of undeclared ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    expect(dynamicDevImports).toBe(1); // @vercel/cosmosdb-server, the scan does see it
  });
});

describe("node dist/bot/index.js", () => {
  it("should load in production with production dependencies only, never touching the local Cosmos server", async () => {
    const closed = await freePort();
    const run = await runBot(prodApp, {
      NODE_ENV: "production",
      MICROSOFT_APP_ID: A_GUID,
      MICROSOFT_APP_TENANT_ID: A_GUID,
      ALLOWED_TENANT_IDS: A_GUID,
      PUBLIC_BASE_URL: "https://dekom.example.net",
      JOBS_SECRET: "a-shared-secret-for-jobs-and-links",
      // Opened on first use only: start-up never reaches it.
      BLOB_ENDPOINT: "https://dekomtest.blob.core.windows.net",
      // A closed port on loopback: start-up fails at the first Cosmos request, after every module loaded.
      COSMOS_ENDPOINT: `http://127.0.0.1:${closed}/`,
      COSMOS_KEY: "a2V5",
      LOG_LEVEL: "silent",
    });
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/ECONNREFUSED/);
    expect(run.output).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (package|module)/);

    const distUrl = pathToFileURL(join(prodApp, "dist")).href;
    const ours = run.resolved.filter((r) => r.parent?.startsWith(distUrl));
    expect(ours.length).toBeGreaterThan(20);
    const bare = ours.map((r) => r.specifier).filter((s) => !isRelative(s) && !isBuiltin(s));
    expect(bare.filter((s) => !PROD_DEPS.has(packageName(s)))).toEqual([]);
    expect(run.resolved.filter((r) => /local-cosmos|cosmosdb-server/.test(r.url))).toEqual([]);
    // Every file loaded is either our compiled code or a linked package (real paths: links resolve).
    const roots = [await realpath(join(ROOT, "node_modules")), await realpath(prodApp)];
    const stray = run.resolved
      .filter((r) => r.url.startsWith("file:"))
      .map((r) => fileURLToPath(r.url))
      .filter((file) => !roots.some((root) => file.startsWith(root)));
    expect(stray).toEqual([]);
  });

  it("should fail in development without devDependencies (the production tree really lacks them)", async () => {
    const run = await runBot(prodApp, { NODE_ENV: "development", LOCAL_DATA_DIR: join(tmp, "data-prod") });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/@vercel\/cosmosdb-server/);
  });

  it("should start in development with an empty environment when all dependencies are installed", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["dist/bot/index.js"], {
      cwd: fullApp,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "development",
        PORT: String(port),
        LOCAL_DATA_DIR: join(tmp, "data"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const exited = exitOf(child, 60_000);
    try {
      const deadline = Date.now() + 20_000;
      let healthy = false;
      while (!healthy && Date.now() < deadline && child.exitCode === null) {
        healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!healthy) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy, output).toBe(true);
      expect(output).toMatch(/embedded local Cosmos server/);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
  });
});
