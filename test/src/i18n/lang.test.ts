/** Who gets which written standard (src/i18n/lang.ts), and the catalogues' shape (src/i18n/texts.ts). */
import { describe, expect, it } from "vitest";
import {
  chooseLang,
  langForReports,
  langOfLocale,
  langOfMalform,
  staffLang,
} from "../../../src/i18n/lang.ts";
import { texts } from "../../../src/i18n/texts.ts";

describe("chooseLang", () => {
  it("should take the person's own choice first, then the partnership's målform, then the Teams locale", () => {
    expect(chooseLang({ chosen: "nb", malform: "nn", locale: "nn-NO" })).toBe("nb");
    expect(chooseLang({ chosen: "nn", malform: "nb", locale: "nb-NO" })).toBe("nn");
    expect(chooseLang({ malform: "nn", locale: "nb-NO" })).toBe("nn");
    expect(chooseLang({ malform: "nb", locale: "nn-NO" })).toBe("nb");
    expect(chooseLang({ locale: "nn-NO" })).toBe("nn");
  });

  it("should fall back to bokmål without a choice, a målform or a Norwegian locale", () => {
    expect(chooseLang({})).toBe("nb");
    expect(chooseLang({ locale: "en-US" })).toBe("nb");
    expect(chooseLang({ locale: "" })).toBe("nb");
  });
});

describe("langOfLocale", () => {
  it("should read nynorsk and bokmål locales in their usual spellings", () => {
    for (const l of ["nn-NO", "nn", "NN-no", "nn_NO", "no-NN"]) expect(langOfLocale(l)).toBe("nn");
    for (const l of ["nb-NO", "nb", "no", "no-NO"]) expect(langOfLocale(l)).toBe("nb");
    for (const l of ["en-US", "sv-SE", "se-NO", undefined]) expect(langOfLocale(l)).toBeUndefined();
  });
});

describe("langOfMalform", () => {
  it("should read the import column's values", () => {
    expect(langOfMalform("nn")).toBe("nn");
    expect(langOfMalform(" Nynorsk ")).toBe("nn");
    expect(langOfMalform("NB")).toBe("nb");
    expect(langOfMalform("bokmål")).toBe("nb");
    expect(langOfMalform("")).toBeUndefined();
    expect(langOfMalform("samisk")).toBeUndefined();
  });
});

describe("langForReports", () => {
  const nn = { partnership: { malform: "nn" as const } };
  const none = { partnership: {} };
  it("should put the partnership's målform between the person's own choice and the turn's locale", () => {
    expect(langForReports({ lang: "nb" }, nn)).toBe("nn");
    expect(langForReports({ lang: "nb", chosenLang: "nb" }, nn)).toBe("nb");
    expect(langForReports({ lang: "nn" }, none)).toBe("nn");
    expect(langForReports({}, none, undefined)).toBe("nb");
    expect(langForReports({ lang: "nb" }, none, nn)).toBe("nn");
  });
});

describe("staffLang", () => {
  it("should take the staff member's choice, then the round's setting, then bokmål", () => {
    expect(staffLang("nn", "nb")).toBe("nn");
    expect(staffLang(undefined, "nn")).toBe("nn");
    expect(staffLang(undefined, undefined)).toBe("nb");
  });
});

/** Every key path of a catalogue, with the kind of value. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "string") return [`${path}:string`];
  if (typeof value === "function") return [`${path}:function/${value.length}`];
  if (Array.isArray(value)) return [`${path}:array/${value.length}`];
  return Object.entries(value as object).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

describe("texts", () => {
  it("should give both languages the same keys, each of the same kind", () => {
    expect(shape(texts("nn")).sort()).toEqual(shape(texts("nb")).sort());
  });

  it("should write nynorsk in the nynorsk catalogue", () => {
    expect(texts("nn").bot.notFound).toBe(
      "Eg finn ikkje den rapporteringa. Skriv «hei» for å sjå tiltaka dine.",
    );
    expect(texts("nb").bot.notFound).toBe(
      "Jeg finner ikke den rapporteringen. Skriv «hei» for å se tiltakene dine.",
    );
    expect(texts("nn").welcome.progress(2, 6)).toBe("2 av 6 delar svara på");
  });
});
