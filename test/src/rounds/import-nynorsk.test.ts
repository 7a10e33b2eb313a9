/**
 * The round import in nynorsk: the same bad files give every row, file and cross-row message in
 * nynorsk (and the same ones in bokmål as before), and the plan's lines, problems and summary follow
 * the language asked for. A nynorsk run leaves bokmål as the default afterwards.
 */
import { describe, expect, it } from "vitest";
import { validatingIn } from "../../../src/i18n/validating.ts";
import { parseImport, parseImportFile, planImport } from "../../../src/rounds/import.ts";
import { planLines, summaryText } from "../../../src/rounds/import-messages.ts";
import { summarize } from "../../../src/rounds/import-plan.ts";
import { applyInMemory, csv, row, sampleRows } from "./fixtures.ts";

const NOW = new Date("2025-11-02T10:00:00.000Z");
const LATER = new Date("2025-11-20T10:00:00.000Z");

function errorsOf(fileName: string, content: string | Uint8Array, lang?: "nb" | "nn"): string[] {
  const result = parseImport(fileName, content, lang);
  if (result.ok) throw new Error("expected errors, the file was accepted");
  return result.errors;
}

/** Words of bokmål that nynorsk spells otherwise (a nynorsk message with one of them is untranslated). */
const BOKMAL =
  /(^|[^\p{L}])(ikke|mangler|være|verdier|kolonner|filen|avviker|fra|samme|hvert|bare|navnet|endret|uendret|rapporteringer|finnes)([^\p{L}]|$)/iu;

const BAD_ROWS = () =>
  csv([
    row(),
    row({ saksnummer: "2", kategori: "By", telefon: "1" }),
    row({ saksnummer: "3", sektor: "", entra_id: "x", fylke: "Troms" }),
    row({ saksnummer: "2024/1234", epost: "kari@", rapporteringsår: "20x5", tiltak_id: "T 1/2" }),
  ]);

describe("the import in nynorsk", () => {
  it("should give the same bad file's row messages in nynorsk, and in bokmål as before", () => {
    const nn = errorsOf("a.csv", BAD_ROWS(), "nn");
    expect(nn).toEqual([
      "Rad 3, kolonne «kategori»: «By» er ikkje ein gyldig kategori. Gyldige verdiar: Kommune, " +
        "Fylkeskommune, Universitet / Høgskole, Skole, Organisasjon, Annet.",
      "Rad 3, kolonne «telefon»: «1» er ikkje eit gyldig norsk telefonnummer (8 siffer, gjerne med +47).",
      "Rad 4, kolonne «sektor»: manglar verdi.",
      "Rad 4, kolonne «entra_id»: «x» er ikkje ein gyldig Entra objekt-ID (GUID).",
      "Rad 5, kolonne «rapporteringsår»: «20x5» er ikkje eit gyldig årstal.",
      "Rad 5, kolonne «tiltak_id»: «T 1/2» er ikkje ein gyldig tiltak-id (berre små bokstavar a-z, siffer og bindestrek).",
      "Rad 5, kolonne «epost»: «kari@» er ikkje ei gyldig e-postadresse.",
      "Rad 4, kolonne «fylke»: «Troms» avvik frå rad 2 («Nordland»); alle radene må gjelde same runde.",
      "Rad 5, kolonne «saksnummer»: «2024/1234» står også i rad 2; kvart tiltak kan berre stå éin gong.",
    ]);
    for (const message of nn) expect(message).not.toMatch(BOKMAL);

    const nb = errorsOf("a.csv", BAD_ROWS());
    expect(nb).toEqual(errorsOf("a.csv", BAD_ROWS(), "nb"));
    expect(nb).toContain("Rad 5, kolonne «epost»: «kari@» er ikke en gyldig e-postadresse.");
    expect(nb).toContain("Rad 4, kolonne «sektor»: mangler verdi.");
    expect(nb).toContain(
      "Rad 4, kolonne «fylke»: «Troms» avviker fra rad 2 («Nordland»); alle rader må gjelde samme runde.",
    );
  });

  it("should leave bokmål as the default after a nynorsk run, also inside another validation's language", () => {
    errorsOf("a.csv", BAD_ROWS(), "nn");
    expect(errorsOf("a.csv", csv([row({ epost: "x" })]))).toEqual([
      "Rad 2, kolonne «epost»: «x» er ikke en gyldig e-postadresse.",
    ]);
    // The import's own language wins over a surrounding call's.
    expect(validatingIn("nb", () => errorsOf("a.csv", csv([row({ epost: "x" })]), "nn"))).toEqual([
      "Rad 2, kolonne «epost»: «x» er ikkje ei gyldig e-postadresse.",
    ]);
  });

  it("should name the rest of the row checks in nynorsk", () => {
    const more = errorsOf(
      "a.csv",
      csv([
        row({ frist: "15. januar", skjema: "dekom-2030" }),
        row({ saksnummer: "///" }),
        row({ saksnummer: "4", kategori: "Skole" }),
        row({ saksnummer: "5", partnerskap: "Salten Regionråd" }),
        row({ saksnummer: "2024-1234" }),
      ]),
      "nn",
    );
    expect(more).toEqual([
      "Rad 2, kolonne «skjema»: «dekom-2030» er ikkje eit kjent skjema. Kjende skjema: dekom-skole-2021, dekom-2024-2025.",
      "Rad 2, kolonne «frist»: «15. januar» er ikkje ein gyldig frist. Skriv til dømes 2026-01-15 eller 15.01.2026 23:59.",
      "Rad 3, kolonne «saksnummer»: «///» gir ingen id; oppgje tiltak_id.",
      "Rad 6, kolonne «saksnummer»: gir tiltaks-id «t-2024-1234», som rad 2 også har; kvart tiltak kan berre stå éin gong.",
      "Rad 4, kolonne «kategori»: «Skole» avvik frå rad 2 («Kommune») for same partnarskap «Salten regionråd».",
      "Rad 5, kolonne «partnerskap»: «Salten Regionråd» gir same id som «Salten regionråd» i rad 2; skriv namnet likt.",
    ]);
    for (const message of more) expect(message).not.toMatch(BOKMAL);
  });

  it("should give the file's and the header's messages in nynorsk", async () => {
    expect(errorsOf("a.csv", "", "nn")).toEqual([
      "Fila er tom: rad 1 må vere ei overskrift med kolonnenamn.",
    ]);
    expect(errorsOf("a.csv", csv([]), "nn")).toEqual(["Fila har ingen tiltak."]);
    expect(errorsOf("a.txt", "x", "nn")).toEqual(["Ukjend filtype «.txt»: bruk .xlsx, .csv eller .json."]);
    expect(errorsOf("a.csv", Uint8Array.from([0x66, 0xe5, 0x0a]), "nn")[0]).toMatch(/^Fila er ikkje UTF-8/);
    expect(errorsOf("a.csv", 'fylke;"rapporteringsår\n', "nn")).toEqual([
      'Rad 1: eit hermeteikn (") opnar eit felt som aldri blir lukka.',
    ]);
    const header =
      "fylke;rapporteringsår;partnerskap;kategori;sektor;tiltak;saksnummer;kontaktperson;mail;fylke\n";
    expect(errorsOf("a.csv", header, "nn")).toEqual([
      expect.stringMatching(/^Rad 1: ukjend kolonne «mail»\. Gyldige kolonnar: fylke, rapporteringsår/),
      "Rad 1: kolonnen «fylke» står meir enn éin gong.",
      "Rad 1: kolonnen «epost» manglar.",
      "Rad 1: kolonnen «telefon» manglar.",
    ]);
    const wide = csv([row(), row({ saksnummer: "2" })]).replace("Kari Nordmann;kari", "Kari;Nordmann;kari");
    expect(errorsOf("a.csv", wide, "nn")).toEqual([
      "Rad 2: har 15 felt, men overskrifta har 14. Sjekk skiljeteiknet («;») og hermeteikna.",
    ]);
    const notXlsx = await parseImportFile("a.xlsx", Uint8Array.from([1, 2, 3]), "nn");
    expect(notXlsx).toEqual({
      ok: false,
      errors: ["Fila kan ikkje lesast som ei Excel-arbeidsbok (.xlsx)."],
    });
  });

  it("should name the parts of a JSON file in nynorsk", () => {
    const json = {
      round: { county: "Nordland", reportingYear: 2025, year: 2025 },
      partnerships: [
        { name: "A", category: "Kommune", sector: "Offentlig", tiltak: [] },
        { name: "B", category: "Kommune", sector: "Offentlig", tiltak: [{ name: "T", caseNumber: "1" }] },
      ],
    };
    expect(errorsOf("a.json", JSON.stringify(json), "nn")).toEqual([
      "Felt «round.year»: ukjent felt.",
      "Partnarskap 1: har ingen tiltak.",
      "Partnarskap 2, tiltak 1, felt «contact»: manglar.",
    ]);
    const bad = {
      round: { county: "Nordland", reportingYear: 2025 },
      partnerships: [
        {
          name: "B",
          category: "Kommune",
          sector: "Offentlig",
          tiltak: [{ name: "T", caseNumber: "1", contact: { name: "K", email: "kari@" } }],
        },
      ],
    };
    expect(errorsOf("a.json", JSON.stringify(bad), "nn")).toEqual([
      "Partnarskap 1, tiltak 1, felt «contact.email»: «kari@» er ikkje ei gyldig e-postadresse.",
    ]);
    expect(errorsOf("a.json", "{ nope", "nn")[0]).toMatch(/^Fila er ikkje gyldig JSON \(/);
  });

  it("should write the plan's lines, problems and summary in nynorsk", () => {
    const parsed = parseImport("a.csv", csv(sampleRows()), "nn");
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const first = planImport(parsed.value, { reports: [] }, NOW, "nn");
    expect(planLines(first, "nn")).toEqual([
      "+ ny runde nordland-2025: Nordland 2025, skjema dekom-2024-2025, frist 15.01.2026 kl. 23.59",
      "+ ny rapportering t-2024-1234: Salten regionråd – Lesing i alle fag",
      "+ ny rapportering t-2024-1235: Salten regionråd – Vurdering for læring",
      "+ ny rapportering t-nord-matte: Nord universitet – Matematikk",
    ]);
    expect(summaryText(summarize(first), "nn")).toBe(
      "ny runde; 3 nye, 0 endra, 0 uendra rapporteringar; 0 berre i databasen (ikkje sletta)",
    );
    expect(summaryText(summarize(first))).toBe(
      "ny runde; 3 nye, 0 endret, 0 uendret rapporteringer; 0 bare i databasen (ikke slettet)",
    );

    const stored = applyInMemory(first, { reports: [] }, NOW.toISOString());
    const rows = sampleRows()
      .slice(0, 2)
      .map((r) => ({ ...r, frist: "2026-02-01" }));
    rows[1] = { ...(rows[1] as (typeof rows)[number]), kontaktperson: "Ola Nordmann" };
    const next = parseImport("a.csv", csv(rows), "nn");
    if (!next.ok) throw new Error(next.errors.join("\n"));
    const plan = planImport(next.value, stored, LATER, "nn");
    expect(planLines(plan, "nn")).toEqual([
      "~ endra runde nordland-2025: frist (Nordland 2025, skjema dekom-2024-2025, frist 01.02.2026 kl. 23.59)",
      "= uendra t-2024-1234: Salten regionråd – Lesing i alle fag",
      "~ endra t-2024-1235: kontaktperson (Salten regionråd – Vurdering for læring)",
      "! t-nord-matte (Nord universitet – Matematikk) finst i databasen, men ikkje i fila — ikkje sletta",
    ]);
    expect(summaryText(summarize(plan), "nn")).toBe(
      "runden endra; 0 nye, 1 endra, 1 uendra rapporteringar; 1 berre i databasen (ikkje sletta)",
    );
    expect(planLines(planImport(parsed.value, applyInMemory(first, stored, ""), LATER), "nn")[0]).toMatch(
      /^= uendra runde nordland-2025: /,
    );

    const answered = stored.reports.map((r, i) =>
      i === 0 ? { ...r, answers: { q: { value: 1, by: { id: "u", name: "K" }, at: "", rev: 1 } } } : r,
    );
    const other = parseImport("a.csv", csv(sampleRows().map((r) => ({ ...r, skjema: "dekom-skole-2021" }))));
    if (!other.ok) throw new Error(other.errors.join("\n"));
    const locked = { round: stored.round, reports: answered };
    expect(planImport(other.value, locked, LATER, "nn").problems).toEqual([
      "Skjemaet kan ikkje bytast til «Rapportering for 2021 på tilskotsordninga for lokal kompetanseutvikling – skule» for rapporteringar som alt har svar: Salten regionråd – Lesing i alle fag (saksnr. 2024/1234).",
    ]);
    expect(planImport(other.value, locked, LATER).problems).toEqual([
      "Skjemaet kan ikke byttes til «Rapportering for 2021 på tilskuddsordning for lokal kompetanseutvikling - skole» for rapporteringer som allerede har svar: Salten regionråd – Lesing i alle fag (saksnr. 2024/1234).",
    ]);
  });
});
