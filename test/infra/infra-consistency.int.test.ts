/**
 * infra/main.bicep against the code, read as text (the Bicep CLI is not installable here):
 * the app settings set every variable src/config.ts requires in production, and the Cosmos containers
 * equal CONTAINERS in src/storage/cosmos.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { CONTAINERS } from "../../src/storage/cosmos.ts";
import {
  appSettings,
  containers,
  firstValue,
  literal,
  missingSettings,
  params,
  property,
  resources,
  stripComments,
  variable,
} from "./bicep.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const bicep = readFileSync(join(ROOT, "infra", "main.bicep"), "utf8");

/** The variables the config schema itself reports missing for NODE_ENV=production and nothing else set. */
function productionRequiredEnv(): string[] {
  try {
    loadConfig({ NODE_ENV: "production" });
  } catch (err) {
    if (err instanceof ConfigError) {
      return [...err.message.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] as string);
    }
    throw err;
  }
  throw new Error("loadConfig accepted an empty production environment");
}

/** Deletes the app setting `name` from the Bicep text (the whole `{ name: ..., value: ... }` line). */
function withoutSetting(text: string, name: string): string {
  const out = text.replace(new RegExp(`^.*\\{\\s*name:\\s*'${name}'.*\\}.*\\n`, "m"), "");
  if (out === text) throw new Error(`setting ${name} not found on one line`);
  return out;
}

const required = productionRequiredEnv();
const settings = appSettings(bicep);

describe("infra/main.bicep app settings", () => {
  it("should derive a non-empty list of production-required variables from the config schema", () => {
    expect(required.length).toBeGreaterThan(0);
    expect(required).toContain("COSMOS_ENDPOINT");
  });

  it("should set every variable the config requires in production", () => {
    expect(missingSettings(bicep, required)).toEqual([]);
  });

  it("should report a required setting that is removed (the check can fail)", () => {
    for (const name of required) {
      expect(missingSettings(withoutSetting(bicep, name), required)).toEqual([name]);
    }
  });

  it("should pass the production configuration on the way the app expects", () => {
    expect(settings.get("NODE_ENV")).toBe("'production'");
    expect(settings.get("MICROSOFT_APP_TYPE")).toBe("'UserAssignedMSI'");
    expect(settings.get("MICROSOFT_APP_ID")).toBe("identity.properties.clientId");
    // DefaultAzureCredential selects the user-assigned identity by AZURE_CLIENT_ID.
    expect(settings.get("AZURE_CLIENT_ID")).toBe("identity.properties.clientId");
    expect(settings.get("MICROSOFT_APP_TENANT_ID")).toBe("tenant().tenantId");
    expect(settings.get("COSMOS_ENDPOINT")).toBe("cosmos.properties.documentEndpoint");
    // A Key Vault reference (test/infra/operations.int.test.ts checks where it points).
    expect(settings.get("APPLICATIONINSIGHTS_CONNECTION_STRING")).toMatch(/^'@Microsoft\.KeyVault\(/);
    expect(settings.has("COSMOS_KEY")).toBe(false);
    expect(settings.has("CLOCK_NOW")).toBe(false);
    expect(settings.has("STAFF_AAD_IDS")).toBe(true);
  });

  it("should take the jobs secret from a secure parameter, through Key Vault", () => {
    const secretSymbol = /\$\{(\w+)\.properties\.secretUri\}/.exec(settings.get("JOBS_SECRET") ?? "")?.[1];
    const stored = new RegExp(`resource ${secretSymbol} '[^']+'[^]*?value:\\s*(\\w+)`).exec(bicep)?.[1];
    const param = params(bicep).find((p) => p.name === stored);
    expect(param?.secure).toBe(true);
    expect(param?.hasDefault).toBe(false);
  });

  it("should use the config's default database name as the Bicep default", () => {
    const db = params(bicep).find((p) => p.name === settings.get("COSMOS_DATABASE"));
    expect(literal(db?.default)).toBe(loadConfig({}).cosmos.database);
  });

  it("should point the bot registration at the same identity as the app", () => {
    expect(firstValue(bicep, "msaAppId")).toBe(settings.get("MICROSOFT_APP_ID"));
    expect(firstValue(bicep, "msaAppType")).toBe("'UserAssignedMSI'");
    expect(bicep).toMatch(/kind:\s*'azurebot'/);
    expect(bicep).toMatch(/channelName:\s*'MsTeamsChannel'/);
  });
});

describe("infra/main.bicep web app", () => {
  it("should run Node 22 LTS with the production start command over HTTPS only", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(firstValue(bicep, "linuxFxVersion")).toBe("'NODE|22-lts'");
    expect(literal(firstValue(bicep, "appCommandLine"))).toBe(pkg.scripts.start);
    expect(firstValue(bicep, "httpsOnly")).toBe("true");
    expect(firstValue(bicep, "alwaysOn")).toBe("true");
  });

  it("should health-check the readiness route the server serves", () => {
    const path = literal(firstValue(bicep, "healthCheckPath"));
    expect(path).toBe("/readyz");
    expect(readFileSync(join(ROOT, "bot", "server.ts"), "utf8")).toContain(`"${path}"`);
  });
});

describe("infra/main.bicep Cosmos DB", () => {
  it("should declare exactly the code's containers and partition keys", () => {
    const expected = Object.values(CONTAINERS).map(({ name, partitionKeyPath }) => ({
      name,
      partitionKeyPath,
    }));
    expect(containers(bicep)).toEqual(expected);
    // ...and create them from that list.
    expect(bicep).toMatch(
      /for\s+(\w+)\s+in\s+containers\s*:[\s\S]*?id:\s*\1\.name[\s\S]*?paths:\s*\[\s*\1\.partitionKeyPath\s*\]/,
    );
  });

  it("should notice a changed partition key (the check can fail)", () => {
    const changed = bicep.replace(
      "{ name: 'reports', partitionKeyPath: '/roundId' }",
      "{ name: 'reports', partitionKeyPath: '/id' }",
    );
    expect(changed).not.toBe(bicep);
    const expected = Object.values(CONTAINERS).map(({ name, partitionKeyPath }) => ({
      name,
      partitionKeyPath,
    }));
    expect(containers(changed)).not.toEqual(expected);
  });

  it("should be serverless with key auth disabled and a data-plane role for the identity", () => {
    expect(bicep).toMatch(/capabilities:\s*\[\s*\{\s*name:\s*'EnableServerless'\s*\}\s*\]/);
    expect(firstValue(bicep, "disableLocalAuth")).toBe("true");
    expect(bicep).toMatch(/var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    expect(bicep).toMatch(/sqlRoleAssignments@[\s\S]*?principalId:\s*identity\.properties\.principalId/);
    expect(stripComments(bicep)).not.toMatch(/throughput/i);
  });
});

describe("infra/main.parameters.example.json", () => {
  it("should name only declared parameters and cover every one without a default except secrets", () => {
    const example = JSON.parse(readFileSync(join(ROOT, "infra", "main.parameters.example.json"), "utf8")) as {
      parameters: Record<string, unknown>;
    };
    const declared = params(bicep);
    const names = new Set(declared.map((p) => p.name));
    expect(Object.keys(example.parameters).filter((n) => !names.has(n))).toEqual([]);
    const needed = declared.filter((p) => !p.hasDefault && !p.secure).map((p) => p.name);
    expect(needed.filter((n) => !(n in example.parameters))).toEqual([]);
    expect(
      declared
        .filter((p) => p.secure)
        .map((p) => p.name)
        .filter((n) => n in example.parameters),
    ).toEqual([]);
  });
});

describe("infra/main.bicep attachments storage", () => {
  const storage = () => resources(bicep).find((r) => r.type === "Microsoft.Storage/storageAccounts");

  it("should allow Entra ID only: shared keys, public blobs and plain http off", () => {
    const body = property(storage()?.body ?? "{}", "properties") ?? "{}";
    expect(property(body, "allowSharedKeyAccess")).toBe("false");
    expect(property(body, "allowBlobPublicAccess")).toBe("false");
    expect(property(body, "supportsHttpsTrafficOnly")).toBe("true");
    // The app never gets a key or connection string for it (BLOB_CONNECTION_STRING is refused in production).
    expect(settings.has("BLOB_CONNECTION_STRING")).toBe(false);
  });

  it("should create the container the app uses and point the app at the account's blob endpoint", () => {
    const container = resources(bicep).find(
      (r) => r.type === "Microsoft.Storage/storageAccounts/blobServices/containers",
    );
    const name = property(container?.body ?? "", "name");
    expect(literal(variable(bicep, name ?? ""))).toBe(loadConfig({}).blobs.container);
    expect(settings.get("BLOB_CONTAINER")).toBe(name);
    expect(settings.get("BLOB_ENDPOINT")).toBe(`${storage()?.symbol}.properties.primaryEndpoints.blob`);
  });

  it("should give the bot's identity Storage Blob Data Contributor on that account", () => {
    expect(variable(bicep, "storageBlobDataContributorRoleId")).toBe(
      "'ba92f5b4-2d11-453d-a403-e96b0029c9fe'",
    );
    const role = resources(bicep).find(
      (r) =>
        r.type === "Microsoft.Authorization/roleAssignments" &&
        r.body.includes("storageBlobDataContributorRoleId"),
    );
    expect(property(role?.body ?? "", "scope")).toBe(storage()?.symbol);
    expect(role?.body).toMatch(/principalId:\s*identity\.properties\.principalId/);
  });
});
