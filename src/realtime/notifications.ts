import { z } from "zod";
import type { Ack } from "@/realtime/ack";
import type { OutboxPayload, OutboxTopic } from "@/realtime/outbox-topics";

/**
 * The notifications service's contract (port 3033), shared by the browser, Next and the service.
 * Outbox rows become socket events named by their topic with '.' → ':' and carry their outbox id
 * as `eventId`: the client's resume point. docs/notifications.md describes every event.
 */

// ── Rooms: only ever named through these helpers ─────────────────────────────────────────────
export const rooms = {
  /** Every device of one user (guest or account). */
  user: (userId: string) => `user:${userId}`,
  /** Sockets that asked for one order with `order:subscribe`. */
  order: (orderId: string) => `order:${orderId}`,
  admin: "admin",
  /** Every socket: public catalogue events (stock, products). */
  everyone: "everyone",
} as const;

// ── Server → client payloads ─────────────────────────────────────────────────────────────────
/** What every outbox-born event adds to its topic's payload. */
export interface DeliveryMeta {
  /** The outbox row id: increasing, the value to send back as `lastEventId`. */
  eventId: number;
  /** When the row was committed (ISO 8601). */
  timestamp: string;
}
export type Delivered<T extends OutboxTopic> = DeliveryMeta & OutboxPayload<T>;

/** The socket event an outbox topic is emitted as: `order.created` → `order:created`. */
export const topicEvent = (topic: string) => topic.replaceAll(".", ":");

/** The admin-room variant of the topics admins follow in the console. */
export const adminTopicEvent: Partial<Record<OutboxTopic, "admin:order:created" | "admin:order:updated" | "admin:inventory:updated">> = {
  "order.created": "admin:order:created",
  "order.updated": "admin:order:updated",
  "order.cancelled": "admin:order:updated",
  "inventory.updated": "admin:inventory:updated",
};

export const connectionSuccessSchema = z.object({
  userId: z.string(),
  role: z.string(),
  /** Every event of this socket's scope up to this id has been delivered (replayed or earlier). */
  lastEventId: z.number().int(),
  /** How many events were replayed because the handshake carried `lastEventId`. */
  replayed: z.number().int(),
});
export type ConnectionSuccess = z.infer<typeof connectionSuccessSchema>;

export const presenceSchema = z.object({ userId: z.string(), name: z.string(), role: z.string(), at: z.string() });
export type Presence = z.infer<typeof presenceSchema>;

export const statsSchema = z.object({
  totalConnections: z.number().int(),
  uniqueUsers: z.number().int(),
  userConnections: z.array(z.object({ userId: z.string(), connectionCount: z.number().int() })),
});
export type Stats = z.infer<typeof statsSchema>;

/** The notification centre changed on one of the user's devices (read marks): every device follows. */
export const notificationMessageSchema = z.object({
  kind: z.literal("read"),
  /** The ids just marked read, or "all". */
  ids: z.union([z.array(z.string()), z.literal("all")]),
  unreadCount: z.number().int().min(0),
});
export type NotificationMessage = z.infer<typeof notificationMessageSchema>;

// ── Client → server payloads ─────────────────────────────────────────────────────────────────
export const orderRefSchema = z.object({ orderId: z.string().min(1).max(64) });
export type OrderRef = z.infer<typeof orderRefSchema>;

export const resumeSchema = z.object({ lastEventId: z.number().int().min(0) });
export type Resume = z.infer<typeof resumeSchema>;

/** Events without arguments accept nothing or `{}`. */
export const noPayloadSchema = z.object({}).optional();
export type NoPayload = z.infer<typeof noPayloadSchema>;

/** The earlier product fixed this ack shape for `order:subscribe` / `order:unsubscribe`. */
export type OrderRoomAck = { success: true; room: string } | { success: false; error: { code: string; message: string } };
export interface RoomResult {
  room: string;
}
export interface ResumeResult {
  replayed: number;
  lastEventId: number;
}

// ── The event maps ───────────────────────────────────────────────────────────────────────────
export interface NotificationsServerToClient {
  "order:created": (payload: Delivered<"order.created">) => void;
  "order:updated": (payload: Delivered<"order.updated">) => void;
  "order:cancelled": (payload: Delivered<"order.cancelled">) => void;
  "inventory:updated": (payload: Delivered<"inventory.updated">) => void;
  "product:created": (payload: Delivered<"product.created">) => void;
  "product:updated": (payload: Delivered<"product.updated">) => void;
  notification: (payload: Delivered<"notification">) => void;
  "admin:order:created": (payload: Delivered<"order.created">) => void;
  "admin:order:updated": (payload: Delivered<"order.updated"> | Delivered<"order.cancelled">) => void;
  "admin:inventory:updated": (payload: Delivered<"inventory.updated">) => void;
  /** Written alerts (stuck order, instance down) and low stock derived from `inventory.updated`. */
  "admin:alert": (payload: Delivered<"admin.alert">) => void;
  "connection:success": (payload: ConnectionSuccess) => void;
  "user:online": (payload: Presence) => void;
  "user:offline": (payload: Presence) => void;
  stats: (payload: Stats) => void;
  "notification:message": (payload: NotificationMessage) => void;
}

export interface NotificationsClientToServer {
  "order:subscribe": (payload: OrderRef, ack: (ack: OrderRoomAck) => void) => void;
  "order:unsubscribe": (payload: OrderRef, ack: (ack: OrderRoomAck) => void) => void;
  "subscribe:orders": (payload: NoPayload, ack: (ack: Ack<RoomResult>) => void) => void;
  "subscribe:admin": (payload: NoPayload, ack: (ack: Ack<RoomResult>) => void) => void;
  "request:stats": (payload: NoPayload, ack: (ack: Ack<Stats>) => void) => void;
  resume: (payload: Resume, ack: (ack: Ack<ResumeResult>) => void) => void;
}

/** The events that carry an `eventId` (outbox-born), for client-side dedup and resume. */
export const outboxEvents = [
  "order:created",
  "order:updated",
  "order:cancelled",
  "inventory:updated",
  "product:created",
  "product:updated",
  "notification",
  "admin:order:created",
  "admin:order:updated",
  "admin:inventory:updated",
  "admin:alert",
] as const satisfies readonly (keyof NotificationsServerToClient)[];
export type OutboxEvent = (typeof outboxEvents)[number];

/** The notification centre's newest page: what the bell and the history page start from. */
export const NOTIFICATION_PAGE_SIZE = 20;

/** A product is low when a change brings its stock to the threshold or under it. */
export const crossesLowStock = (p: { stock: number; previousStock: number; lowStockThreshold: number }) =>
  p.stock <= p.lowStockThreshold && p.previousStock > p.lowStockThreshold;
