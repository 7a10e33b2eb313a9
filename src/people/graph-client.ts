/**
 * The few Microsoft Graph (v1.0) calls that reaching a contact needs, with plain fetch:
 * - GET  /users?$filter=mail eq '<e-mail>' or userPrincipalName eq '<e-mail>'&$select=id,mail,userPrincipalName,userType
 *        (the contact's object id in this tenant; for a B2B guest that is the guest account) — User.Read.All;
 * - GET  /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '<app id>'
 *        (is the app already installed for the user?) — TeamsAppInstallation.ReadWriteForUser.All;
 * - POST /users/{id}/teamwork/installedApps  { "teamsApp@odata.bind": ".../appCatalogs/teamsApps/<app id>" }
 *        (install in personal scope; 201 Created, no body) — TeamsAppInstallation.ReadWriteForUser.All.
 * Errors come back as Graph's `{ error: { code, message } }` with the HTTP status; nothing throws for
 * an HTTP outcome. The token comes from @azure/identity (client credentials; managed identity in Azure).
 */
import type { TokenCredential } from "@azure/identity";

export type GraphResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string };

export interface GraphUser {
  id: string;
  userType?: string;
}

/** Returns a bearer token for Microsoft Graph. */
export type GraphToken = () => Promise<string>;

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

/** A token function from an @azure/identity credential (DefaultAzureCredential: managed identity in Azure). */
export function graphTokenFrom(credential: TokenCredential): GraphToken {
  return async () => {
    const token = await credential.getToken(GRAPH_SCOPE);
    if (token === null) throw new Error("no Microsoft Graph token");
    return token.token;
  };
}

/** OData string literal: single quotes doubled. */
const odata = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class GraphClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: GraphToken,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** The user with this e-mail (mail or UPN) in this tenant, or undefined when there is none. */
  async findUserByEmail(email: string): Promise<GraphResult<GraphUser | undefined>> {
    const filter = `mail eq ${odata(email)} or userPrincipalName eq ${odata(email)}`;
    const r = await this.call<{ value?: Array<{ id?: unknown; userType?: unknown }> }>(
      "GET",
      `/users?$filter=${encodeURIComponent(filter)}&$select=id,mail,userPrincipalName,userType`,
    );
    if (!r.ok) return r;
    const first = (r.value?.value ?? []).find((u) => typeof u.id === "string");
    if (first === undefined) return { ok: true, value: undefined };
    return {
      ok: true,
      value: {
        id: first.id as string,
        ...(typeof first.userType === "string" ? { userType: first.userType } : {}),
      },
    };
  }

  /** Whether the app (Teams app catalog id) is installed in the user's personal scope. */
  async hasApp(userId: string, appId: string): Promise<GraphResult<boolean>> {
    const filter = `teamsApp/id eq ${odata(appId)}`;
    const r = await this.call<{ value?: unknown[] }>(
      "GET",
      `/users/${encodeURIComponent(userId)}/teamwork/installedApps?$expand=teamsApp&$filter=${encodeURIComponent(filter)}`,
    );
    return r.ok ? { ok: true, value: (r.value?.value ?? []).length > 0 } : r;
  }

  /** Installs the app in the user's personal scope. 409 (already installed) counts as success. */
  async installApp(userId: string, appId: string): Promise<GraphResult<"installed" | "already">> {
    const r = await this.call("POST", `/users/${encodeURIComponent(userId)}/teamwork/installedApps`, {
      "teamsApp@odata.bind": `${this.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(appId)}`,
    });
    if (r.ok) return { ok: true, value: "installed" };
    return r.status === 409 ? { ok: true, value: "already" } : r;
  }

  private async call<T>(
    method: "GET" | "POST",
    path: string,
    body?: object,
  ): Promise<GraphResult<T | undefined>> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await this.token()}`,
          accept: "application/json",
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      const e = err as { name?: string; code?: string };
      return { ok: false, status: 0, code: e.code ?? e.name ?? "NetworkError" };
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.ok) return { ok: true, value: json as T | undefined };
    const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
    return { ok: false, status: res.status, code: typeof code === "string" ? code : `Http${res.status}` };
  }
}
