import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { browserStack } from "../support/browser-stack";

// A shopper's first visit, entirely through the Caddy gateway, as a browser sees it.
const e2e = browserStack("foundation");

const indicator = '[data-testid="connection-indicator"]';

async function openConnections(): Promise<number> {
  const text = await (await fetch(`${e2e.stack.services.notifications.url}/metrics`)).text();
  return Number(/^calor_socket_connections\{[^}]*\} (\d+)/m.exec(text)?.[1]);
}

async function signedInAs(page: Page) {
  const res = await page.request.get(`${e2e.stack.gatewayUrl}/api/auth/me`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { user: { sub: string; role: string; name: string } }).user;
}

describe("a shopper through the gateway", () => {
  it("browses products, registers, logs in and goes live", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      const home = await page.goto(e2e.stack.gatewayUrl);
      expect(home?.status()).toBe(200);
      expect(home?.headers()["server"]).toBe("Caddy");

      // Products from the seeded database, not placeholders.
      const cards = page.locator('a[href^="/products/"]');
      await cards.first().waitFor();
      const shown = await cards.allInnerTexts();
      expect(shown.length).toBeGreaterThanOrEqual(6);
      const names = new Set((await e2e.stack.db.product.findMany({ select: { name: true } })).map((p) => p.name));
      for (const name of shown) expect(names.has(name.trim()), `"${name}" is a seeded product`).toBe(true);
      await screenshot(page, "foundation-home");

      const email = `shopper-${Date.now()}@e2e.calor`;
      const password = "a-long-enough-password";
      await page.goto(`${e2e.stack.gatewayUrl}/register`);
      await page.getByLabel("Name", { exact: true }).fill("Eve Tester");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await Promise.all([page.waitForURL(`${e2e.stack.gatewayUrl}/`), page.getByRole("button", { name: "Create account" }).click()]);
      expect(await signedInAs(page)).toMatchObject({ role: "SHOPPER", name: "Eve Tester" });
      const stored = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
      expect(stored.passwordHash).toBeTruthy();
      expect(stored.passwordHash).not.toContain(password);

      // A new browser session: signed out, then signed in through the form.
      await context.clearCookies();
      await page.goto(`${e2e.stack.gatewayUrl}/login`);
      expect((await signedInAs(page)).role).toBe("GUEST");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await Promise.all([page.waitForURL(`${e2e.stack.gatewayUrl}/`), page.getByRole("button", { name: "Sign in" }).click()]);
      expect(await signedInAs(page)).toMatchObject({ sub: stored.id, role: "SHOPPER" });

      // Green means a live socket to the notifications service, through the gateway.
      await page.locator(`${indicator}[data-status="connected"]`).waitFor({ timeout: 20_000 });
      expect(await openConnections()).toBeGreaterThanOrEqual(1);
      await screenshot(page, "foundation-signed-in");
    } catch (error) {
      await screenshot(page, "foundation-failure").catch(() => undefined);
      throw new Error(`${String(error)}\n${e2e.stack.output().slice(-4000)}`, { cause: error });
    } finally {
      await context.close();
    }
  });

  it("shows the indicator offline when the notifications service goes away", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(e2e.stack.gatewayUrl);
      await page.locator(`${indicator}[data-status="connected"]`).waitFor({ timeout: 20_000 });
      await e2e.stack.services.notifications.kill("SIGTERM");
      await page.locator(`${indicator}:not([data-status="connected"])`).waitFor({ timeout: 20_000 });
    } finally {
      await context.close();
    }
  });
});
