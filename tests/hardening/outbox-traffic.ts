import type { Db } from "@/server/db/client";
import { createUser } from "../support/tokens";
import { createOrder, Device, orderEvent, produce } from "../integration/notifications-helpers";
import { sleep } from "./figures";

/**
 * Notifications traffic for the fault cases: users with two devices each, a mix of events for
 * one user, for everyone and for admins, and what each device must end up with.
 */
export interface Client {
  device: Device;
  userId: string;
  admin: boolean;
  /** Index of the instance it talks to. */
  on: number;
}

export interface Audience {
  clients: Client[];
  orders: { id: string; number: number; userId: string }[];
}

/** `shoppers` + `admins` users, each with one device on each instance (round robin). */
export async function connectAudience(db: Db, instances: { url: string }[], shoppers: number, admins: number, devicesPerUser = 2): Promise<Audience> {
  const audience: Audience = { clients: [], orders: [] };
  for (let i = 0; i < shoppers + admins; i += 1) {
    const admin = i >= shoppers;
    const user = await createUser(db, admin ? "ADMIN" : "SHOPPER");
    if (!admin) audience.orders.push(await createOrder(db, user.user.id));
    for (let d = 0; d < devicesPerUser; d += 1) {
      const on = (i + d) % instances.length;
      const device = new Device(`${user.user.id}#${d}`, user.token);
      device.lastEventId = 0;
      await device.connect(instances[on]!.url);
      audience.clients.push({ device, userId: user.user.id, admin, on });
    }
  }
  return audience;
}

/** Event `i` of the mix: 60 % one shopper's order, 30 % a product for everyone, 10 % an admin alert. */
export function produceOne(db: Db, audience: Audience, i: number): Promise<number> {
  const kind = i % 10;
  if (kind < 6) {
    const order = audience.orders[i % audience.orders.length]!;
    return produce(db, "order.updated", orderEvent(order, "PAID", "PENDING"), { userId: order.userId, orderId: order.id });
  }
  if (kind < 9) {
    return produce(
      db,
      "product.updated",
      { productId: `p-${i}`, sku: `SKU-${i}`, name: `Product ${i}`, priceCents: 100 + i, stock: 50, status: "ACTIVE" },
      { productId: `p-${i}`, everyone: true },
    );
  }
  return produce(db, "admin.alert", { kind: "test", severity: "info", message: `alert ${i}`, ref: null }, { admin: true });
}

export interface Expectation {
  lastId: number;
  scopeOf(client: Client): number[];
  seen(client: Client): number[];
}

/** Every outbox row up to now, and which of them each client's scope holds (ids in order). */
export async function expectation(db: Db): Promise<Expectation> {
  const rows = await db.outboxEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, topic: true, userId: true, everyone: true, productId: true } });
  const lastId = rows.at(-1)?.id ?? 0;
  return {
    lastId,
    scopeOf: (c) => rows.filter((r) => r.everyone || r.productId || r.userId === c.userId || (c.admin && r.topic === "admin.alert")).map((r) => r.id),
    seen: (c) => c.device.received.filter((r) => r.eventId <= lastId).map((r) => r.eventId),
  };
}

/** Connects again (with the device's last id) until the service answers, as the browser hook does. */
export async function reconnect(client: Client, url: string, deadline: number): Promise<number> {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    client.device.close();
    try {
      await client.device.connect(url);
      return attempts;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

/** Reconnects each client whose socket drops; counts the connection attempts. */
export function keepConnected(audience: Audience, urlOf: (client: Client) => string, deadline: number) {
  let reconnects = 0;
  const pending = new Set<Promise<unknown>>();
  const watch = (client: Client) => {
    client.device.socket?.once("disconnect", (reason) => {
      if (reason === "io client disconnect") return;
      const p = reconnect(client, urlOf(client), deadline).then((n) => {
        reconnects += n;
        watch(client);
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    });
  };
  audience.clients.forEach(watch);
  return {
    get reconnects() {
      return reconnects;
    },
    settled: () => Promise.all(pending),
  };
}
