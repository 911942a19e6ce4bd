import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { ClaimResult, OfferView } from "@/realtime/live-stream";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/database";
import { startService, type ServiceProcess } from "../support/service-process";
import { connect, emitAck } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, ok } from "../integration/live-helpers";
import { report, scaled, sleep } from "./figures";
import { startRedis, type RedisServer } from "./redis-server";

// Case 6: 5,000 distinct shoppers, one 500-unit offer, two instances deciding claims at once.
// Runs on SQLite by default and on PostgreSQL with TEST_DATABASE=postgres (scripts/test.sh does both).
const SHOPPERS = scaled(5000, 200);
const UNITS = scaled(500, 20);

describe(`${SHOPPERS} shoppers claiming a ${UNITS}-unit offer on ${testProvider}`, () => {
  let database: TestDatabase;
  let db: Db;
  let redis: RedisServer;
  let instances: ServiceProcess[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, MAX_CONNECTIONS_PER_IP: "100000" };
    instances = await Promise.all([0, 1].map(() => startService("live-stream", { databaseUrl: database.url, env })));
  });
  afterAll(async () => {
    closeAll(sockets);
    await Promise.all(instances.map((s) => s.kill("SIGKILL")));
    await redis?.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  it("has exactly as many winners as units, never negative stock, and an outbox that accounts for every unit", async () => {
    const host = await createUser(db, "HOST");
    const { show, products } = await createShow(db, host.user.id, { products: 1, stock: UNITS });
    const productId = products[0]!.id;
    const hostSocket = await connect(instances[0]!.url, { token: host.token });
    sockets.push(hostSocket);
    await join(hostSocket, show.id);
    const offer = await ok<OfferView>(hostSocket, "activate_offer", { showId: show.id, productId, priceCents: 999, quantity: UNITS, durationSeconds: 300 });

    const shoppers = await createUsers(db, SHOPPERS);
    const half = Math.ceil(SHOPPERS / 2);
    sockets.push(...(await connectAll(instances[0]!.url, shoppers.slice(0, half))), ...(await connectAll(instances[1]!.url, shoppers.slice(half))));
    const claimers = sockets.slice(1);

    // Stock as the database shows it while the burst runs.
    let minStock = Infinity;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { stock } = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } });
        minStock = Math.min(minStock, stock);
        await sleep(20);
      }
    })();

    const started = performance.now();
    const results = await Promise.all(
      claimers.map((s) =>
        emitAck<Ack<ClaimResult>>(s, "claim_offer", { offerId: offer.id, clientClaimId: randomUUID() }).then((ack) => {
          if (!ack.ok) throw new Error(`claim refused: ${ack.error.code} ${ack.error.message}`);
          return ack.data;
        }),
      ),
    );
    const elapsedMs = performance.now() - started;
    sampling = false;
    await sampler;

    const outcomes = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {});
    const winners = await db.offerClaim.findMany({ where: { offerId: offer.id }, select: { userId: true } });
    const product = await db.product.findUniqueOrThrow({ where: { id: productId } });
    const rows = await db.outboxEvent.findMany({ where: { topic: "inventory.updated", productId }, orderBy: { id: "asc" } });
    const changes = rows.map((r) => JSON.parse(r.payload) as { previousStock: number; stock: number });
    const wonPerInstance = [0, 1].map((i) => results.filter((r, j) => r.outcome === "won" && (j < half ? 0 : 1) === i).length);
    report(`claim race ${testProvider}`, {
      shoppers: SHOPPERS,
      units: UNITS,
      won: outcomes.won ?? 0,
      soldOut: outcomes.sold_out ?? 0,
      wonOnA: wonPerInstance[0]!,
      wonOnB: wonPerInstance[1]!,
      elapsedMs,
      minStockSeen: minStock,
      finalStock: product.stock,
      outboxRows: rows.length,
      outboxUnits: changes.reduce((n, c) => n + c.previousStock - c.stock, 0),
    });

    expect(outcomes).toEqual({ won: UNITS, sold_out: SHOPPERS - UNITS });
    expect(winners).toHaveLength(UNITS);
    expect(new Set(winners.map((w) => w.userId)).size).toBe(UNITS);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ claimed: UNITS });
    expect(await db.cartItem.count({ where: { offerClaim: { offerId: offer.id } } })).toBe(UNITS);
    expect(product.stock).toBe(0);
    expect(minStock).toBeGreaterThanOrEqual(0);
    // The outbox tells the same story as the stock: one row per unit, a chain from UNITS down
    // to 0 one step at a time, never below.
    expect(rows).toHaveLength(UNITS);
    expect(changes.map((c) => [c.previousStock, c.stock])).toEqual(Array.from({ length: UNITS }, (_, i) => [UNITS - i, UNITS - i - 1]));
  });
});
