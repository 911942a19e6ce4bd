import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startWeb, type WebProcess } from "../support/stack";
import { createUser } from "../support/tokens";
import { checkoutBody, createAccount, createProduct, HttpSession, outboxOf } from "./commerce-helpers";

// The commerce REST API against `next start` on the current build and a throwaway database.
let database: TestDatabase;
let db: Db;
let web: WebProcess;
let admin: HttpSession;
let seq = 0;

const email = (label: string) => `${label}-${++seq}-${Date.now()}@test.calor`;

async function shopperWithCart(items: { productId: string; quantity: number }[]) {
  const session = new HttpSession(web.url);
  expect((await session.register(email("shopper"))).status).toBe(201);
  for (const item of items) expect((await session.request("/api/cart", { method: "POST", body: item })).status).toBe(201);
  return session;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  web = await startWeb({ databaseUrl: database.url });
  await createAccount(db, "ADMIN", "admin@test.calor");
  admin = new HttpSession(web.url);
  expect((await admin.login("admin@test.calor")).status).toBe(200);
});

afterAll(async () => {
  await web?.stop();
  await db?.$disconnect();
  await database?.drop();
});

describe("cart", () => {
  it("gives a guest a cart, checks stock on add and change, and names a bad field", async () => {
    const product = await createProduct(db, { stock: 3, priceCents: 1999 });
    const guest = new HttpSession(web.url);
    const empty = await guest.request("/api/cart");
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ items: [], count: 0, subtotalCents: 0 });
    // Reading creates no guest; the first change does.
    expect(guest.cookie).toBeNull();

    const bad = await guest.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: "two" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "VALIDATION", field: "quantity" });
    expect(guest.cookie).toBeNull();

    const tooMany = await guest.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 4 } });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe("OUT_OF_STOCK");
    expect(tooMany.body.error.message).toContain(`Only 3 of ${product.name} left`);

    const added = await guest.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 2 } });
    expect(added.status).toBe(201);
    expect(guest.cookie).toMatch(/^calor_session=/);
    expect(added.body).toMatchObject({ count: 2, subtotalCents: 3998 });
    const line = added.body.items[0];
    expect(line).toMatchObject({
      productId: product.id,
      name: product.name,
      slug: product.slug,
      unitPriceCents: 1999,
      quantity: 2,
      lineTotalCents: 3998,
      stock: 3,
      reservedUntil: null,
      offerClaimId: null,
    });

    const again = await guest.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 2 } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("2 already in your cart");

    expect((await guest.request(`/api/cart/items/${line.id}`, { method: "PATCH", body: { quantity: 3 } })).body.count).toBe(3);
    const over = await guest.request(`/api/cart/items/${line.id}`, { method: "PATCH", body: { quantity: 4 } });
    expect(over.status).toBe(409);
    const stranger = new HttpSession(web.url);
    expect((await stranger.request(`/api/cart/items/${line.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await guest.request(`/api/cart/items/${line.id}`, { method: "DELETE" })).body.count).toBe(0);
  });

  it("keeps a guest's cart through registration and merges it into an existing account at login", async () => {
    const product = await createProduct(db, { stock: 10 });
    const newcomer = new HttpSession(web.url);
    await newcomer.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 2 } });
    expect((await newcomer.register(email("newcomer"))).status).toBe(201);
    expect((await newcomer.request("/api/cart")).body).toMatchObject({ count: 2, items: [{ productId: product.id, quantity: 2 }] });

    const address = email("returning");
    const first = new HttpSession(web.url);
    await first.register(address);
    await first.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } });

    const guest = new HttpSession(web.url);
    await guest.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 3 } });
    expect((await guest.login(address)).status).toBe(200);
    const merged = await guest.request("/api/cart");
    expect(merged.body.items).toHaveLength(1);
    expect(merged.body.items[0]).toMatchObject({ productId: product.id, quantity: 4 });
  });
});

describe("checkout", () => {
  it("needs an account and an Idempotency-Key, and names the bad field", async () => {
    const product = await createProduct(db, { stock: 5 });
    const guest = new HttpSession(web.url);
    await guest.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } });
    expect((await guest.checkout("k-guest")).status).toBe(401);

    const shopper = await shopperWithCart([{ productId: product.id, quantity: 1 }]);
    const missing = await shopper.checkout(null);
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe("Idempotency-Key");

    const postal = await shopper.checkout("k-postal", checkoutBody({ postalCode: "!" }));
    expect(postal.status).toBe(400);
    expect(postal.body.error).toMatchObject({ code: "VALIDATION", field: "shippingAddress.postalCode" });
    expect(postal.body.error.message).toContain("shippingAddress.postalCode");

    const card = await shopper.checkout("k-card", checkoutBody({ cardNumber: "4242 4242 4242 4241" }));
    expect(card.status).toBe(400);
    expect(card.body.error.field).toBe("payment.cardNumber");

    const emptyCart = new HttpSession(web.url);
    await emptyCart.register(email("empty"));
    const nothing = await emptyCart.checkout("k-empty");
    expect(nothing.status).toBe(400);
    expect(nothing.body.error).toMatchObject({ field: "cart", message: "Your cart is empty" });
    expect(await db.order.count({ where: { items: { some: { productId: product.id } } } })).toBe(0);
  });

  it("declines a card ending in 0002 with 402: no order, cart and stock kept, the key can be retried", async () => {
    const product = await createProduct(db, { stock: 5 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 2 }]);
    const outboxBefore = await db.outboxEvent.count();

    const declined = await shopper.checkout("k-decline", checkoutBody({ cardNumber: "4000 0000 0000 0002" }));
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ code: "PAYMENT_DECLINED", field: "payment.cardNumber" });
    expect(await db.order.count({ where: { items: { some: { productId: product.id } } } })).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
    expect((await shopper.request("/api/cart")).body.count).toBe(2);
    expect(await db.outboxEvent.count()).toBe(outboxBefore);

    const paid = await shopper.checkout("k-decline");
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: "PAID", paymentLast4: "4242", subtotalCents: 5000, shippingCents: 599, totalCents: 5599 });
  });

  it("replays the first response for a repeated key and refuses a different body with 422", async () => {
    const product = await createProduct(db, { stock: 5 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 1 }]);
    const first = await shopper.checkout("k-replay");
    expect(first.status).toBe(201);
    const retry = await shopper.checkout("k-replay");
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");

    const other = await shopper.checkout("k-replay", checkoutBody({ city: "Paris" }));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("UNPROCESSABLE");
    expect(await db.order.count({ where: { userId: first.body.userId } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(4);
  });

  it("keeps a shopper's answered keys for 24 hours and purges older ones at their next checkout", async () => {
    const product = await createProduct(db, { stock: 5 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 1 }]);
    const first = await shopper.checkout("k-old");
    expect(first.status).toBe(201);
    const userId = first.body.userId as string;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await db.idempotencyKey.update({ where: { userId_key: { userId, key: "k-old" } }, data: { createdAt: hoursAgo(25) } });
    await db.idempotencyKey.create({ data: { userId, key: "k-recent", requestHash: "h", responseStatus: 201, responseBody: "{}", createdAt: hoursAgo(23) } });

    expect((await shopper.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } })).status).toBe(201);
    expect((await shopper.checkout("k-new")).status).toBe(201);
    const keys = await db.idempotencyKey.findMany({ where: { userId }, select: { key: true } });
    expect(keys.map((k) => k.key).sort()).toEqual(["k-new", "k-recent"]);
  });

  it("creates one order for 10 concurrent requests with one key, and all get the same answer", async () => {
    const product = await createProduct(db, { stock: 20 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 2 }]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => shopper.checkout("k-concurrent")));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(9);
    expect(await db.order.count({ where: { userId: answers[0]!.body.userId } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(18);
    expect((await outboxOf(db, "order.created")).filter((e) => e.data.orderId === answers[0]!.body.id)).toHaveLength(1);
  });

  it("says which product ran short when stock changed between cart and checkout", async () => {
    const product = await createProduct(db, { stock: 5 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 3 }]);
    const cut = await admin.request(`/api/admin/products/${product.id}/stock`, { method: "POST", body: { delta: -4, reason: "Damaged in storage" } });
    expect(cut.status).toBe(200);
    const refused = await shopper.checkout("k-short");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("OUT_OF_STOCK");
    expect(refused.body.error.message).toBe(`Only 1 of ${product.name} left, your cart has 3. Lower the quantity to continue.`);
    expect((await shopper.request("/api/cart")).body.count).toBe(3);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(1);
  });

  it("charges a flash-offer line its offer price without taking stock twice, and drops an expired one", async () => {
    const product = await createProduct(db, { stock: 10, priceCents: 3000 });
    const host = await createUser(db, "HOST");
    const show = await db.show.create({ data: { hostId: host.user.id, title: "Warm live", description: "", videoUrl: "/v.mp4", scheduledAt: new Date() } });
    const offer = await db.offer.create({
      data: { showId: show.id, productId: product.id, priceCents: 1000, quantity: 5, endsAt: new Date(Date.now() + 60_000) },
    });
    const shopper = new HttpSession(web.url);
    await shopper.register(email("offer"));
    const userId = (await shopper.request("/api/auth/me")).body.user.sub as string;

    // What a won claim does (the live-stream service's job): stock taken, a reserved line.
    const claim = async (slot: number, reservedUntil: Date) => {
      await db.product.update({ where: { id: product.id }, data: { stock: { decrement: 1 } } });
      const c = await db.offerClaim.create({ data: { offerId: offer.id, userId, slot, clientClaimId: `c-${slot}` } });
      return db.cartItem.create({ data: { userId, productId: product.id, quantity: 1, unitPriceCents: 1000, offerClaimId: c.id, reservedUntil } });
    };
    await claim(1, new Date(Date.now() - 1000));
    const cart = await shopper.request("/api/cart");
    expect(cart.body.items[0]).toMatchObject({ unitPriceCents: 1000, offerClaimId: expect.any(String), reservedUntil: expect.any(String) });

    const expired = await shopper.checkout("k-offer-expired");
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toContain(`Your reservation for ${product.name} expired`);
    expect((await shopper.request("/api/cart")).body.count).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(10);

    await claim(2, new Date(Date.now() + 600_000));
    await shopper.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } });
    const order = await shopper.checkout("k-offer");
    expect(order.status).toBe(201);
    expect(order.body.subtotalCents).toBe(1000 + 3000);
    expect(order.body.items.map((i: { unitPriceCents: number }) => i.unitPriceCents).sort()).toEqual([1000, 3000]);
    // 10 - 1 (claim) - 1 (plain line at checkout): the offer unit is not taken a second time.
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(8);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.body.id } })).showId).toBe(show.id);
  });
});

describe("orders", () => {
  it("hides another shopper's order behind a 404", async () => {
    const product = await createProduct(db, { stock: 5 });
    const owner = await shopperWithCart([{ productId: product.id, quantity: 1 }]);
    const order = (await owner.checkout("k-own")).body;
    const other = await shopperWithCart([]);
    expect((await other.request(`/api/orders/${order.id}`)).status).toBe(404);
    expect((await other.request(`/api/orders/${order.id}/cancel`, { method: "POST" })).status).toBe(404);
    expect((await other.request("/api/orders")).body).toMatchObject({ items: [], total: 0 });
    const mine = await owner.request(`/api/orders/${order.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.events.map((e: { to: string }) => e.to)).toEqual(["PENDING", "PAID"]);
    expect((await owner.request("/api/orders")).body).toMatchObject({ total: 1, items: [{ id: order.id, status: "PAID" }] });
    expect((await new HttpSession(web.url).request(`/api/orders/${order.id}`)).status).toBe(401);
  });

  it("lets a shopper cancel while paid (stock back, outbox rows), not once processing", async () => {
    const product = await createProduct(db, { stock: 5, lowStockThreshold: 2 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 2 }]);
    const order = (await shopper.checkout("k-cancel")).body;
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(3);

    const cancelled = await shopper.request(`/api/orders/${order.id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("CANCELLED");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
    const updated = (await outboxOf(db, "order.updated")).filter((e) => e.orderId === order.id);
    expect(updated.map((e) => e.data)).toEqual([expect.objectContaining({ status: "CANCELLED", previousStatus: "PAID" })]);
    expect(updated[0]).toMatchObject({ userId: order.userId, admin: true });
    expect((await outboxOf(db, "order.cancelled")).filter((e) => e.orderId === order.id)).toHaveLength(1);
    const stock = (await outboxOf(db, "inventory.updated")).filter((e) => e.productId === product.id).map((e) => e.data);
    expect(stock).toEqual([
      { productId: product.id, sku: product.sku, productName: product.name, previousStock: 5, stock: 3, lowStockThreshold: 2 },
      { productId: product.id, sku: product.sku, productName: product.name, previousStock: 3, stock: 5, lowStockThreshold: 2 },
    ]);
    expect((await shopper.request(`/api/orders/${order.id}/cancel`, { method: "POST" })).status).toBe(409);

    await shopper.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } });
    const second = (await shopper.checkout("k-cancel-2")).body;
    expect((await admin.request(`/api/admin/orders/${second.id}/status`, { method: "POST", body: { status: "PROCESSING" } })).status).toBe(200);
    const late = await shopper.request(`/api/orders/${second.id}/cancel`, { method: "POST" });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain("can no longer be cancelled");
  });
});

describe("admin", () => {
  it("walks an order through the state machine and refuses invalid transitions with 409", async () => {
    const product = await createProduct(db, { stock: 5 });
    const shopper = await shopperWithCart([{ productId: product.id, quantity: 1 }]);
    const order = (await shopper.checkout("k-states")).body;
    const move = (status: string) => admin.request(`/api/admin/orders/${order.id}/status`, { method: "POST", body: { status } });

    const skip = await move("SHIPPED");
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({
      code: "CONFLICT",
      message: "Cannot change an order from Paid to Shipped: it can only become Processing or Cancelled",
    });
    for (const status of ["PROCESSING", "SHIPPED"]) expect((await move(status)).body.status).toBe(status);
    expect((await move("CANCELLED")).status).toBe(409);
    expect((await move("DELIVERED")).status).toBe(200);
    expect((await move("REFUNDED")).status).toBe(200);
    const final = await move("PAID");
    expect(final.status).toBe(409);
    expect(final.body.error.message).toContain("it is final");
    expect((await move("LOST")).status).toBe(400);

    const updates = (await outboxOf(db, "order.updated")).filter((e) => e.orderId === order.id).map((e) => [e.data.previousStatus, e.data.status]);
    expect(updates).toEqual([
      ["PAID", "PROCESSING"],
      ["PROCESSING", "SHIPPED"],
      ["SHIPPED", "DELIVERED"],
      ["DELIVERED", "REFUNDED"],
    ]);
    const view = (await shopper.request(`/api/orders/${order.id}`)).body;
    expect(view.events.map((e: { to: string }) => e.to)).toEqual(["PENDING", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "REFUNDED"]);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(4);

    const filtered = await admin.request(`/api/admin/orders?status=REFUNDED&customer=${encodeURIComponent(view.customer.email)}`);
    expect(filtered.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await admin.request("/api/admin/orders?from=2030-01-02&to=2030-01-01")).body.error.field).toBe("to");
  });

  it("is for admins only: 401 signed out, 403 for a shopper", async () => {
    const shopper = await shopperWithCart([]);
    for (const [path, method] of [
      ["/api/admin/orders", "GET"],
      ["/api/admin/products", "GET"],
      ["/api/admin/products", "POST"],
      ["/api/admin/orders/x/status", "POST"],
    ] as const) {
      expect((await new HttpSession(web.url).request(path, { method, body: method === "POST" ? {} : undefined })).status, path).toBe(401);
      expect((await shopper.request(path, { method, body: method === "POST" ? {} : undefined })).status, path).toBe(403);
    }
    // The role is read again from the database: a demoted admin's cookie stops working at once.
    const demoted = await createAccount(db, "ADMIN", email("demoted"));
    const session = new HttpSession(web.url);
    await session.login(demoted.email!);
    expect((await session.request("/api/admin/orders")).status).toBe(200);
    await db.user.update({ where: { id: demoted.id }, data: { role: "SHOPPER" } });
    expect((await session.request("/api/admin/orders")).status).toBe(403);
  });

  it("creates, edits, archives products and adjusts stock with a reason, each with its outbox row", async () => {
    const category = await db.category.upsert({ where: { slug: "test-goods" }, create: { slug: "test-goods", name: "Test goods" }, update: {} });
    const sku = `ADM-${Date.now().toString(36)}`.toUpperCase();
    const body = { sku, name: "Clay mug", description: "Warm", priceCents: 1800, stock: 4, lowStockThreshold: 2, categoryId: category.id };
    const created = await admin.request("/api/admin/products", { method: "POST", body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sku, status: "ACTIVE", stock: 4, imageUrl: `/images/products/${created.body.slug}` });
    const id = created.body.id as string;
    expect((await admin.request("/api/admin/products", { method: "POST", body })).body.error).toMatchObject({ code: "CONFLICT", field: "sku" });
    expect((await admin.request("/api/admin/products", { method: "POST", body: { ...body, sku: "X2", priceCents: 1.5 } })).body.error.field).toBe("sku");
    expect((await admin.request("/api/admin/products", { method: "POST", body: { ...body, sku: `${sku}-B`, priceCents: 1.5 } })).body.error.field).toBe(
      "priceCents",
    );

    expect((await admin.request(`/api/admin/products/${id}`, { method: "PATCH", body: { priceCents: 2100 } })).body.priceCents).toBe(2100);
    const noReason = await admin.request(`/api/admin/products/${id}/stock`, { method: "POST", body: { delta: 5, reason: " " } });
    expect(noReason.body.error.field).toBe("reason");
    expect((await admin.request(`/api/admin/products/${id}/stock`, { method: "POST", body: { delta: 6, reason: "Restock delivery" } })).body.stock).toBe(10);
    const tooMany = await admin.request(`/api/admin/products/${id}/stock`, { method: "POST", body: { delta: -11, reason: "Count" } });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.message).toContain("only 10 in stock");
    const adjustments = await db.stockAdjustment.findMany({ where: { productId: id } });
    expect(adjustments).toMatchObject([{ delta: 6, reason: "Restock delivery", previousStock: 4, stock: 10 }]);

    const archived = await admin.request(`/api/admin/products/${id}`, { method: "PATCH", body: { status: "ARCHIVED" } });
    expect(archived.body.status).toBe("ARCHIVED");
    const shopper = new HttpSession(web.url);
    expect((await shopper.request("/api/cart", { method: "POST", body: { productId: id, quantity: 1 } })).status).toBe(404);

    const rows = (await db.outboxEvent.findMany({ where: { productId: id }, orderBy: { id: "asc" } })).map((r) => [r.topic, r.everyone, r.admin]);
    expect(rows).toEqual([
      ["product.created", true, true],
      ["product.updated", true, true],
      ["inventory.updated", true, true],
      ["product.updated", true, true],
    ]);
    const lastUpdate = (await outboxOf(db, "product.updated")).filter((e) => e.productId === id).at(-1);
    expect(lastUpdate?.data).toMatchObject({ status: "ARCHIVED", priceCents: 2100, stock: 10 });
  });
});
