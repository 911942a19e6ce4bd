import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, screenshot } from "./browser";
import { startStack, type Stack } from "./stack";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
type Viewport = typeof PHONE;

/**
 * The seeded stack behind the gateway and one Chromium, for one browser test file (hooks
 * registered here; read `stack` and `browser` inside tests). `prefix` names failure screenshots.
 */
export function browserStack(prefix: string) {
  const fx = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    fx.stack = await startStack({ seed: true });
    fx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fx.browser?.close();
    await fx.stack?.stop();
  });

  /** Fresh contexts, one per viewport; a failure leaves a screenshot of every page and the stack's output. */
  async function withPages(name: string, viewports: Viewport[], body: (...pages: Page[]) => Promise<void>) {
    const contexts: BrowserContext[] = [];
    const pages: Page[] = [];
    for (const viewport of viewports) {
      const context = await fx.browser.newContext({ viewport });
      contexts.push(context);
      pages.push(await context.newPage());
    }
    try {
      await body(...pages);
    } catch (error) {
      const shot = (i: number) => `${prefix}-${name}-failure${pages.length > 1 ? `-${i}` : ""}`;
      await Promise.all(pages.map((p, i) => screenshot(p, shot(i)).catch(() => undefined)));
      throw new Error(`${String(error)}\n${fx.stack.output().slice(-3000)}`, { cause: error });
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  }
  /** One page in a fresh context (see withPages). */
  const withPage = (name: string, viewport: Viewport, body: (page: Page, context: BrowserContext) => Promise<void>) =>
    withPages(name, [viewport], (page) => body(page!, page!.context()));

  return Object.assign(fx, { withPages, withPage });
}
