/** "Stemmer" on a plausibility warning, through the real @azure/cosmos SDK and the local Cosmos server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/clock.ts";
import { confirmWarning } from "../../../src/reports/confirm-warning.ts";
import { warningsFor } from "../../../src/reports/plausibility.ts";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { ReportRepo } from "../../../src/storage/report-repo.ts";
import { uid } from "../storage/fixtures.ts";
import {
  coEditorActor,
  completeContents,
  contactActor,
  form2024,
  forms,
  makeReport,
  staffActor,
  stored,
  strangerActor,
} from "./fixtures.ts";

const DATABASE = "confirm-warning-test";
const NOW = "2026-12-01T10:00:00.000Z";
let server: LocalCosmos;
let store: CosmosStore;
let reports: ReportRepo;
const deps = () => ({ reports, forms, staffIds: [staffActor.id], clock: fixedClock(NOW) });

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: DATABASE });
  reports = new ReportRepo(store.containers.reports);
});
afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

/** A report whose UH grant has no UH named (one warning: uh-grant-no-uh). */
async function seed(overrides: Partial<ReportDoc> = {}) {
  const contents = completeContents(form2024);
  contents.q14 = { value: 80_000 };
  contents.q09 = { value: "-" };
  const doc = makeReport(form2024, {
    id: uid("r"),
    roundId: "r-2025",
    answers: stored(contents),
    revision: 1,
    ...overrides,
  });
  await reports.create(doc);
  return { roundId: doc.roundId, reportId: doc.id };
}
const storedDoc = async (ref: { roundId: string; reportId: string }) =>
  (await reports.get(ref.roundId, ref.reportId))?.doc as ReportDoc;

describe("confirmWarning", () => {
  it("should store who confirmed, with the signature computed on the server", async () => {
    const ref = await seed();
    const o = await confirmWarning(deps(), coEditorActor, ref, "uh-grant-no-uh");
    expect(o.kind).toBe("confirmed");
    const doc = await storedDoc(ref);
    expect(doc.plausibility?.["uh-grant-no-uh"]).toMatchObject({ by: { id: coEditorActor.id }, at: NOW });
    expect(doc.revision).toBe(2);
    expect(warningsFor(form2024, doc)[0]?.confirmed).toBe(true);
  });

  it("should write nothing for a rule that does not apply to the stored answers (a forged card)", async () => {
    const ref = await seed();
    const before = await reports.get(ref.roundId, ref.reportId);
    expect((await confirmWarning(deps(), contactActor, ref, "phases-over-grant")).kind).toBe("unchanged");
    expect((await reports.get(ref.roundId, ref.reportId))?.etag).toBe(before?.etag);
  });

  it("should refuse strangers and leave staff and submitted reports read-only", async () => {
    const ref = await seed();
    expect((await confirmWarning(deps(), strangerActor, ref, "uh-grant-no-uh")).kind).toBe("forbidden");
    expect((await confirmWarning(deps(), staffActor, ref, "uh-grant-no-uh")).kind).toBe("read_only");
    const sent = await seed({ status: "submitted" });
    expect((await confirmWarning(deps(), contactActor, sent, "uh-grant-no-uh")).kind).toBe("read_only");
    expect(
      (await confirmWarning(deps(), contactActor, { roundId: "r-2025", reportId: "nope" }, "uh-grant-no-uh"))
        .kind,
    ).toBe("not_found");
  });
});
