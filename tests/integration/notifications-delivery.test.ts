import { beforeAll, describe, expect, it } from "vitest";
import type { OrderRoomAck, Presence, Stats } from "@/realtime/notifications";
import { TEST_SECRETS } from "../support/env";
import { connect, emitAck, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { createOrder, Device, idsOf, notificationsFixture, nudge, orderEvent, produce } from "./notifications-helpers";

describe("notifications delivery", () => {
  const f = notificationsFixture();
  let owner: Awaited<ReturnType<typeof createUser>>;
  let other: Awaited<ReturnType<typeof createUser>>;
  let admin: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    [owner, other, admin] = [await createUser(f.db, "SHOPPER"), await createUser(f.db, "SHOPPER"), await createUser(f.db, "ADMIN")];
  });

  it("delivers an order's lifecycle to the owner's two devices and the admin, in order, exactly once; nobody else hears it", async () => {
    const phone = new Device("phone", owner.token);
    const laptop = new Device("laptop", owner.token);
    const console = new Device("admin", admin.token);
    const stranger = new Device("stranger", other.token);
    for (const d of [phone, laptop, console, stranger]) await d.connect(f.service.url);

    const order = await createOrder(f.db, owner.user.id);
    const scope = { userId: owner.user.id, orderId: order.id, admin: true };
    const ids = [await produce(f.db, "order.created", { ...orderEvent(order, "PENDING", "PENDING"), itemCount: 2 }, scope)];
    await nudge(f.service.url);
    const steps = [
      ["PENDING", "PAID"],
      ["PAID", "PROCESSING"],
      ["PROCESSING", "SHIPPED"],
      ["SHIPPED", "DELIVERED"],
    ] as const;
    for (const [from, to] of steps) {
      ids.push(await produce(f.db, "order.updated", orderEvent(order, to, from), scope));
      await nudge(f.service.url);
    }

    for (const device of [phone, laptop]) {
      const got = await device.waitFor(5);
      expect(got.map((r) => r.event)).toEqual(["order:created", "order:updated", "order:updated", "order:updated", "order:updated"]);
      expect(idsOf(got)).toEqual(ids);
      expect(got.slice(1).map((r) => r.payload.status)).toEqual(["PAID", "PROCESSING", "SHIPPED", "DELIVERED"]);
      expect(typeof got[0]!.payload.timestamp).toBe("string");
    }
    const adminGot = await console.waitFor(5);
    expect(adminGot.map((r) => r.event)).toEqual(["admin:order:created", ...Array(4).fill("admin:order:updated")]);
    expect(idsOf(adminGot)).toEqual(ids);

    // One more event that everyone hears proves the stranger's socket was delivered to after the order's.
    const everyone = await produce(
      f.db,
      "product.created",
      { productId: "p-1", sku: "SKU-1", name: "Mug", priceCents: 1200, stock: 10 },
      { productId: "p-1", everyone: true },
    );
    await nudge(f.service.url);
    await stranger.waitFor(1);
    expect(stranger.received.map((r) => [r.event, r.eventId])).toEqual([["product:created", everyone]]);
    expect(phone.received).toHaveLength(6);
    expect(console.received).toHaveLength(6);

    // Each status change also landed in the owner's notification centre, in the same transaction.
    const centre = await f.db.notification.findMany({ where: { userId: owner.user.id }, orderBy: { outboxId: "asc" } });
    expect(centre.map((n) => n.outboxId)).toEqual(ids);
    expect(centre.at(-1)!.title).toMatch(/was delivered/);
    for (const d of [phone, laptop, console, stranger]) d.close();
  });

  it("acks order:subscribe with the legacy shape and refuses another shopper's order", async () => {
    const order = await createOrder(f.db, owner.user.id);
    const mine = await connect(f.service.url, { token: owner.token });
    const theirs = await connect(f.service.url, { token: other.token });
    const boss = await connect(f.service.url, { token: admin.token });

    expect(await emitAck<OrderRoomAck>(mine, "order:subscribe", { orderId: order.id })).toEqual({ success: true, room: `order:${order.id}` });
    expect(await emitAck<OrderRoomAck>(boss, "order:subscribe", { orderId: order.id })).toEqual({ success: true, room: `order:${order.id}` });
    const refused = await emitAck<OrderRoomAck>(theirs, "order:subscribe", { orderId: order.id });
    expect(refused).toEqual({ success: false, error: { code: "NOT_FOUND", message: expect.any(String) } });
    expect(await emitAck<OrderRoomAck>(theirs, "order:subscribe", { orderId: 42 })).toMatchObject({ success: false, error: { code: "VALIDATION" } });
    expect(await emitAck<OrderRoomAck>(mine, "order:unsubscribe", { orderId: order.id })).toEqual({ success: true, room: `order:${order.id}` });

    // A row scoped to the order only (no user): subscribers hear it, the refused shopper does not.
    const heard = nextEvent<{ eventId: number }>(boss, "order:updated");
    const id = await produce(f.db, "order.updated", orderEvent(order, "PAID", "PENDING"), { orderId: order.id });
    await nudge(f.service.url);
    expect((await heard).eventId).toBe(id);
    const strangerHeard: unknown[] = [];
    theirs.on("order:updated", (p) => strangerHeard.push(p));
    const public_ = nextEvent(theirs, "product:updated");
    await produce(f.db, "product.updated", { productId: "p-2", sku: "S2", name: "Pot", priceCents: 100, stock: 1, status: "ACTIVE" }, { everyone: true });
    await nudge(f.service.url);
    await public_;
    expect(strangerHeard).toEqual([]);

    expect(await emitAck(mine, "subscribe:admin")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await emitAck(boss, "subscribe:admin")).toEqual({ ok: true, data: { room: "admin" } });
    expect(await emitAck(mine, "subscribe:orders")).toEqual({ ok: true, data: { room: `user:${owner.user.id}` } });
    for (const s of [mine, theirs, boss]) s.close();
  });

  it("counts devices per user in stats and tells admins who comes and goes", async () => {
    const boss = await connect(f.service.url, { token: admin.token });
    const shopper = await createUser(f.db, "SHOPPER", "Ada");
    const online = nextEvent<Presence>(boss, "user:online", (p) => p.userId === shopper.user.id);
    const devices = [await connect(f.service.url, { token: shopper.token }), await connect(f.service.url, { token: shopper.token })];
    expect(await online).toMatchObject({ userId: shopper.user.id, name: "Ada", role: "SHOPPER" });
    const viaOwner = await connect(f.service.url, { token: owner.token });

    const res = await fetch(`${f.service.url}/realtime/stats`, { headers: { authorization: `Bearer ${TEST_SECRETS.SERVICE_TOKEN}` } });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Stats;
    const count = (userId: string) => stats.userConnections.find((u) => u.userId === userId)?.connectionCount;
    expect(count(shopper.user.id)).toBe(2);
    expect(count(owner.user.id)).toBe(1);
    expect(count(admin.user.id)).toBe(1);
    expect(stats.totalConnections).toBe(4);
    expect(stats.uniqueUsers).toBe(3);

    const asAdmin = await fetch(`${f.service.url}/realtime/stats`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(asAdmin.status).toBe(200);
    expect((await fetch(`${f.service.url}/realtime/stats`, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(403);
    expect((await fetch(`${f.service.url}/realtime/stats`)).status).toBe(401);

    const pushed = nextEvent<Stats>(boss, "stats");
    expect(await emitAck(boss, "request:stats")).toMatchObject({ ok: true, data: { totalConnections: 4 } });
    expect((await pushed).uniqueUsers).toBe(3);
    expect(await emitAck(viaOwner, "request:stats")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const offline = nextEvent<Presence>(boss, "user:offline", (p) => p.userId === shopper.user.id);
    devices[0]!.close();
    devices[1]!.close();
    expect((await offline).userId).toBe(shopper.user.id);
    for (const s of [boss, viaOwner]) s.close();
  });

  it("derives a low-stock alert for admins from the stock change that crosses the threshold", async () => {
    const boss = new Device("admin", admin.token);
    const shopper = new Device("shopper", other.token);
    await boss.connect(f.service.url);
    await shopper.connect(f.service.url);
    const stock = (previousStock: number, now: number) => ({
      productId: "p-9",
      sku: "CANDLE",
      productName: "Candle",
      stock: now,
      previousStock,
      lowStockThreshold: 5,
    });
    const scope = { productId: "p-9", admin: true, everyone: true };
    const above = await produce(f.db, "inventory.updated", stock(9, 7), scope);
    const crossing = await produce(f.db, "inventory.updated", stock(7, 4), scope);
    const still = await produce(f.db, "inventory.updated", stock(4, 3), scope);
    await nudge(f.service.url);

    const got = await boss.waitFor(7);
    const alerts = got.filter((r) => r.event === "admin:alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ eventId: crossing, payload: { kind: "low-stock", severity: "warning", ref: "p-9" } });
    expect(idsOf(got, "admin:inventory:updated")).toEqual([above, crossing, still]);
    expect(idsOf(await shopper.waitFor(3), "inventory:updated")).toEqual([above, crossing, still]);
    expect(shopper.received.some((r) => r.event.startsWith("admin:"))).toBe(false);
    boss.close();
    shopper.close();
  });
});
