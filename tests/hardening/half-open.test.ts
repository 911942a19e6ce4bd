import { join } from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { StreamState } from "@/realtime/live-stream";
import type { Presence, Stats } from "@/realtime/notifications";
import { createDb, type Db } from "@/server/db/client";
import { projectRoot } from "@/server/env";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_ORIGIN } from "../support/env";
import { spawnGroup, type Spawned } from "../support/process-group";
import { startService, type ServiceProcess } from "../support/service-process";
import { collect, connect, emitAck, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { createShow } from "../integration/live-helpers";
import { report, sleep, within } from "./figures";

// Case 13: a client process frozen with SIGSTOP holds its TCP connections open but answers nothing.
const PING_INTERVAL_MS = 1000;
const PING_TIMEOUT_MS = 1000;
const WINDOW_MS = PING_INTERVAL_MS + PING_TIMEOUT_MS + 2000;
const SETTLE_MS = 3000;

describe("a half-open client", () => {
  let database: TestDatabase;
  let db: Db;
  let notifications: ServiceProcess;
  let live: ServiceProcess;
  let child: Spawned | undefined;
  const open: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    const env = { PING_INTERVAL_MS: String(PING_INTERVAL_MS), PING_TIMEOUT_MS: String(PING_TIMEOUT_MS) };
    [notifications, live] = await Promise.all([
      startService("notifications", { databaseUrl: database.url, env }),
      startService("live-stream", { databaseUrl: database.url, env }),
    ]);
  });
  afterAll(async () => {
    if (child?.child.pid) process.kill(child.child.pid, "SIGCONT");
    await child?.stop(2000);
    open.forEach((s) => s.close());
    await Promise.all([notifications?.kill("SIGKILL"), live?.kill("SIGKILL")]);
    await db?.$disconnect();
    await database?.drop();
  });

  const linesOf = (text: string) => (child?.output() ?? "").split("\n").filter((l) => l === text).length;

  it("is dropped from presence and the viewer count within ping interval + timeout + 2 s, and comes back once", async () => {
    const host = await createUser(db, "HOST");
    const { show } = await createShow(db, host.user.id);
    const admin = await createUser(db, "ADMIN");
    const watcher = await createUser(db, "SHOPPER");
    const shopper = await createUser(db, "SHOPPER");

    const adminSocket = await connect(notifications.url, { token: admin.token });
    const viewer = await connect(live.url, { token: watcher.token });
    open.push(adminSocket, viewer);
    const joined = await emitAck<Ack<StreamState>>(viewer, "join_stream", { showId: show.id });
    expect(joined.ok && joined.data.viewerCount).toBe(1);
    const online = collect<Presence>(adminSocket, "user:online");
    const offline = collect<Presence>(adminSocket, "user:offline");
    const counts = collect<{ count: number }>(viewer, "viewer_count_update");
    const stats = async () => {
      const ack = await emitAck<Ack<Stats>>(adminSocket, "request:stats", {});
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.data.userConnections.find((u) => u.userId === shopper.user.id)?.connectionCount ?? 0;
    };

    const cameTwo = nextEvent<{ count: number }>(viewer, "viewer_count_update", (p) => p.count === 2, 15_000);
    child = spawnGroup("bun", [join("tests", "hardening", "half-open-client.ts"), notifications.url, live.url, show.id, shopper.token, TEST_ORIGIN], {
      cwd: projectRoot(),
    });
    await within("client connected", 15_000, () => linesOf("notifications:connected") === 1 && linesOf("live:joined") === 1);
    await cameTwo;
    expect(await stats()).toBe(1);

    const stopped = Date.now();
    const gone = nextEvent<Presence>(adminSocket, "user:offline", (p) => p.userId === shopper.user.id, WINDOW_MS + 2000).then(() => Date.now() - stopped);
    const dropped = nextEvent<{ count: number }>(viewer, "viewer_count_update", (p) => p.count === 1, WINDOW_MS + 2000).then(() => Date.now() - stopped);
    process.kill(child.child.pid!, "SIGSTOP");
    const [offlineMs, viewerMs] = await Promise.all([gone, dropped]);
    expect(await stats()).toBe(0);

    const resumed = Date.now();
    const cameBack = nextEvent<{ count: number }>(viewer, "viewer_count_update", (p) => p.count === 2, 15_000);
    process.kill(child.child.pid!, "SIGCONT");
    await within("client reconnected", 15_000, () => linesOf("notifications:connected") === 2 && linesOf("live:joined") === 2);
    await cameBack;
    const backMs = Date.now() - resumed;
    // Duplicates would show up as a second connection, a second "online" or a count of 3.
    await sleep(SETTLE_MS);

    const onlineAfter = online.filter((p) => p.userId === shopper.user.id).length;
    report("half-open client", {
      windowMs: WINDOW_MS,
      offlineAfterMs: offlineMs,
      viewerDroppedAfterMs: viewerMs,
      reconnectedAfterMs: backMs,
      onlineEvents: onlineAfter,
      offlineEvents: offline.filter((p) => p.userId === shopper.user.id).length,
      viewerCounts: counts.map((c) => c.count).join(">"),
    });
    expect(offlineMs).toBeLessThan(WINDOW_MS);
    expect(viewerMs).toBeLessThan(WINDOW_MS);
    expect(await stats()).toBe(1);
    expect(onlineAfter).toBe(2);
    expect(offline.filter((p) => p.userId === shopper.user.id)).toHaveLength(1);
    expect(counts.at(-1)?.count).toBe(2);
    expect(Math.max(...counts.map((c) => c.count))).toBe(2);
  });
});
