import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { screenshot as saveScreenshot } from "../support/browser";
import { browserStack, DESKTOP, PHONE } from "../support/browser-stack";

// Buying in a real browser through the gateway: cart, registration, checkout, orders, admin.
const e2e = browserStack("commerce");
const { withPage } = e2e;
let seq = 0;

/** From the top: a full-page shot taken while scrolled repeats the sticky header mid-page. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return saveScreenshot(page, name);
}

const uniqueEmail = (label: string) => `${label}-${++seq}-${Date.now()}@test.calor`;

/** A product with plenty of stock, so tests do not run each other out of it. */
const roomyProduct = () => e2e.stack.db.product.findFirstOrThrow({ where: { status: "ACTIVE", stock: { gte: 15 } }, orderBy: { stock: "desc" } });

/** A signed-in shopper with one unit in the cart, made over the API (for tests about later steps). */
async function apiShopper(productId: string): Promise<{ cookie: string; email: string }> {
  const email = uniqueEmail("shopper");
  const res = await fetch(`${e2e.stack.webUrl}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, name: "Robin Shopper", password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(201);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("calor_session="))!
    .split(";")[0]!;
  const add = await fetch(`${e2e.stack.webUrl}/api/cart`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ productId, quantity: 1 }),
  });
  expect(add.status).toBe(201);
  return { cookie, email };
}

async function useCookie(context: BrowserContext, cookie: string) {
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: e2e.stack.gatewayUrl }]);
}

async function placeOrderOverApi(cookie: string): Promise<{ id: string; number: number }> {
  const res = await fetch(`${e2e.stack.webUrl}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "Idempotency-Key": `e2e-${++seq}` },
    body: JSON.stringify({
      shippingAddress: { fullName: "Robin Shopper", line1: "3 Hearth Lane", city: "Portland", region: "OR", postalCode: "97201", country: "US" },
      payment: { cardNumber: "4242424242424242", expiry: "12/39", cvc: "123" },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json() as Promise<{ id: string; number: number }>;
}

async function fillAddress(page: Page) {
  await page.getByLabel("Full name").fill("Robin Shopper");
  await page.getByLabel("Address", { exact: true }).fill("3 Hearth Lane");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel(/State/).fill("OR");
  await page.getByLabel("Postal code").fill("97201");
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry").fill("12/39");
  await page.getByLabel("CVC").fill("123");
}

async function signInAs(page: Page, email: string, next: string) {
  await page.goto(`${e2e.stack.gatewayUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${e2e.stack.gatewayUrl}${next}`);
}

describe("buying", () => {
  it("guest adds to cart, registers, keeps the cart, checks out and lands on the order page", async () => {
    const product = await roomyProduct();
    const email = uniqueEmail("guest");
    await withPage("guest-checkout", DESKTOP, async (page) => {
      await page.goto(`${e2e.stack.gatewayUrl}/products/${product.slug}`);
      // A first visit's requests each create a guest until one cookie is set (reported to the
      // lead): add once the page's own identity requests (the socket's token) are done.
      await page.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor({ timeout: 20_000 });
      await page.getByRole("button", { name: "Increase quantity" }).click();
      await page.getByTestId("add-to-cart").click();
      await page.getByText("Added 2 to your cart.").waitFor();
      await expect.poll(() => page.getByTestId("cart-count").innerText()).toBe("2");

      await page.getByTestId("cart-badge").click();
      await page.waitForURL(`${e2e.stack.gatewayUrl}/cart`);
      await page.getByTestId("cart-line").getByRole("link", { name: product.name }).waitFor();
      await screenshot(page, "commerce-cart-desktop");

      await page.getByTestId("go-to-checkout").click();
      await page.waitForURL(/\/login\?next=%2Fcheckout|\/login\?next=\/checkout/);
      await page.getByRole("link", { name: "Create an account" }).click();
      await page.getByLabel("Name", { exact: true }).fill("Robin Guest");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${e2e.stack.gatewayUrl}/checkout`);

      // The guest's cart became the account's.
      await page.getByRole("list", { name: "Items" }).getByText(product.name).waitFor();
      await expect.poll(() => page.getByTestId("cart-count").innerText()).toBe("2");

      await page.getByTestId("place-order").click();
      await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(3);
      await screenshot(page, "commerce-checkout-errors-desktop");

      await fillAddress(page);
      await fillCard(page, "4242 4242 4242 4242");
      await screenshot(page, "commerce-checkout-desktop");
      await page.getByTestId("place-order").click();
      await page.waitForURL(/\/orders\/[^/?]+\?placed=1$/);
      await page.getByText("Your order is placed.").waitFor();
      await page.getByRole("heading", { name: /^Order #\d+$/ }).waitFor();
      expect(await page.getByTestId("order-timeline").locator("li").count()).toBe(2);
      await expect.poll(() => page.getByTestId("cart-count").count()).toBe(0);
      await screenshot(page, "commerce-order-desktop");
    });
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email }, include: { orders: { include: { items: true } } } });
    expect(user.orders).toHaveLength(1);
    expect(user.orders[0]!.items).toMatchObject([{ productId: product.id, quantity: 2 }]);
  });

  it("shows a declined card as an error and creates no order", async () => {
    const product = await roomyProduct();
    const { cookie, email } = await apiShopper(product.id);
    await withPage("declined", PHONE, async (page, context) => {
      await useCookie(context, cookie);
      await page.goto(`${e2e.stack.gatewayUrl}/checkout`);
      await fillAddress(page);
      await fillCard(page, "4000 0000 0000 0002");
      await page.getByTestId("place-order").click();
      const alert = page.getByTestId("checkout-error");
      await alert.getByText("Your card was declined").waitFor();
      expect(page.url()).toBe(`${e2e.stack.gatewayUrl}/checkout`);
      expect(await page.getByLabel("Card number").getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, "commerce-checkout-declined-phone");
    });
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email }, include: { orders: true, cartItems: true } });
    expect(user.orders).toHaveLength(0);
    expect(user.cartItems).toHaveLength(1);
  });

  it("shows the cart, the checkout and the order on a phone", async () => {
    const product = await roomyProduct();
    const { cookie } = await apiShopper(product.id);
    await withPage("phone-pages", PHONE, async (page, context) => {
      await useCookie(context, cookie);
      await page.goto(`${e2e.stack.gatewayUrl}/cart`);
      await page.getByTestId("cart-line").getByRole("link", { name: product.name }).waitFor();
      await page.getByRole("button", { name: `Increase quantity of ${product.name.toLowerCase()}` }).click();
      await expect.poll(() => page.getByTestId("cart-count").innerText()).toBe("2");
      await screenshot(page, "commerce-cart-phone");
      await page.getByTestId("go-to-checkout").click();
      await page.waitForURL(`${e2e.stack.gatewayUrl}/checkout`);
      await fillAddress(page);
      await page.getByLabel("Card number").fill("1234");
      await page.getByTestId("place-order").click();
      await page.getByText("Is not a valid card number").or(page.getByText("Must be 12 to 19 digits")).waitFor();
      await screenshot(page, "commerce-checkout-phone");
      await fillCard(page, "4242424242424242");
      await page.getByTestId("place-order").click();
      await page.waitForURL(/\/orders\/[^/?]+\?placed=1$/);
      await page.getByText("Your order is placed.").waitFor();
      await screenshot(page, "commerce-order-phone");
      await page.goto(`${e2e.stack.gatewayUrl}/orders`);
      await page.getByTestId("order-row").first().waitFor();
      await screenshot(page, "commerce-orders-phone");
    });
  });

  it("lets a shopper cancel a paid order from its page", async () => {
    const product = await roomyProduct();
    const { cookie } = await apiShopper(product.id);
    const order = await placeOrderOverApi(cookie);
    await withPage("cancel", PHONE, async (page, context) => {
      await useCookie(context, cookie);
      await page.goto(`${e2e.stack.gatewayUrl}/orders/${order.id}`);
      await page.getByRole("button", { name: "Cancel order" }).click();
      await page.getByRole("button", { name: "Yes, cancel it" }).click();
      await page.getByText("This order was cancelled.").waitFor();
      await screenshot(page, "commerce-order-cancelled-phone");
    });
    expect((await e2e.stack.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  });
});

describe("admin", () => {
  it("ships an order, and the shopper's open order page follows without a reload", async () => {
    const product = await roomyProduct();
    const { cookie } = await apiShopper(product.id);
    const order = await placeOrderOverApi(cookie);
    const shopperContext = await e2e.browser.newContext({ viewport: PHONE });
    const shopper = await shopperContext.newPage();
    try {
      await useCookie(shopperContext, cookie);
      await shopper.goto(`${e2e.stack.gatewayUrl}/orders/${order.id}`);
      await shopper.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor({ timeout: 20_000 });
      // Survives only if the page is never reloaded.
      await shopper.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      await withPage("admin-ship", DESKTOP, async (admin) => {
        await signInAs(admin, "admin@calor.dev", `/admin/orders/${order.id}`);
        await admin.getByRole("button", { name: "Start processing" }).click();
        await admin.getByRole("button", { name: "Mark shipped" }).waitFor();
        await admin.getByRole("button", { name: "Mark shipped" }).click();
        await admin.getByRole("button", { name: "Mark delivered" }).waitFor();
      });

      await shopper.locator('main [data-status="SHIPPED"]').first().waitFor({ timeout: 15_000 });
      expect(await shopper.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await screenshot(shopper, "commerce-order-shipped-live-phone");
    } catch (error) {
      await screenshot(shopper, "commerce-order-live-failure").catch(() => undefined);
      throw new Error(`${String(error)}\n${e2e.stack.output().slice(-3000)}`, { cause: error });
    } finally {
      await shopperContext.close();
    }
  });

  it("manages products and stock, and looks right on a phone and a desktop", async () => {
    const product = await roomyProduct();
    for (const [label, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ] as const) {
      await withPage(`admin-look-${label}`, viewport, async (page) => {
        await signInAs(page, "admin@calor.dev", "/admin");
        await page.getByRole("heading", { name: "Recent orders" }).waitFor();
        await screenshot(page, `commerce-admin-${label}`);
        await page.goto(`${e2e.stack.gatewayUrl}/admin/orders`);
        await page.getByTestId("admin-order-row").first().waitFor();
        await screenshot(page, `commerce-admin-orders-${label}`);
        await page.goto(`${e2e.stack.gatewayUrl}/admin/products`);
        await page.getByTestId("admin-product-row").first().waitFor();
        await screenshot(page, `commerce-admin-products-${label}`);

        await page.goto(`${e2e.stack.gatewayUrl}/admin/products/${product.id}`);
        const before = Number(await page.getByTestId("admin-stock").innerText());
        await page.getByLabel(/Units to add/).fill("3");
        await page.getByLabel("Reason").fill(`Restock ${label}`);
        await page.getByRole("button", { name: "Adjust stock" }).click();
        await page.getByText(`Stock is now ${before + 3}.`).waitFor();
        await expect.poll(() => page.getByTestId("admin-stock").innerText()).toBe(String(before + 3));
        await page.getByText(`Restock ${label}`).waitFor();
        await screenshot(page, `commerce-admin-product-${label}`);
      });
    }
    const adjustments = await e2e.stack.db.stockAdjustment.findMany({ where: { productId: product.id, reason: { startsWith: "Restock " } } });
    expect(adjustments.map((a) => a.delta)).toEqual([3, 3]);
  });

  it("creates a product from the console", async () => {
    const sku = `E2E-${Date.now().toString(36)}`.toUpperCase();
    await withPage("admin-create", DESKTOP, async (page) => {
      await signInAs(page, "admin@calor.dev", "/admin/products");
      await page.getByText("New product").click();
      await page.getByLabel("SKU").fill(sku);
      await page.getByLabel("Name", { exact: true }).fill("Ember test blanket");
      await page.getByLabel("Price (USD)").fill("49.5");
      await page.getByLabel("Initial stock").fill("7");
      await page.getByRole("button", { name: "Create product" }).click();
      await page.getByText("Created Ember test blanket.").waitFor();
      await page.goto(`${e2e.stack.gatewayUrl}/admin/products?q=${sku}`);
      await page.getByTestId("admin-product-row").getByText("Ember test blanket").first().waitFor();
    });
    expect(await e2e.stack.db.product.findUniqueOrThrow({ where: { sku } })).toMatchObject({ priceCents: 4950, stock: 7, status: "ACTIVE" });
  });
});
