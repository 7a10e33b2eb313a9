/**
 * The Microsoft 365 Agents Toolkit layout: `atk validate --manifest-file` (the real toolkit CLI,
 * @microsoft/m365agentstoolkit-cli, offline) on the manifest of the package `npm run package` builds,
 * and m365agents.yml / m365agents.local.yml / env/ checked against infra/main.bicep and the manifest
 * template: every value they use is defined somewhere, and no env file holds a secret.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { packageApp } from "../../scripts/package-app.ts";
import { params, stripComments } from "../infra/bicep.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** The toolkit CLI's entry (its package's "atk" bin), run with this Node. */
const ATK = join(
  dirname(createRequire(import.meta.url).resolve("@microsoft/m365agentstoolkit-cli/package.json")),
  "cli.js",
);
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), "utf8");

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
}

const project = (file: string) => parse(read(file)) as Project;
const placeholders = (text: string) =>
  [...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1] as string);
const envFile = (name: string) =>
  new Map(
    read("env", name)
      .split("\n")
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] as const),
  );
/** Bicep outputs: the toolkit's arm/deploy writes each into the env file under its own name. */
const bicepOutputs = [...stripComments(read("infra", "main.bicep")).matchAll(/^output\s+(\w+)\s/gm)].map(
  (m) => m[1] as string,
);

function atkValidate(manifestFile: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ATK,
      ["validate", "--manifest-file", manifestFile, "--telemetry", "false", "-i", "false"],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("atk validate on the built package", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "atk-validate-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("should pass the package's manifest and reject a broken one", { timeout: 180_000 }, async () => {
    expect(existsSync(ATK), "npm install installs the toolkit CLI").toBe(true);
    const zipFile = join(dir, "appPackage.zip");
    await packageApp({ env: {}, dev: true, outFile: zipFile });
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    for (const name of ["manifest.json", "color.png", "outline.png", "nn-no.json"]) {
      const data = await zip.file(name)?.async("nodebuffer");
      if (data === undefined) throw new Error(`${name} missing from the package`);
      await writeFile(join(dir, name), data);
    }
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      bots: Array<Record<string, unknown>>;
    };
    const bots = manifest.bots.map((b) => ({ ...b, botId: "not-a-guid" }));
    await writeFile(join(dir, "broken.json"), JSON.stringify({ ...manifest, bots }));
    const [good, broken] = await Promise.all([
      atkValidate(join(dir, "manifest.json")),
      atkValidate(join(dir, "broken.json")),
    ]);
    expect(good.output).toMatch(/All passed/);
    expect(good.code, good.output).toBe(0);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/\/bots\/0\/botId/);
  });
});

describe("m365agents.yml and m365agents.local.yml", () => {
  const dev = project("m365agents.yml");
  const local = project("m365agents.local.yml");

  it("should provision with the Bicep deploy, then zip and validate the package, and zip deploy", () => {
    expect(dev.provision.map((s) => s.uses)).toEqual([
      "teamsApp/create",
      "arm/deploy",
      "teamsApp/validateManifest",
      "teamsApp/zipAppPackage",
      "teamsApp/validateAppPackage",
      "teamsApp/update",
    ]);
    const arm = dev.provision[1]?.with as { templates: Array<{ path: string; parameters: string }> };
    expect(arm.templates.map((t) => t.path)).toEqual(["./infra/main.bicep"]);
    const zipDeploy = dev.deploy.find((s) => s.uses === "azureAppService/zipDeploy");
    expect(placeholders(String(zipDeploy?.with?.resourceId))).toEqual(["AZURE_APP_SERVICE_RESOURCE_ID"]);
    expect(bicepOutputs).toContain("AZURE_APP_SERVICE_RESOURCE_ID");
    expect(dev.deploy.map((s) => s.uses)).toContain("cli/runNpmCommand");
  });

  it("should run locally with its own dev bot pointed at the dev tunnel", () => {
    const uses = local.provision.map((s) => s.uses);
    expect(uses).toEqual(
      expect.arrayContaining(["aadApp/create", "botFramework/create", "teamsApp/zipAppPackage"]),
    );
    expect(uses).not.toContain("arm/deploy");
    const bot = local.provision.find((s) => s.uses === "botFramework/create");
    expect(placeholders(String(bot?.with?.messagingEndpoint))).toEqual(["BOT_ENDPOINT"]);
    expect(String(bot?.with?.messagingEndpoint)).toMatch(/\}\}\/api\/messages$/);
    const configs = local.deploy.find((s) => s.uses === "file/createOrUpdateEnvironmentFile")?.with as {
      target: string;
      envs: Record<string, unknown>;
    };
    expect(configs.target).toBe("./.localConfigs");
    expect(read(".gitignore")).toMatch(/^\.localConfigs$/m);
    // The names the bot's config reads (src/config.ts).
    const config = read("src", "config.ts");
    for (const name of Object.keys(configs.envs)) expect(config, name).toContain(`${name}:`);
  });

  it("should point every file path at a file that exists", () => {
    for (const step of [...dev.provision, ...local.provision]) {
      for (const key of ["manifestPath"] as const) {
        const path = step.with?.[key];
        if (typeof path === "string") expect(existsSync(join(ROOT, path)), path).toBe(true);
      }
    }
    const arm = dev.provision.find((s) => s.uses === "arm/deploy")?.with as
      | { templates: Array<{ parameters: string }> }
      | undefined;
    expect(arm?.templates.length).toBe(1);
    for (const t of arm?.templates ?? []) expect(existsSync(join(ROOT, t.parameters))).toBe(true);
  });

  it("should define every value the projects, the parameters and the manifest template use", () => {
    const template = read("manifest", "manifest.template.json");
    const atkParams = read("infra", "main.parameters.atk.json");
    for (const [file, proj, env] of [
      ["m365agents.yml", dev, "dev"],
      ["m365agents.local.yml", local, "local"],
    ] as const) {
      const defined = new Set([
        ...envFile(`.env.${env}`).keys(),
        // Built in, or asked for by the toolkit; SECRET_* live in env/.env.<env>.user (gitignored).
        "TEAMSFX_ENV",
        ...proj.provision.flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
        ...(proj.provision.some((s) => s.uses === "arm/deploy") ? bicepOutputs : []),
      ]);
      const used = [...placeholders(read(file)), ...placeholders(template)];
      if (env === "dev") used.push(...placeholders(atkParams));
      const missing = used.filter((n) => !defined.has(n) && !n.startsWith("SECRET_"));
      expect([...new Set(missing)], file).toEqual([]);
    }
  });

  it("should give only declared Bicep parameters, with the secret from a SECRET_ variable", () => {
    const declared = params(read("infra", "main.bicep"));
    const given = (
      JSON.parse(read("infra", "main.parameters.atk.json")) as {
        parameters: Record<string, { value: string }>;
      }
    ).parameters;
    const names = new Set(declared.map((p) => p.name));
    expect(Object.keys(given).filter((n) => !names.has(n))).toEqual([]);
    for (const p of declared.filter((d) => d.secure))
      expect(given[p.name]?.value).toMatch(/^\$\{\{SECRET_\w+\}\}$/);
  });

  it("should keep secrets out of the committed env files", () => {
    expect(read(".gitignore")).toMatch(/^\.env\.\*\.user$/m);
    for (const name of [".env.dev", ".env.local"]) {
      for (const [key, value] of envFile(name)) {
        if (/SECRET|PASSWORD|KEY|CONNECTION_STRING/.test(key)) expect(value, `${name} ${key}`).toBe("");
        expect(value, `${name} ${key}`).not.toMatch(/[A-Za-z0-9+/~_.-]{32,}/);
      }
    }
  });
});
