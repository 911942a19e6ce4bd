import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startService, type ServiceProcess } from "../support/service-process";
import { nudge } from "../integration/notifications-helpers";
import { report, scaled, sleep, within } from "./figures";
import { connectAudience, expectation, produceOne, reconnect, type Audience } from "./outbox-traffic";
import { startRedis, type RedisServer } from "./redis-server";

// Case 2: 1,000 events to 200 clients over two instances; kill -9 one half-way; its clients
// move to the other with their last id.
const EVENTS = scaled(1000, 100);
const SHOPPERS = scaled(90, 8);
const ADMINS = scaled(10, 2);

describe(`notifications: ${EVENTS} events, ${2 * (SHOPPERS + ADMINS)} clients, two instances, one killed`, () => {
  let database: TestDatabase;
  let db: Db;
  let redis: RedisServer;
  let instances: ServiceProcess[] = [];
  let audience: Audience | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    redis = await startRedis();
    const env = { REDIS_URL: redis.url };
    instances = await Promise.all([0, 1].map(() => startService("notifications", { databaseUrl: database.url, env })));
  });
  afterAll(async () => {
    audience?.clients.forEach((c) => c.device.close());
    await Promise.all(instances.map((s) => s.kill("SIGKILL")));
    await redis?.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives every client every event of its scope exactly once and in order", async () => {
    const [a, b] = instances as [ServiceProcess, ServiceProcess];
    const crowd = (audience = await connectAudience(db, instances, SHOPPERS, ADMINS));
    const deadline = Date.now() + 120_000;
    let killedAtEvent = -1;
    let moved = 0;
    const started = Date.now();
    // Instance 0 dies; every device it served reconnects to instance 1 with its last id.
    const failover = async (produced: number) => {
      killedAtEvent = produced;
      await a.kill("SIGKILL");
      await Promise.all(
        crowd.clients
          .filter((c) => c.on === 0)
          .map(async (c) => {
            c.on = 1;
            await reconnect(c, b.url, deadline);
            moved += 1;
          }),
      );
    };
    let moving: Promise<void> | null = null;
    for (let i = 0; i < EVENTS; i += 1) {
      await produceOne(db, crowd, i);
      const produced = i + 1;
      if (produced % 10 === 0) await Promise.all([moving ? null : nudge(a.url), nudge(b.url)]);
      if (produced === Math.floor(EVENTS / 2)) moving = failover(produced);
      if (produced % 50 === 0) await sleep(10);
    }
    await nudge(b.url);
    await moving;

    const expected = await expectation(db);
    await within("every client caught up", 60_000, () => crowd.clients.every((c) => expected.seen(c).length >= expected.scopeOf(c).length), 100);
    const seconds = (Date.now() - started) / 1000;
    let deliveries = 0;
    for (const c of crowd.clients) {
      deliveries += expected.seen(c).length;
      expect(expected.seen(c), c.device.name).toEqual(expected.scopeOf(c));
    }
    report("notifications failover", {
      events: EVENTS,
      lastOutboxId: expected.lastId,
      clients: crowd.clients.length,
      killedAtEvent,
      movedClients: moved,
      deliveries,
      seconds,
    });
    expect(moved).toBe(crowd.clients.length / 2);
  });
});
