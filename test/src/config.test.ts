import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { signExportToken, verifyExportToken } from "../../src/summaries/export-link.ts";

const PRODUCTION = {
  NODE_ENV: "production",
  MICROSOFT_APP_ID: "6a1d2f55-8f5c-4d55-9d0e-3f3c1b1d2a10",
  MICROSOFT_APP_TENANT_ID: "tenant",
  COSMOS_ENDPOINT: "https://dekom.documents.azure.com:443/",
  PUBLIC_BASE_URL: "https://dekom.example.no",
  ALLOWED_TENANT_IDS: "tenant",
  JOBS_SECRET: "a-long-shared-secret-0123456789",
  BLOB_ENDPOINT: "https://dekomfiles.blob.core.windows.net",
};

describe("loadConfig", () => {
  it("should accept a complete production environment", () => {
    expect(loadConfig(PRODUCTION).env).toBe("production");
  });

  it("should require JOBS_SECRET in production, naming it", () => {
    const { JOBS_SECRET: _, ...env } = PRODUCTION;
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/JOBS_SECRET: required in production/);
  });

  it("should sign export links so that a link made on one instance is accepted on another", () => {
    const now = Date.parse("2026-01-14T10:00:00Z");
    for (const env of [PRODUCTION, { NODE_ENV: "development" }]) {
      const one = loadConfig(env);
      const other = loadConfig(env); // a second process with the same configuration
      const token = signExportToken(
        { roundId: "r", format: "csv", expiresAt: now + 60_000 },
        one.exportSecret,
      );
      expect(verifyExportToken(token, other.exportSecret, now)?.roundId).toBe("r");
    }
  });

  it("should derive the export secret from JOBS_SECRET, so instances with other secrets refuse the link", () => {
    const now = Date.parse("2026-01-14T10:00:00Z");
    const one = loadConfig(PRODUCTION);
    const other = loadConfig({ ...PRODUCTION, JOBS_SECRET: "another-shared-secret-0123456789" });
    const token = signExportToken({ roundId: "r", format: "csv", expiresAt: now + 60_000 }, one.exportSecret);
    expect(verifyExportToken(token, other.exportSecret, now)).toBeUndefined();
  });

  it("should take the storage deadline from STORAGE_DEADLINE_MS (unset: the storage layer's default)", () => {
    expect(loadConfig({}).cosmos.deadlineMs).toBeUndefined();
    expect(loadConfig({ STORAGE_DEADLINE_MS: "500" }).cosmos.deadlineMs).toBe(500);
    expect(() => loadConfig({ STORAGE_DEADLINE_MS: "0" })).toThrow(/STORAGE_DEADLINE_MS/);
  });
});
