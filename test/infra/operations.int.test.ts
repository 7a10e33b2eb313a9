/**
 * Operations in infra/main.bicep, read as text (the Bicep CLI is not installable here): the web app's
 * logs go to the Log Analytics workspace, alerts watch error-level log lines (checked against what
 * src/log.ts really writes) and the health check, and secrets reach the app only as Key Vault
 * references that the app's identity may resolve.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appSettings,
  type BicepResource,
  firstValue,
  literal,
  params,
  property,
  resources,
  stringItems,
  variable,
} from "./bicep.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const bicep = readFileSync(join(ROOT, "infra", "main.bicep"), "utf8");
const all = resources(bicep);

const ofType = (type: string, list = all): BicepResource[] => list.filter((r) => r.type === type);
const one = (type: string, list = all): BicepResource => {
  const found = ofType(type, list);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as BicepResource;
};
const symbolOf = (type: string) => one(type).symbol;

/** The Key Vault secret resource a `@Microsoft.KeyVault(SecretUri=${x.properties.secretUri})` names. */
function keyVaultReference(value: string | undefined, list = all): BicepResource | undefined {
  const m = /^'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)'$/.exec(value ?? "");
  return m === null ? undefined : list.find((r) => r.symbol === m[1]);
}

/** Lines src/log.ts really writes, one per level, from a separate process (pino writes to fd 1). */
function loggedLines(): Array<{ level: number; msg: string }> {
  const script = [
    `import { createLogger } from "./src/log.ts";`,
    `const log = createLogger("trace");`,
    `for (const l of ["trace","debug","info","warn","error","fatal"]) log[l]({ err: new Error("x") }, l);`,
  ].join("\n");
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { level: number; msg: string });
}

/** The threshold of the error alert's query: `where toint(entry.level) >= N` on parse_json(ResultDescription). */
function queryThreshold(query: string): number | undefined {
  if (!/^\s*AppServiceConsoleLogs\b/.test(query)) return undefined;
  if (!/extend\s+entry\s*=\s*parse_json\(ResultDescription\)/.test(query)) return undefined;
  const m = /where\s+toint\(entry\.level\)\s*>=\s*(\d+)/.exec(query);
  return m === null ? undefined : Number(m[1]);
}

describe("infra/main.bicep logs", () => {
  const diag = one("Microsoft.Insights/diagnosticSettings");

  it("should send the web app's console, HTTP and platform logs to the Log Analytics workspace", () => {
    expect(property(diag.body, "scope")).toBe(symbolOf("Microsoft.Web/sites"));
    expect(firstValue(diag.body, "workspaceId")).toBe(
      `${symbolOf("Microsoft.OperationalInsights/workspaces")}.id`,
    );
    expect(firstValue(diag.body, "logs")).toMatch(
      /^\[for (\w+) in webLogCategories: \{ category: \1, enabled: true \}\]$/,
    );
    expect(stringItems(variable(bicep, "webLogCategories")).sort()).toEqual(
      ["AppServiceConsoleLogs", "AppServiceHTTPLogs", "AppServicePlatformLogs"].sort(),
    );
  });

  it("should notice a log category that is dropped (the check can fail)", () => {
    const changed = bicep.replace(", 'AppServiceHTTPLogs'", "");
    expect(changed).not.toBe(bicep);
    expect(stringItems(variable(changed, "webLogCategories"))).not.toContain("AppServiceHTTPLogs");
  });
});

describe("infra/main.bicep alerts", () => {
  const rule = one("Microsoft.Insights/scheduledQueryRules");
  const group = symbolOf("Microsoft.Insights/actionGroups");

  it("should alert on the console lines src/log.ts writes at error and fatal level, not below", () => {
    expect(firstValue(rule.body, "query")).toBe("errorLogQuery");
    expect(property(rule.body, "dependsOn")).toBe("[webDiagnostics]");
    expect(firstValue(rule.body, "scopes")).toBe(
      `[${symbolOf("Microsoft.OperationalInsights/workspaces")}.id]`,
    );
    const threshold = queryThreshold(variable(bicep, "errorLogQuery") ?? "");
    expect(threshold).toBeDefined();
    const lines = loggedLines();
    expect(lines.map((l) => l.msg).sort()).toEqual(["debug", "error", "fatal", "info", "trace", "warn"]);
    const alerted = lines.filter((l) => l.level >= (threshold ?? Number.POSITIVE_INFINITY)).map((l) => l.msg);
    expect(alerted.sort()).toEqual(["error", "fatal"]);
    expect(firstValue(rule.body, "operator")).toBe("'GreaterThan'");
    expect(firstValue(rule.body, "threshold")).toBe("0");
    expect(
      property(property(property(rule.body, "properties") ?? "{}", "actions") ?? "{}", "actionGroups"),
    ).toBe(`[${group}.id]`);
  });

  it("should not accept a query on another table or field (the check can fail)", () => {
    expect(queryThreshold("AppServiceHTTPLogs | where toint(entry.level) >= 50")).toBeUndefined();
    expect(
      queryThreshold("AppServiceConsoleLogs | extend entry = parse_json(ResultDescription)"),
    ).toBeUndefined();
  });

  it("should alert when the App Service health check fails on the readiness route", () => {
    const alert = one("Microsoft.Insights/metricAlerts");
    expect(firstValue(alert.body, "scopes")).toBe(`[${symbolOf("Microsoft.Web/sites")}.id]`);
    expect(firstValue(alert.body, "metricName")).toBe("'HealthCheckStatus'");
    expect(firstValue(alert.body, "operator")).toBe("'LessThan'");
    expect(firstValue(alert.body, "threshold")).toBe("100");
    expect(firstValue(alert.body, "actions")).toBe(`[{ actionGroupId: ${group}.id }]`);
    const path = literal(firstValue(bicep, "healthCheckPath"));
    expect(path).toBe("/readyz");
    expect(readFileSync(join(ROOT, "bot", "server.ts"), "utf8")).toContain(`"${path}"`);
  });
});

describe("infra/main.bicep Key Vault references", () => {
  const settings = appSettings(bicep);
  const vault = one("Microsoft.KeyVault/vaults");
  const secrets = ofType("Microsoft.KeyVault/vaults/secrets");

  it("should read the jobs secret from Key Vault, stored there from the secure parameter", () => {
    const secret = keyVaultReference(settings.get("JOBS_SECRET"));
    expect(secret?.type).toBe("Microsoft.KeyVault/vaults/secrets");
    expect(property(secret?.body ?? "{}", "parent")).toBe(vault.symbol);
    const stored = property(property(secret?.body ?? "{}", "properties") ?? "{}", "value");
    const param = params(bicep).find((p) => p.name === stored);
    expect(param?.secure).toBe(true);
    expect(param?.hasDefault).toBe(false);
  });

  it("should pass no secret or key as a plain app setting", () => {
    const secureParams = new Set(
      params(bicep)
        .filter((p) => p.secure)
        .map((p) => p.name),
    );
    const secretLike = [...settings.keys()].filter((n) => /SECRET|PASSWORD|KEY|CONNECTION_STRING/.test(n));
    expect(secretLike.sort()).toEqual(["APPLICATIONINSIGHTS_CONNECTION_STRING", "JOBS_SECRET"]);
    for (const name of secretLike) expect(keyVaultReference(settings.get(name)), name).toBeDefined();
    for (const [name, value] of settings) {
      const words = value.match(/[A-Za-z_]\w*/g) ?? [];
      expect(
        words.filter((w) => secureParams.has(w)),
        name,
      ).toEqual([]);
      expect(value, name).not.toMatch(/ConnectionString|listKeys|primaryKey/i);
    }
    expect(secrets.length).toBe(secretLike.length);
  });

  it("should notice a secret passed as a plain setting (the check can fail)", () => {
    const changed = bicep.replace(
      /\{ name: 'JOBS_SECRET', value: [^\n]+\}/,
      "{ name: 'JOBS_SECRET', value: jobsSecret }",
    );
    expect(changed).not.toBe(bicep);
    expect(keyVaultReference(appSettings(changed).get("JOBS_SECRET"))).toBeUndefined();
  });

  it("should let the app's identity read the secrets and resolve references with it", () => {
    expect(firstValue(vault.body, "enableRbacAuthorization")).toBe("true");
    const roles = ofType("Microsoft.Authorization/roleAssignments").filter(
      (r) => property(r.body, "scope") === vault.symbol,
    );
    expect(roles.length).toBe(1);
    const role = roles[0] as BicepResource;
    expect(firstValue(role.body, "principalId")).toBe("identity.properties.principalId");
    const roleVar = /roleDefinitions',\s*(\w+)\)/.exec(firstValue(role.body, "roleDefinitionId") ?? "")?.[1];
    // Built-in "Key Vault Secrets User".
    expect(literal(variable(bicep, roleVar ?? "-"))).toBe("4633458b-17de-408a-b874-0445c86b69e6");
    expect(firstValue(bicep, "keyVaultReferenceIdentity")).toBe("identity.id");
    expect(property(one("Microsoft.Web/sites").body, "dependsOn")).toContain(role.symbol);
  });
});
