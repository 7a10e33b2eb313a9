import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportDoc } from "../../../src/reports/types.ts";
import { type ParsedImport, parseCsv, parseImport, planImport } from "../../../src/rounds/import.ts";
import { planLines } from "../../../src/rounds/import-messages.ts";
import { mergeContact } from "../../../src/rounds/import-plan.ts";
import {
  defaultDeadline,
  defaultFormId,
  formatDeadline,
  parseDeadline,
  roundId,
  slug,
} from "../../../src/rounds/round.ts";
import { applyInMemory, csv, GUID, row, sampleRows } from "./fixtures.ts";

const NOW = new Date("2025-11-02T10:00:00.000Z");
const LATER = new Date("2025-11-20T10:00:00.000Z");
const EXAMPLE = resolve(import.meta.dirname, "../../../examples/round-nordland-2025.csv");

function ok(fileName: string, content: string | Uint8Array): ParsedImport {
  const result = parseImport(fileName, content);
  if (!result.ok) throw new Error(`expected a valid file, got:\n${result.errors.join("\n")}`);
  return result.value;
}

function errorsOf(fileName: string, content: string | Uint8Array): string[] {
  const result = parseImport(fileName, content);
  if (result.ok) throw new Error("expected errors, the file was accepted");
  return result.errors;
}

describe("round", () => {
  it("should default the deadline to 15 January 23:59 Oslo of the following year", () => {
    expect(defaultDeadline(2025)).toBe("2026-01-15T22:59:00.000Z");
    expect(defaultDeadline(2023)).toBe("2024-01-15T22:59:00.000Z");
    expect(formatDeadline(defaultDeadline(2025))).toBe("15.01.2026 kl. 23.59");
  });

  it("should derive round ids and slugs with Norwegian letters", () => {
    expect(roundId("Nordland", 2025)).toBe("nordland-2025");
    expect(roundId("Møre og Romsdal", 2024)).toBe("more-og-romsdal-2024");
    expect(roundId("Trøndelag", 2025)).toBe("trondelag-2025");
    expect(slug("Værøy og Røst / Åfjord")).toBe("vaeroy-og-rost-afjord");
    expect(slug("2024/1234")).toBe("2024-1234");
    expect(slug("  Sámi allaskuvla ")).toBe("sami-allaskuvla");
  });

  it("should pick the form by reporting year", () => {
    expect(defaultFormId(2021)).toBe("dekom-skole-2021");
    expect(defaultFormId(2023)).toBe("dekom-skole-2021");
    expect(defaultFormId(2024)).toBe("dekom-2024-2025");
  });

  it("should parse deadlines as Oslo wall time, in winter and in summer", () => {
    expect(parseDeadline("2026-01-15")).toBe("2026-01-15T22:59:00.000Z");
    expect(parseDeadline("15.01.2026")).toBe("2026-01-15T22:59:00.000Z");
    expect(parseDeadline("15.01.2026 kl. 12.00")).toBe("2026-01-15T11:00:00.000Z");
    expect(parseDeadline("2026-06-30T12:00")).toBe("2026-06-30T10:00:00.000Z");
    expect(parseDeadline("2026-01-15T23:59:00+01:00")).toBe("2026-01-15T22:59:00.000Z");
    expect(parseDeadline("2026-01-15T22:59:00Z")).toBe("2026-01-15T22:59:00.000Z");
    for (const bad of ["2026-02-30", "31.13.2026", "i morgen", "2026-01-15T25:00", ""]) {
      expect(parseDeadline(bad), bad).toBeUndefined();
    }
  });
});

describe("parseCsv", () => {
  it("should read quoted fields with separators, escaped quotes and line breaks", () => {
    const text = 'a;b;c\r\n"x; y";"sa ""hei""";"linje 1\nlinje 2"\r\n1;;3';
    const table = parseCsv(text);
    expect(table.separator).toBe(";");
    expect(table.records).toEqual([
      ["a", "b", "c"],
      ["x; y", 'sa "hei"', "linje 1\nlinje 2"],
      ["1", "", "3"],
    ]);
  });

  it("should detect a comma separator from the header line", () => {
    const table = parseCsv('a,b\n"1,5",2\n');
    expect(table.separator).toBe(",");
    expect(table.records).toEqual([
      ["a", "b"],
      ["1,5", "2"],
    ]);
  });

  it("should refuse a quote that is never closed, naming the row", () => {
    expect(errorsOf("f.csv", 'a;b\n1;2\n"3;4\n')).toEqual([
      'Rad 3: et anførselstegn (") åpner et felt som aldri lukkes.',
    ]);
  });
});

describe("parseImport (CSV)", () => {
  it("should read a semicolon file with BOM and derive stable ids and normalized values", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${csv(sampleRows())}`);
    const parsed = ok("runde.csv", bytes);
    expect(parsed.round).toEqual({ id: "nordland-2025", county: "Nordland", reportingYear: 2025 });
    expect(parsed.tiltak.map((t) => t.id)).toEqual(["t-2024-1234", "t-2024-1235", "t-nord-matte"]);
    const [first, second, third] = parsed.tiltak;
    expect(first).toEqual({
      id: "t-2024-1234",
      source: "rad 2",
      partnership: {
        id: "p-salten-regionrad",
        name: "Salten regionråd",
        category: "Kommune",
        sector: "Offentlig",
      },
      tiltak: { id: "t-2024-1234", name: "Lesing i alle fag", caseNumber: "2024/1234" },
      contact: { name: "Kari Nordmann", email: "kari@example.com", phone: "+4791234567" },
    });
    expect(second?.contact.phone).toBe("+4791234567");
    expect(third?.partnership).toEqual({
      id: "p-nord-universitet",
      name: "Nord universitet",
      category: "Universitet / Høgskole",
      sector: "Offentlig",
    });
    expect(third?.contact).toEqual({
      name: "Ola Nordmann",
      email: "ola.nordmann@example.com",
      aadObjectId: GUID,
    });
  });

  it("should read a comma-separated file with quoted fields the same way", () => {
    const rows = sampleRows();
    expect(ok("a.csv", csv(rows, ","))).toEqual(ok("b.csv", csv(rows, ";")));
  });

  it("should accept header names in any case and values in any case for category and sector", () => {
    const text = csv([row({ kategori: "universitet/høgskole", sektor: "PRIVAT" })]).replace(
      "fylke;rapporteringsår",
      "Fylke;Rapporteringsår",
    );
    const [t] = ok("a.csv", text).tiltak;
    expect(t?.partnership.category).toBe("Universitet / Høgskole");
    expect(t?.partnership.sector).toBe("Privat");
  });

  it("should keep the round's form and deadline when given", () => {
    const parsed = ok("a.csv", csv([row({ skjema: "dekom-skole-2021", frist: "2026-01-31" })]));
    expect(parsed.round).toMatchObject({ formId: "dekom-skole-2021", deadline: "2026-01-31T22:59:00.000Z" });
  });

  it("should read the example file in the repository", () => {
    const parsed = ok(EXAMPLE, readFileSync(EXAMPLE));
    expect(parsed.round.id).toBe("nordland-2025");
    expect(parsed.tiltak).toHaveLength(10);
    expect(new Set(parsed.tiltak.map((t) => t.partnership.id)).size).toBe(6);
    const categories = new Set(parsed.tiltak.map((t) => t.partnership.category));
    for (const c of ["Kommune", "Fylkeskommune", "Universitet / Høgskole"]) expect(categories).toContain(c);
    expect(parsed.tiltak.some((t) => t.partnership.sector === "Privat")).toBe(true);
  });
});

describe("parseImport errors", () => {
  const cases: [string, Partial<ReturnType<typeof row>>, string][] = [
    ["a missing value", { kontaktperson: " " }, "Rad 2, kolonne «kontaktperson»: mangler verdi."],
    ["a bad e-mail", { epost: "kari@" }, "Rad 2, kolonne «epost»: «kari@» er ikke en gyldig e-postadresse."],
    [
      "a bad phone",
      { telefon: "12345" },
      "Rad 2, kolonne «telefon»: «12345» er ikke et gyldig norsk telefonnummer (8 sifre, gjerne med +47).",
    ],
    [
      "a foreign phone",
      { telefon: "+46 70 123 45 67" },
      "Rad 2, kolonne «telefon»: «+46 70 123 45 67» er ikke et gyldig norsk telefonnummer (8 sifre, gjerne med +47).",
    ],
    [
      "a bad category",
      { kategori: "Kommunen" },
      "Rad 2, kolonne «kategori»: «Kommunen» er ikke en gyldig kategori. Gyldige verdier: Kommune, " +
        "Fylkeskommune, Universitet / Høgskole, Skole, Organisasjon, Annet.",
    ],
    [
      "a bad sector",
      { sektor: "Offentleg" },
      "Rad 2, kolonne «sektor»: «Offentleg» er ikke en gyldig sektor. Gyldige verdier: Offentlig, Privat.",
    ],
    [
      "a bad year",
      { rapporteringsår: "20x5" },
      "Rad 2, kolonne «rapporteringsår»: «20x5» er ikke et gyldig årstall.",
    ],
    [
      "an unknown form",
      { skjema: "dekom-2030" },
      "Rad 2, kolonne «skjema»: «dekom-2030» er ikke et kjent skjema. Kjente skjema: dekom-skole-2021, dekom-2024-2025.",
    ],
    [
      "a bad deadline",
      { frist: "15. januar" },
      "Rad 2, kolonne «frist»: «15. januar» er ikke en gyldig frist. Skriv f.eks. 2026-01-15 eller 15.01.2026 23:59.",
    ],
    [
      "a bad Entra id",
      { entra_id: "kari" },
      "Rad 2, kolonne «entra_id»: «kari» er ikke en gyldig Entra objekt-ID (GUID).",
    ],
    [
      "a bad tiltak id",
      { tiltak_id: "T 1/2" },
      "Rad 2, kolonne «tiltak_id»: «T 1/2» er ikke en gyldig tiltak-id (bare små bokstaver a-z, sifre og bindestrek).",
    ],
    [
      "a case number without id",
      { saksnummer: "///" },
      "Rad 2, kolonne «saksnummer»: «///» gir ingen id; oppgi tiltak_id.",
    ],
  ];
  for (const [what, overrides, message] of cases) {
    it(`should name the row and the column of ${what}`, () => {
      expect(errorsOf("a.csv", csv([row(overrides), row({ saksnummer: "2024/9" })]))).toEqual([message]);
    });
  }

  it("should report every error of every row at once", () => {
    const errors = errorsOf(
      "a.csv",
      csv([
        row({ epost: "kari@", telefon: "1" }),
        row({ saksnummer: "2", kategori: "By" }),
        row({ saksnummer: "3", sektor: "", entra_id: "x" }),
      ]),
    );
    expect(errors).toEqual([
      "Rad 2, kolonne «epost»: «kari@» er ikke en gyldig e-postadresse.",
      "Rad 2, kolonne «telefon»: «1» er ikke et gyldig norsk telefonnummer (8 sifre, gjerne med +47).",
      expect.stringMatching(/^Rad 3, kolonne «kategori»: «By» er ikke en gyldig kategori/),
      "Rad 4, kolonne «sektor»: mangler verdi.",
      "Rad 4, kolonne «entra_id»: «x» er ikke en gyldig Entra objekt-ID (GUID).",
    ]);
  });

  it("should refuse rows of another round, naming both rows", () => {
    const errors = errorsOf(
      "a.csv",
      csv([row(), row({ saksnummer: "2", fylke: "Troms", frist: "2026-02-01" })]),
    );
    expect(errors).toEqual([
      "Rad 3, kolonne «fylke»: «Troms» avviker fra rad 2 («Nordland»); alle rader må gjelde samme runde.",
      "Rad 3, kolonne «frist»: «2026-02-01T22:59:00.000Z» avviker fra rad 2 (tom); alle rader må gjelde samme runde.",
    ]);
  });

  it("should refuse the same tiltak twice, by case number and by id, naming both rows", () => {
    const errors = errorsOf(
      "a.csv",
      csv([
        row(),
        row({ tiltak: "Annet", saksnummer: "2024/1234" }),
        row({ saksnummer: "2024-1234" }),
        row({ saksnummer: "9", tiltak_id: "t-x" }),
        row({ saksnummer: "10", tiltak_id: "t-x" }),
      ]),
    );
    expect(errors).toEqual([
      "Rad 3, kolonne «saksnummer»: «2024/1234» står også i rad 2; hvert tiltak kan bare stå én gang.",
      "Rad 4, kolonne «saksnummer»: gir tiltaks-id «t-2024-1234», som rad 2 også har; hvert tiltak kan bare stå én gang.",
      "Rad 6, kolonne «tiltak_id»: gir tiltaks-id «t-x», som rad 5 også har; hvert tiltak kan bare stå én gang.",
    ]);
  });

  it("should refuse a partnership described two ways, naming both rows", () => {
    const errors = errorsOf(
      "a.csv",
      csv([
        row(),
        row({ saksnummer: "2", kategori: "Skole" }),
        row({ saksnummer: "3", partnerskap: "Salten Regionråd" }),
      ]),
    );
    expect(errors).toEqual([
      "Rad 3, kolonne «kategori»: «Skole» avviker fra rad 2 («Kommune») for samme partnerskap «Salten regionråd».",
      "Rad 4, kolonne «partnerskap»: «Salten Regionråd» gir samme id som «Salten regionråd» i rad 2; skriv navnet likt.",
    ]);
  });

  it("should name unknown and missing columns in the header", () => {
    const text = "fylke;rapporteringsår;partnerskap;kategori;sektor;tiltak;saksnummer;kontaktperson;mail\n";
    expect(errorsOf("a.csv", text)).toEqual([
      expect.stringMatching(/^Rad 1: ukjent kolonne «mail»\. Gyldige kolonner: fylke, rapporteringsår/),
      "Rad 1: kolonnen «epost» mangler.",
      "Rad 1: kolonnen «telefon» mangler.",
    ]);
  });

  it("should name a row with more fields than the header", () => {
    const text = csv([row(), row({ saksnummer: "2" })]).replace("Kari Nordmann;kari", "Kari;Nordmann;kari");
    expect(errorsOf("a.csv", text)).toEqual([
      "Rad 2: har 15 felt, men overskriften har 14. Sjekk skilletegnet («;») og anførselstegn.",
    ]);
  });

  it("should refuse an empty file, a file that is not UTF-8 and an unknown file type", () => {
    expect(errorsOf("a.csv", "")).toEqual(["Filen er tom: rad 1 må være en overskrift med kolonnenavn."]);
    expect(errorsOf("a.csv", csv([]))).toEqual(["Filen har ingen tiltak."]);
    const latin1 = Uint8Array.from([...new TextEncoder().encode(csv([row()]).slice(0, -30)), 0xe5, 0x0a]);
    expect(errorsOf("a.csv", latin1)[0]).toMatch(/^Filen er ikke UTF-8/);
    expect(errorsOf("a.txt", "x")).toEqual(["Ukjent filtype «.txt»: bruk .xlsx, .csv eller .json."]);
  });
});

describe("parseImport (JSON)", () => {
  const json = {
    round: { county: "Nordland", reportingYear: 2025, staffIds: [GUID] },
    partnerships: [
      {
        name: "Salten regionråd",
        category: "Kommune",
        sector: "Offentlig",
        tiltak: [
          {
            name: "Lesing i alle fag",
            caseNumber: "2024/1234",
            contact: { name: "Kari Nordmann", email: "kari@example.com", phone: "912 34 567" },
          },
          {
            name: "Vurdering for læring",
            caseNumber: "2024/1235",
            contact: { name: "Kari Nordmann", email: "kari@example.com", phone: "+47 91234567" },
          },
        ],
      },
      {
        name: "Nord universitet",
        category: "Universitet / Høgskole",
        sector: "Offentlig",
        tiltak: [
          {
            id: "t-nord-matte",
            name: "Matematikk",
            caseNumber: "2024/1301",
            contact: {
              name: "Ola Nordmann",
              email: "Ola.Nordmann@Example.com",
              aadObjectId: GUID.toUpperCase(),
            },
          },
        ],
      },
    ],
  };

  it("should give the same tiltak as the same data in CSV", () => {
    const fromJson = ok("a.json", JSON.stringify(json));
    const fromCsv = ok("a.csv", csv(sampleRows()));
    expect(fromJson.round).toEqual({ ...fromCsv.round, staffIds: [GUID] });
    expect(fromJson.tiltak.map(({ source: _, ...t }) => t)).toEqual(
      fromCsv.tiltak.map(({ source: _, ...t }) => t),
    );
    expect(fromJson.tiltak.map((t) => t.source)).toEqual([
      "partnerskap 1, tiltak 1",
      "partnerskap 1, tiltak 2",
      "partnerskap 2, tiltak 1",
    ]);
  });

  it("should name the partnership, tiltak and field of each error, once each", () => {
    const bad = JSON.stringify(json)
      .replace('"reportingYear":2025', '"reportingYear":"neste år"')
      .replace('"category":"Kommune"', '"category":"By"')
      .replace('"email":"kari@example.com","phone":"+47 91234567"', '"email":"kari@","phone":"+47 91234567"');
    expect(errorsOf("a.json", bad)).toEqual([
      "Felt «round.reportingYear»: «neste år» er ikke et gyldig årstall.",
      expect.stringMatching(/^Partnerskap 1, felt «category»: «By» er ikke en gyldig kategori/),
      "Partnerskap 1, tiltak 2, felt «contact.email»: «kari@» er ikke en gyldig e-postadresse.",
    ]);
  });

  it("should name unknown and missing parts of the structure", () => {
    const bad = {
      round: { county: "Nordland", reportingYear: 2025, year: 2025 },
      partnerships: [
        { name: "A", category: "Kommune", sector: "Offentlig", tiltak: [] },
        { name: "B", category: "Kommune", sector: "Offentlig", tiltak: [{ name: "T", caseNumber: "1" }] },
      ],
    };
    expect(errorsOf("a.json", JSON.stringify(bad))).toEqual([
      "Felt «round.year»: ukjent felt.",
      "Partnerskap 1: har ingen tiltak.",
      "Partnerskap 2, tiltak 1, felt «contact»: mangler.",
    ]);
    expect(errorsOf("a.json", "{ nope")[0]).toMatch(/^Filen er ikke gyldig JSON/);
  });
});

describe("planImport", () => {
  const parsed = () => ok("a.csv", csv(sampleRows()));

  it("should create the round with defaults and every report as an empty draft", () => {
    const plan = planImport(parsed(), { reports: [] }, NOW);
    expect(plan.problems).toEqual([]);
    expect(plan.round).toEqual({
      kind: "create",
      round: {
        id: "nordland-2025",
        county: "Nordland",
        formId: "dekom-2024-2025",
        reportingYear: 2025,
        deadline: "2026-01-15T22:59:00.000Z",
        staffIds: [],
        createdAt: NOW.toISOString(),
      },
    });
    expect(plan.reports.map((c) => c.kind)).toEqual(["create", "create", "create"]);
    const first = plan.reports[0];
    expect(first?.kind === "create" && first.report).toMatchObject({
      id: "t-2024-1234",
      roundId: "nordland-2025",
      formId: "dekom-2024-2025",
      status: "draft",
      revision: 0,
      answers: {},
      coEditors: [],
    });
  });

  it("should plan only 'unchanged' against the result of applying the same file", () => {
    const first = planImport(parsed(), { reports: [] }, NOW);
    const stored = applyInMemory(first, { reports: [] }, NOW.toISOString());
    const again = planImport(parsed(), stored, LATER);
    expect(again.round.kind).toBe("unchanged");
    expect(again.reports.map((c) => c.kind)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(planLines(again)).toEqual([
      "= uendret runde nordland-2025: Nordland 2025, skjema dekom-2024-2025, frist 15.01.2026 kl. 23.59",
      "= uendret t-2024-1234: Salten regionråd – Lesing i alle fag",
      "= uendret t-2024-1235: Salten regionråd – Vurdering for læring",
      "= uendret t-nord-matte: Nord universitet – Matematikk",
    ]);
  });

  it("should update only the description, keeping answers, status and the rest", () => {
    const stored = applyInMemory(
      planImport(parsed(), { reports: [] }, NOW),
      { reports: [] },
      NOW.toISOString(),
    );
    const answered: ReportDoc[] = stored.reports.map((r) =>
      r.id === "t-2024-1234"
        ? {
            ...r,
            status: "submitted",
            revision: 7,
            answers: {
              "1.1": { value: "svar", by: { id: "u", name: "Kari" }, at: NOW.toISOString(), rev: 7 },
            },
            coEditors: [{ email: "ola@example.com", invitedAt: NOW.toISOString(), invitedBy: "u" }],
            submittedAt: NOW.toISOString(),
            receipt: "NOR-1",
            contact: { ...r.contact, aadObjectId: GUID },
          }
        : r,
    );
    const rows = sampleRows();
    rows[0] = row({ tiltak: "Lesing i alle fag og alle trinn", telefon: "41234567" });
    const plan = planImport(ok("a.csv", csv(rows)), { ...stored, reports: answered }, LATER);
    expect(plan.reports.map((c) => c.kind)).toEqual(["update", "unchanged", "unchanged"]);
    const change = plan.reports[0];
    expect(change?.kind === "update" && change.fields).toEqual(["tiltak", "contact"]);
    expect(planLines(plan)[1]).toBe(
      "~ endret t-2024-1234: tiltak, kontaktperson (Salten regionråd – Lesing i alle fag og alle trinn)",
    );

    const after = applyInMemory(plan, { ...stored, reports: answered }, LATER.toISOString());
    const before = answered.find((r) => r.id === "t-2024-1234") as ReportDoc;
    const updated = after.reports.find((r) => r.id === "t-2024-1234") as ReportDoc;
    expect(updated).toEqual({
      ...before,
      tiltak: { ...before.tiltak, name: "Lesing i alle fag og alle trinn" },
      contact: { ...before.contact, phone: "+4741234567", aadObjectId: GUID },
      updatedAt: LATER.toISOString(),
    });
  });

  it("should list reports missing from the file without deleting them", () => {
    const stored = applyInMemory(
      planImport(parsed(), { reports: [] }, NOW),
      { reports: [] },
      NOW.toISOString(),
    );
    const plan = planImport(ok("a.csv", csv(sampleRows().slice(1))), stored, LATER);
    expect(plan.reports.map((c) => c.kind)).toEqual(["unchanged", "unchanged", "missing"]);
    expect(planLines(plan).at(-1)).toBe(
      "! t-2024-1234 (Salten regionråd – Lesing i alle fag) finnes i databasen, men ikke i filen — ikke slettet",
    );
    expect(applyInMemory(plan, stored, LATER.toISOString()).reports).toHaveLength(3);
  });

  it("should keep a stored deadline and staff when the file gives none, and change them when it does", () => {
    const stored = applyInMemory(
      planImport(parsed(), { reports: [] }, NOW),
      { reports: [] },
      NOW.toISOString(),
    );
    const custom = { ...stored.round, deadline: "2026-01-31T22:59:00.000Z", staffIds: [GUID] };
    expect(planImport(parsed(), { ...stored, round: custom }, LATER).round.kind).toBe("unchanged");
    const rows = sampleRows().map((r) => ({ ...r, frist: "2026-02-01" }));
    const plan = planImport(ok("a.csv", csv(rows)), { ...stored, round: custom }, LATER);
    expect(plan.round).toMatchObject({ kind: "update", fields: ["deadline"] });
    expect(plan.round.round).toMatchObject({ deadline: "2026-02-01T22:59:00.000Z", staffIds: [GUID] });
    expect(planLines(plan)[0]).toBe(
      "~ endret runde nordland-2025: frist (Nordland 2025, skjema dekom-2024-2025, frist 01.02.2026 kl. 23.59)",
    );
  });

  it("should refuse to change the form of a report that has answers", () => {
    const stored = applyInMemory(
      planImport(parsed(), { reports: [] }, NOW),
      { reports: [] },
      NOW.toISOString(),
    );
    const reports = stored.reports.map((r, i) =>
      i === 0 ? { ...r, answers: { q: { value: 1, by: { id: "u", name: "K" }, at: "", rev: 1 } } } : r,
    );
    const rows = sampleRows().map((r) => ({ ...r, skjema: "dekom-skole-2021" }));
    const plan = planImport(ok("a.csv", csv(rows)), { round: stored.round, reports }, LATER);
    expect(plan.problems).toEqual([
      "Skjemaet kan ikke byttes til «Rapportering for 2021 på tilskuddsordning for lokal kompetanseutvikling - skole» for rapporteringer som allerede har svar: Salten regionråd – Lesing i alle fag (saksnr. 2024/1234).",
    ]);
  });
});

describe("mergeContact", () => {
  const current = { name: "Kari", email: "Kari@Example.com", phone: "+4791234567", aadObjectId: GUID };

  it("should keep the Entra id while the e-mail is the same", () => {
    expect(mergeContact(current, { name: "Kari N", email: "kari@example.com" })).toEqual({
      name: "Kari N",
      email: "kari@example.com",
      aadObjectId: GUID,
    });
  });

  it("should drop the Entra id when the e-mail changes, unless the file gives one", () => {
    expect(mergeContact(current, { name: "Ola", email: "ola@example.com" })).toEqual({
      name: "Ola",
      email: "ola@example.com",
    });
    const other = "11111111-2222-3333-4444-555555555555";
    expect(
      mergeContact(current, { name: "Ola", email: "ola@example.com", aadObjectId: other }).aadObjectId,
    ).toBe(other);
  });
});
