import { adminTopicEvent, crossesLowStock, rooms, topicEvent } from "@/realtime/notifications";
import type { OutboxPayload, OutboxTopic } from "@/realtime/outbox-topics";
import type { OutboxRow } from "./outbox-reader";

/** One emit: an event name, the rooms that receive it, and its payload (encoded once). */
export interface Delivery {
  event: string;
  rooms: string[];
  data: Record<string, unknown>;
}

/**
 * Where an outbox row goes. The relay (live) and the replay (per socket) both use this, so a
 * replayed socket receives exactly what a live one in the same rooms would have.
 */
export function deliveriesOf(row: OutboxRow): Delivery[] {
  const meta = { eventId: row.id, timestamp: row.createdAt.toISOString() };
  const payload = parsePayload(row);
  // writeOutbox validates every payload; a row damaged by hand is skipped, never a wall.
  if (!payload) return [];
  const data = { ...meta, ...payload };
  if (row.topic === "admin.alert") return [{ event: "admin:alert", rooms: [rooms.admin], data }];

  const audience: string[] = [];
  if (row.userId) audience.push(rooms.user(row.userId));
  if (row.orderId) audience.push(rooms.order(row.orderId));
  // A product's stock and details are public: a productId scope reaches every shopper.
  if (row.everyone || row.productId) audience.push(rooms.everyone);

  const out: Delivery[] = [];
  const event = topicEvent(row.topic);
  const adminEvent = adminTopicEvent[row.topic as OutboxTopic];
  if (row.admin && adminEvent) {
    if (audience.length) out.push({ event, rooms: audience, data });
    out.push({ event: adminEvent, rooms: [rooms.admin], data });
  } else {
    if (row.admin) audience.push(rooms.admin);
    if (audience.length) out.push({ event, rooms: audience, data });
  }

  if (row.topic === "inventory.updated") {
    const stock = payload as OutboxPayload<"inventory.updated">;
    if (crossesLowStock(stock)) out.push({ event: "admin:alert", rooms: [rooms.admin], data: { ...meta, ...lowStockAlert(stock) } });
  }
  return out;
}

function parsePayload(row: OutboxRow): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(row.payload);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Derived, not written: every instance computes the same alert from the same durable row. */
function lowStockAlert(p: OutboxPayload<"inventory.updated">): OutboxPayload<"admin.alert"> {
  const soldOut = p.stock <= 0;
  return {
    kind: soldOut ? "sold-out" : "low-stock",
    severity: soldOut ? "critical" : "warning",
    message: soldOut ? `${p.productName} (${p.sku}) is sold out` : `${p.productName} (${p.sku}) is down to ${p.stock} (threshold ${p.lowStockThreshold})`,
    ref: p.productId,
  };
}
