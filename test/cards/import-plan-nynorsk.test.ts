/**
 * The import card (the Teams dry run and its result) in nynorsk: every status with the row messages,
 * plan lines, problems and summary made in nynorsk, and the card's own texts in nynorsk; no bokmål
 * phrase of the import left. Bokmål is covered by document-cards.test.ts.
 */
import { describe, expect, it } from "vitest";
import { importPlanCard } from "../../cards/import-plan.ts";
import { getForm, loadForms } from "../../src/questionnaire/form.ts";
import { formIn } from "../../src/questionnaire/form-lang.ts";
import { parseImport, planImport } from "../../src/rounds/import.ts";
import { summarize } from "../../src/rounds/import-plan.ts";
import { applyInMemory, csv, row, sampleRows } from "../src/rounds/fixtures.ts";
import { cardProblems } from "../support/adaptive-cards.ts";

const NOW = new Date("2026-01-10T10:00:00Z");
const UPLOAD = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** Every text of a card (TextBlocks and TextRuns), in order. */
function textsOf(card: object): string[] {
  const out: string[] = [];
  JSON.stringify(card, (key, value) => {
    if ((key === "text" || key === "title") && typeof value === "string") out.push(value);
    return value;
  });
  return out;
}

/** Bokmål spellings of the import's words that nynorsk writes otherwise. */
const BOKMAL =
  /(^|[^\p{L}])(ikke|lagret|endret|uendret|rapporteringer|finnes|filen|feilene|stoppes|bare|ennå)([^\p{L}]|$)/iu;

function parsed(content: string) {
  const result = parseImport("r.csv", content, "nn");
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.value;
}

describe("the import card in nynorsk", () => {
  it("a bad file: the count, every row message and what to do, in nynorsk", () => {
    const result = parseImport("r.csv", csv([row(), row({ saksnummer: "2", epost: "kari@" })]), "nn");
    if (result.ok) throw new Error("expected errors");
    const card = importPlanCard({
      fileName: "r.csv",
      result: { status: "invalid", errors: result.errors },
      lang: "nn",
    });
    expect(cardProblems(card)).toEqual([]);
    expect(textsOf(card)).toEqual([
      "Import av runde",
      "r.csv",
      "«r.csv» har 1 feil. Ingenting er lagra.",
      "Rad 3, kolonne «epost»: «kari@» er ikkje ei gyldig e-postadresse.",
      "Rett feila i fila og send ho på nytt.",
    ]);
  });

  it("a dry run: counts, plan lines and the question, with «Importer»", () => {
    const plan = planImport(parsed(csv(sampleRows())), { reports: [] }, NOW, "nn");
    const card = importPlanCard({
      fileName: "r.csv",
      result: { status: "planned", plan, summary: summarize(plan) },
      uploadId: UPLOAD,
      lang: "nn",
    });
    expect(cardProblems(card)).toEqual([]);
    const texts = textsOf(card);
    expect(texts).toContain("Tørrkøyring: ingenting er lagra enno.");
    expect(texts).toContain("+ Ny: Salten regionråd – Lesing i alle fag (saksnr. 2024/1234)");
    expect(texts).toContain(
      "Stemmer dette? Trykk «Importer» for å lagre. Send ei retta fil for å sjekke på nytt.",
    );
    expect(JSON.stringify(card)).toContain('"verb":"round.import"');
    for (const t of texts) expect(t).not.toMatch(BOKMAL);
  });

  it("a refused plan and an applied one: problems, the stop and the result in nynorsk", () => {
    const first = planImport(parsed(csv(sampleRows())), { reports: [] }, NOW, "nn");
    const stored = applyInMemory(first, { reports: [] }, NOW.toISOString());
    const answered = stored.reports.map((r, i) =>
      i === 0 ? { ...r, answers: { q: { value: 1, by: { id: "u", name: "K" }, at: "", rev: 1 } } } : r,
    );
    const other = parsed(csv(sampleRows().map((r) => ({ ...r, skjema: "dekom-skole-2021" }))));
    const refused = planImport(other, { round: stored.round, reports: answered }, NOW, "nn");
    const refusedCard = importPlanCard({
      fileName: "r.csv",
      result: { status: "refused", plan: refused },
      lang: "nn",
    });
    expect(cardProblems(refusedCard)).toEqual([]);
    const refusedTexts = textsOf(refusedCard);
    expect(refusedTexts).toContain(
      "Skjemaet kan ikkje bytast til «Rapportering for 2021 på tilskotsordninga for lokal kompetanseutvikling – skule» for rapporteringar som alt har svar: Salten regionråd – Lesing i alle fag (saksnr. 2024/1234).",
    );
    expect(refusedTexts).toContain("Importen blir stoppa. Ingenting er lagra.");
    expect(refusedTexts).toContain(
      "~ Runden endra (skjema): Nordland 2025, " +
        formIn(getForm(loadForms(), "dekom-skole-2021"), "nn").title +
        ", frist 15.01.2026 kl. 23.59",
    );
    for (const t of refusedTexts) expect(t).not.toMatch(BOKMAL);

    const applied = planImport(parsed(csv(sampleRows().slice(1))), stored, NOW, "nn");
    const appliedCard = importPlanCard({
      fileName: "r.csv",
      result: { status: "applied", plan: applied, summary: summarize(applied) },
      lang: "nn",
    });
    const appliedTexts = textsOf(appliedCard);
    expect(appliedTexts).toContain(
      "Import fullført: runden uendra; 0 nye, 0 endra, 2 uendra rapporteringar; 1 berre i databasen (ikkje sletta).",
    );
    expect(appliedTexts).toContain(
      "! Ikkje i fila (ikkje sletta): Salten regionråd – Lesing i alle fag (saksnr. 2024/1234)",
    );
    for (const t of appliedTexts) expect(t).not.toMatch(BOKMAL);

    // The same plan made in bokmål gives the bokmål card, as before.
    const nb = planImport(parsed(csv(sampleRows().slice(1))), stored, NOW);
    const nbTexts = textsOf(
      importPlanCard({ fileName: "r.csv", result: { status: "applied", plan: nb, summary: summarize(nb) } }),
    );
    expect(nbTexts).toContain(
      "Import fullført: runden uendret; 0 nye, 0 endret, 2 uendret rapporteringer; 1 bare i databasen (ikke slettet).",
    );
  });
});
