/**
 * Spelling of every nynorsk text: the nynorsk catalogue (src/i18n/nn/) and the nynorsk forms
 * (src/questionnaire/forms/nn/) against the nynorsk dictionary (nspell + dictionary-nn), with a short
 * allow-list for names, terms and compounds the dictionary lacks. The bokmål check is spelling.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nspell from "nspell";
import { beforeAll, describe, expect, it } from "vitest";
import { NYNORSK_SOURCES, nynorskFormTexts, sourceTexts, type UserText } from "../support/user-texts.ts";

/** Names, terms, abbreviations and compounds that are right but not in dictionary-nn. */
const ALLOW = new Set(
  [
    // product, people and places
    "Dekom",
    "Teams",
    "Microsoft",
    "Excel",
    "CSV",
    "xlsx",
    "csv",
    "docx",
    "doc",
    "xls",
    "pptx",
    "png",
    "jpg",
    "PowerPoint",
    "zip",
    "Word",
    "chat",
    "chatten",
    "PDF",
    "Statsforvaltaren",
    "Utdanningsdirektoratet",
    "Kunnskapsdepartementet",
    "Kari",
    "Nordmann",
    "ola",
    "no",
    // terms of the ordning and the forms
    "UH",
    "LK20",
    "LK20S",
    "PP",
    "desentralisert",
    "partnarskap",
    "partnarskapet",
    "partnarskapa",
    "skuleeigar",
    "skuleeigaren",
    "skuleeigarar",
    "skuleeigarane",
    "koordinatorfunksjon",
    "kompetanseløftet",
    "spesialpedagogikk",
    "barnevernsreforma",
    "tilsegnsbrevet",
    "saksnummer",
    "saksnummeret",
    "kvitteringsreferanse",
    "medredaktør",
    "medredaktørar",
    "medredaktørane",
    "boten",
    "rapporteringsboten",
    "rapporteringar",
    "rapporteringsrunde",
    "rapporteringsrunden",
    "rapporteringsskjema",
    "tørrkøyring",
    "tørrkøyringa",
    "tilskotsmidlar",
    "tilskotsmidlane",
    "måloppnåing",
    "måloppnåinga",
    "behovsvurdering",
    "behovsvurderinga",
    "vurderingspraksis",
    "oppstart",
    "oppstartstidspunktet",
    "sluttidspunkt",
    "sluttidspunktet",
    "varigheit",
    "varigheita",
    "medråderettsmøte",
    "møtedeltaking",
    "minoritetsspråklege",
    "læringsressursar",
    "læringsfellesskapet",
    "ferdigheiter",
    "skulebasert",
    "skulebaserte",
    "milepælar",
    "suksessfaktorar",
    // common words and compounds nspell does not derive from dictionary-nn's (pre-2012) affix rules
    "skjemaet",
    "temaet",
    "temaa",
    "kontaktinformasjon",
    "tekstsvar",
    "fritekstsvar",
    "skrivefelta",
    "spesialteikn",
    "overskrivne",
    "emoji",
    "tøm",
    "éi",
    // «PDF-en»
    "en",
    // the round import: målform values (nb, nn), commands shown (npm run dev, .json), ids, Excel's «CSV UTF-8
    // (kommadelt)», and a compound the dictionary lacks
    "nb",
    "nn",
    "npm",
    "dev",
    "json",
    "id",
    "kommadelt",
    "kolonnenamn",
  ].map((w) => w.toLowerCase()),
);

/** Questions whose options are place names (the municipality list). */
const PLACE_NAME_OPTIONS = new Set(["dekom-2024-2025/q08"]);

let spell: ReturnType<typeof nspell>;
beforeAll(() => {
  const dir = join(import.meta.dirname, "..", "..", "node_modules", "dictionary-nn");
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

function misspelled(texts: UserText[]): string[] {
  const out: string[] = [];
  for (const { where, text } of texts)
    for (const w of wordsOf(text)) if (!isKnown(w)) out.push(`${where}: «${w}»`);
  return [...new Set(out)];
}

describe("spelling (nynorsk)", () => {
  it("should find the nynorsk texts to check", () => {
    expect(sourceTexts([NYNORSK_SOURCES], []).length).toBeGreaterThan(150);
    expect(nynorskFormTexts(PLACE_NAME_OPTIONS).length).toBeGreaterThan(150);
  });

  it("should flag real misspellings and bokmål words (the check can fail)", () => {
    expect(misspelled([{ where: "x", text: "Rapporteringen er ikke sendt inn av skoleeier" }])).toEqual([
      "x: «Rapporteringen»",
      "x: «ikke»",
      "x: «skoleeier»",
    ]);
    expect(
      misspelled([{ where: "x", text: "Rapporteringa er ikkje sendt inn av kontaktpersonen." }]),
    ).toEqual([]);
  });

  it("should have no misspelled word in the nynorsk catalogue", () => {
    expect(misspelled(sourceTexts([NYNORSK_SOURCES], []))).toEqual([]);
  });

  it("should have no misspelled word in the nynorsk forms", () => {
    expect(misspelled(nynorskFormTexts(PLACE_NAME_OPTIONS))).toEqual([]);
  });
});
