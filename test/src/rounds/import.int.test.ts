import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { runImport } from "../../../src/rounds/import.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { RoundRepo } from "../../../src/storage/round-repo.ts";
import { csv, row, sampleRows } from "./fixtures.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = join(ROOT, "scripts/import.ts");
const EXAMPLE = join(ROOT, "examples/round-nordland-2025.csv");
const NOW = new Date("2025-11-02T10:00:00.000Z");
const LATER = new Date("2025-11-20T10:00:00.000Z");

let server: LocalCosmos;
let dir: string;
const stores: CosmosStore[] = [];
let databases = 0;

beforeAll(async () => {
  server = await startLocalCosmos({ port: 0, database: "import-test" });
  dir = await mkdtemp(join(tmpdir(), "import-int-"));
});

afterAll(async () => {
  for (const s of stores) s.dispose();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh database on the shared server, with the repositories over it. */
async function freshDatabase() {
  databases += 1;
  const database = `import-${databases}`;
  const store = await openCosmos({ endpoint: server.endpoint, key: server.key, database });
  stores.push(store);
  const repos = {
    rounds: new RoundRepo(store.containers.rounds),
    reports: new ReportRepo(store.containers.reports),
  };
  return { database, store, repos };
}

/** Every stored document of both containers, without system fields, sorted by id. */
async function everything(store: CosmosStore) {
  const read = async (name: "rounds" | "reports") => {
    const { resources } = await store.containers[name].items.readAll().fetchAll();
    return resources
      .map(({ _rid, _self, _etag, _attachments, _ts, ...doc }) => doc)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  };
  return { rounds: await read("rounds"), reports: await read("reports") };
}

const file = (content: string) => ({ name: "runde.csv", content });

describe("runImport on a local Cosmos server", () => {
  it("should write nothing when one row is wrong", async () => {
    const { store, repos } = await freshDatabase();
    await runImport(file(csv(sampleRows())), repos, { now: NOW });
    const before = await everything(store);

    const rows = [...sampleRows(), row({ saksnummer: "2025/1", epost: "kari@" })];
    rows[0] = row({ tiltak: "Nytt navn" });
    const result = await runImport(file(csv(rows)), repos, { now: LATER });
    expect(result).toEqual({
      status: "invalid",
      errors: ["Rad 5, kolonne «epost»: «kari@» er ikke en gyldig e-postadresse."],
    });
    expect(await everything(store)).toEqual(before);
    expect(before.reports).toHaveLength(3);
  });

  it("should be idempotent and keep answers saved between two imports", async () => {
    const { store, repos } = await freshDatabase();
    const first = await runImport(file(csv(sampleRows())), repos, { now: NOW });
    expect(first.status === "applied" && first.summary).toEqual({
      round: "create",
      created: 3,
      updated: 0,
      unchanged: 0,
      missing: 0,
    });
    const afterFirst = await everything(store);

    const again = await runImport(file(csv(sampleRows())), repos, { now: LATER });
    expect(again.status === "applied" && again.summary).toMatchObject({ round: "unchanged", unchanged: 3 });
    expect(await everything(store)).toEqual(afterFirst);

    // Somebody answers and submits between the imports.
    const answer = { value: "Godt arbeid", by: { id: "u-1", name: "Kari" }, at: NOW.toISOString(), rev: 1 };
    await repos.reports.updateWithRetry("nordland-2025", "t-2024-1234", (doc) => ({
      ...doc,
      answers: { "1.1": answer },
      revision: 1,
      status: "submitted",
      submittedAt: NOW.toISOString(),
      contact: { ...doc.contact, aadObjectId: "0f8fad5b-d9cb-469f-a165-70867728950e" },
    }));
    const answered = (await repos.reports.get("nordland-2025", "t-2024-1234"))?.doc as ReportDoc;

    const rows = sampleRows();
    rows[0] = row({ kontaktperson: "Kari N. Nordmann", telefon: "41234567" });
    const third = await runImport(file(csv(rows)), repos, { now: LATER });
    expect(third.status === "applied" && third.summary).toMatchObject({
      updated: 1,
      unchanged: 2,
      created: 0,
    });

    const after = await repos.reports.listByRound("nordland-2025");
    expect(after).toHaveLength(3);
    const updated = after.find((r) => r.id === "t-2024-1234");
    expect(updated).toEqual({
      ...answered,
      contact: { ...answered.contact, name: "Kari N. Nordmann", phone: "+4741234567" },
      updatedAt: LATER.toISOString(),
    });
    expect((await everything(store)).rounds).toEqual(afterFirst.rounds);
  });

  it("should write nothing on a dry run", async () => {
    const { store, repos } = await freshDatabase();
    const planned = await runImport(file(csv(sampleRows())), repos, { now: NOW, dryRun: true });
    expect(planned.status === "planned" && planned.summary).toMatchObject({ round: "create", created: 3 });
    expect(await everything(store)).toEqual({ rounds: [], reports: [] });

    await runImport(file(csv(sampleRows())), repos, { now: NOW });
    const before = await everything(store);
    const rows = sampleRows().map((r) => ({ ...r, frist: "2026-02-01", telefon: "41234567" }));
    const changed = await runImport(file(csv(rows)), repos, { now: LATER, dryRun: true });
    expect(changed.status === "planned" && changed.summary).toMatchObject({ round: "update", updated: 3 });
    expect(await everything(store)).toEqual(before);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run import` as the user would (tsx scripts/import.ts) against a database of the test server. */
function runScript(args: string[], database: string): Promise<Run> {
  const child = spawn(TSX, [SCRIPT, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      // The same Node that runs the tests, first on PATH for tsx's shebang.
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      COSMOS_ENDPOINT: server.endpoint,
      COSMOS_KEY: server.key,
      COSMOS_DATABASE: database,
      LOCAL_DATA_DIR: join(dir, "unused"),
      CLOCK_NOW: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((ok, fail) => {
    child.once("error", fail);
    child.once("close", (code) => ok({ code, stdout, stderr }));
  });
}

describe("npm run import (child process)", () => {
  it("should exit 1 naming the row and field of a bad file, and write nothing", async () => {
    const { database, store } = await freshDatabase();
    const bad = join(dir, "bad.csv");
    await writeFile(bad, csv([row(), row({ saksnummer: "2", kategori: "Kommunen", telefon: "123" })]));
    const run = await runScript([bad], database);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("har 2 feil. Ingenting er lagret.");
    expect(run.stderr).toContain("Rad 3, kolonne «kategori»: «Kommunen» er ikke en gyldig kategori.");
    expect(run.stderr).toContain("Rad 3, kolonne «telefon»: «123» er ikke et gyldig norsk telefonnummer");
    expect(await everything(store)).toEqual({ rounds: [], reports: [] });
  });

  // Three runs of the CLI, each a fresh tsx process (~10 s each on a loaded 2-core machine).
  it("should import the example file, then show it unchanged on a dry run", {
    timeout: 120_000,
  }, async () => {
    const { database, store, repos } = await freshDatabase();
    const dry = await runScript([EXAMPLE, "--dry-run"], database);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      "+ ny runde nordland-2025: Nordland 2025, skjema dekom-2024-2025, frist 15.01.2026",
    );
    expect(dry.stdout).toContain("+ ny rapportering t-salten-lesing: Salten regionråd – Lesing i alle fag");
    expect(dry.stdout).toContain("Tørrkjøring: ingenting er lagret.");
    expect(await everything(store)).toEqual({ rounds: [], reports: [] });

    const run = await runScript([EXAMPLE], database);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Import fullført: ny runde; 10 nye, 0 endret, 0 uendret rapporteringer");
    expect(await repos.reports.listByRound("nordland-2025")).toHaveLength(10);
    expect((await repos.rounds.get("nordland-2025"))?.deadline).toBe("2026-01-15T22:59:00.000Z");

    const again = await runScript([EXAMPLE, "--dry-run"], database);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.split("\n").filter((l) => l.startsWith("= uendret"))).toHaveLength(11);
    expect(again.stdout).toContain("0 nye, 0 endret, 10 uendret");
  });

  // Two runs of the CLI (fresh tsx processes), as above.
  it("should write the row messages, plan lines and summary in nynorsk with --lang nn", {
    timeout: 120_000,
  }, async () => {
    const { database, store } = await freshDatabase();
    const bad = join(dir, "bad-nn.csv");
    await writeFile(bad, csv([row(), row({ saksnummer: "2", kategori: "Kommunen", telefon: "123" })]));
    const run = await runScript([bad, "--lang", "nn"], database);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("har 2 feil. Ingenting er lagra.");
    expect(run.stderr).toContain("Rad 3, kolonne «kategori»: «Kommunen» er ikkje ein gyldig kategori.");
    expect(run.stderr).toContain("Rad 3, kolonne «telefon»: «123» er ikkje eit gyldig norsk telefonnummer");

    const dry = await runScript(["--lang=nn", EXAMPLE, "--dry-run"], database);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("+ ny rapportering t-salten-lesing: Salten regionråd – Lesing i alle fag");
    expect(dry.stdout).toContain(
      "Tørrkøyring: ingenting er lagra. Dette ville blitt gjort: ny runde; 10 nye, 0 endra, 0 uendra " +
        "rapporteringar; 0 berre i databasen (ikkje sletta).",
    );
    expect(await everything(store)).toEqual({ rounds: [], reports: [] });
  });

  it("should exit 2 naming a --lang that is neither nb nor nn", async () => {
    const run = await runScript([EXAMPLE, "--lang", "de"], "unused");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Ukjent språk «de»: bruk nb (bokmål) eller nn (nynorsk).");
    expect(run.stderr).toContain("[--dry-run] [--lang nn]");
  });

  it("should exit 2 with the usage when no file is given", async () => {
    const run = await runScript(["--dry-run"], "unused");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Bruk: npm run import -- <fil.xlsx|fil.csv|fil.json> [--dry-run]");
  });
});
