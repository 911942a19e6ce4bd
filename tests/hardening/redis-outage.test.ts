import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "@/realtime/live-stream";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_SECRETS } from "../support/env";
import { startService, type ServiceName, type ServiceProcess } from "../support/service-process";
import { connect } from "../support/socket";
import { createUser } from "../support/tokens";
import { createShow, join } from "../integration/live-helpers";
import { report, scaled, sleep, within } from "./figures";
import { connectAudience, expectation, keepConnected, produceOne } from "./outbox-traffic";
import { startRedis, type RedisServer } from "./redis-server";
import { openPair, type Side } from "./support-side";

// Case 3: Redis paused (DEBUG SLEEP 5), then restarted empty, under load, two instances per service.
const PAUSE_AT_MS = 3000;
const PAUSE_SECONDS = 5;
const RESTART_AT_MS = PAUSE_AT_MS + PAUSE_SECONDS * 1000 + 3000;
const LOAD_MS = RESTART_AT_MS + 5000;
const RECOVER_MS = 10_000;
const PAIRS = scaled(4, 2);
const VIEWERS = scaled(10, 4);
const SHOPPERS = scaled(10, 4);
const names: ServiceName[] = ["support-chat", "live-stream", "notifications"];

const nudgeQuickly = (url: string) =>
  fetch(`${url}/internal/outbox/nudge`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_SECRETS.SERVICE_TOKEN}` },
    signal: AbortSignal.timeout(300),
  }).then(
    () => undefined,
    () => undefined,
  );

interface Sample {
  instance: string;
  at: number;
  ready: number;
  live: number;
}

describe("Redis paused, then restarted, under load (two instances per service)", () => {
  let database: TestDatabase;
  let db: Db;
  let redis: RedisServer;
  const instances = {} as Record<ServiceName, ServiceProcess[]>;
  const open: Socket[] = [];
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    redis = await startRedis();
    for (const name of names) {
      instances[name] = await Promise.all([0, 1].map(() => startService(name, { databaseUrl: database.url, env: { REDIS_URL: redis.url } })));
    }
  });
  afterAll(async () => {
    cleanups.forEach((c) => c());
    open.forEach((s) => s.close());
    await Promise.all(
      Object.values(instances)
        .flat()
        .map((s) => s.kill("SIGKILL")),
    );
    await redis?.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  it("stays up, reports the outage in readiness, loses nothing stored, and its clients catch up", async () => {
    const deadline = Date.now() + LOAD_MS + 90_000;
    const all = names.flatMap((n) => instances[n].map((s, i) => ({ label: `${n}#${i}`, service: s })));

    // Notifications: devices on both instances, events written all along.
    const crowd = await connectAudience(db, instances.notifications, SHOPPERS, 1);
    cleanups.push(() => crowd.clients.forEach((c) => c.device.close()));
    const keeper = keepConnected(crowd, (c) => instances.notifications[c.on]!.url, deadline);

    // Support chat: each shopper on instance 0, its agent on instance 1.
    const sides: Side[] = [];
    for (let p = 0; p < PAIRS; p += 1) {
      const [shopper, agent] = await openPair(
        db,
        p,
        `Outage ${p}`,
        { shopper: () => instances["support-chat"][0]!.url, agent: () => instances["support-chat"][1]!.url },
        deadline,
      );
      sides.push(shopper, agent);
    }
    cleanups.push(() => sides.forEach((s) => s.socket?.close()));

    // Live: a host on instance 0, viewers on both, all chatting.
    const host = await createUser(db, "HOST");
    const { show } = await createShow(db, host.user.id);
    const viewers: { socket: Socket; heard: Set<string> }[] = [];
    for (let v = 0; v < VIEWERS; v += 1) {
      const socket = await connect(instances["live-stream"][v % 2]!.url, { token: (await createUser(db, "SHOPPER")).token });
      open.push(socket);
      await join(socket, show.id);
      const heard = new Set<string>();
      socket.on("new_message", (m: ChatMessage) => heard.add(m.id));
      viewers.push({ socket, heard });
    }

    // Health of every instance, four times a second.
    const samples: Sample[] = [];
    const t0 = Date.now();
    let sampling = true;
    const status = (url: string) =>
      fetch(url, { signal: AbortSignal.timeout(3000) }).then(
        (r) => r.status,
        () => 0,
      );
    const sampler = (async () => {
      while (sampling) {
        await Promise.all(
          all.map(async ({ label, service }) =>
            samples.push({
              instance: label,
              at: Date.now() - t0,
              ready: await status(`${service.url}/health/ready`),
              live: await status(`${service.url}/health/live`),
            }),
          ),
        );
        await sleep(250);
      }
    })();

    // The faults, on their schedule.
    const faults = (async () => {
      await sleep(PAUSE_AT_MS);
      redis.sleep(PAUSE_SECONDS);
      await sleep(RESTART_AT_MS - PAUSE_AT_MS);
      await redis.restart();
    })();

    // The load, until LOAD_MS.
    let events = 0;
    const notificationsLoad = (async () => {
      while (Date.now() - t0 < LOAD_MS) {
        await produceOne(db, crowd, events);
        events += 1;
        if (events % 5 === 0) await Promise.all(instances.notifications.map((s) => nudgeQuickly(s.url)));
        await sleep(25);
      }
    })();
    const supportRtts: number[] = [];
    const supportLoad = Promise.all(
      sides.map(async (side, s) => {
        await sleep((s * 1100) / sides.length);
        for (let i = 0; Date.now() - t0 < LOAD_MS; i += 1) {
          const started = Date.now();
          await side.send(`${side.label.replace(" ", "-")}-${i}-${side.sessionId.slice(-6)}`, `${side.label} #${i}`, deadline, false);
          supportRtts.push(Date.now() - started);
          await sleep(Math.max(0, 1100 - (Date.now() - started)));
        }
      }),
    );
    const acked: string[] = [];
    const rtts: number[] = [];
    const liveLoad = Promise.all(
      viewers.map(async ({ socket }, v) => {
        await sleep((v * 1500) / viewers.length);
        while (Date.now() - t0 < LOAD_MS) {
          const started = Date.now();
          const ack = await socket
            .timeout(15_000)
            .emitWithAck("send_message", { showId: show.id, body: `viewer ${v} ${randomUUID().slice(0, 8)}` })
            .catch(() => null);
          rtts.push(Date.now() - started);
          if (ack?.ok) acked.push(ack.data.id);
          await sleep(Math.max(0, 1500 - (Date.now() - started)));
        }
      }),
    );
    await Promise.all([faults, notificationsLoad, supportLoad, liveLoad]);

    // Recovery: every instance ready again, every client caught up.
    const restartedAt = RESTART_AT_MS;
    await within(
      "all instances ready again",
      RECOVER_MS,
      async () => (await Promise.all(all.map(({ service }) => status(`${service.url}/health/ready`)))).every((s) => s === 200),
      250,
    );
    sampling = false;
    await sampler;
    const expected = await expectation(db);
    await within("notification clients caught up", 30_000, () => crowd.clients.every((c) => expected.seen(c).length >= expected.scopeOf(c).length), 100);
    for (const c of crowd.clients) expect(expected.seen(c), c.device.name).toEqual(expected.scopeOf(c));
    for (const side of sides) {
      await side.ready(deadline);
      await side.rejoin();
    }
    await sleep(1000);

    // Nothing stored is lost. A rejoin from the last seq cannot fill a hole that a live message
    // lost between instances left (the widget and console resync fully on a page load): the
    // holes are counted, then each side resyncs from 0 and must have every message.
    const supportLiveHeard = sides.reduce((n, s) => n + s.heardLive, 0);
    let supportHoles = 0;
    for (let p = 0; p < sides.length; p += 2) {
      const [shopper, agent] = [sides[p]!, sides[p + 1]!];
      const rows = await db.supportMessage.findMany({ where: { sessionId: shopper.sessionId }, orderBy: { seq: "asc" } });
      const ids = new Set(rows.map((r) => r.clientMessageId));
      for (const side of [shopper, agent]) {
        for (const id of side.sent) expect(ids.has(id), `${side.label} ${id} stored`).toBe(true);
        const seen = new Set(side.view.map((m) => m.id));
        supportHoles += rows.filter((r) => !seen.has(r.id)).length;
        side.view = [];
        await side.rejoin();
        expect(
          side.view.map((m) => m.id),
          side.label,
        ).toEqual(rows.map((r) => r.id));
      }
    }
    const storedChat = await db.showMessage.count({ where: { showId: show.id, id: { in: acked } } });
    const heardShare = viewers.reduce((n, v) => n + acked.filter((id) => v.heard.has(id)).length, 0) / Math.max(1, acked.length * viewers.length);

    const byInstance = Object.fromEntries(
      all.map(({ label }) => {
        const mine = samples.filter((s) => s.instance === label);
        const down = mine.filter((s) => s.ready !== 200);
        return [
          label,
          { down: down.length, firstDownAt: down[0]?.at ?? -1, lastDownAt: down.at(-1)?.at ?? -1, liveNot200: mine.filter((s) => s.live !== 200).length },
        ];
      }),
    );
    report("redis outage", {
      pauseAtMs: PAUSE_AT_MS,
      pauseSeconds: PAUSE_SECONDS,
      restartAtMs: restartedAt,
      events,
      notificationClients: crowd.clients.length,
      reconnectAttempts: keeper.reconnects,
      supportMessages: sides.reduce((n, s) => n + s.sent.length, 0),
      supportHeardLive: supportLiveHeard,
      supportHolesBeforeFullResync: supportHoles,
      supportAckMaxMs: Math.max(...supportRtts),
      liveChatAcked: acked.length,
      liveChatStored: storedChat,
      liveChatHeardShare: heardShare,
      liveAckMaxMs: Math.max(...rtts),
      ...Object.fromEntries(Object.entries(byInstance).map(([k, v]) => [`${k}.readyDown`, `${v.down}@${v.firstDownAt}-${v.lastDownAt}ms`])),
    });
    for (const [label, v] of Object.entries(byInstance)) {
      expect(v.liveNot200, `${label} /health/live`).toBe(0);
      expect(v.down, `${label} readiness showed the outage`).toBeGreaterThan(0);
      expect(v.firstDownAt, `${label} down only after the pause began`).toBeGreaterThanOrEqual(PAUSE_AT_MS);
    }
    for (const { service } of all) expect(service.child.exitCode, service.url).toBeNull();
    expect(storedChat).toBe(acked.length);
    // Socket events keep being answered while Redis is silent (its limiters fall back to memory).
    expect(Math.max(...rtts)).toBeLessThan(2000);
    expect(Math.max(...supportRtts)).toBeLessThan(2000);
  });
});
