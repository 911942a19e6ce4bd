import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startService, type ServiceProcess } from "../support/service-process";
import { TEST_SECRETS } from "../support/env";
import { report, scaled, sleep, within } from "./figures";
import { connectAudience, expectation, keepConnected, produceOne, type Audience } from "./outbox-traffic";

// Case 4: the notifications service dies between the outbox commit and the emit for a share of
// the events. SIGSTOP freezes it so rows commit that it cannot emit; SIGKILL ends it there.
const EVENTS = scaled(400, 80);
const SHOPPERS = scaled(20, 4);
const ADMINS = scaled(2, 1);

/** The app's nudge with a short fuse: a frozen service must not hold the writer up. */
const nudgeQuickly = (url: string) =>
  fetch(`${url}/internal/outbox/nudge`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_SECRETS.SERVICE_TOKEN}` },
    signal: AbortSignal.timeout(200),
  }).then(
    (r) => r.status,
    () => 0,
  );

describe(`notifications: ${EVENTS} events, a crash between commit and emit`, () => {
  let database: TestDatabase;
  let db: Db;
  let service: ServiceProcess;
  let audience: Audience | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    service = await startService("notifications", { databaseUrl: database.url });
  });
  afterAll(async () => {
    audience?.clients.forEach((c) => c.device.close());
    if (service?.child.pid) process.kill(service.child.pid, "SIGCONT");
    await service?.kill("SIGKILL");
    await db?.$disconnect();
    await database?.drop();
  });

  it("delivers each committed event once after the restart", async () => {
    const crowd = (audience = await connectAudience(db, [service], SHOPPERS, ADMINS));
    const deadline = Date.now() + 120_000;
    const keeper = keepConnected(crowd, () => service.url, deadline);
    // The share the dead process committed but never emitted: frozen from STOP_AT, killed at KILL_AT.
    const STOP_AT = Math.floor(EVENTS * 0.25);
    const KILL_AT = Math.floor(EVENTS * 0.6);
    let frozen = 0;
    let produced = 0;
    let restartedAt = -1;
    let restarting: Promise<void> | null = null;
    const started = Date.now();
    for (let i = 0; i < EVENTS; i += 1) {
      if (i === STOP_AT) process.kill(service.child.pid!, "SIGSTOP");
      if (i === KILL_AT) {
        const frozenService = service;
        restarting = (async () => {
          await frozenService.kill("SIGKILL");
          service = await frozenService.restart();
          restartedAt = produced;
        })();
      }
      await produceOne(db, crowd, i);
      produced += 1;
      if (i >= STOP_AT && i < KILL_AT) frozen += 1;
      else if (i % 5 === 0) await nudgeQuickly(service.url);
      if (i % 20 === 0) await sleep(5);
    }
    await restarting;
    await nudgeQuickly(service.url);

    const expected = await expectation(db);
    await within("every client caught up", 60_000, () => crowd.clients.every((c) => expected.seen(c).length >= expected.scopeOf(c).length), 100);
    await keeper.settled();
    const seconds = (Date.now() - started) / 1000;
    for (const c of crowd.clients) expect(expected.seen(c), c.device.name).toEqual(expected.scopeOf(c));
    report("outbox crash", {
      events: EVENTS,
      committedWhileFrozen: frozen,
      killedAtEvent: KILL_AT,
      backAtEvent: restartedAt,
      clients: crowd.clients.length,
      reconnectAttempts: keeper.reconnects,
      deliveries: crowd.clients.reduce((n, c) => n + expected.seen(c).length, 0),
      seconds,
    });
    expect(keeper.reconnects).toBeGreaterThanOrEqual(crowd.clients.length);
  });
});
