import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { Role } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import { serviceFixture } from "../support/fixtures";
import type { ServiceName } from "../support/service-process";
import { connect, emitAck } from "../support/socket";
import { createUser } from "../support/tokens";
import { createShow } from "../integration/live-helpers";
import { createOrder } from "../integration/notifications-helpers";
import { MB, report, rssBytes, scaled, sleep, tableCounts } from "./figures";
import { callArbitrary, everyCategory, isOversize, send, type FuzzCall, type Outcome } from "./fuzz-calls";
import { handlerEvents } from "./service-events";

// Case 9: every event of every service, 10,000 arbitrary calls per service.
const CALLS = scaled(10_000, 400);
const WORKERS_PER_ROLE = 6;
// Each identity stays under the bootstrap's 20 events/s, so most calls reach validation.
const MIN_GAP_MS = 70;
const ACK_TIMEOUT_MS = 5_000;

interface Plan {
  roles: (Role | null)[];
  /**
   * Events that may answer a fuzz call with success: reads whose schema accepts an empty payload,
   * and leaving a room one is not in (ids are not trimmed, so "   " is an id; nothing happens).
   */
  mayAccept: string[];
}
const plans: Record<ServiceName, Plan> = {
  "support-chat": { roles: ["GUEST", "SHOPPER", "AGENT", "ADMIN"], mayAccept: ["list_my_sessions", "get_queue", "list_canned_responses", "search_sessions"] },
  "live-stream": { roles: [null, "SHOPPER", "HOST", "ADMIN"], mayAccept: ["leave_stream"] },
  notifications: { roles: ["GUEST", "SHOPPER", "ADMIN"], mayAccept: ["subscribe:orders", "subscribe:admin", "request:stats", "order:unsubscribe"] },
};

describe.each(Object.keys(plans) as ServiceName[])("fuzzing %s", (name) => {
  const fx = serviceFixture(name);
  const open: Socket[] = [];
  afterAll(() => open.forEach((s) => s.close()));

  it("answers every call with an error ack or ignores it, and stays up, small and unchanged", async () => {
    const { db, service } = fx;
    const plan = plans[name];
    const events = handlerEvents(name);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const prefix = events.flatMap(everyCategory);
    const calls: FuzzCall[] = [...prefix, ...fc.sample(callArbitrary(events), { numRuns: Math.max(0, CALLS - prefix.length), seed })];

    // Who fuzzes: every role the service knows, several identities each (rows made before the baseline).
    const workers: { token?: string; socket: Socket }[] = [];
    for (const role of plan.roles) {
      for (let i = 0; i < WORKERS_PER_ROLE; i += 1) {
        const token = role ? (await createUser(db, role)).token : undefined;
        const socket = await connect(service.url, { token });
        open.push(socket);
        workers.push({ token, socket });
      }
    }
    const fixtures = await probeFixtures(name, db);
    const countsBefore = await tableCounts(db);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    await sleep(500);
    const rssBefore = rssBytes(service.child.pid!);

    const tally = new Map<string, number>();
    const failures: { call: string; outcome: Outcome }[] = [];
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    const started = Date.now();
    let reconnects = 0;

    await Promise.all(
      workers.map(async (worker, w) => {
        for (let i = w; i < calls.length; i += workers.length) {
          const call = calls[i]!;
          const sentAt = Date.now();
          const outcome = await send(worker.socket, call, ACK_TIMEOUT_MS);
          const oversize = isOversize(call.args);
          const accepted =
            outcome.kind === "error"
              ? outcome.code !== "INTERNAL"
              : outcome.kind === "success"
                ? plan.mayAccept.includes(call.event)
                : outcome.kind === "closed"
                  ? oversize
                  : outcome.kind === "sent";
          count(outcome.kind === "error" ? `error:${outcome.code}` : outcome.kind);
          if (!accepted) failures.push({ call: describeCall(call), outcome });
          // An oversize frame sent without an ack closes the connection a moment later.
          if (oversize && outcome.kind === "sent") await closedWithin(worker.socket, 2000);
          if (worker.socket.disconnected) {
            if (!oversize && outcome.kind !== "closed") failures.push({ call: describeCall(call), outcome: { kind: "closed", reason: "connection lost" } });
            worker.socket.close();
            worker.socket = await connect(service.url, { token: worker.token });
            open.push(worker.socket);
            reconnects += 1;
          }
          const wait = MIN_GAP_MS - (Date.now() - sentAt);
          if (wait > 0) await sleep(wait);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;

    // Garbage from the 1 MB frames may still be waiting for the collector.
    await sleep(1000);
    const rssAfter = rssBytes(service.child.pid!);
    const health = await fetch(`${service.url}/health`);
    const countsAfter = await tableCounts(db);

    report(`fuzz ${name}`, {
      events: events.length,
      calls: calls.length,
      seed,
      seconds,
      reconnects,
      rssBeforeMB: rssBefore / MB,
      rssAfterMB: rssAfter / MB,
      growthMB: (rssAfter - rssBefore) / MB,
      ...Object.fromEntries([...tally].sort()),
    });
    expect(failures.slice(0, 10), `${failures.length} calls were not refused cleanly`).toEqual([]);
    expect(service.child.exitCode).toBeNull();
    expect(health.status).toBe(200);
    expect(rssAfter - rssBefore).toBeLessThan(50 * MB);
    expect(countsAfter).toEqual(countsBefore);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The service's own prototypes: a polluted `role`/`ok` would change these answers.
    await probeService(name, db, service.url, fixtures, open);
  });
});

function closedWithin(socket: Socket, ms: number): Promise<void> {
  if (socket.disconnected) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    socket.once("disconnect", done);
    function done() {
      clearTimeout(timer);
      socket.off("disconnect", done);
      resolve();
    }
  });
}

function describeCall(call: FuzzCall): string {
  const text = JSON.stringify(call.args, (_, v) => (typeof v === "string" && v.length > 80 ? `<${v.length} chars>` : v)) ?? "undefined";
  return `${call.event}(${text.slice(0, 300)})${call.withAck ? "" : " without ack"}`;
}

async function probeFixtures(name: ServiceName, db: Db) {
  if (name === "live-stream") {
    const host = await createUser(db, "HOST");
    const { show, products } = await createShow(db, host.user.id);
    return { showId: show.id, productId: products[0]!.id, orderId: "" };
  }
  if (name === "notifications") {
    const owner = await createUser(db, "SHOPPER");
    return { showId: "", productId: "", orderId: (await createOrder(db, owner.user.id)).id };
  }
  return { showId: "", productId: "", orderId: "" };
}

/** After the fuzz: a fresh shopper is still refused what it was refused and served what it was served. */
async function probeService(name: ServiceName, db: Db, url: string, fixtures: Awaited<ReturnType<typeof probeFixtures>>, open: Socket[]) {
  const shopper = await createUser(db, "SHOPPER");
  const socket = await connect(url, { token: shopper.token });
  open.push(socket);
  type ProbeAck = { ok?: boolean; success?: boolean; error?: { code: string }; data?: { session?: { status: string }; you?: unknown; host?: unknown } };
  const ack = (event: string, payload?: unknown) => emitAck<ProbeAck>(socket, event, payload);
  if (name === "support-chat") {
    expect((await ack("get_queue", {})).error?.code).toBe("FORBIDDEN");
    expect((await ack("start_session", {})).error?.code).toBe("VALIDATION");
    // PostgreSQL text cannot hold NUL: refused up front, not an INTERNAL from the database.
    expect((await ack("start_session", { topic: "a\u0000b" })).error?.code).toBe("VALIDATION");
    const started = await ack("start_session", { topic: "probe after fuzz" });
    expect(started.ok).toBe(true);
    expect(started.data?.session?.status).toBe("QUEUED");
  } else if (name === "live-stream") {
    const offer = { showId: fixtures.showId, productId: fixtures.productId, priceCents: 100, quantity: 1, durationSeconds: 60 };
    expect((await ack("activate_offer", offer)).error?.code).toBe("FORBIDDEN");
    const joined = await ack("join_stream", { showId: fixtures.showId });
    expect(joined.ok).toBe(true);
    expect((await ack("send_message", { showId: fixtures.showId, body: "a\u0000b" })).error?.code).toBe("VALIDATION");
    expect(joined.data?.you).toMatchObject({ userId: shopper.user.id, isHost: false });
    expect(joined.data?.host).toBeNull();
  } else {
    expect((await ack("subscribe:admin", {})).error?.code).toBe("FORBIDDEN");
    expect((await ack("request:stats", {})).error?.code).toBe("FORBIDDEN");
    expect((await ack("order:subscribe", { orderId: fixtures.orderId })).success).toBe(false);
    expect((await ack("order:subscribe", { orderId: "a\u0000b" })).error?.code).toBe("VALIDATION");
    expect((await ack("subscribe:orders", {})).ok).toBe(true);
  }
}
