import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Presence, Stats } from "@/realtime/notifications";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_SECRETS } from "../support/env";
import { startService, type ServiceProcess } from "../support/service-process";
import { nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { createOrder, Device, nudge, orderEvent, produce } from "./notifications-helpers";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/8";
// The poll is pushed out of the way: only the nudge (HTTP to one instance, Redis to the other) delivers.
const ENV = { REDIS_URL, OUTBOX_POLL_MS: "600000", HEARTBEAT_MS: "200", INSTANCE_TTL_MS: "800" };

describe("notifications over two instances (Redis)", () => {
  let database: TestDatabase;
  let db: Db;
  let one: ServiceProcess;
  let two: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    [one, two] = await Promise.all([
      startService("notifications", { databaseUrl: database.url, env: ENV }),
      startService("notifications", { databaseUrl: database.url, env: ENV }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([one?.kill("SIGKILL"), two?.kill("SIGKILL")]);
    await db?.$disconnect();
    await database?.drop();
  });

  it("counts a user once across instances for presence", async () => {
    const admin = await createUser(db, "ADMIN");
    const bob = await createUser(db, "SHOPPER", "Bob");
    const boss = new Device("admin", admin.token);
    await boss.connect(two.url);
    const heard: string[] = [];
    boss.socket!.on("user:online", (p: Presence) => p.userId === bob.user.id && heard.push("online"));
    boss.socket!.on("user:offline", (p: Presence) => p.userId === bob.user.id && heard.push("offline"));
    const first = nextEvent<Presence>(boss.socket!, "user:online", (p) => p.userId === bob.user.id);
    const onOne = new Device("bob@one", bob.token);
    const onTwo = new Device("bob@two", bob.token);
    await onOne.connect(one.url);
    await first;
    await onTwo.connect(two.url);
    onOne.close();
    // The stats round trip shows the first close was counted before we look for (no) offline.
    const count = async () => {
      const ack = (await boss.socket!.timeout(5000).emitWithAck("request:stats")) as { data: Stats };
      return ack.data.userConnections.find((u) => u.userId === bob.user.id)?.connectionCount;
    };
    for (let n = await count(); n !== 1; n = await count()) expect(n).toBe(2);
    expect(heard).toEqual(["online"]);
    const offline = nextEvent<Presence>(boss.socket!, "user:offline", (p) => p.userId === bob.user.id);
    onTwo.close();
    await offline;
    expect(heard).toEqual(["online", "offline"]);
    boss.close();
  });

  it("delivers each event once to clients on either instance, and they move to the survivor when one is killed", async () => {
    const [alice, admin] = [await createUser(db, "SHOPPER", "Alice"), await createUser(db, "ADMIN")];
    const order = await createOrder(db, alice.user.id);
    const phone = new Device("phone@one", alice.token);
    const laptop = new Device("laptop@two", alice.token);
    const boss = new Device("admin@two", admin.token);
    await phone.connect(one.url);
    await laptop.connect(two.url);
    await boss.connect(two.url);

    const stats = (await (await fetch(`${two.url}/realtime/stats`, { headers: { authorization: `Bearer ${TEST_SECRETS.SERVICE_TOKEN}` } })).json()) as Stats;
    expect(stats.userConnections.find((u) => u.userId === alice.user.id)?.connectionCount).toBe(2);
    expect(stats.totalConnections).toBe(3);

    const ids: number[] = [];
    const emit = async (target: ServiceProcess) => {
      ids.push(await produce(db, "order.updated", orderEvent(order, "PROCESSING", "PAID"), { userId: alice.user.id, orderId: order.id, admin: true }));
      await nudge(target.url);
    };
    for (let i = 0; i < 50; i++) await emit(one);
    for (const d of [phone, laptop, boss]) expect((await d.waitFor(50)).map((r) => r.eventId)).toEqual(ids);

    // Alice's phone was only on the dying instance: once it is reaped, admins hear of the outage.
    const down = nextEvent<{ kind: string }>(boss.socket!, "admin:alert", (a) => a.kind === "instance-down", 15_000);
    await one.kill("SIGKILL");
    for (let i = 0; i < 50; i++) await emit(two);
    await phone.connect(two.url);
    for (let i = 0; i < 50; i++) await emit(two);
    for (const d of [phone, laptop])
      expect(
        (await d.waitFor(150)).map((r) => r.eventId),
        d.name,
      ).toEqual(ids);
    await down;
    await boss.waitFor(ids.length + 1); // the order events and the one instance-down alert
    expect(boss.received.filter((r) => r.event === "admin:order:updated").map((r) => r.eventId)).toEqual(ids);
    for (const d of [phone, laptop, boss]) d.close();
  });
});
