/**
 * A contact who is a B2B guest of the county governor's tenant, end to end in the Agents Playground:
 * the Playground's current user has a guest's member record (UPN `kari.nordmann_kommune.no#EXT#@...`,
 * the e-mail field holding that UPN too, an object id in the host tenant, the host tenant on every
 * activity). The bot matches her to the report imported for kari.nordmann@kommune.no, lets her in
 * through the tenant allow-list (which names only the host tenant), remembers her as a guest, and never
 * treats her as county staff even though her id is in STAFF_AAD_IDS.
 */
import { CosmosClient } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PersonDoc } from "../../src/people/types.ts";
import { DEMO_ROUND_ID } from "../../src/rounds/demo-seed.ts";
import { openCosmos } from "../../src/storage/cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { E2E_DATABASE, type E2eEnv, startE2e } from "../support/e2e-env.ts";
import { type CustomUser, playgroundYaml } from "../support/playground-users.ts";

const HOST_TENANT = "00000000-0000-0000-0000-0000000000001"; // the Playground's tenant
const KARI: CustomUser = {
  id: "user-id-guest",
  name: "Kari Nordmann",
  userPrincipalName: "kari.nordmann_kommune.no#EXT#@statsforvalteren.onmicrosoft.com",
  aadObjectId: "00000000-0000-0000-0000-0000000000029",
  email: "kari.nordmann_kommune.no#EXT#@statsforvalteren.onmicrosoft.com",
};

describe("a B2B guest contact in the Agents Playground", () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e({
      playgroundYaml: playgroundYaml(KARI),
      env: { ALLOWED_TENANT_IDS: HOST_TENANT, STAFF_AAD_IDS: KARI.aadObjectId },
    });
    // The import knows her by her home address only (no object id).
    const store = await openCosmos({
      endpoint: env.cosmos.endpoint,
      key: env.cosmos.key,
      database: E2E_DATABASE,
    });
    const reports = new ReportRepo(store.containers.reports);
    const template = (await reports.get(DEMO_ROUND_ID, "t-helgeland-inkludering"))?.doc;
    if (template === undefined) throw new Error("demo round not seeded");
    await reports.upsert({
      ...template,
      id: "t-kommune-veiledning",
      tiltak: { id: "t-kommune-veiledning", name: "Veiledning i kommunen" },
      contact: { name: "Kari Nordmann", email: "Kari.Nordmann@kommune.no" },
    });
    store.dispose();
  });
  afterAll(async () => {
    await env?.close();
  });

  it("should match her by the address in her guest UPN and never make her staff", async () => {
    const pg = await env.newPage();
    await pg.say("hei");
    const welcome = pg.cardWith("Veiledning i kommunen");
    await welcome.waitFor();
    // Only her own tiltak, none of the demo contacts'.
    expect(await pg.page.getByText("Lesing i alle fag").count()).toBe(0);
    await pg.quiet();
    await welcome.getByRole("button", { name: "Åpne «Veiledning i kommunen»" }).click();
    await pg.cardWith("Del 1 av 6 – Kontaktinformasjon").waitFor();

    await pg.quiet();
    await pg.say("rapporter");
    await pg.page
      .locator("p")
      .filter({ hasText: "Dette er bare for Statsforvalterens saksbehandlere." })
      .first()
      .waitFor();

    const client = new CosmosClient({
      endpoint: env.cosmos.endpoint,
      key: env.cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    try {
      const { resource } = await client
        .database(E2E_DATABASE)
        .container("people")
        .item(KARI.aadObjectId, KARI.aadObjectId)
        .read<PersonDoc>();
      expect(resource).toMatchObject({
        email: "kari.nordmann@kommune.no",
        guest: true,
        tenantId: HOST_TENANT,
      });
      expect(resource?.target?.tenantId).toBe(HOST_TENANT);
    } finally {
      client.dispose();
    }
  });
});
