import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { ChatMessage, StreamState } from "@/realtime/live-stream";
import { createDb, type Db } from "@/server/db/client";
import { projectRoot } from "@/server/env";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_ORIGIN, TEST_SECRETS } from "../support/env";
import { freePort } from "../support/ports";
import type { ServiceName } from "../support/service-process";
import { connect, emitAck } from "../support/socket";
import { createUser } from "../support/tokens";
import { createShow } from "../integration/live-helpers";
import { nudge } from "../integration/notifications-helpers";
import { report, scaled, sleep, within } from "./figures";
import { connectAudience, expectation, keepConnected, produceOne } from "./outbox-traffic";
import { openPair, type Side } from "./support-side";

// Case 5: `pm2 reload` of each service (ecosystem.config.js, a private PM2_HOME) with clients on it.
const root = projectRoot();
const names: ServiceName[] = ["support-chat", "live-stream", "notifications"];
const portVar: Record<ServiceName, string> = { "support-chat": "SUPPORT_CHAT_PORT", "live-stream": "LIVE_STREAM_PORT", notifications: "NOTIFICATIONS_PORT" };
const PAIRS = scaled(3, 2);
const VIEWERS = scaled(6, 3);
const SHOPPERS = scaled(6, 3);
const run = promisify(execFile);

describe("pm2 reload of each service with clients connected", () => {
  let database: TestDatabase;
  let db: Db;
  let pm2Home: string;
  let env: NodeJS.ProcessEnv;
  const urls = {} as Record<ServiceName, string>;
  const open: Socket[] = [];
  const cleanups: (() => void)[] = [];
  const pm2 = (...args: string[]) => run(join(root, "node_modules", ".bin", "pm2"), args, { cwd: root, env, timeout: 120_000 });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    pm2Home = mkdtempSync(join(tmpdir(), "calor-pm2-"));
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [portVar[n], String(await freePort())])));
    for (const n of names) urls[n] = `http://127.0.0.1:${ports[portVar[n]]}`;
    // Secrets and settings come from here, so ecosystem.config.js neither reads nor writes .env values we care about.
    env = {
      ...process.env,
      ...TEST_SECRETS,
      ...ports,
      PM2_HOME: pm2Home,
      DATABASE_URL: database.url,
      ALLOWED_ORIGINS: TEST_ORIGIN,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      WEB_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
    };
    delete env.REDIS_URL;
    await pm2("start", "ecosystem.config.js", "--only", names.join(","));
    for (const n of names)
      await within(
        `${n} ready under pm2`,
        60_000,
        () =>
          fetch(`${urls[n]}/health/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        200,
      );
  });
  afterAll(async () => {
    cleanups.forEach((c) => c());
    open.forEach((s) => s.close());
    await pm2("kill").catch(() => undefined);
    rmSync(pm2Home, { recursive: true, force: true });
    await db?.$disconnect();
    await database?.drop();
  });

  it("brings every client back with nothing missed", async () => {
    const deadline = Date.now() + 240_000;
    const crowd = await connectAudience(db, [{ url: urls.notifications }], SHOPPERS, 1);
    cleanups.push(() => crowd.clients.forEach((c) => c.device.close()));
    const keeper = keepConnected(crowd, () => urls.notifications, deadline);

    const sides: Side[] = [];
    for (let p = 0; p < PAIRS; p += 1) {
      const [shopper, agent] = await openPair(db, p, `Reload ${p}`, { shopper: () => urls["support-chat"], agent: () => urls["support-chat"] }, deadline);
      sides.push(shopper, agent);
    }
    cleanups.push(() => sides.forEach((s) => s.socket?.close()));

    // Viewers keep the chat they have and merge what join_stream returns after a reconnect.
    const host = await createUser(db, "HOST");
    const { show } = await createShow(db, host.user.id);
    const viewers = await Promise.all(
      Array.from({ length: VIEWERS }, async () => {
        const token = (await createUser(db, "SHOPPER")).token;
        const viewer = { token, socket: null as Socket | null, chat: new Map<string, ChatMessage>(), joins: 0 };
        return viewer;
      }),
    );
    const watch = async (v: (typeof viewers)[number]) => {
      while (!v.socket?.connected) {
        if (Date.now() > deadline) throw new Error("viewer could not reconnect");
        v.socket?.close();
        v.socket = await connect(urls["live-stream"], { token: v.token }).catch(() => null);
        if (!v.socket) {
          await sleep(100);
          continue;
        }
        open.push(v.socket);
        v.socket.on("new_message", (m: ChatMessage) => v.chat.set(m.id, m));
        const joined: Ack<StreamState> | null = await v.socket
          .timeout(5000)
          .emitWithAck("join_stream", { showId: show.id })
          .catch(() => null);
        if (!joined?.ok) {
          v.socket.close();
          continue;
        }
        joined.data.recentMessages.forEach((m) => v.chat.set(m.id, m));
        v.joins += 1;
      }
      return v.socket;
    };
    for (const v of viewers) await watch(v);

    // Load on all three services while each is reloaded in turn.
    let stop = false;
    let events = 0;
    const liveAcked: string[] = [];
    const load = Promise.all([
      (async () => {
        while (!stop) {
          await produceOne(db, crowd, events);
          events += 1;
          if (events % 5 === 0) await nudge(urls.notifications);
          await sleep(40);
        }
      })(),
      ...sides.map(async (side, s) => {
        for (let i = 0; !stop; i += 1) {
          const started = Date.now();
          await side.send(`${side.label.replace(" ", "-")}-${i}-${side.sessionId.slice(-6)}`, `${side.label} #${i}`, deadline, false);
          await sleep(Math.max(0, 1100 - (Date.now() - started)) + s);
        }
      }),
      ...viewers.map(async (v, i) => {
        await sleep(i * 200);
        for (let n = 0; !stop; n += 1) {
          const started = Date.now();
          const ack: Ack<ChatMessage> | null = await (
            await watch(v)
          )
            .timeout(5000)
            .emitWithAck("send_message", { showId: show.id, body: `viewer ${i} #${n}` })
            .catch(() => null);
          if (ack?.ok) liveAcked.push(ack.data.id);
          await sleep(Math.max(0, 2500 - (Date.now() - started)));
        }
      }),
    ]);

    const reloadMs: Record<string, number> = {};
    await sleep(2000);
    for (const n of names) {
      const t0 = Date.now();
      await pm2("reload", n);
      await within(
        `${n} ready after reload`,
        60_000,
        () =>
          fetch(`${urls[n]}/health/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        100,
      );
      reloadMs[n] = Date.now() - t0;
      await sleep(3000);
    }
    stop = true;
    await load;
    await nudge(urls.notifications);

    // Everything the clients should have, compared with what they have.
    const expected = await expectation(db);
    await within("notification clients caught up", 30_000, () => crowd.clients.every((c) => expected.seen(c).length >= expected.scopeOf(c).length), 100);
    for (const c of crowd.clients) expect(expected.seen(c), c.device.name).toEqual(expected.scopeOf(c));
    for (const side of sides) {
      await side.ready(deadline);
      await side.rejoin();
    }
    for (let p = 0; p < sides.length; p += 2) {
      const rows = await db.supportMessage.findMany({ where: { sessionId: sides[p]!.sessionId }, orderBy: { seq: "asc" } });
      for (const side of [sides[p]!, sides[p + 1]!])
        expect(
          side.view.map((m) => m.id),
          side.label,
        ).toEqual(rows.map((r) => r.id));
    }
    for (const v of viewers) {
      await watch(v);
      // A last join catches up on the recent chat, as the page does on reconnect.
      const joined: Ack<StreamState> = await emitAck(v.socket!, "join_stream", { showId: show.id });
      if (joined.ok) joined.data.recentMessages.forEach((m) => v.chat.set(m.id, m));
    }
    const stored = await db.showMessage.count({ where: { id: { in: liveAcked } } });
    const missing = viewers.map((v) => liveAcked.filter((id) => !v.chat.has(id)).length);
    report("pm2 reload", {
      ...Object.fromEntries(Object.entries(reloadMs).map(([k, v]) => [`${k}.reloadMs`, v])),
      events,
      notificationReconnectAttempts: keeper.reconnects,
      supportMessages: sides.reduce((n, s) => n + s.sent.length, 0),
      supportReconnects: sides.reduce((n, s) => n + s.reconnects, 0),
      liveChatAcked: liveAcked.length,
      liveChatStored: stored,
      viewerJoins: viewers.reduce((n, v) => n + v.joins, 0),
      viewerMissing: missing.reduce((a, b) => a + b, 0),
    });
    expect(keeper.reconnects).toBeGreaterThanOrEqual(crowd.clients.length);
    expect(sides.every((s) => s.reconnects >= 1)).toBe(true);
    expect(viewers.every((v) => v.joins >= 2)).toBe(true);
    expect(stored).toBe(liveAcked.length);
    expect(missing).toEqual(viewers.map(() => 0));
  });
});
