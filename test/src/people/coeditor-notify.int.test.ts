/** Telling an invited co-editor: people looked up through the real SDK against the local Cosmos server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tellInvitedCoEditor } from "../../../src/people/coeditor-notify.ts";
import type { ConversationTarget } from "../../../src/reminders/messenger.ts";
import { type CosmosStore, openCosmos } from "../../../src/storage/cosmos.ts";
import { type LocalCosmos, startLocalCosmos } from "../../../src/storage/local-cosmos.ts";
import { PeopleRepo } from "../../../src/storage/people-repo.ts";
import { contactActor, form2024, makeReport } from "../reports/fixtures.ts";

const DATABASE = "coeditor-notify-test";
let server: LocalCosmos;
let store: CosmosStore;
let people: PeopleRepo;
const target: ConversationTarget = {
  serviceUrl: "http://x",
  channelId: "msteams",
  conversationId: "c-megan",
};

beforeAll(async () => {
  server = await startLocalCosmos({ database: DATABASE });
  store = await openCosmos({ endpoint: server.endpoint, key: server.key, database: DATABASE });
  people = new PeopleRepo(store.containers.people);
  await people.upsert({
    id: "aad-megan",
    name: "Megan Bowen",
    email: "MeganB@example.com",
    target,
    updatedAt: "2026-11-01T00:00:00Z",
  });
  await people.upsert({
    id: "aad-lynne",
    name: "Lynne",
    email: "lynne@example.com",
    updatedAt: "2026-11-01T00:00:00Z",
  });
  await people.upsert({
    id: "aad-blocked",
    name: "Blocked",
    email: "blocked@example.com",
    target,
    unreachable: { status: 403, code: "MessageWritesBlocked", at: "2026-11-02T00:00:00Z" },
    updatedAt: "2026-11-02T00:00:00Z",
  });
});
afterAll(async () => {
  store?.dispose();
  await server?.stop();
});

describe("tellInvitedCoEditor", () => {
  const report = makeReport(form2024, { tiltak: { id: "t", name: "Lesing i alle fag" } });

  it("should send a message to the stored conversation of a person seen in Teams", async () => {
    const sent: { target: ConversationTarget; text: string }[] = [];
    const notify = async (t: ConversationTarget, text: string) => {
      sent.push({ target: t, text });
      return true;
    };
    expect(await tellInvitedCoEditor({ people, notify }, report, "meganb@example.com", contactActor)).toBe(
      true,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.target.conversationId).toBe("c-megan");
    expect(sent[0]?.text).toContain(
      `${contactActor.name} har invitert deg som medredaktør på rapporteringen «Lesing i alle fag»`,
    );
  });

  it("should not try when the person has no conversation, is unreachable or was never seen", async () => {
    let calls = 0;
    const notify = async () => {
      calls++;
      return true;
    };
    for (const email of ["lynne@example.com", "blocked@example.com", "nobody@example.com"]) {
      expect(await tellInvitedCoEditor({ people, notify }, report, email, contactActor)).toBe(false);
    }
    expect(calls).toBe(0);
  });

  it("should report a failed send as not told", async () => {
    expect(
      await tellInvitedCoEditor(
        { people, notify: async () => false },
        report,
        "meganb@example.com",
        contactActor,
      ),
    ).toBe(false);
  });
});
