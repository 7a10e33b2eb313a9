/**
 * Fill a section card in the Agents Playground the way a person does: find each field by its
 * question's label, type or tick, and press a button. Works for every question type. The "Annet",
 * comment and year fields have short labels ("Annet – beskriv", "Kommentar", "Årstall") shared by
 * several questions of a card: they are the ones that follow the question's own label.
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

/** The short labels of the «Annet», comment and year fields (bokmål unless given: the nynorsk card's are others). */
export interface ShortLabels {
  other: string;
  comment: string;
  year: string;
}
const SHORT_LABELS: ShortLabels = { other: "Annet – beskriv", comment: "Kommentar", year: "Årstall" };

/** Every label of the card in document order: its text and the id it points at. */
async function labelsOf(card: Locator): Promise<{ text: string; for: string }[]> {
  return card
    .locator("label")
    .evaluateAll((ls) =>
      ls.map((l) => ({ text: (l.textContent ?? "").trim(), for: l.getAttribute("for") ?? "" })),
    );
}

/** The element the question's own label points at (an input, or a choice set's container). */
async function mainOf(card: Locator, q: Question): Promise<Locator> {
  const label = (await labelsOf(card)).find((l) => l.text.startsWith(q.text));
  if (label === undefined || label.for === "") throw new Error(`no label "${q.text.slice(0, 60)}…"`);
  return card.locator(`[id="${label.for}"]`);
}

/** The input with a short label that follows the question's own label. */
async function partOf(card: Locator, q: Question, short: string): Promise<Locator> {
  const labels = await labelsOf(card);
  const at = labels.findIndex((l) => l.text.startsWith(q.text));
  const part = labels.slice(at + 1).find((l) => l.text.startsWith(short));
  if (at === -1 || part === undefined) throw new Error(`no "${short}" after "${q.text.slice(0, 60)}…"`);
  return card.locator(`[id="${part.for}"]`);
}

/**
 * A compact multi-select: the Playground draws it as a Fluent UI combobox whose options (checkbox
 * menu items) open in a pop-up outside the card. Opens it, runs `use` on the options, closes it.
 */
async function withComboOptions<T>(input: Locator, use: (options: Locator) => Promise<T>): Promise<T> {
  await input.click();
  const list = input.page().locator(".fui-Combobox__listbox").last();
  await list.waitFor();
  try {
    return await use(list.locator('[role="menuitemcheckbox"], [role="option"]'));
  } finally {
    await input.press("Escape");
    // If the pop-up is still open, a second click on the field closes it.
    await list.waitFor({ state: "hidden", timeout: 2_000 }).catch(async () => {
      await input.click();
      await list.waitFor({ state: "hidden" });
    });
  }
}

const isCombo = async (el: Locator) => (await el.getAttribute("role")) === "combobox";

async function setComboChoices(input: Locator, wanted: string[]): Promise<void> {
  await withComboOptions(input, async (options) => {
    const seen: string[] = [];
    for (let i = 0; i < (await options.count()); i++) {
      const option = options.nth(i);
      const name = (await option.innerText()).trim();
      seen.push(name);
      const checked = (await option.getAttribute("aria-checked")) === "true";
      if (wanted.includes(name) !== checked) await option.click();
    }
    const missing = wanted.filter((w) => !seen.includes(w));
    if (missing.length > 0) throw new Error(`no option ${missing.join(", ")} among ${seen.join(" | ")}`);
  });
}

async function setChoices(container: Locator, wanted: string[], multi: boolean): Promise<void> {
  if (multi && (await isCombo(container))) return setComboChoices(container, wanted);
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

export async function fillQuestion(
  card: Locator,
  q: Question,
  fill: Fill,
  labels: ShortLabels = SHORT_LABELS,
): Promise<void> {
  switch (q.type) {
    case "choice":
    case "yesno":
      await setChoices(await mainOf(card, q), fill.options ?? [], false);
      break;
    case "multichoice":
      await setChoices(await mainOf(card, q), fill.options ?? [], true);
      break;
    case "season_year":
      if (fill.season !== undefined) await setChoices(await mainOf(card, q), [fill.season], false);
      await (await partOf(card, q, labels.year)).fill(fill.year ?? "");
      break;
    default:
      await (await mainOf(card, q)).fill(fill.text ?? "");
  }
  if (q.allowOther && fill.other !== undefined) await (await partOf(card, q, labels.other)).fill(fill.other);
  if (q.comment && fill.comment !== undefined)
    await (await partOf(card, q, labels.comment)).fill(fill.comment);
}

/** The current value of a question's main text input (to check typed values survive errors). */
export async function textValue(card: Locator, q: Question): Promise<string> {
  return (await mainOf(card, q)).inputValue();
}

/** The options ticked in a question's choice set, by their texts. */
export async function checkedOptions(card: Locator, q: Question): Promise<string[]> {
  const container = await mainOf(card, q);
  if (await isCombo(container))
    return withComboOptions(container, async (options) => {
      const out: string[] = [];
      for (let i = 0; i < (await options.count()); i++) {
        const option = options.nth(i);
        if ((await option.getAttribute("aria-checked")) === "true")
          out.push((await option.innerText()).trim());
      }
      return out;
    });
  const boxes = container.locator("input:checked");
  const out: string[] = [];
  for (let i = 0; i < (await boxes.count()); i++) {
    const id = await boxes.nth(i).getAttribute("id");
    out.push((await container.locator(`label[for="${id}"]`).innerText()).trim());
  }
  return out;
}

/** Adaptive Card inputs on the card (one per Input element, however it is drawn). */
export async function inputCount(card: Locator): Promise<number> {
  return card.locator(".ac-input-container").count();
}

/** How often a text occurs in what the card shows. */
export async function occurrences(card: Locator, text: string): Promise<number> {
  const shown = (await card.innerText()).replace(/\s+/g, " ");
  const needle = text.replace(/\s+/g, " ");
  return shown.split(needle).length - 1;
}
