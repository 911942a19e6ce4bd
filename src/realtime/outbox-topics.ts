import { z } from "zod";

/**
 * The events that leave the database through the outbox. Each topic's payload schema is the
 * contract between whoever writes it (storefront, live shows) and the notifications service,
 * which emits `order.created` as the socket event `order:created`, and so on.
 */
export const orderStatusSchema = z.enum(["PENDING", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"]);

const orderSummary = {
  orderId: z.string(),
  number: z.number().int(),
  userId: z.string(),
  status: orderStatusSchema,
  totalCents: z.number().int(),
};

export const outboxPayloadSchemas = {
  "order.created": z.object({ ...orderSummary, itemCount: z.number().int() }),
  "order.updated": z.object({ ...orderSummary, previousStatus: orderStatusSchema }),
  "order.cancelled": z.object({ ...orderSummary, previousStatus: orderStatusSchema }),
  "inventory.updated": z.object({
    productId: z.string(),
    sku: z.string(),
    productName: z.string(),
    stock: z.number().int(),
    previousStock: z.number().int(),
    lowStockThreshold: z.number().int(),
  }),
  "product.created": z.object({ productId: z.string(), sku: z.string(), name: z.string(), priceCents: z.number().int(), stock: z.number().int() }),
  "product.updated": z.object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    priceCents: z.number().int(),
    stock: z.number().int(),
    status: z.string(),
  }),
  /** A message for one user's notification centre (show reminders, test notifications, …). */
  notification: z.object({ userId: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable() }),
  /** Alerts for admins (low stock, stuck orders, instance down). */
  "admin.alert": z.object({ kind: z.string(), severity: z.enum(["info", "warning", "critical"]), message: z.string(), ref: z.string().nullable() }),
} as const;

export type OutboxTopic = keyof typeof outboxPayloadSchemas;
export type OutboxPayload<T extends OutboxTopic> = z.infer<(typeof outboxPayloadSchemas)[T]>;

/** Who may receive an outbox event; the notifications service maps each to rooms. */
export interface OutboxScope {
  userId?: string | null;
  orderId?: string | null;
  productId?: string | null;
  admin?: boolean;
  everyone?: boolean;
}

/** An outbox event as it travels to sockets: its id is the client's resume point. */
export interface OutboxEnvelope<T extends OutboxTopic = OutboxTopic> {
  id: number;
  topic: T;
  payload: OutboxPayload<T>;
  createdAt: string;
}
