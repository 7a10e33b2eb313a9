/**
 * Fill a section card in the Agents Playground the way a person does: find each field by its
 * question's label, type or tick, and press a button. Works for every question type.
 */
import type { Locator } from "playwright-core";
import type { Question } from "../../src/questionnaire/types.ts";

/** What to put into one question's fields. Options are option texts ("Ja"/"Nei" for yes/no). */
export interface Fill {
  text?: string;
  options?: string[];
  other?: string;
  comment?: string;
  season?: "Vår" | "Høst";
  year?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Long enough to tell apart questions that start alike (4.4-4.6 of the 2021 form share 40 characters). */
const PREFIX = 70;

/** The element a card label points at (`<label for>`): an input, or a choice set's container. */
async function labelled(card: Locator, labelStart: string): Promise<Locator> {
  const label = card
    .locator("label")
    .filter({ hasText: new RegExp(`^\\s*${escapeRe(labelStart)}`) })
    .first();
  const id = await label.getAttribute("for", { timeout: 5_000 });
  if (id === null) throw new Error(`label "${labelStart}" has no for=`);
  return card.locator(`[id="${id}"]`);
}

const start = (q: Question) => q.text.slice(0, PREFIX);

async function setChoices(container: Locator, wanted: string[], multi: boolean): Promise<void> {
  const boxes = container.locator(multi ? 'input[type="checkbox"]' : 'input[type="radio"]');
  const seen: string[] = [];
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const id = await box.getAttribute("id");
    const name = (await container.locator(`label[for="${id}"]`).innerText()).trim();
    seen.push(name);
    const want = wanted.includes(name);
    if (want && !(await box.isChecked())) await box.check();
    if (!want && multi && (await box.isChecked())) await box.uncheck();
  }
  const missing = wanted.filter((w) => !seen.includes(w));
  if (missing.length > 0) throw new Error(`no option ${missing.join(", ")} among ${seen.join(" | ")}`);
}

export async function fillQuestion(card: Locator, q: Question, fill: Fill): Promise<void> {
  switch (q.type) {
    case "choice":
    case "yesno":
      await setChoices(await labelled(card, start(q)), fill.options ?? [], false);
      break;
    case "multichoice":
      await setChoices(await labelled(card, start(q)), fill.options ?? [], true);
      break;
    case "season_year":
      if (fill.season !== undefined) await setChoices(await labelled(card, start(q)), [fill.season], false);
      await (await labelled(card, `Årstall (${q.text.slice(0, 45)}`)).fill(fill.year ?? "");
      break;
    default:
      await (await labelled(card, start(q))).fill(fill.text ?? "");
  }
  if (q.allowOther && fill.other !== undefined)
    await (await labelled(card, `Annet (${q.text.slice(0, 45)}`)).fill(fill.other);
  if (q.comment && fill.comment !== undefined)
    await (await labelled(card, `Kommentar (${q.text.slice(0, 45)}`)).fill(fill.comment);
}

/** The current value of a question's main text input (to check typed values survive errors). */
export async function textValue(card: Locator, q: Question): Promise<string> {
  return (await labelled(card, start(q))).inputValue();
}
