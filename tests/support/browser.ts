import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "@/server/env";

/** Debian's Chromium (playwright's own browsers cannot be downloaded here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/**
 * Saves tests/e2e/screenshots/<name>.png (git-ignored) for a human to look at: the whole page, or
 * only what the viewport shows (for what is fixed to it, which a full-page shot would cut).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const dir = join(projectRoot(), "tests", "e2e", "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
