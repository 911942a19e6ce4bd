import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { screenshot } from "../support/browser";
import { browserStack, DESKTOP, PHONE } from "../support/browser-stack";

// The storefront as shoppers see it: catalog, product page with live stock, auth forms, consoles.
const e2e = browserStack("storefront");
const { withPage } = e2e;

async function signIn(page: Page, email: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** An admin session for API calls (the stock change the shopper's page must hear about). */
async function adminCookie(): Promise<string> {
  const res = await fetch(`${e2e.stack.webUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@calor.dev", password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("calor_session="))!
    .split(";")[0]!;
}

describe("storefront pages", () => {
  it("looks right on a phone and a desktop", async () => {
    const product = await e2e.stack.db.product.findUniqueOrThrow({ where: { sku: "KIT-003" } });
    for (const [label, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ] as const) {
      await withPage(`look-${label}`, viewport, async (page) => {
        await page.goto(e2e.stack.gatewayUrl);
        await page.locator('a[href^="/products/"]').first().waitFor();
        await screenshot(page, `storefront-home-${label}`);
        await page.goto(`${e2e.stack.gatewayUrl}/products/${product.slug}`);
        await page.getByText(`Only ${product.stock} left`).waitFor();
        await screenshot(page, `storefront-product-${label}`);
        await page.goto(`${e2e.stack.gatewayUrl}/login`);
        await screenshot(page, `storefront-login-${label}`);
        await page.goto(`${e2e.stack.gatewayUrl}/register`);
        await page.getByRole("button", { name: "Create account" }).click();
        await page.getByText("Is required").waitFor();
        await screenshot(page, `storefront-register-errors-${label}`);
      });
    }
  });

  it("renders the API reference from the OpenAPI document", async () => {
    await withPage("api-docs", DESKTOP, async (page) => {
      await page.goto(`${e2e.stack.gatewayUrl}/api/docs`);
      await page.getByText("/api/products/{idOrSlug}").waitFor();
      await screenshot(page, "storefront-api-docs");
    });
  });

  it("searches from the header, filters by category and sorts", async () => {
    await withPage("browse", DESKTOP, async (page) => {
      await page.goto(e2e.stack.gatewayUrl);
      await page.getByRole("searchbox", { name: "Search products" }).fill("cocoa");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\?q=cocoa/);
      await expect.poll(() => page.locator("main article h3").allInnerTexts()).toContain("Spiced Hot Cocoa Mix");
      expect(await page.getByRole("searchbox", { name: "Search products" }).inputValue()).toBe("cocoa");

      await page.goto(e2e.stack.gatewayUrl);
      await page.getByRole("link", { name: /^Pantry/ }).click();
      await page.waitForURL(/category=pantry/);
      await page.getByLabel("Sort by").selectOption("price-asc");
      await page.waitForURL(/sort=price-asc/);
      const prices = () => page.locator("main article").evaluateAll((cards) => cards.map((c) => Number(c.textContent!.match(/\$(\d+\.\d\d)/)![1])));
      await expect
        .poll(async () => {
          const shown = await prices();
          return shown.length > 1 && shown.every((p, i) => i === 0 || shown[i - 1]! <= p);
        })
        .toBe(true);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Pantry");
    });
  });

  it("updates a product page's stock live, down to sold out", async () => {
    const product = await e2e.stack.db.product.findUniqueOrThrow({ where: { sku: "KIT-001" } });
    const cookie = await adminCookie();
    const adjust = async (delta: number) => {
      const res = await fetch(`${e2e.stack.webUrl}/api/admin/products/${product.id}/stock`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ delta, reason: "e2e live stock" }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await withPage("live-stock", DESKTOP, async (page) => {
      await page.goto(`${e2e.stack.gatewayUrl}/products/${product.slug}`);
      const stock = page.getByTestId("product-stock");
      await expect.poll(() => stock.getAttribute("data-stock")).toBe(String(product.stock));
      await page.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor({ timeout: 20_000 });

      await adjust(2 - product.stock);
      await page.getByText("Only 2 left").waitFor({ timeout: 10_000 });
      expect(await stock.getAttribute("data-stock")).toBe("2");

      await adjust(-2);
      await page.getByText("Sold out").first().waitFor({ timeout: 10_000 });
      await expect.poll(() => page.getByTestId("add-to-cart").isDisabled()).toBe(true);
      await screenshot(page, "storefront-product-sold-out-live");
    });
  });

  it("signs in from the header and comes back to the same page", async () => {
    const product = await e2e.stack.db.product.findUniqueOrThrow({ where: { sku: "PAN-001" } });
    await withPage("return", PHONE, async (page) => {
      await page.goto(`${e2e.stack.gatewayUrl}/products/${product.slug}`);
      await page.getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(/\/login\?next=/);

      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Must be an email address").waitFor();
      await page.getByLabel("Email", { exact: true }).fill("shopper@calor.dev");
      await page.getByLabel("Password", { exact: true }).fill("wrong-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").getByText("Email or password is incorrect").waitFor();

      await signIn(page, "shopper@calor.dev");
      await page.waitForURL(`${e2e.stack.gatewayUrl}/products/${product.slug}`);
      await page.getByRole("button", { name: /Account menu for Sasha Shopper/ }).waitFor();
    });
  });

  it("keeps consoles to their roles, with a page that says who may enter", async () => {
    await withPage("consoles", DESKTOP, async (page) => {
      const denied = await page.goto(`${e2e.stack.gatewayUrl}/agent`);
      expect(denied?.status()).toBe(401);
      await page.getByText("This console is for agents. Sign in with an agent account.").waitFor();
      await screenshot(page, "storefront-console-denied");
      await page.getByRole("link", { name: "Sign in", exact: true }).last().click();
      await page.waitForURL(/\/login\?next=%2Fagent|\/login\?next=\/agent/);
      await signIn(page, "agent@calor.dev");
      await page.waitForURL(`${e2e.stack.gatewayUrl}/agent`);
      await page.getByRole("heading", { name: "Agent console", level: 1 }).waitFor();

      await page.getByRole("button", { name: /Account menu/ }).click();
      const menu = page.getByRole("navigation", { name: "Account" });
      expect(await menu.getByRole("link").allInnerTexts()).toEqual(["Your account", "Orders", "Agent console"]);
      const forbidden = await page.goto(`${e2e.stack.gatewayUrl}/admin`);
      expect(forbidden?.status()).toBe(403);
      await page.getByText("This console is for admins.").waitFor();
    });
  });
});
