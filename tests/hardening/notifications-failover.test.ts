import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startService, type ServiceProcess } from "../support/service-process";
import { createUser } from "../support/tokens";
import { createOrder, Device, nudge, orderEvent, produce } from "../integration/notifications-helpers";
import { report, scaled, sleep, within } from "./figures";
import { startRedis, type RedisServer } from "./redis-server";

// Case 2: 1,000 events to 200 clients over two instances; kill -9 one half-way; its clients
// move to the other with their last id.
const EVENTS = scaled(1000, 100);
const SHOPPERS = scaled(90, 8);
const ADMINS = scaled(10, 2);
const CLIENTS = 2 * (SHOPPERS + ADMINS);

interface Client {
  device: Device;
  userId: string;
  admin: boolean;
  on: "a" | "b";
}

describe(`notifications: ${EVENTS} events, ${CLIENTS} clients, two instances, one killed`, () => {
  let database: TestDatabase;
  let db: Db;
  let redis: RedisServer;
  let a: ServiceProcess;
  let b: ServiceProcess;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    redis = await startRedis();
    const env = { REDIS_URL: redis.url };
    [a, b] = await Promise.all([startService("notifications", { databaseUrl: database.url, env }), startService("notifications", { databaseUrl: database.url, env })]);
  });
  afterAll(async () => {
    clients.forEach((c) => c.device.close());
    await Promise.all([a?.kill("SIGKILL"), b?.kill("SIGKILL")]);
    await redis?.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives every client every event of its scope exactly once and in order", async () => {
    // Every user has one device on each instance.
    const orders: { id: string; number: number; userId: string }[] = [];
    for (let i = 0; i < SHOPPERS + ADMINS; i += 1) {
      const admin = i >= SHOPPERS;
      const user = await createUser(db, admin ? "ADMIN" : "SHOPPER");
      if (!admin) orders.push(await createOrder(db, user.user.id));
      for (const on of ["a", "b"] as const) {
        const device = new Device(`${user.user.id}@${on}`, user.token);
        device.lastEventId = 0;
        await device.connect((on === "a" ? a : b).url);
        clients.push({ device, userId: user.user.id, admin, on });
      }
    }

    let produced = 0;
    let killedAtEvent = -1;
    let moved = 0;
    const started = Date.now();
    const failover = async () => {
      killedAtEvent = produced;
      await a.kill("SIGKILL");
      const stranded = clients.filter((c) => c.on === "a");
      await Promise.all(
        stranded.map(async (c) => {
          c.device.close();
          await c.device.connect(b.url);
          c.on = "b";
          moved += 1;
        }),
      );
    };
    let moving: Promise<void> | null = null;
    for (let i = 0; i < EVENTS; i += 1) {
      const kind = i % 10;
      if (kind < 6) {
        const order = orders[i % orders.length]!;
        await produce(db, "order.updated", orderEvent(order, "PAID", "PENDING"), { userId: order.userId, orderId: order.id });
      } else if (kind < 9) {
        await produce(db, "product.updated", { productId: `p-${i}`, sku: `SKU-${i}`, name: `Product ${i}`, priceCents: 100 + i, stock: 50, status: "ACTIVE" }, { productId: `p-${i}`, everyone: true });
      } else {
        await produce(db, "admin.alert", { kind: "test", severity: "info", message: `alert ${i}`, ref: null }, { admin: true });
      }
      produced += 1;
      if (produced % 10 === 0) await Promise.all([moving ? null : nudge(a.url), nudge(b.url)]);
      if (produced === Math.floor(EVENTS / 2)) moving = failover();
      if (produced % 50 === 0) await sleep(10);
    }
    await nudge(b.url);
    await moving;

    // What each scope should have: every row up to the last one, read back from the outbox.
    const rows = await db.outboxEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, topic: true, userId: true, everyone: true, productId: true } });
    const lastId = rows.at(-1)!.id;
    const scopeOf = (c: Client) =>
      rows.filter((r) => r.everyone || r.productId || r.userId === c.userId || (c.admin && r.topic === "admin.alert")).map((r) => r.id);
    const seen = (c: Client) => c.device.received.filter((r) => r.eventId <= lastId).map((r) => r.eventId);
    await within("every client caught up", 60_000, () => clients.every((c) => seen(c).length >= scopeOf(c).length), 100);
    const seconds = (Date.now() - started) / 1000;

    let deliveries = 0;
    for (const c of clients) {
      const ids = seen(c);
      deliveries += ids.length;
      expect(ids, c.device.name).toEqual(scopeOf(c));
    }
    report("notifications failover", {
      events: produced,
      outboxRows: rows.length,
      clients: clients.length,
      killedAtEvent,
      movedClients: moved,
      deliveries,
      seconds,
    });
    expect(moved).toBe(CLIENTS / 2);
  });
});
