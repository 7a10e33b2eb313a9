/**
 * The Teams app package: `packageApp` fills the template from the environment, validates the manifest
 * offline against the JSON schema bundled in @microsoft/app-manifest, checks the icons and writes the zip.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderColorIcon, renderOutlineIcon } from "../../scripts/make-icons.ts";
import {
  bundledSchemaVersions,
  checkIcons,
  DEV_DEFAULTS,
  fillTemplate,
  MANIFEST_DIR,
  PackageError,
  packageApp,
  validateLocalization,
  validateManifest,
} from "../../scripts/package-app.ts";

const ENV = {
  BOT_ID: "3f1c2b9e-4a5d-4e6f-8a7b-9c0d1e2f3a4b",
  TEAMS_APP_ID: "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
  BOT_DOMAIN: "https://dekomrapport-abc123.azurewebsites.net/",
  APP_VERSION: "1.2.3",
};

type Manifest = Record<string, unknown> & {
  id: string;
  version: string;
  manifestVersion: string;
  validDomains: string[];
  bots: Array<{
    botId?: string;
    scopes: string[];
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
};

let dir: string;
let zipFile: string;
let zip: JSZip;
let manifest: Manifest;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "app-package-"));
  zipFile = join(dir, "appPackage.zip");
  await packageApp({ env: ENV, outFile: zipFile });
  zip = await JSZip.loadAsync(await readFile(zipFile));
  manifest = JSON.parse(
    await (zip.file("manifest.json")?.async("string") ?? Promise.resolve("{}")),
  ) as Manifest;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const clone = (m: Manifest): Manifest => JSON.parse(JSON.stringify(m)) as Manifest;

async function png(name: string): Promise<PNG> {
  const data = await zip.file(name)?.async("nodebuffer");
  if (data === undefined) throw new Error(`${name} missing from the zip`);
  return PNG.sync.read(data);
}

describe("packageApp", () => {
  it("should write a zip with exactly manifest.json, color.png, outline.png and the nynorsk nn-no.json", () => {
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(["color.png", "manifest.json", "nn-no.json", "outline.png"]);
  });

  it("should localize name, descriptions and every command to nynorsk (nn-no), valid offline", async () => {
    const text = await zip.file("nn-no.json")?.async("string");
    if (text === undefined) throw new Error("nn-no.json missing from the zip");
    const nn = JSON.parse(text) as Record<string, string>;
    expect(await validateLocalization(manifest as unknown as Record<string, unknown>, nn)).toEqual([]);
    expect(nn["description.short"]).toBe("Årleg rapportering om tiltak i desentralisert ordning");
    const lists = manifest.bots[0]?.commandLists ?? [];
    for (const [l, list] of lists.entries()) {
      for (const c of list.commands.keys()) {
        const at = `bots[0].commandLists[${l}].commands[${c}]`;
        expect(nn[`${at}.title`], at).toBeTruthy();
        expect(nn[`${at}.description`], at).toBeTruthy();
      }
    }
    // The schema check can fail: the short name is required, a too long one is refused.
    const { "name.short": _name, ...noName } = nn;
    expect(
      (await validateLocalization(manifest as unknown as Record<string, unknown>, noName)).length,
    ).toBeGreaterThan(0);
    // A key for a command the manifest does not have is caught.
    const extra = { ...nn, "bots[0].commandLists[0].commands[11].title": "meir" };
    expect(await validateLocalization(manifest as unknown as Record<string, unknown>, extra)).toEqual([
      "bots[0].commandLists[0].commands[11].title: the manifest has no such command",
    ]);
  });

  it("should fill ids, version and domain from the environment", () => {
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.bots[0]?.botId).toBe(ENV.BOT_ID);
    expect(manifest.validDomains).toContain("dekomrapport-abc123.azurewebsites.net");
    expect(JSON.stringify(manifest)).not.toContain("${{");
  });

  it("should produce a manifest that passes offline schema validation", async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it("should use the newest manifest schema the offline validator bundles", async () => {
    const versions = await bundledSchemaVersions();
    expect(versions.length).toBeGreaterThan(10);
    expect(manifest.manifestVersion).toBe(versions.at(-1));
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it("should offer the bot in personal and team scope with Norwegian command lists", () => {
    const bot = manifest.bots[0];
    expect(bot?.scopes.sort()).toEqual(["personal", "team"]);
    const commands = (scope: string) =>
      bot?.commandLists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title);
    expect(commands("personal")).toEqual([
      "start",
      "fortsett",
      "status",
      "rapporter",
      "frist",
      "hva mangler",
      "kontaktperson",
      "hjelp",
      "nynorsk",
      "bokmål",
    ]);
    expect(commands("team")).toEqual(["bruk denne kanalen", "status", "oversikt", "eksport", "hjelp"]);
    for (const list of bot?.commandLists ?? []) {
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(5);
    }
    expect(manifest.name).toEqual({ short: "Dekom-rapport", full: "Rapportering desentralisert ordning" });
  });

  it("should let people send files to the bot in personal chat (the round import from a spreadsheet)", () => {
    // Teams delivers file.download.info attachments only to bots that declare supportsFiles.
    expect((manifest.bots[0] as { supportsFiles?: boolean } | undefined)?.supportsFiles).toBe(true);
  });

  it("should ship a 192x192 color icon and a 32x32 white-on-transparent outline icon", async () => {
    const color = await png("color.png");
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = await png("outline.png");
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      visible++;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(visible).toBeGreaterThan(50);
    expect(visible).toBeLessThan((32 * 32) / 2);
    expect(outline.data[3]).toBe(0); // top-left corner is transparent
  });

  it("should keep the committed icons identical to what scripts/make-icons.ts draws", async () => {
    const same = async (file: string, rendered: Buffer) =>
      PNG.sync.read(await readFile(join(MANIFEST_DIR, file))).data.equals(PNG.sync.read(rendered).data);
    expect(await same("color.png", renderColorIcon())).toBe(true);
    expect(await same("outline.png", renderOutlineIcon())).toBe(true);
  });

  it("should accept MICROSOFT_APP_ID when BOT_ID is not set", async () => {
    const { BOT_ID, ...rest } = ENV;
    const { manifest: m } = await packageApp({
      env: { ...rest, MICROSOFT_APP_ID: BOT_ID },
      outFile: join(dir, "b.zip"),
    });
    expect((m as Manifest).bots[0]?.botId).toBe(BOT_ID);
  });

  it("should refuse to package without ids and domain unless --dev is given", async () => {
    const run = packageApp({ env: {}, outFile: join(dir, "c.zip") });
    await expect(run).rejects.toBeInstanceOf(PackageError);
    await expect(run).rejects.toThrow(/BOT_ID[\s\S]*TEAMS_APP_ID[\s\S]*BOT_DOMAIN/);
    const { manifest: dev } = await packageApp({ env: {}, dev: true, outFile: join(dir, "d.zip") });
    expect((dev as Manifest).bots[0]?.botId).toBe(DEV_DEFAULTS.BOT_ID);
    expect(await validateManifest(dev)).toEqual([]);
  });

  it("should refuse ids that are not GUIDs", async () => {
    await expect(
      packageApp({ env: { ...ENV, BOT_ID: "my-bot" }, outFile: join(dir, "e.zip") }),
    ).rejects.toThrow(/must be a GUID/);
  });
});

describe("validateManifest (the check can fail)", () => {
  it("should reject a manifest whose bot has no botId", async () => {
    const broken = clone(manifest);
    delete broken.bots[0]?.botId;
    const problems = await validateManifest(broken);
    expect(problems.join("\n")).toMatch(/botId/);
  });

  it("should reject a malformed bot id, a too long short name and an unknown property", async () => {
    const broken = clone(manifest);
    if (broken.bots[0]) broken.bots[0].botId = "not-a-guid";
    broken.name = { short: "Rapportering desentralisert ordning", full: "x" };
    broken.colour = "#fff";
    const problems = (await validateManifest(broken)).join("\n");
    expect(problems).toMatch(/\/bots\/0\/botId/);
    expect(problems).toMatch(/\/name\/short/);
    expect(problems).toMatch(/additional/i);
  });

  it("should reject a manifestVersion without a bundled schema", async () => {
    const problems = await validateManifest({ ...clone(manifest), manifestVersion: "0.9" });
    expect(problems.join("\n")).toMatch(/no bundled schema/);
  });

  it("should reject unknown template placeholders", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest template's own placeholder syntax
    expect(() => fillTemplate('{ "a": "${{NOPE}}" }', {})).toThrow(/NOPE/);
  });

  it("should reject icons that break Teams' rules", async () => {
    const color = await readFile(join(MANIFEST_DIR, "color.png"));
    const outline = await readFile(join(MANIFEST_DIR, "outline.png"));
    expect(checkIcons(color, outline)).toEqual([]);
    const problems = checkIcons(outline, color).join("\n");
    expect(problems).toMatch(/color\.png must be 192x192/);
    expect(problems).toMatch(/outline\.png must be 32x32/);
    expect(problems).toMatch(/white only/);
  });
});
