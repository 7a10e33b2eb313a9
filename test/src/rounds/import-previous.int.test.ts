/**
 * Importing next year's round: the contact's workplace comes from the «arbeidssted» column, and a
 * tiltak reported in an earlier round (same tiltak id, or «forrige_tiltak_id») gets last year's
 * answers to the questions that rarely change, through the real SDK against a local Cosmos server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { runImport } from "../../../src/rounds/import.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";

const NOW = new Date("2026-11-02T10:00:00.000Z");
const HEADER =
  "fylke;rapporteringsår;skjema;partnerskap;kategori;sektor;tiltak;saksnummer;tiltak_id;forrige_tiltak_id;kontaktperson;epost;telefon;arbeidssted";

let server: LocalCosmos;
let store: CosmosStore;
let repos: { rounds: RoundRepo; reports: ReportRepo };

beforeAll(async () => {
  server = await startLocalCosmos({ port: 0, database: "import-previous" });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: "import-previous" });
  repos = {
    rounds: new RoundRepo(store.containers.rounds),
    reports: new ReportRepo(store.containers.reports),
  };
});

afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

const stamp = { by: { id: "aad-1", name: "Kari" }, at: "2026-01-10T10:00:00.000Z", rev: 3 };

function lastYear(id: string, answers: ReportDoc["answers"]): ReportDoc {
  return {
    id,
    roundId: "nordland-2025",
    formId: "dekom-2024-2025",
    partnership: { id: "p-salten", name: "Salten regionråd", category: "Kommune", sector: "Offentlig" },
    tiltak: { id, name: "Lesing" },
    contact: { name: "Kari", email: "kari@example.com" },
    coEditors: [],
    status: "submitted",
    revision: 3,
    answers,
    createdAt: "2025-11-01T10:00:00.000Z",
    updatedAt: "2026-01-10T10:00:00.000Z",
  };
}

describe("importing a round after an earlier one", () => {
  it("should carry over last year's partners, UH and themes, and read the workplace column", async () => {
    await repos.reports.create(
      lastYear("t-salten-lesing", {
        q07: { value: "Montessoriskolen", ...stamp },
        q08: { value: ["bodo", "fauske"], ...stamp },
        q09: { value: "Nord universitet", ...stamp },
        q20: { value: ["laeringsmiljo"], ...stamp },
        q04: { value: 3, ...stamp },
        q23: { value: "Tekst som endres hvert år", ...stamp },
      }),
    );
    await repos.reports.create(lastYear("t-gammel-id", { q09: { value: "UiT", ...stamp } }));
    const content = [
      HEADER,
      "Nordland;2026;dekom-2024-2025;Salten regionråd;Kommune;Offentlig;Lesing i alle fag;2025/1;t-salten-lesing;;Kari;kari@example.com;91234567;Bodø kommune",
      "Nordland;2026;dekom-2024-2025;Salten regionråd;Kommune;Offentlig;Vurdering;2025/2;t-salten-vurdering;t-gammel-id;Kari;kari@example.com;91234567;",
      "Nordland;2026;dekom-2024-2025;Salten regionråd;Kommune;Offentlig;Nytt tiltak;2025/3;t-salten-nytt;;Kari;kari@example.com;91234567;",
    ].join("\n");
    const result = await runImport({ name: "runde.csv", content }, repos, { now: NOW });
    expect(result.status).toBe("applied");

    const read = async (id: string) => (await repos.reports.get("nordland-2026", id))?.doc as ReportDoc;
    const same = await read("t-salten-lesing");
    expect(same.contact.workplace).toBe("Bodø kommune");
    expect(same.answers).toEqual({});
    expect(same.previous).toEqual({
      roundId: "nordland-2025",
      reportId: "t-salten-lesing",
      answers: {
        q07: { value: "Montessoriskolen" },
        q08: { value: ["bodo", "fauske"] },
        q09: { value: "Nord universitet" },
        q20: { value: ["laeringsmiljo"] },
      },
    });
    const renamed = await read("t-salten-vurdering");
    expect(renamed.tiltak.previousId).toBe("t-gammel-id");
    expect(renamed.previous?.answers).toEqual({ q09: { value: "UiT" } });
    expect((await read("t-salten-nytt")).previous).toBeUndefined();
    // Last year's reports are left as they were.
    expect((await repos.reports.get("nordland-2025", "t-salten-lesing"))?.doc.answers.q04?.value).toBe(3);
  });
});
