/**
 * Spelling of every user-facing text (strings modules and other Norwegian literals in src/, cards/,
 * bot/; every card template; the forms) against the bokmål dictionary (nspell + dictionary-nb), with
 * a short allow-list for names, terms and compounds the dictionary lacks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nspell from "nspell";
import { beforeAll, describe, expect, it } from "vitest";
import { formTexts, sourceTexts, templateTexts, type UserText } from "../support/user-texts.ts";

/** Names, terms, abbreviations and compounds that are right but not in dictionary-nb. */
const ALLOW = new Set(
  [
    // product, people and places (demo data, Playground users)
    "Dekom",
    "DEKOM",
    "Teams",
    "Excel",
    "CSV",
    "Word",
    "docx",
    "xlsx",
    // Attachment file types (issue 17).
    "doc",
    "xls",
    "PowerPoint",
    "pptx",
    "png",
    "jpg",
    "zip",
    "chat",
    "appen",
    "Entra",
    "GUID",
    "Statsforvalteren",
    "Statsforvalterens",
    "statsforvalteren",
    "Nordland",
    "Salten",
    "Helgeland",
    "Vestland",
    "Alex",
    "Wilber",
    "Megan",
    "Bowen",
    "Kari",
    "Nordmann",
    // terms of the ordning and the forms
    "UH",
    "UHs",
    "LK20",
    "LK20S",
    "PP",
    "desentralisert",
    "kompetansetiltak",
    "kompetansetiltaket",
    "kompetansetiltakene",
    "medredaktør",
    "medredaktører",
    "medredaktøren",
    "kontaktpersonen",
    "samarbeidsforum",
    "koordinatorfunksjon",
    "koordinatorfunksjonen",
    "egenfinansieringen",
    "tilskuddsmidlene",
    "tilskuddsmidler",
    "tilskuddsordninger",
    "Oppfølgingsordningen",
    "barnevernsreformen",
    "kompetanseløftet",
    "kompetansebehov",
    "tekstsvar",
    "kvitteringsreferanse",
    "tørrkjøringen",
    "kompetansebehovene",
    "partnerskapene",
    "læringsfellesskapet",
    "lærerutdanningene",
    "skoleeier",
    "skoleeiere",
    "skoleeierne",
    "skoleeiers",
    "oppstartstidspunkt",
    "oppstartstidspunktet",
    "sluttidspunkt",
    "sluttidspunktet",
    "kronebeløp",
    "rapporteringsrunde",
    "rapporteringsrunden",
    "rapporteringsboten",
    "boten",
    "tiltak",
    "tiltaket",
    "tiltakene",
    "tiltak(ene)",
    "PP-tjenesten",
    "praksisendring",
    "behovsvurderingen",
    "erfaringsdeling",
    "fagfornyelsen",
    "saksnummer",
    "saksnummeret",
    "tilsagnsbrev",
    "tilsagnsbrevet",
    "referansenummer",
    "påminnelsene",
    "påminnelser",
    "påminnelse",
    "saksbehandlere",
    "saksbehandler",
    "kontaktperson",
    "ressursperson",
    "vikarutgifter",
    "bevertning",
    "møtedeltakelse",
    "reiseutgifter",
    // common words and compounds nspell does not derive from dictionary-nb's affix rules
    "noe",
    "noen",
    "skjemaet",
    "chatten",
    "kommandoer",
    "kontaktinformasjon",
    "temaene",
    "kl",
    "emoji",
    "regionråd",
    "rapporteringsår",
    "kolonnenavn",
    "tørrkjøring",
    "kommadelt",
    "fristdagen",
    "fritekstsvar",
    "skrivefeltene",
    "medbestemmelsesmøter",
    "vurderingspraksis",
    "læringsressurser",
    "Utdanningsdirektoratet",
    "Kunnskapsdepartementet",
    // the import's målform values (nb, nn)
    "nb",
    "nn",
    // examples and commands shown to people: ola.nordmann@kommune.no, npm run dev, .json
    "ola",
    "no",
    "npm",
    "dev",
    "json",
  ].map((w) => w.toLowerCase()),
);

/**
 * Wording copied verbatim from the official form (shared/questionnaires): kept as the form says it,
 * so stored answers and exports match the official texts. Only allowed in the forms.
 */
const OFFICIAL_FORM_WORDING = new Set(["lærerutdannigene", "læringsfelleskapet", "skoleiers"]);

/** Questions whose options are place names (the municipality list). */
const PLACE_NAME_OPTIONS = new Set(["dekom-2024-2025/q08"]);

let spell: ReturnType<typeof nspell>;
beforeAll(() => {
  // Loading the dictionary takes ~2 s alone, much longer on a busy machine.
  const dir = join(import.meta.dirname, "..", "..", "node_modules", "dictionary-nb");
  spell = nspell({ aff: readFileSync(join(dir, "index.aff")), dic: readFileSync(join(dir, "index.dic")) });
}, 120_000);

/** Words of a text: letters (with æøå and accents), split at hyphens and slashes; no numbers, no ids. */
function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}\d]*/gu) ?? []).filter(
    (w) => !/\d/.test(w) || /^[A-ZÆØÅ]+\d+[A-Z]?$/.test(w),
  );
}

function isKnown(word: string): boolean {
  if (word.length <= 1) return true;
  const lower = word.toLowerCase();
  if (ALLOW.has(lower)) return true;
  if (/^[A-ZÆØÅ]{2,}$/.test(word)) return true; // acronyms: UH, CSV, PP
  return spell.correct(word) || spell.correct(lower);
}

function misspelled(texts: UserText[], extra: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const { where, text } of texts) {
    for (const w of wordsOf(text))
      if (!isKnown(w) && !extra.has(w.toLowerCase())) out.push(`${where}: «${w}»`);
  }
  return [...new Set(out)];
}

describe("spelling (bokmål)", () => {
  it("should find the texts to check", () => {
    expect(sourceTexts().length).toBeGreaterThan(150);
    // The templates' fixed texts are in the catalogues (src/i18n/<lang>/); what is left are the stored
    // season values of the season inputs (their titles come from the catalogue).
    // The approvals card (merged from main) still has its example address as a literal placeholder.
    expect(templateTexts().map((t) => t.text)).toEqual(["kari.nordmann@kommune.no", "Vår", "Høst"]);
    expect(formTexts(PLACE_NAME_OPTIONS).length).toBeGreaterThan(150);
  });

  it("should flag real misspellings (the check can fail)", () => {
    expect(misspelled([{ where: "x", text: "lærerutdannigene og skoleiers egenfinansiering" }])).toEqual([
      "x: «lærerutdannigene»",
      "x: «skoleiers»",
    ]);
    expect(
      misspelled([{ where: "x", text: "Rapporteringen er sendt inn til skoleeiers kontaktperson." }]),
    ).toEqual([]);
  });

  it("should have no misspelled word in the strings of src/, cards/ and bot/", () => {
    expect(misspelled(sourceTexts())).toEqual([]);
  });

  it("should have no misspelled word in the card templates", () => {
    expect(misspelled(templateTexts())).toEqual([]);
  });

  it("should have no misspelled word in the forms beyond the official form's own wording", () => {
    expect(misspelled(formTexts(PLACE_NAME_OPTIONS), OFFICIAL_FORM_WORDING)).toEqual([]);
  });
});
