import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "@/realtime/notifications";
import { TEST_SECRETS } from "../support/env";
import { nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { createOrder, Device, notificationsFixture } from "./notifications-helpers";

describe("notifications HTTP endpoints", () => {
  const f = notificationsFixture();
  const withServiceToken = { authorization: `Bearer ${TEST_SECRETS.SERVICE_TOKEN}`, "content-type": "application/json" };
  const post = (path: string, body: unknown, headers: Record<string, string> = withServiceToken) =>
    fetch(`${f.service.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("POST /realtime/broadcast/order records the change in the outbox and delivers it to the owner and admins", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const admin = await createUser(f.db, "ADMIN");
    const order = await createOrder(f.db, shopper.user.id);
    const phone = new Device("phone", shopper.token);
    const boss = new Device("admin", admin.token);
    await phone.connect(f.service.url);
    await boss.connect(f.service.url);
    const body = { userId: shopper.user.id, orderId: order.id, status: "SHIPPED", previousStatus: "PROCESSING" };

    expect((await post("/realtime/broadcast/order", body, {})).status).toBe(401);
    expect((await post("/realtime/broadcast/order", body, { authorization: "Bearer wrong-token-wrong-token-wrong-token-0000" })).status).toBe(401);
    expect((await post("/realtime/broadcast/order", body, { authorization: `Bearer ${shopper.token}` })).status).toBe(401);
    const bad = await post("/realtime/broadcast/order", { ...body, status: "LOST" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", field: "status" } });
    const notJson = await post("/realtime/broadcast/order", "{nope");
    expect(notJson.status).toBe(400);
    expect((await post("/realtime/broadcast/order", { ...body, orderId: "missing" })).status).toBe(404);
    const foreign = await post("/realtime/broadcast/order", { ...body, userId: admin.user.id });
    expect(foreign.status).toBe(422);
    expect(await f.db.outboxEvent.count()).toBe(0);

    const ok = await post("/realtime/broadcast/order", body);
    expect(ok.status).toBe(202);
    const { eventId } = (await ok.json()) as { eventId: number };
    const [got] = await phone.waitFor(1);
    expect(got).toMatchObject({
      event: "order:updated",
      eventId,
      payload: { orderId: order.id, number: order.number, status: "SHIPPED", previousStatus: "PROCESSING", totalCents: 3000 },
    });
    expect((await boss.waitFor(1))[0]).toMatchObject({ event: "admin:order:updated", eventId });
    expect(await f.db.notification.count({ where: { userId: shopper.user.id, outboxId: eventId } })).toBe(1);
    phone.close();
    boss.close();
  });

  it("POST /realtime/broadcast/inventory fills the threshold from the product and reaches everyone", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const category = await f.db.category.create({ data: { slug: `c-${Date.now()}`, name: "Home" } });
    const product = await f.db.product.create({
      data: {
        sku: `LAMP-${Date.now()}`,
        slug: `lamp-${Date.now()}`,
        name: "Lamp",
        description: "",
        priceCents: 4000,
        stock: 3,
        lowStockThreshold: 4,
        imageUrl: "/x.png",
        categoryId: category.id,
      },
    });
    const device = new Device("shopper", shopper.token);
    await device.connect(f.service.url);
    const body = { productId: product.id, stock: 3, previousStock: 8, sku: product.sku, productName: product.name };

    expect((await post("/realtime/broadcast/inventory", body, {})).status).toBe(401);
    const bad = await post("/realtime/broadcast/inventory", { ...body, stock: "three" });
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", field: "stock" } });
    expect((await post("/realtime/broadcast/inventory", { ...body, productId: "missing" })).status).toBe(404);
    const ok = await post("/realtime/broadcast/inventory", body);
    expect(ok.status).toBe(202);
    const [got] = await device.waitFor(1);
    expect(got).toMatchObject({ event: "inventory:updated", payload: { productId: product.id, stock: 3, previousStock: 8, lowStockThreshold: 4 } });
    device.close();
  });

  it("POST /realtime/test/notification is for admins and lands on every device and in the centre", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const admin = await createUser(f.db, "ADMIN");
    const devices = [new Device("a", shopper.token), new Device("b", shopper.token)];
    for (const d of devices) await d.connect(f.service.url);
    const body = { userId: shopper.user.id, title: "Hello", body: "It works", link: "/orders" };

    expect((await post("/realtime/test/notification", body, {})).status).toBe(401);
    expect((await post("/realtime/test/notification", body, { authorization: `Bearer ${shopper.token}` })).status).toBe(403);
    expect((await post("/realtime/test/notification", { ...body, userId: "missing" }, { authorization: `Bearer ${admin.token}` })).status).toBe(404);
    const ok = await post("/realtime/test/notification", body, { authorization: `Bearer ${admin.token}` });
    expect(ok.status).toBe(202);
    for (const d of devices)
      expect((await d.waitFor(1))[0]).toMatchObject({ event: "notification", payload: { title: "Hello", kind: "test", link: "/orders" } });
    expect(await f.db.notification.findMany({ where: { userId: shopper.user.id } })).toMatchObject([{ title: "Hello", body: "It works", readAt: null }]);
    for (const d of devices) d.close();
  });

  it("guards the internal nudge and passes read marks to every device of the user", async () => {
    expect((await post("/internal/outbox/nudge", {}, {})).status).toBe(401);
    expect((await post("/internal/outbox/nudge", {})).status).toBe(204);
    const shopper = await createUser(f.db, "SHOPPER");
    const device = new Device("d", shopper.token);
    await device.connect(f.service.url);
    const heard = nextEvent<NotificationMessage>(device.socket!, "notification:message");
    expect((await post("/internal/notifications/read", { userId: shopper.user.id, kind: "read", ids: "all", unreadCount: 0 }, {})).status).toBe(401);
    expect((await post("/internal/notifications/read", { userId: shopper.user.id, kind: "read", ids: "all", unreadCount: -1 })).status).toBe(400);
    expect((await post("/internal/notifications/read", { userId: shopper.user.id, kind: "read", ids: ["n1"], unreadCount: 2 })).status).toBe(204);
    expect(await heard).toEqual({ kind: "read", ids: ["n1"], unreadCount: 2 });
    device.close();
  });
});
