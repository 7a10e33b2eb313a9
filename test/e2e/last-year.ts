/**
 * A tiltak reported in an earlier round, for the end-to-end tests: last year's submitted report of
 * «Lesing i alle fag» (round nordland-2024), then this year's round imported again through the real
 * import (runImport, with the «arbeidssted» column), which carries the answers that rarely change over.
 */
import type { ReportDoc } from "../../src/reports/types.ts";
import { runImport } from "../../src/rounds/import.ts";
import { openCosmos } from "../../src/storage/cosmos.ts";
import { ReportRepo } from "../../src/storage/report-repo.ts";
import { RoundRepo } from "../../src/storage/round-repo.ts";
import { E2E_DATABASE, type E2eEnv } from "../support/e2e-env.ts";

const by = { id: "00000000-0000-0000-0000-0000000000020", name: "Alex Wilber" };
const at = "2025-01-10T10:00:00.000Z";

const LAST_YEAR: ReportDoc["answers"] = {
  q04: { value: 4, by, at, rev: 5 },
  q07: { value: "Montessoriskolen", by, at, rev: 5 },
  q08: { value: ["bodo", "fauske"], by, at, rev: 5 },
  q09: { value: "Nord universitet", by, at, rev: 5 },
  q20: { value: ["laeringsmiljo", "vurderingspraksis"], by, at, rev: 5 },
};

const CSV = [
  "fylke;rapporteringsår;skjema;partnerskap;kategori;sektor;tiltak;saksnummer;tiltak_id;kontaktperson;epost;telefon;entra_id;arbeidssted",
  "Nordland;2025;dekom-2024-2025;Salten regionråd;Kommune;Offentlig;Lesing i alle fag;2024/1234;t-salten-lesing;Alex Wilber;alexw@example.com;912 34 567;;Salten regionråd",
].join("\n");

export async function seedLastYear(env: E2eEnv): Promise<void> {
  const store = await openCosmos({
    endpoint: env.cosmos.endpoint,
    key: env.cosmos.key,
    database: E2E_DATABASE,
  });
  try {
    const reports = new ReportRepo(store.containers.reports);
    const now = await reports.get("nordland-2025", "t-salten-lesing");
    if (now === undefined) throw new Error("the demo round is not seeded");
    await reports.upsert({
      ...now.doc,
      roundId: "nordland-2024",
      status: "submitted",
      revision: 5,
      answers: LAST_YEAR,
      createdAt: "2024-11-01T10:00:00.000Z",
      submittedAt: at,
      receipt: "DEKOM-2024-0001",
    });
    const result = await runImport(
      { name: "runde.csv", content: CSV },
      { reports, rounds: new RoundRepo(store.containers.rounds) },
      { now: new Date() },
    );
    if (result.status !== "applied") throw new Error(`import: ${JSON.stringify(result)}`);
  } finally {
    store.dispose();
  }
}
