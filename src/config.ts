/**
 * All configuration, parsed once from the environment at start-up with zod.
 * Everything else receives config by argument; nothing else reads process.env.
 */
import { z } from "zod";

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Bot identity. Empty = anonymous local auth (Agents Playground). */
    MICROSOFT_APP_ID: z.preprocess(emptyToUndefined, z.string().uuid().optional()),
    MICROSOFT_APP_PASSWORD: z.preprocess(emptyToUndefined, z.string().optional()),
    MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("UserAssignedMSI"),
    MICROSOFT_APP_TENANT_ID: z.preprocess(emptyToUndefined, z.string().optional()),
    /** Cosmos DB. Empty endpoint = the embedded local Cosmos-protocol server. */
    COSMOS_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url().optional()),
    COSMOS_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    COSMOS_DATABASE: z.string().min(1).default("dekom-rapport"),
    /** Deadline of every storage call in ms; after it the person is asked to try again. Default 8 s
     * (30 s against the embedded local server: src/storage/cosmos.ts). */
    STORAGE_DEADLINE_MS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(100).max(60_000).optional(),
    ),
    /** Blob Storage for attachments (https://<account>.blob.core.windows.net), Entra ID auth. */
    BLOB_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url().optional()),
    /** Local only: a connection string to Azurite (set by `npm run dev` and the tests). */
    BLOB_CONNECTION_STRING: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    /** The blob container of report attachments. */
    BLOB_CONTAINER: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/)
      .default("attachments"),
    /** Hosts (and their sub-domains) the bot fetches sent files from over https. */
    FILE_DOWNLOAD_HOSTS: z.string().optional().default("sharepoint.com"),
    /** Where the embedded local server keeps its data between runs. */
    LOCAL_DATA_DIR: z.string().min(1).default(".data"),
    /** Seed a demo round when the local store is empty (local runs only). */
    SEED_DEMO: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
    /** Comma-separated Entra tenant ids allowed to talk to the bot. Empty = any (local only). */
    ALLOWED_TENANT_IDS: csv,
    /** Comma-separated Entra object ids of county staff. */
    STAFF_AAD_IDS: csv,
    /** Public https base URL of the bot (for short-lived export links), e.g. https://dekom.azurewebsites.net. */
    PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
    /** Shared secret for POST /api/jobs/*. */
    JOBS_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(emptyToUndefined, z.string().optional()),
    /** In-process schedules (reminders, digests). Turn off when several instances run and an external
     * timer calls POST /api/jobs/* instead. */
    SCHEDULES: z.enum(["on", "off"]).default("on"),
    /** Teams' typing indicator while a channel command is built (off only for the Agents Playground e2e). */
    TYPING_INDICATOR: z.enum(["on", "off"]).default("on"),
    /** Fixed "now" for demos and tests (ISO instant). Never set in production. */
    CLOCK_NOW: z.preprocess(emptyToUndefined, z.string().datetime({ offset: true }).optional()),
    /** Port of the Agents Playground started by `npm run dev` (local only). */
    PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
    /** Opt-in: install the app for imported contacts the bot has never met (Microsoft Graph) and open
     * their personal chat, so the first reminder reaches them. */
    REACH_CONTACTS: z.enum(["on", "off"]).default("off"),
    /** The app's id in the tenant's Teams app catalog (Graph teamsApp id) for REACH_CONTACTS. */
    TEAMS_APP_CATALOG_ID: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
    /** Microsoft Graph base URL (tests point it at a local server). */
    GRAPH_BASE_URL: z.string().url().default("https://graph.microsoft.com/v1.0"),
    /** Bot Connector service URL for opening new personal chats (Teams' global endpoint by default). */
    TEAMS_SERVICE_URL: z.string().url().default("https://smba.trafficmanager.net/teams/"),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== "production") return;
    const need = (key: keyof typeof c, why: string) => {
      if (c[key] === undefined)
        ctx.addIssue({ code: "custom", path: [key], message: `required in production (${why})` });
    };
    need("MICROSOFT_APP_ID", "the bot must validate Bot Framework tokens");
    need("COSMOS_ENDPOINT", "the embedded local store is for development only");
    need("MICROSOFT_APP_TENANT_ID", "single-tenant / managed identity bot");
    need("PUBLIC_BASE_URL", "export links must point at the bot's public address");
    need("JOBS_SECRET", "job routes and export links are signed with it, the same on every instance");
    need("BLOB_ENDPOINT", "attachments are stored in Blob Storage");
    if (c.BLOB_CONNECTION_STRING !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["BLOB_CONNECTION_STRING"],
        message: "must not be set in production (Entra ID only: the storage account has shared keys off)",
      });
    if (c.ALLOWED_TENANT_IDS.length === 0)
      ctx.addIssue({ code: "custom", path: ["ALLOWED_TENANT_IDS"], message: "required in production" });
    if (c.REACH_CONTACTS === "on" && c.TEAMS_APP_CATALOG_ID === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["TEAMS_APP_CATALOG_ID"],
        message: "required with REACH_CONTACTS=on",
      });
    if (c.CLOCK_NOW !== undefined)
      ctx.addIssue({ code: "custom", path: ["CLOCK_NOW"], message: "must not be set in production" });
  });

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  logLevel: string;
  bot: { appId?: string; appPassword?: string; appType: string; tenantId?: string };
  cosmos: { endpoint?: string; key?: string; database: string; localDataDir: string; deadlineMs?: number };
  /** Attachments' Blob Storage; neither set = attachments are not taken. */
  blobs: { endpoint?: string; connectionString?: string; container: string };
  /** Fetching files Teams sent: allowed https hosts; plain http to this machine outside production. */
  fileDownload: { hosts: string[]; allowLocalHttp: boolean };
  seedDemo: boolean;
  allowedTenantIds: string[];
  staffIds: string[];
  jobsSecret?: string;
  /**
   * Signs export links. Derived from JOBS_SECRET (required in production), so a link made on one
   * instance is accepted on every other; locally without JOBS_SECRET a fixed development secret.
   */
  exportSecret: string;
  /** Base URL for links back to the bot (export downloads). */
  publicBaseUrl: string;
  appInsightsConnectionString?: string;
  clockNow?: string;
  /** Run the reminder and digest schedules in this process. */
  schedules: boolean;
  playgroundPort: number;
  /** Reaching contacts the bot has never met (Graph app install + new personal chat); off unless opted in. */
  reach: { enabled: boolean; teamsAppCatalogId?: string; graphBaseUrl: string; serviceUrl: string };
  /** Show Teams' typing indicator while a channel command is built. */
  typingIndicator: boolean;
}

/**
 * The export-link secret when JOBS_SECRET is not set, which the schema allows outside production only.
 * Public by design: local links need no secrecy, only to survive a restart and work across processes.
 */
const DEVELOPMENT_EXPORT_SECRET = "dekom-rapport/development-only/export-links";

/** Every environment variable the schema reads (the README's configuration table lists exactly these). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {}

/** Parse the environment. Throws ConfigError naming every missing or invalid variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = r.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    bot: {
      appId: c.MICROSOFT_APP_ID,
      appPassword: c.MICROSOFT_APP_PASSWORD,
      appType: c.MICROSOFT_APP_TYPE,
      tenantId: c.MICROSOFT_APP_TENANT_ID,
    },
    cosmos: {
      endpoint: c.COSMOS_ENDPOINT,
      key: c.COSMOS_KEY,
      database: c.COSMOS_DATABASE,
      localDataDir: c.LOCAL_DATA_DIR,
      deadlineMs: c.STORAGE_DEADLINE_MS,
    },
    blobs: {
      ...(c.BLOB_ENDPOINT !== undefined ? { endpoint: c.BLOB_ENDPOINT } : {}),
      ...(c.BLOB_CONNECTION_STRING !== undefined ? { connectionString: c.BLOB_CONNECTION_STRING } : {}),
      container: c.BLOB_CONTAINER,
    },
    fileDownload: {
      hosts: c.FILE_DOWNLOAD_HOSTS.split(",")
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== ""),
      allowLocalHttp: c.NODE_ENV !== "production",
    },
    seedDemo: c.SEED_DEMO ?? c.COSMOS_ENDPOINT === undefined,
    allowedTenantIds: c.ALLOWED_TENANT_IDS,
    staffIds: c.STAFF_AAD_IDS,
    jobsSecret: c.JOBS_SECRET,
    exportSecret: c.JOBS_SECRET ?? DEVELOPMENT_EXPORT_SECRET,
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ""),
    appInsightsConnectionString: c.APPLICATIONINSIGHTS_CONNECTION_STRING,
    clockNow: c.CLOCK_NOW,
    schedules: c.SCHEDULES === "on",
    playgroundPort: c.PLAYGROUND_PORT,
    reach: {
      enabled: c.REACH_CONTACTS === "on",
      ...(c.TEAMS_APP_CATALOG_ID !== undefined ? { teamsAppCatalogId: c.TEAMS_APP_CATALOG_ID } : {}),
      graphBaseUrl: c.GRAPH_BASE_URL.replace(/\/+$/, ""),
      serviceUrl: c.TEAMS_SERVICE_URL,
    },
    typingIndicator: c.TYPING_INDICATOR === "on",
  };
}

/** For entry points: the parsed config, or the message naming every bad variable and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined>, exitCode = 1): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(exitCode);
    }
    throw err;
  }
}
