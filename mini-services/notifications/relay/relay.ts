import { Gauge, Histogram } from "prom-client";
import type { ServiceContext } from "@/server/service/start-service";
import type { NotificationsConfig } from "../config";
import { deliveriesOf, type Delivery } from "./deliveries";
import { lastOutboxId, rowsAfter, type OutboxRow } from "./outbox-reader";
import { RecentRing } from "./recent-ring";

export interface RelayedEvent {
  id: number;
  deliveries: Delivery[];
}

/**
 * Reads the outbox in id order and emits each row to this instance's own sockets only
 * (io.local): every instance relays the whole outbox, so with N instances each client still
 * hears each event once and the Redis adapter is not in the delivery path.
 *
 * Invariant the replay relies on: every row with id ≤ `cursor` has been emitted to the rooms,
 * and `cursor`, the ring and the emits change together in one synchronous step.
 */
export class Relay {
  cursor = 0;
  ring = new RecentRing<RelayedEvent>(1, 0);
  private ctx: ServiceContext | undefined;
  private running = false;
  private again = false;
  private stopped = false;
  private poll: ReturnType<typeof setInterval> | undefined;
  private gapSince: number | null = null;
  private gapRetry: ReturnType<typeof setTimeout> | undefined;
  private delay: Histogram | undefined;
  private position: Gauge | undefined;

  constructor(private readonly config: NotificationsConfig) {}

  async start(ctx: ServiceContext): Promise<void> {
    this.ctx = ctx;
    // Clients that were connected before resume from their own last id; the relay starts now.
    this.cursor = await lastOutboxId();
    this.ring = new RecentRing<RelayedEvent>(this.config.REPLAY_RING_SIZE, this.cursor);
    this.delay = new Histogram({
      name: "calor_outbox_relay_delay_seconds",
      help: "From an outbox row's commit to its emit by this instance",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers: [ctx.metrics.registry],
    });
    this.position = new Gauge({ name: "calor_outbox_relay_position", help: "Last outbox id this instance delivered", registers: [ctx.metrics.registry] });
    this.position.set(this.cursor);
    this.poll = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    ctx.log.info("relay started", { cursor: this.cursor });
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.gapRetry);
  }

  /** Deliver what is new now; calls while a pass runs fold into one more pass. */
  wake(): void {
    if (this.stopped || !this.ctx) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.pump().finally(() => (this.running = false));
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.drain();
      } catch (error) {
        // The poll retries; a database hiccup must not end the relay.
        this.ctx?.log.error("relay pass failed", { error: String(error) });
        return;
      }
    } while (this.again && !this.stopped);
  }

  private async drain(): Promise<void> {
    const batch = this.config.OUTBOX_BATCH;
    for (;;) {
      const rows = await rowsAfter(this.cursor, batch);
      if (this.stopped) return;
      const delivered = this.deliver(rows);
      if (delivered < rows.length) {
        clearTimeout(this.gapRetry);
        this.gapRetry = setTimeout(() => this.wake(), 20);
        return;
      }
      if (rows.length < batch) return;
    }
  }

  /**
   * Emits rows in order and stops at a hole in the ids: on PostgreSQL a smaller id can commit
   * after a larger one. A hole still open after OUTBOX_GAP_WAIT_MS is a rolled-back transaction.
   */
  private deliver(rows: OutboxRow[]): number {
    const { io, metrics, log } = this.ctx!;
    let count = 0;
    for (const row of rows) {
      if (row.id !== this.cursor + 1) {
        const now = Date.now();
        this.gapSince ??= now;
        if (now - this.gapSince < this.config.OUTBOX_GAP_WAIT_MS) break;
        log.warn("skipping outbox ids that never committed", { from: this.cursor + 1, to: row.id - 1 });
      }
      this.gapSince = null;
      const deliveries = deliveriesOf(row);
      if (!deliveries.length) log.warn("outbox row reaches nobody", { id: row.id, topic: row.topic });
      for (const d of deliveries) {
        io.local.to(d.rooms).emit(d.event, d.data);
        metrics.eventsOut.inc({ event: d.event });
      }
      this.ring.push({ id: row.id, deliveries });
      this.cursor = row.id;
      this.delay?.observe(Math.max(0, Date.now() - row.createdAt.getTime()) / 1000);
      count += 1;
    }
    this.position?.set(this.cursor);
    return count;
  }
}
