import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { browserStack, DESKTOP } from "../support/browser-stack";

// The seeded demo: a live show of the demo host (prisma/seed/live.ts).
const e2e = browserStack("live-shopping");
const SHOW = "demo-live-show";
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
});

async function open(path: string, viewport = DESKTOP): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${e2e.stack.gatewayUrl}${path}`);
  return page;
}

async function signIn(page: Page, email: string) {
  const res = await page.request.post(`${e2e.stack.gatewayUrl}/api/auth/login`, { data: { email, password: "calor-demo" } });
  expect(res.status()).toBe(200);
}

/** The chat input is enabled once the page joined the show over the gateway. */
const joined = (page: Page) => page.getByTestId("chat-input").and(page.locator(":enabled")).waitFor({ timeout: 20_000 });

describe("live shopping in the browser", () => {
  it("host features a product and launches an offer; one viewer wins it at the offer price, the other sees the units drop", async () => {
    const products = await e2e.stack.db.showProduct.findMany({ where: { showId: SHOW }, orderBy: { position: "asc" }, include: { product: true } });
    const target = products[1]!.product;

    const host = await open("/login");
    await signIn(host, "host@calor.dev");
    await host.goto(`${e2e.stack.gatewayUrl}/host/shows/${SHOW}`);
    await joined(host);

    const alice = await open(`/shows/${SHOW}`);
    const bob = await open(`/shows/${SHOW}`, { width: 390, height: 844 });
    await Promise.all([joined(alice), joined(bob)]);
    await host.getByTestId("host-viewer-count").filter({ hasText: "2 watching" }).waitFor();

    // Chat goes both ways.
    await alice.getByTestId("chat-input").fill("Hello from Alice");
    await alice.getByRole("button", { name: "Send" }).click();
    await host.getByTestId("chat-log").getByText("Hello from Alice").waitFor();
    await bob.getByTestId("chat-log").getByText("Hello from Alice").waitFor();

    await host.getByTestId(`feature-${target.id}`).click();
    for (const viewer of [alice, bob]) await viewer.getByTestId("featured-product").getByText(target.name).waitFor();

    await host.getByTestId("offer-product").selectOption(target.id);
    await host.getByTestId("offer-price-input").fill("9.99");
    await host.getByTestId("offer-quantity").fill("3");
    await host.getByTestId("launch-offer").click();
    for (const viewer of [alice, bob]) await viewer.getByTestId("offer-left").filter({ hasText: "3 of 3 left" }).waitFor();

    await alice.getByTestId("claim-offer").click();
    await alice.getByTestId("claim-status").getByText("It's yours!").waitFor();
    await bob.getByTestId("offer-left").filter({ hasText: "2 of 3 left" }).waitFor();
    await host.getByTestId("offer-left").filter({ hasText: "2 of 3 left" }).waitFor();
    // The header badge heard about the new cart line.
    await alice.getByTestId("cart-count").filter({ hasText: "1" }).waitFor();

    await screenshot(alice, "live-viewer-desktop");
    await screenshot(bob, "live-viewer-phone");
    await screenshot(host, "live-host-console");

    const cart = await alice.request.get(`${e2e.stack.gatewayUrl}/api/cart`);
    const body = (await cart.json()) as { items: { productId: string; unitPriceCents: number; offerClaimId: string | null; reservedUntil: string | null }[] };
    expect(body.items).toEqual([
      expect.objectContaining({ productId: target.id, unitPriceCents: 999, offerClaimId: expect.any(String), reservedUntil: expect.any(String) }),
    ]);
    await alice.goto(`${e2e.stack.gatewayUrl}/cart`);
    await alice.getByText(target.name).first().waitFor();
    await alice.getByText("$9.99").first().waitFor();
    await screenshot(alice, "live-cart-after-claim");
    expect(await e2e.stack.db.offerClaim.count()).toBe(1);
  });

  it("lists live, upcoming and past shows; a guest RSVPs; the host reads the past show's report", async () => {
    const shopper = await open("/shows", { width: 390, height: 844 });
    for (const title of ["Warm Up Live: winter knits & cosy nights", "Sunday slow coffee", "Camp-fire gear drop"])
      await shopper.getByRole("link", { name: title }).waitFor();
    await screenshot(shopper, "live-shows-phone");
    await shopper.getByRole("link", { name: "Sunday slow coffee" }).click();
    await shopper.getByTestId("rsvp").click();
    await shopper.getByText("1 person is going").waitFor();
    expect(await e2e.stack.db.showRsvp.count({ where: { showId: "demo-upcoming-show" } })).toBe(1);
    await screenshot(shopper, "live-upcoming-phone");

    const host = await open("/login");
    await signIn(host, "host@calor.dev");
    await host.goto(`${e2e.stack.gatewayUrl}/host/shows/demo-past-show/report`);
    const analytics = host.getByTestId("analytics");
    await analytics.getByText("Unique viewers").waitFor();
    // The seeded report: 212 unique viewers, a 45-minute audience curve.
    await analytics.getByText("212", { exact: true }).waitFor();
    expect(await host.locator('figure svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    await screenshot(host, "live-report");
    await host.goto(`${e2e.stack.gatewayUrl}/host`);
    await host.getByRole("heading", { name: "Plan a new show" }).waitFor();
    await screenshot(host, "live-host-home");
  });
});
