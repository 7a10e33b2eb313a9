/**
 * The round import from Teams over HTTP against the real app (local Cosmos through the harness): only
 * staff get a dry run; "Importer" works only for the staff member who sent the file, only once, and
 * never for an id the server did not make.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { row, xlsx } from "../src/rounds/fixtures.ts";
import { activityBase, type Harness, startHarness } from "../support/bot-harness.ts";
import { type FileServer, startFileServer } from "../support/playground-files.ts";

const staff = { id: "29:staff", aadObjectId: "aad-staff-1", name: "Siri Stab" };
const otherStaff = { id: "29:staff2", aadObjectId: "aad-staff-2", name: "Per Stab" };
const contact = { id: "29:contact", aadObjectId: "aad-contact", name: "Kari Kontakt" };

describe("round import from a file sent in Teams", () => {
  let h: Harness;
  let files: FileServer;
  let url: string;
  const sendFile = (user: typeof staff, name = "agder.xlsx") =>
    h.post({
      ...activityBase(h.connector.url, user),
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.file.download.info",
          name,
          content: { downloadUrl: url, fileType: "xlsx" },
        },
      ],
    });
  /** The Importer button's upload id on the newest card the bot sent. */
  const uploadIdSent = (from: number) => /"uploadId":"([0-9a-f-]{36})"/.exec(h.sentTexts(from).join(""))?.[1];

  beforeAll(async () => {
    h = await startHarness({ env: { STAFF_AAD_IDS: "aad-staff-1,aad-staff-2" } });
    files = await startFileServer();
    url = files.put("agder.xlsx", await xlsx([row({ fylke: "Agder", saksnummer: "2025/900" })]));
  });
  afterAll(async () => {
    await files?.close();
    await h?.close();
  });

  it("tells someone who is not staff that only staff may import, and keeps nothing", async () => {
    const from = h.connector.calls().length;
    await sendFile(contact);
    const sent = h.sentTexts(from).join("");
    expect(sent).toContain("Bare Statsforvalterens ansatte kan importere en runde.");
    expect(sent).not.toContain("uploadId");
  });

  it("refuses a file type it cannot import", async () => {
    const from = h.connector.calls().length;
    await sendFile(staff, "agder.docx");
    expect(h.sentTexts(from).join("")).toContain("ikke «agder.docx»");
  });

  it("imports only for the sender, only once, and never from a made-up id", async () => {
    const from = h.connector.calls().length;
    await sendFile(staff);
    const uploadId = uploadIdSent(from);
    expect(uploadId).toBeDefined();
    const madeUp = await h.execute(staff, "round.import", {
      uploadId: "0f8fad5b-d9cb-469f-a165-70867728950e",
    });
    expect(JSON.stringify(madeUp.body)).toContain("utløpt eller allerede importert");
    const foreign = await h.execute(otherStaff, "round.import", { uploadId });
    expect(JSON.stringify(foreign.body)).toContain("utløpt eller allerede importert");
    expect(await h.running.app.repos.rounds.get("agder-2025")).toBeUndefined();

    const done = await h.execute(staff, "round.import", { uploadId });
    expect(JSON.stringify(done.body)).toContain("Import fullført");
    expect(await h.running.app.repos.rounds.get("agder-2025")).toBeDefined();
    const again = await h.execute(staff, "round.import", { uploadId });
    expect(JSON.stringify(again.body)).toContain("utløpt eller allerede importert");
  });
});
