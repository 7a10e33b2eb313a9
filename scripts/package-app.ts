/**
 * Builds the Teams app package (build/appPackage.zip: manifest.json + color.png + outline.png + the
 * localization files the manifest names, nn-no.json for nynorsk).
 *
 *   npm run package                 ids and domain from the environment (all required)
 *   npm run package -- --dev        fills fixed development ids and "localhost" where unset
 *   npm run package -- --out x.zip  another output file
 *
 * Environment:
 *   BOT_ID (or MICROSOFT_APP_ID)  the bot's Microsoft App ID = client id of the user-assigned managed
 *                                 identity (Bicep output `botId`)
 *   TEAMS_APP_ID                  the Teams app's own id: a GUID chosen once and kept for every version
 *   BOT_DOMAIN                    the web app's host name (Bicep output `botDomain`)
 *   APP_VERSION                   optional, default: "version" in package.json
 *   DEVELOPER_NAME, DEVELOPER_WEBSITE_URL, DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL   optional
 *
 * The filled manifest is validated offline against the JSON schema bundled in @microsoft/app-manifest
 * (for its manifestVersion), and the icons are checked for Teams' sizes and the outline rules.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type AppManifest, AppManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { PNG } from "pngjs";

const ROOT = join(import.meta.dirname, "..");
export const MANIFEST_DIR = join(ROOT, "manifest");
export const DEFAULT_OUT_FILE = join(ROOT, "build", "appPackage.zip");

/** Fixed ids for `--dev` packages (never for a tenant: Teams needs the real bot id). */
export const DEV_DEFAULTS = {
  BOT_ID: "00000000-0000-0000-0000-00000000b07d",
  APP_ID: "00000000-0000-0000-0000-0000000a9910",
  BOT_DOMAIN: "localhost",
} as const;

const DEVELOPER_DEFAULTS = {
  DEVELOPER_NAME: "Statsforvalteren",
  DEVELOPER_WEBSITE_URL: "https://www.statsforvalteren.no/",
  DEVELOPER_PRIVACY_URL: "https://www.statsforvalteren.no/",
  DEVELOPER_TERMS_URL: "https://www.statsforvalteren.no/",
} as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST =
  /^(?=.{1,253}$)[a-zA-Z0-9*]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:\d{1,5})?$/;
const SEMVER = /^\d+\.\d+\.\d+$/;

export class PackageError extends Error {}

export interface PackageOptions {
  /** Where the values come from (process.env in the CLI). */
  env: Record<string, string | undefined>;
  /** Fill development defaults for missing ids and domain. */
  dev?: boolean;
  /** The zip to write; default build/appPackage.zip. */
  outFile?: string;
  /** Folder with manifest.template.json, color.png and outline.png; default manifest/. */
  manifestDir?: string;
}

export interface PackageResult {
  outFile: string;
  manifest: Record<string, unknown>;
}

const nonEmpty = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

/** The template's values from the environment; throws PackageError naming every missing or invalid one. */
export async function templateValues(
  env: Record<string, string | undefined>,
  dev = false,
): Promise<Record<string, string>> {
  const problems: string[] = [];
  const pick = (value: string | undefined, devDefault: string, name: string): string => {
    const v = nonEmpty(value) ?? (dev ? devDefault : undefined);
    if (v === undefined) problems.push(`${name} is not set (use --dev for development defaults)`);
    return v ?? "";
  };
  const botId = pick(
    nonEmpty(env.BOT_ID) ?? env.MICROSOFT_APP_ID,
    DEV_DEFAULTS.BOT_ID,
    "BOT_ID / MICROSOFT_APP_ID",
  );
  const appId = pick(env.TEAMS_APP_ID, DEV_DEFAULTS.APP_ID, "TEAMS_APP_ID");
  // Accept a URL as well as a host name: keep only the host (and port).
  const botDomain = pick(env.BOT_DOMAIN, DEV_DEFAULTS.BOT_DOMAIN, "BOT_DOMAIN")
    .replace(/^https?:\/\//i, "")
    .replace(/\/.*$/, "");
  const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
  const version = nonEmpty(env.APP_VERSION) ?? pkg.version;

  if (botId && !GUID.test(botId)) problems.push(`BOT_ID / MICROSOFT_APP_ID must be a GUID, got "${botId}"`);
  if (appId && !GUID.test(appId)) problems.push(`TEAMS_APP_ID must be a GUID, got "${appId}"`);
  if (botDomain && !HOST.test(botDomain))
    problems.push(`BOT_DOMAIN must be a host name like bot.azurewebsites.net, got "${botDomain}"`);
  if (!SEMVER.test(version)) problems.push(`APP_VERSION must look like 1.2.3, got "${version}"`);
  if (problems.length > 0)
    throw new PackageError(`Cannot build the Teams app package:\n  ${problems.join("\n  ")}`);

  const developer = Object.fromEntries(
    Object.entries(DEVELOPER_DEFAULTS).map(([key, fallback]) => [key, nonEmpty(env[key]) ?? fallback]),
  );
  return { BOT_ID: botId, TEAMS_APP_ID: appId, BOT_DOMAIN: botDomain, APP_VERSION: version, ...developer };
}

/** Replaces every `${{NAME}}` in the template text (JSON-escaped); an unknown name is an error. */
export function fillTemplate(template: string, values: Record<string, string>): Record<string, unknown> {
  const unknown = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return "";
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0)
    throw new PackageError(`The manifest template uses unknown values: ${[...unknown].join(", ")}`);
  return JSON.parse(text) as Record<string, unknown>;
}

const appManifestDir = () =>
  dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json"));
const teamsSchemasDir = () => join(appManifestDir(), "build", "json-schemas", "teams");

/** The Teams manifest versions whose JSON schema @microsoft/app-manifest bundles, oldest first. */
export async function bundledSchemaVersions(): Promise<string[]> {
  const versions = (await readdir(teamsSchemasDir()))
    .map((d) => /^v(\d+)\.(\d+)$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const);
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return versions.map(([major, minor]) => `${major}.${minor}`);
}

/**
 * Validates a manifest offline against the bundled JSON schema of its `manifestVersion`.
 * Returns the list of problems (empty = valid); never fetches anything.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== "string") return ["manifestVersion is missing"];
  const schemaFile = join(teamsSchemasDir(), `v${version}`, "MicrosoftTeams.schema.json");
  let schema: unknown;
  try {
    // Some published schemas contain "\a" and "\v" escapes that JSON.parse rejects.
    schema = JSON.parse(
      (await readFile(schemaFile, "utf8")).replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"),
    );
  } catch {
    return [`no bundled schema for manifestVersion ${version} (${schemaFile})`];
  }
  const problems = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  const text = JSON.stringify(manifest);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest template's own placeholder syntax
  if (text.includes("${{")) problems.push("the manifest still contains ${{...}} placeholders");
  const $schema = manifest.$schema;
  if (typeof $schema === "string" && !$schema.includes(`/v${version}/`))
    problems.push(`$schema (${$schema}) does not match manifestVersion ${version}`);
  return problems;
}

/** The localization files the manifest names (localizationInfo.additionalLanguages), by file name. */
function localizationFiles(manifest: Record<string, unknown>): string[] {
  const info = manifest.localizationInfo as { additionalLanguages?: { file?: unknown }[] } | undefined;
  return (info?.additionalLanguages ?? []).map((l) => String(l.file));
}

/**
 * Validates a localization file (e.g. nn-no.json) offline against the bundled Localization schema of the
 * manifest's version, and checks that each key names something the manifest has (a command that exists).
 */
export async function validateLocalization(
  manifest: Record<string, unknown>,
  localization: Record<string, unknown>,
): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const schemaFile = join(teamsSchemasDir(), `v${version}`, "MicrosoftTeams.Localization.schema.json");
  let schema: unknown;
  try {
    // The published schema's activityTypes patterns end a class with a bare "]" ("\\b]"), which the
    // validator's Unicode regular expressions refuse; escaped, the patterns mean the same.
    schema = JSON.parse((await readFile(schemaFile, "utf8")).replaceAll("\\\\b]", "\\\\b\\\\]"));
  } catch {
    return [`no bundled localization schema for manifestVersion ${version}`];
  }
  const problems = await AppManifestUtils.validateAgainstSchema(
    localization as unknown as AppManifest,
    schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  const lists = (manifest.bots as { commandLists?: { commands: unknown[] }[] }[] | undefined)?.[0]
    ?.commandLists;
  for (const key of Object.keys(localization)) {
    const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
    if (m !== null && lists?.[Number(m[1])]?.commands[Number(m[2])] === undefined)
      problems.push(`${key}: the manifest has no such command`);
  }
  return problems;
}

/** Checks Teams' icon rules: color 192x192; outline 32x32, white pixels on a transparent background. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = PNG.sync.read(color);
  if (c.width !== 192 || c.height !== 192)
    problems.push(`color.png must be 192x192, is ${c.width}x${c.height}`);
  const o = PNG.sync.read(outline);
  if (o.width !== 32 || o.height !== 32)
    problems.push(`outline.png must be 32x32, is ${o.width}x${o.height}`);
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < o.data.length; i += 4) {
    if (o.data[i + 3] === 0) transparent++;
    else if (o.data[i] !== 255 || o.data[i + 1] !== 255 || o.data[i + 2] !== 255) notWhite++;
  }
  const pixels = o.width * o.height;
  if (notWhite > 0) problems.push(`outline.png must be white only: ${notWhite} visible pixels are not white`);
  if (transparent === 0 || transparent === pixels)
    problems.push("outline.png needs a transparent background and a visible white glyph");
  return problems;
}

/** Fills the template, validates manifest and icons, and writes the zip. */
export async function packageApp(opts: PackageOptions): Promise<PackageResult> {
  const dir = opts.manifestDir ?? MANIFEST_DIR;
  const outFile = opts.outFile ?? DEFAULT_OUT_FILE;
  const values = await templateValues(opts.env, opts.dev ?? false);
  const manifest = fillTemplate(await readFile(join(dir, "manifest.template.json"), "utf8"), values);
  const domains = manifest.validDomains;
  const problems = await validateManifest(manifest);
  if (!Array.isArray(domains) || !domains.includes(values.BOT_DOMAIN))
    problems.push(`validDomains must include the bot domain ${values.BOT_DOMAIN}`);
  const color = await readFile(join(dir, "color.png"));
  const outline = await readFile(join(dir, "outline.png"));
  problems.push(...checkIcons(color, outline));
  const localizations = new Map<string, string>();
  for (const file of localizationFiles(manifest)) {
    const text = await readFile(join(dir, file), "utf8");
    localizations.set(file, text);
    const found = await validateLocalization(manifest, JSON.parse(text) as Record<string, unknown>);
    problems.push(...found.map((p) => `${file}: ${p}`));
  }
  if (problems.length > 0)
    throw new PackageError(`The Teams app package is not valid:\n  ${problems.join("\n  ")}`);

  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file("color.png", color);
  zip.file("outline.png", outline);
  for (const [file, text] of localizations) zip.file(file, text);
  const data = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, data);
  return { outFile, manifest };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (outIndex >= 0 && outFile === undefined) throw new PackageError("--out needs a file name");
  const { outFile: written, manifest } = await packageApp({
    env: process.env,
    dev: args.includes("--dev"),
    outFile,
  });
  const bot = (manifest.bots as Array<{ botId: string }>)[0];
  console.log(
    `wrote ${written} (Teams app ${String(manifest.id)} v${String(manifest.version)}, bot ${bot?.botId ?? "?"}, ` +
      `manifest ${String(manifest.manifestVersion)})`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof PackageError ? err.message : err);
    process.exit(1);
  });
}
