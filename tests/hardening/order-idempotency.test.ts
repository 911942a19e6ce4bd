import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startWeb, type WebProcess } from "../support/stack";
import { createProduct, HttpSession, inBatches, outboxOf } from "../integration/commerce-helpers";
import { report, scaled } from "./figures";

// Case 8: 1,000 POST /api/orders over 100 idempotency keys, shuffled, many in flight at once.
const KEYS = scaled(100, 10);
const PER_KEY = 10;
const IN_FLIGHT = 100;

describe(`${KEYS * PER_KEY} checkouts over ${KEYS} idempotency keys`, () => {
  let database: TestDatabase;
  let db: Db;
  let web: WebProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    web = await startWeb({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await web?.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  it("makes one order per key and takes the stock exactly once per order", async () => {
    // Exactly enough stock: a key that ordered twice would leave another key without stock.
    const product = await createProduct(db, { stock: KEYS, lowStockThreshold: 0 });
    const shoppers = await inBatches(
      Array.from({ length: KEYS }, (_, i) => i),
      8,
      async (i) => {
        const session = new HttpSession(web.url);
        expect((await session.register(`idem-${i}-${Date.now()}@test.calor`)).status).toBe(201);
        expect((await session.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } })).status).toBe(201);
        return { session, key: `idem-key-${i}-${Date.now().toString(36)}` };
      },
    );

    // Every key ten times, in a shuffled order, a hundred requests in flight.
    const calls = shoppers.flatMap((s) => Array.from({ length: PER_KEY }, () => s));
    for (let i = calls.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [calls[i], calls[j]] = [calls[j]!, calls[i]!];
    }
    const started = performance.now();
    const answers = await inBatches(calls, IN_FLIGHT, async (s) => ({ key: s.key, ...(await s.session.checkout(s.key)) }));
    const seconds = (performance.now() - started) / 1000;

    const byKey = new Map<string, { ids: Set<string>; statuses: number[]; replayed: number }>();
    for (const a of answers) {
      const entry = byKey.get(a.key) ?? { ids: new Set(), statuses: [], replayed: 0 };
      entry.statuses.push(a.status);
      if (a.status === 201) entry.ids.add(a.body.id);
      if (a.headers.get("idempotent-replayed") === "true") entry.replayed += 1;
      byKey.set(a.key, entry);
    }
    const statusCounts = answers.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    const orders = await db.order.findMany({ where: { items: { some: { productId: product.id } } }, select: { id: true, userId: true } });
    const stock = (await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock;
    const created = (await outboxOf(db, "order.created")).filter((e) => orders.some((o) => o.id === e.data.orderId));
    const inventory = (await outboxOf(db, "inventory.updated")).filter((e) => e.productId === product.id);
    report("order idempotency", {
      requests: answers.length,
      keys: KEYS,
      seconds,
      ...Object.fromEntries(Object.entries(statusCounts).map(([s, n]) => [`status${s}`, n])),
      replayed: [...byKey.values()].reduce((n, e) => n + e.replayed, 0),
      orders: orders.length,
      stockLeft: stock,
      orderCreatedEvents: created.length,
      inventoryEvents: inventory.length,
    });

    // Every answer is the order (first or replayed) or "still running, retry" — never a second order.
    expect(Object.keys(statusCounts).filter((s) => s !== "201" && s !== "409")).toEqual([]);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code !== "CONFLICT").map((a) => a.body.error)).toEqual([]);
    for (const [key, entry] of byKey) {
      expect(entry.ids.size, `${key}: ${entry.statuses.join(",")}`).toBe(1);
      expect(entry.replayed).toBe(entry.statuses.filter((s) => s === 201).length - 1);
    }
    expect(orders).toHaveLength(KEYS);
    expect(new Set(orders.map((o) => o.userId)).size).toBe(KEYS);
    expect(new Set(orders.map((o) => o.id))).toEqual(new Set([...byKey.values()].map((e) => [...e.ids][0])));
    expect(stock).toBe(0);
    expect(created).toHaveLength(KEYS);
    expect(inventory).toHaveLength(KEYS);
  });
});
