import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type { ConnectionSuccess } from "@/realtime/notifications";
import type { OutboxPayload, OutboxScope, OutboxTopic } from "@/realtime/outbox-topics";
import { createDb, type Db } from "@/server/db/client";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_ORIGIN, TEST_SECRETS } from "../support/env";
import { startService, type ServiceProcess } from "../support/service-process";

export interface NotificationsFixture {
  database: TestDatabase;
  db: Db;
  /** Replace it after a kill: `f.service = await f.service.restart()`. */
  service: ServiceProcess;
}

/** A fresh database and one notifications process for the enclosing describe block. */
export function notificationsFixture(env: Record<string, string> = {}): NotificationsFixture {
  const f = {} as NotificationsFixture;
  beforeAll(async () => {
    f.database = await createTestDatabase();
    f.db = createDb(f.database.url);
    f.service = await startService("notifications", { databaseUrl: f.database.url, env });
  });
  afterAll(async () => {
    await f.service?.kill("SIGKILL");
    await f.db?.$disconnect();
    await f.database?.drop();
  });
  return f;
}

/** Commits one outbox row the way the app does: inside a transaction. */
export function produce<T extends OutboxTopic>(db: Db, topic: T, payload: OutboxPayload<T>, scope: OutboxScope): Promise<number> {
  return db.$transaction((tx) => writeOutbox(tx, topic, payload, scope));
}

/** The app's after-commit nudge; a service that is down just misses it. */
export function nudge(url: string): Promise<number> {
  return fetch(`${url}/internal/outbox/nudge`, { method: "POST", headers: { authorization: `Bearer ${TEST_SECRETS.SERVICE_TOKEN}` } }).then(
    (r) => r.status,
    () => 0,
  );
}

let orderNumber = 1000;
export async function createOrder(db: Db, userId: string) {
  orderNumber += 1;
  return db.order.create({
    data: { userId, number: orderNumber, subtotalCents: 2500, shippingCents: 500, totalCents: 3000, shippingAddress: "{}", paymentLast4: "4242" },
  });
}

export function orderEvent(
  order: { id: string; number: number; userId: string },
  status: OutboxPayload<"order.updated">["status"],
  previousStatus: OutboxPayload<"order.updated">["previousStatus"],
) {
  return { orderId: order.id, number: order.number, userId: order.userId, status, previousStatus, totalCents: 3000 };
}

export interface Received {
  event: string;
  eventId: number;
  payload: Record<string, unknown>;
}

/**
 * A test client that records every outbox-born event it receives (no dedup: the assertions are on
 * what the server sent) and remembers its last id across reconnects, as the browser does.
 */
export class Device {
  received: Received[] = [];
  lastEventId: number | null = null;
  socket: Socket | null = null;
  hello: ConnectionSuccess | null = null;

  constructor(
    readonly name: string,
    private readonly token: string,
  ) {}

  /** Connects (with the last id, if any) and resolves after `connection:success`: live from here. */
  async connect(url: string, { resume = true } = {}): Promise<ConnectionSuccess> {
    const auth: Record<string, unknown> = { token: this.token };
    if (resume && this.lastEventId !== null) auth.lastEventId = this.lastEventId;
    const socket = io(url, {
      path: "/socket.io/",
      auth,
      transports: ["websocket"],
      extraHeaders: { origin: TEST_ORIGIN },
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    socket.onAny((event: string, payload: Record<string, unknown>) => {
      if (typeof payload?.eventId !== "number") return;
      this.received.push({ event, eventId: payload.eventId, payload });
      this.lastEventId = Math.max(this.lastEventId ?? 0, payload.eventId);
      for (const waiter of [...this.waiters]) waiter();
    });
    const hello = await new Promise<ConnectionSuccess>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no connection:success`)), 15_000);
      socket.once("connection:success", (p: ConnectionSuccess) => {
        clearTimeout(timer);
        resolve(p);
      });
      socket.once("connect_error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    this.hello = hello;
    this.lastEventId = Math.max(this.lastEventId ?? 0, hello.lastEventId);
    return hello;
  }

  close(): void {
    this.socket?.close();
  }

  /** Resolves once `count` events have arrived (or rejects saying how many did). */
  waitFor(count: number, timeoutMs = 20_000): Promise<Received[]> {
    if (this.received.length >= count) return Promise.resolve(this.received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.name}: ${this.received.length}/${count} events after ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = () => {
        if (this.received.length < count) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(this.received);
      };
      this.waiters.add(waiter);
    });
  }

  private readonly waiters = new Set<() => void>();
}

/** The ids of one device's events, for in-order / exactly-once checks. */
export const idsOf = (received: Received[], event?: string) => received.filter((r) => !event || r.event === event).map((r) => r.eventId);
