import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startWeb, type WebProcess } from "../support/stack";
import { createProduct, HttpSession, inBatches, outboxOf } from "./commerce-helpers";

const SHOPPERS = 200;
const UNITS = 50;

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

it(`sells exactly ${UNITS} units to ${SHOPPERS} shoppers checking out at once`, { timeout: 240_000 }, async () => {
  const product = await createProduct(db, { stock: UNITS, lowStockThreshold: 10 });
  // Set-up: every shopper registers and fills its cart (a few at a time, this is not the race).
  const shoppers = await inBatches(
    Array.from({ length: SHOPPERS }, (_, i) => i),
    16,
    async (i) => {
      const session = new HttpSession(web.url);
      expect((await session.register(`race-${i}-${Date.now()}@test.calor`)).status).toBe(201);
      expect((await session.request("/api/cart", { method: "POST", body: { productId: product.id, quantity: 1 } })).status).toBe(201);
      return session;
    },
  );

  // The race: all checkouts in flight together.
  const answers = await Promise.all(shoppers.map((s, i) => s.checkout(`race-key-${i}`)));

  const statuses = answers.map((a) => a.status);
  const won = answers.filter((a) => a.status === 201);
  const lost = answers.filter((a) => a.status !== 201);
  expect(won, `statuses: ${JSON.stringify(statuses)}\n${web.output().slice(-2000)}`).toHaveLength(UNITS);
  expect(lost).toHaveLength(SHOPPERS - UNITS);
  for (const answer of lost) {
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({ code: "OUT_OF_STOCK", message: `${product.name} is sold out. Remove it from your cart to continue.` });
  }

  expect(await db.order.count({ where: { items: { some: { productId: product.id } } } })).toBe(UNITS);
  expect(new Set(won.map((a) => a.body.number)).size).toBe(UNITS);
  expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(0);

  const created = await outboxOf(db, "order.created");
  expect(created).toHaveLength(UNITS);
  expect(new Set(created.map((e) => e.data.orderId))).toEqual(new Set(won.map((a) => a.body.id)));
  const inventory = (await outboxOf(db, "inventory.updated")).filter((e) => e.productId === product.id).map((e) => e.data);
  expect(inventory).toHaveLength(UNITS);
  // In outbox order the stock walks down one unit at a time and never goes below zero.
  expect(inventory.map((e) => e.stock)).toEqual(Array.from({ length: UNITS }, (_, i) => UNITS - 1 - i));
  for (const event of inventory) expect(event.previousStock).toBe(event.stock + 1);

  // The losers keep their cart, so they can choose something else.
  const loser = shoppers[statuses.indexOf(409)]!;
  expect((await loser.request("/api/cart")).body.count).toBe(1);
});
