/**
 * The round import from Teams in the staff member's language, over HTTP against the real app (local
 * Cosmos through the harness): a staff member who chose nynorsk gets the dry-run card of a bad file,
 * of a good one and the result of «Importer» in nynorsk (row messages, plan lines, summary); another
 * staff member sending the same bad file still gets bokmål.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { row, xlsx } from "../src/rounds/fixtures.ts";
import { activityBase, type Harness, startHarness } from "../support/bot-harness.ts";
import { type FileServer, startFileServer } from "../support/playground-files.ts";

const nynorsk = { id: "29:staff-nn", aadObjectId: "aad-staff-nn", name: "Sigrid Stab" };
const bokmal = { id: "29:staff-nb", aadObjectId: "aad-staff-nb", name: "Per Stab" };

describe("round import in Teams in the staff member's language", () => {
  let h: Harness;
  let files: FileServer;
  let good: string;
  let bad: string;
  const sendFile = (user: typeof nynorsk, name: string, url: string) =>
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
  const sentSince = async (send: () => Promise<unknown>) => {
    const from = h.connector.calls().length;
    await send();
    return h.sentTexts(from).join("");
  };

  beforeAll(async () => {
    h = await startHarness({ env: { STAFF_AAD_IDS: "aad-staff-nn,aad-staff-nb", SEED_DEMO: "false" } });
    files = await startFileServer();
    good = files.put("agder.xlsx", await xlsx([row({ fylke: "Agder", saksnummer: "2025/900" })]));
    bad = files.put(
      "agder-feil.xlsx",
      await xlsx([row({ fylke: "Agder" }), row({ fylke: "Agder", saksnummer: "2025/901", epost: "kari@" })]),
    );
    const chose = await sentSince(() => h.message(nynorsk, "nynorsk"));
    expect(chose).toContain("Frå no av skriv eg nynorsk til deg.");
  });
  afterAll(async () => {
    await files?.close();
    await h?.close();
  });

  it("shows a bad file's row messages in nynorsk, and in bokmål to a bokmål staff member", async () => {
    const nn = await sentSince(() => sendFile(nynorsk, "agder-feil.xlsx", bad));
    expect(nn).toContain("«agder-feil.xlsx» har 1 feil. Ingenting er lagra.");
    expect(nn).toContain("Rad 3, kolonne «epost»: «kari@» er ikkje ei gyldig e-postadresse.");
    expect(nn).toContain("Rett feila i fila og send ho på nytt.");
    expect(nn).not.toContain("ikke");
    expect(nn).not.toContain("round.import");

    const nb = await sentSince(() => sendFile(bokmal, "agder-feil.xlsx", bad));
    expect(nb).toContain("«agder-feil.xlsx» har 1 feil. Ingenting er lagret.");
    expect(nb).toContain("Rad 3, kolonne «epost»: «kari@» er ikke en gyldig e-postadresse.");
  });

  it("shows the dry run and the import's result in nynorsk", async () => {
    const dry = await sentSince(() => sendFile(nynorsk, "agder.xlsx", good));
    expect(dry).toContain("Tørrkøyring: ingenting er lagra enno.");
    expect(dry).toContain(
      "+ Ny runde: Agder 2025, Desentralisert ordning – Rapportering 2024/2025, frist 15.01.2026 kl. 23.59",
    );
    expect(dry).toContain("+ Ny: Salten regionråd – Lesing i alle fag (saksnr. 2025/900)");
    const uploadId = /"uploadId":"([0-9a-f-]{36})"/.exec(dry)?.[1];
    expect(uploadId).toBeDefined();

    const done = JSON.stringify((await h.execute(nynorsk, "round.import", { uploadId })).body);
    expect(done).toContain(
      "Import fullført: ny runde; 1 nye, 0 endra, 0 uendra rapporteringar; 0 berre i databasen (ikkje sletta).",
    );
    expect(done).toContain("+ Ny: Salten regionråd – Lesing i alle fag (saksnr. 2025/900)");
    expect(await h.running.app.repos.rounds.get("agder-2025")).toBeDefined();

    // Sent again: every line unchanged, in nynorsk.
    const again = await sentSince(() => sendFile(nynorsk, "agder.xlsx", good));
    expect(again).toContain("= Runden uendra: Agder 2025, ");
    expect(again).toContain("= Uendra: Salten regionråd – Lesing i alle fag (saksnr. 2025/900)");
  });
});
