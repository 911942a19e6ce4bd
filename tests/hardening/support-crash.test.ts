import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORT_LIMITS } from "@/realtime/support-chat";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startService, type ServiceProcess } from "../support/service-process";
import { report, scaled, sleep } from "./figures";
import { openPair, sendHooks, type Side } from "./support-side";

// Case 1: 20 shopper/agent pairs × 200 messages with client retries; kill -9 half-way; restart.
const PAIRS = scaled(20, 3);
const PER_PAIR = 2 * scaled(100, 8);
const TOTAL = PAIRS * PER_PAIR;
// Each side keeps a quarter under the service's message limit per identity (16 per 4 s: one
// every 333 ms), so a retry that arrives before its original is stored still fits.
const SEND_EVERY_MS = Math.ceil(((SUPPORT_LIMITS.windowSeconds * 1000) / SUPPORT_LIMITS.messagesPerWindow) * 1.33);
const DOUBLE_SEND_EVERY = 7;
const DEADLINE_MS = 30_000 + (PER_PAIR / 2) * SEND_EVERY_MS * 2;

describe(`support chat: ${PAIRS} pairs × ${PER_PAIR} messages through a kill -9`, () => {
  let database: TestDatabase;
  let db: Db;
  let service: ServiceProcess;
  const sides: Side[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    service = await startService("support-chat", { databaseUrl: database.url });
  });
  afterAll(async () => {
    sides.forEach((s) => s.socket?.close());
    await service?.kill("SIGKILL");
    await db?.$disconnect();
    await database?.drop();
  });

  it("stores every message exactly once, in order, and both sides see all of them", async () => {
    const deadline = Date.now() + DEADLINE_MS;
    const url = () => service.url;
    const pairs: [Side, Side][] = [];
    for (let p = 0; p < PAIRS; p += 1) {
      const [shopper, agent] = await openPair(db, p, `Pair ${p}`, { shopper: url, agent: url }, deadline);
      pairs.push([shopper, agent]);
      sides.push(shopper, agent);
    }

    // The crash: once half the messages are acked, kill -9 as the next one leaves a client, then
    // start a new process on the same port.
    let killedAt = -1;
    let downMs = 0;
    const ackedSoFar = () => sides.reduce((n, s) => n + s.acked.size, 0);
    const crash = (async () => {
      while (ackedSoFar() < TOTAL / 2 && Date.now() < deadline) await sleep(20);
      await new Promise<void>((resolve) => {
        sendHooks.afterEmit = () => {
          sendHooks.afterEmit = null;
          service.child.kill("SIGKILL");
          resolve();
        };
      });
      killedAt = ackedSoFar();
      const t0 = Date.now();
      await service.kill("SIGKILL");
      service = await service.restart();
      downMs = Date.now() - t0;
    })();

    const started = Date.now();
    await Promise.all(
      sides.map(async (side, s) => {
        await sleep((s * SEND_EVERY_MS) / sides.length);
        for (let i = 0; i < PER_PAIR / 2; i += 1) {
          const t0 = Date.now();
          await side.send(
            `${side.label.replace(" ", "-")}-${i}-${side.sessionId.slice(-6)}`,
            `${side.label} says #${i}`,
            deadline,
            i % DOUBLE_SEND_EVERY === 0,
          );
          await sleep(Math.max(0, SEND_EVERY_MS - (Date.now() - t0)));
        }
      }),
    );
    await crash;
    // Both sides catch up on what the other sent last (a rejoin, as a client does after a pause).
    for (const side of sides) {
      await side.ready(deadline);
      await side.rejoin();
    }
    const seconds = (Date.now() - started) / 1000;

    let stored = 0;
    for (const [shopper, agent] of pairs) {
      const rows = await db.supportMessage.findMany({ where: { sessionId: shopper.sessionId }, orderBy: { seq: "asc" } });
      const ours = rows.filter((r) => r.clientMessageId !== null);
      stored += ours.length;
      expect(ours).toHaveLength(PER_PAIR);
      expect(new Set(ours.map((r) => r.clientMessageId)).size).toBe(PER_PAIR);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      for (const side of [shopper, agent]) {
        // Everything stored, seen once each, in the stored order; each side's own messages in the order written.
        expect(
          side.view.map((m) => m.id),
          side.label,
        ).toEqual(rows.map((r) => r.id));
        const seqOf = new Map(ours.map((r) => [r.clientMessageId!, r.seq]));
        const mine = side.sent.map((id) => seqOf.get(id));
        expect(mine.every((seq) => seq !== undefined)).toBe(true);
        expect([...mine].sort((a, b) => a! - b!)).toEqual(mine);
        expect(side.sent.map((id) => side.acked.get(id))).toEqual(mine);
      }
    }
    report("support crash", {
      pairs: PAIRS,
      messagesPerPair: PER_PAIR,
      stored,
      expected: TOTAL,
      killedAfterAcked: killedAt,
      downMs,
      reconnects: sides.reduce((n, s) => n + s.reconnects, 0),
      retries: sides.reduce((n, s) => n + s.retries, 0),
      seconds,
    });
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(TOTAL);
    expect(stored).toBe(TOTAL);
  });
});
