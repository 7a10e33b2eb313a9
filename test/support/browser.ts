/**
 * Debian Chromium driven by playwright-core (never a downloaded browser), and helpers for the
 * Agents Playground UI. (Playwright gives every launch a fresh temporary profile.) Selectors are roles and labels; the Playground has no test ids.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found === undefined) throw new Error("No Chromium found: apt-get install -y chromium");
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async open(url: string, conversation = "Personal Chat"): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole("treeitem", { name: conversation }).first().click();
  }

  async say(text: string): Promise<void> {
    const box = this.page.locator('[contenteditable="true"][role="textbox"]').first();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }

  /** The newest Adaptive Card in the chat. */
  lastCard(): Locator {
    return this.page.locator(".ac-adaptiveCard").last();
  }

  /** The newest card that contains the given text. */
  cardWith(text: string | RegExp): Locator {
    return this.page.locator(".ac-adaptiveCard").filter({ hasText: text }).last();
  }

  /** Wait until the chat has stopped changing (incoming messages re-render and clear inputs). */
  async quiet(ms = 400): Promise<void> {
    let last = "";
    for (let i = 0; i < 50; i++) {
      const now = await this.page.locator("body").innerText();
      if (now === last) return;
      last = now;
      await this.page.waitForTimeout(ms);
    }
  }

  async shot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }
}

/** Post in the open channel with a real @mention of the bot, as a person does. */
export async function postWithMention(pg: PlaygroundPage, text: string): Promise<void> {
  const page = pg.page;
  // The channel view opens with the "Start a new post" composer ready (a button in some versions).
  const start = page.getByRole("button", { name: /Start a new post/i });
  if ((await start.count()) > 0) await start.first().click();
  const box = page.locator('[contenteditable="true"][role="textbox"]').first();
  await box.click();
  await page.keyboard.type("@Test");
  await page.getByRole("menuitem", { name: "Test Bot" }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole("button", { name: "Post", exact: true }).click();
}
