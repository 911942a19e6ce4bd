import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { writeOutboxMany } from "@/server/outbox/write-outbox";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/database";
import { createUser } from "../support/tokens";

describe(`writeOutboxMany (${testProvider})`, () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("gives every event its own row in order and its centre row the right outbox id, alike events included", async () => {
    const [ann, bob] = [await createUser(db), await createUser(db)];
    const note = (userId: string, title: string) => ({
      topic: "notification" as const,
      payload: { userId, kind: "test", title, body: "", link: null },
      scope: { userId },
    });
    const stock = (previousStock: number) => ({
      topic: "inventory.updated" as const,
      payload: { productId: "p-1", sku: "S-1", productName: "Lamp", previousStock, stock: previousStock - 1, lowStockThreshold: 2 },
      scope: { productId: "p-1", everyone: true },
    });
    const events = [note(ann.user.id, "same"), stock(3), note(bob.user.id, "other"), note(ann.user.id, "same"), stock(2)];

    const ids = await db.$transaction((tx) => writeOutboxMany(tx, events));

    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const rows = await db.outboxEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.topic, r.userId])).toEqual(events.map((e, i) => [ids[i], e.topic, "userId" in e.scope ? e.scope.userId : null]));
    expect(rows.filter((r) => r.topic === "inventory.updated").map((r) => JSON.parse(r.payload).stock)).toEqual([2, 1]);
    // Written raw: the flags and the time read back through Prisma as they were meant.
    expect(rows.map((r) => [r.everyone, r.admin, r.productId])).toEqual(
      events.map((e) => ("everyone" in e.scope ? [true, false, "p-1"] : [false, false, null])),
    );
    for (const r of rows) expect(Math.abs(r.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const centre = await db.notification.findMany({ orderBy: { outboxId: "asc" } });
    expect(centre.map((n) => [n.outboxId, n.userId, n.title])).toEqual([
      [ids[0], ann.user.id, "same"],
      [ids[2], bob.user.id, "other"],
      [ids[3], ann.user.id, "same"],
    ]);
  });

  it("writes nothing and fails whole when one payload is invalid", async () => {
    const before = await db.outboxEvent.count();
    const bad = { topic: "notification" as const, payload: { userId: "u", kind: "k", title: 5 } as never, scope: {} };
    await expect(db.$transaction((tx) => writeOutboxMany(tx, [bad]))).rejects.toThrow();
    expect(await db.outboxEvent.count()).toBe(before);
  });
});
