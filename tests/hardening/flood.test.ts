import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import { serviceFixture } from "../support/fixtures";
import type { ServiceName } from "../support/service-process";
import { connect } from "../support/socket";
import { createUser } from "../support/tokens";
import { createShow, createUsers } from "../integration/live-helpers";
import { quantile, report, scaled, sleep } from "./figures";

// Case 10: one socket sends 5,000 events in 5 s; 100 well-behaved clients keep their round trips.
const FLOOD = scaled(5000, 200);
const FLOOD_MS = 5000;
const CLIENTS = scaled(100, 10);
const CLIENT_EVERY_MS = 500;
const POINTS_PER_SECOND = 20;

interface Fixture {
  showId: string;
  productId: string;
}
type Call = [event: string, payload: unknown];

/** Readies one socket and returns the cheap, valid call it repeats (what a shopper's page sends). */
const prepare: Record<ServiceName, (socket: Socket, fixture: Fixture) => Promise<Call>> = {
  "support-chat": async (socket) => {
    const started = await socket.timeout(10_000).emitWithAck("start_session", { topic: "Flood test" });
    return ["typing", { sessionId: started.data.session.id, isTyping: true }];
  },
  "live-stream": async (socket, { showId, productId }) => {
    await socket.timeout(10_000).emitWithAck("join_stream", { showId });
    return ["product_click", { showId, productId }];
  },
  notifications: async () => ["subscribe:orders", {}],
};

describe.each(Object.keys(prepare) as ServiceName[])("flooding %s", (name) => {
  const fx = serviceFixture(name);
  const open: Socket[] = [];
  afterAll(() => open.forEach((s) => s.close()));

  it("answers the flood with RATE_LIMITED while well-behaved clients keep a p99 under 200 ms", async () => {
    const { db, service } = fx;
    const host = await createUser(db, "HOST");
    const { show, products } = await createShow(db, host.user.id);
    const users = await createUsers(db, CLIENTS + 1);
    for (const u of users) open.push(await connect(service.url, { token: u.token }));
    const fixture = { showId: show.id, productId: products[0]!.id };
    const prepared = await Promise.all(open.map((socket) => prepare[name](socket, fixture)));
    const [flooder, ...clients] = open as [Socket, ...Socket[]];
    const [event, floodPayload] = prepared[0]!;

    const rtts: number[] = [];
    const clientErrors: string[] = [];
    const floodAcks = new Map<string, number>();
    let floodSent = 0;
    let floodAnswered = 0;
    let floodMessage = "";
    const started = performance.now();
    const floodDone = (async () => {
      while (floodSent < FLOOD) {
        const due = Math.min(FLOOD, Math.ceil(((performance.now() - started) / FLOOD_MS) * FLOOD));
        for (; floodSent < due; floodSent += 1) {
          flooder.timeout(30_000).emit(event, floodPayload, (err: Error | null, ack: Ack<unknown>) => {
            floodAnswered += 1;
            const key = err ? "timeout" : ack.ok ? "ok" : ack.error.code;
            if (!err && !ack.ok && ack.error.code === "RATE_LIMITED") floodMessage = ack.error.message;
            floodAcks.set(key, (floodAcks.get(key) ?? 0) + 1);
          });
        }
        await sleep(5);
      }
    })();
    const clientsDone = Promise.all(
      clients.map(async (socket, i) => {
        const payload = prepared[i + 1]![1];
        await sleep((i * CLIENT_EVERY_MS) / clients.length);
        while (performance.now() - started < FLOOD_MS) {
          const t0 = performance.now();
          const ack = await socket
            .timeout(10_000)
            .emitWithAck(event, payload)
            .catch((e: Error) => ({ ok: false, error: { code: e.message } }));
          rtts.push(performance.now() - t0);
          if (!ack.ok) clientErrors.push(String(ack.error.code));
          await sleep(Math.max(0, CLIENT_EVERY_MS - (performance.now() - t0)));
        }
      }),
    );
    await Promise.all([floodDone, clientsDone]);
    const floodSeconds = (performance.now() - started) / 1000;
    const deadline = Date.now() + 30_000;
    while (floodAnswered < floodSent && Date.now() < deadline) await sleep(50);

    const limited = floodAcks.get("RATE_LIMITED") ?? 0;
    const p50 = quantile(rtts, 0.5);
    const p99 = quantile(rtts, 0.99);
    report(`flood ${name}`, {
      event,
      floodSent,
      floodSeconds,
      floodAnswered,
      rateLimited: limited,
      floodOk: floodAcks.get("ok") ?? 0,
      clients: clients.length,
      roundTrips: rtts.length,
      clientErrors: clientErrors.length,
      p50Ms: p50,
      p99Ms: p99,
      maxMs: Math.max(...rtts),
    });
    expect(floodAnswered).toBe(floodSent);
    expect([...floodAcks.keys()].filter((k) => k !== "ok" && k !== "RATE_LIMITED")).toEqual([]);
    // At most the budget of each second (plus one partial second at each end) gets through.
    expect(floodAcks.get("ok") ?? 0).toBeLessThanOrEqual(POINTS_PER_SECOND * (Math.ceil(floodSeconds) + 2));
    expect(floodMessage).toMatch(/slow down/i);
    expect(clientErrors).toEqual([]);
    expect(rtts.length).toBeGreaterThan(clients.length * 5);
    expect(p99).toBeLessThan(200);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });
});
