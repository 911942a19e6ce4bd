import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUDIENCE, issueToken } from "@/server/auth/tokens";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { screenshot as saveScreenshot } from "../support/browser";
import { TEST_SECRETS } from "../support/env";
import { browserStack, DESKTOP, PHONE } from "../support/browser-stack";

// The notification centre and live order page in a real browser, through the gateway.
const e2e = browserStack("notifications");

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return saveScreenshot(page, name);
}

async function api(path: string, init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${e2e.stack.webUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(res.ok, `${path}: ${res.status} ${await res.clone().text()}`).toBe(true);
  return res;
}

/** A new shopper with one paid order, made over the API. */
async function shopperWithOrder(): Promise<{ cookie: string; order: { id: string; number: number } }> {
  const email = `notify-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.calor`;
  const registered = await api("/api/auth/register", { method: "POST", body: { email, name: "Noor Shopper", password: DEMO_PASSWORD } });
  const cookie = registered.headers
    .getSetCookie()
    .find((c) => c.startsWith("calor_session="))!
    .split(";")[0]!;
  const product = await e2e.stack.db.product.findFirstOrThrow({ where: { status: "ACTIVE", stock: { gte: 10 } }, orderBy: { stock: "desc" } });
  await api("/api/cart", { method: "POST", cookie, body: { productId: product.id, quantity: 1 } });
  const placed = await api("/api/orders", {
    method: "POST",
    cookie,
    headers: { "Idempotency-Key": `notify-${email}` },
    body: {
      shippingAddress: { fullName: "Noor Shopper", line1: "1 Ember Road", city: "Portland", region: "OR", postalCode: "97201", country: "US" },
      payment: { cardNumber: "4242424242424242", expiry: "12/39", cvc: "123" },
    },
  });
  return { cookie, order: (await placed.json()) as { id: string; number: number } };
}

async function contextWith(cookie: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ viewport });
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: e2e.stack.gatewayUrl }]);
  return context;
}

async function signInAs(page: Page, email: string, next: string) {
  await page.goto(`${e2e.stack.gatewayUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${e2e.stack.gatewayUrl}${next}`);
}

const live = (page: Page) => page.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor({ timeout: 20_000 });
const badge = (page: Page) => page.getByTestId("notification-count");

describe("notifications in the browser", () => {
  it("the shopper's order page and badge follow an admin shipping the order, without a reload; read marks reach every tab", async () => {
    const { cookie, order } = await shopperWithOrder();
    const shopperContext = await contextWith(cookie, PHONE);
    const adminContext = await e2e.browser.newContext({ viewport: DESKTOP });
    const shopper = await shopperContext.newPage();
    const otherTab = await shopperContext.newPage();
    const admin = await adminContext.newPage();
    const feed = await adminContext.newPage();
    try {
      await shopper.goto(`${e2e.stack.gatewayUrl}/orders/${order.id}`);
      await otherTab.goto(`${e2e.stack.gatewayUrl}/notifications`);
      await Promise.all([live(shopper), live(otherTab)]);
      await expect.poll(() => badge(shopper).innerText()).toBe("1");
      await shopper.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      await signInAs(feed, "admin@calor.dev", "/admin");
      await live(feed);
      await signInAs(admin, "admin@calor.dev", `/admin/orders/${order.id}`);
      await admin.getByRole("button", { name: "Start processing" }).click();
      await admin.getByRole("button", { name: "Mark shipped" }).waitFor();
      await admin.getByRole("button", { name: "Mark shipped" }).click();
      await admin.getByRole("button", { name: "Mark delivered" }).waitFor();

      await shopper.locator('main [data-status="SHIPPED"]').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => badge(shopper).innerText(), { timeout: 15_000 }).toBe("3");
      await shopper
        .getByTestId("notification-toast")
        .filter({ hasText: `Order #${order.number} has shipped` })
        .waitFor({ timeout: 15_000 });
      expect(await shopper.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await expect.poll(() => badge(otherTab).innerText(), { timeout: 15_000 }).toBe("3");
      await otherTab.getByRole("list", { name: "Notification history" }).getByText(`Order #${order.number} has shipped`).waitFor();
      await screenshot(otherTab, "notifications-history-unread-phone");

      await feed
        .getByTestId("live-feed-entry")
        .filter({ hasText: `Order #${order.number}` })
        .first()
        .waitFor({ timeout: 15_000 });
      expect(await feed.getByTestId("live-feed-entry").count()).toBeGreaterThanOrEqual(2);
      await screenshot(feed, "notifications-admin-live-feed");

      await shopper.getByTestId("notification-bell").click();
      const panel = shopper.getByTestId("notification-panel");
      await panel.getByText(`Order #${order.number} has shipped`).waitFor();
      expect(await panel.getByTestId("notification-item").count()).toBe(3);
      await screenshot(shopper, "notifications-bell-open-phone");

      await panel.getByRole("button", { name: `Mark “Order #${order.number} has shipped” as read` }).click();
      await expect.poll(() => badge(shopper).innerText()).toBe("2");
      await expect.poll(() => badge(otherTab).innerText(), { timeout: 10_000 }).toBe("2");
      await panel.getByRole("button", { name: "Mark all read" }).click();
      await badge(shopper).waitFor({ state: "detached" });
      await badge(otherTab).waitFor({ state: "detached", timeout: 10_000 });
      await otherTab.getByTestId("history-unread").getByText("All caught up.").waitFor();
      expect(await api("/api/notifications/unread-count", { cookie }).then((r) => r.json())).toEqual({ unreadCount: 0 });

      await otherTab.setViewportSize(DESKTOP);
      await screenshot(otherTab, "notifications-history-desktop");
    } catch (error) {
      await screenshot(shopper, "notifications-failure").catch(() => undefined);
      throw new Error(`${String(error)}\n${e2e.stack.output().slice(-3000)}`, { cause: error });
    } finally {
      await shopperContext.close();
      await adminContext.close();
    }
  });

  it("shows the bell dropdown on a desktop with unread notifications", async () => {
    const { cookie, order } = await shopperWithOrder();
    const context = await contextWith(cookie, DESKTOP);
    const page = await context.newPage();
    try {
      const admin = await e2e.stack.db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
      const shopper = await e2e.stack.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { userId: true } });
      await page.goto(`${e2e.stack.gatewayUrl}/`);
      await live(page);
      // A test notification from an admin, through the service's own endpoint.
      const { token } = await issueToken({ sub: admin.id, role: "ADMIN", name: admin.name }, TEST_SECRETS.AUTH_SECRET, AUDIENCE.realtime);
      const sent = await fetch(`${e2e.stack.services.notifications.url}/realtime/test/notification`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          userId: shopper.userId,
          title: "Your live show starts in 10 minutes",
          body: "Cosy knits with Maya: flash offers on every scarf.",
          link: "/",
        }),
      });
      expect(sent.status).toBe(202);
      await page.getByTestId("notification-toast").filter({ hasText: "Your live show starts" }).waitFor({ timeout: 15_000 });
      await expect.poll(() => badge(page).innerText()).toBe("2");
      await page.getByTestId("notification-bell").click();
      await page.getByTestId("notification-panel").getByText("Cosy knits with Maya").waitFor();
      await screenshot(page, "notifications-bell-open-desktop");
    } finally {
      await context.close();
    }
  });
});
