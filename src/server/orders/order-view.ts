import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { orderStatusSchema } from "@/realtime/outbox-topics";
import { shippingAddressSchema } from "@/server/checkout/checkout-schema";
import { lineTotalCents } from "@/server/orders/pricing";
import { nextStatuses } from "@/server/orders/state-machine";

export const orderInclude = {
  items: { include: { product: { select: { slug: true, imageUrl: true } } } },
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  user: { select: { name: true, email: true } },
} as const satisfies Prisma.OrderInclude;

type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export const orderEventSchema = z.object({
  id: z.string(),
  from: orderStatusSchema.nullable(),
  to: orderStatusSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const orderViewSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  userId: z.string(),
  customer: z.object({ name: z.string(), email: z.string().nullable() }),
  status: orderStatusSchema,
  subtotalCents: z.number().int(),
  shippingCents: z.number().int(),
  totalCents: z.number().int(),
  shippingAddress: shippingAddressSchema,
  paymentLast4: z.string(),
  createdAt: z.string(),
  statusChangedAt: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      name: z.string(),
      slug: z.string(),
      imageUrl: z.string(),
      unitPriceCents: z.number().int(),
      quantity: z.number().int(),
      lineTotalCents: z.number().int(),
      offerClaimId: z.string().nullable(),
    }),
  ),
  events: z.array(orderEventSchema),
  /** The statuses the state machine allows next (what an admin may choose). */
  nextStatuses: z.array(orderStatusSchema),
});
export type OrderView = z.infer<typeof orderViewSchema>;
export type OrderEvent = z.infer<typeof orderEventSchema>;

export function toOrderView(order: OrderRow): OrderView {
  return {
    id: order.id,
    number: order.number,
    userId: order.userId,
    customer: { name: order.user.name, email: order.user.email },
    status: order.status,
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    shippingAddress: shippingAddressSchema.parse(JSON.parse(order.shippingAddress)),
    paymentLast4: order.paymentLast4,
    createdAt: order.createdAt.toISOString(),
    statusChangedAt: order.statusChangedAt.toISOString(),
    items: order.items.map((item) => ({
      id: item.id,
      productId: item.productId,
      name: item.name,
      slug: item.product.slug,
      imageUrl: item.product.imageUrl,
      unitPriceCents: item.unitPriceCents,
      quantity: item.quantity,
      lineTotalCents: lineTotalCents(item),
      offerClaimId: item.offerClaimId,
    })),
    events: order.events.map((event) => ({ id: event.id, from: event.from, to: event.to, note: event.note, createdAt: event.createdAt.toISOString() })),
    nextStatuses: [...nextStatuses(order.status)],
  };
}
